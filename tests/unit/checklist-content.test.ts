import { describe, expect, it } from 'vitest';
import { checklistSchema } from '../../src/checklist/checklist-schema.ts';
import { guidelineSchema } from '../../src/content/guideline-schema.ts';
import { readChecklist } from '../../src/content/content-fs.ts';
import { readGuidelineFrontmatter } from '../support/content-files.ts';

const groups = readChecklist();
const items = groups.flatMap((group) => group.items);
const guidelines = new Map(
  [...readGuidelineFrontmatter()].map(([slug, data]) => [slug, guidelineSchema.parse(data)]),
);

describe('checklist content', () => {
  it('has unique ids across groups and items', () => {
    const ids = [...groups.map((g) => g.id), ...items.map((i) => i.id)];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has the four review groups, in order', () => {
    expect(groups.map((g) => g.id)).toEqual([
      'read-endpoint',
      'write-endpoint',
      'external-systems',
      'production-readiness',
    ]);
  });

  it('only lets guidelines back items that exist', () => {
    const known = new Set(items.map((i) => i.id));
    for (const [slug, data] of guidelines) {
      for (const id of data.checklist) expect(known.has(id), `${slug} backs unknown item ${id}`).toBe(true);
    }
  });

  it('links every item that has a guideline to a page that exists and backs it', () => {
    for (const item of items.filter((i) => i.guideline)) {
      const page = guidelines.get(item.guideline!.page);
      expect(page, `${item.id} links to missing page ${item.guideline!.page}`).toBeDefined();
      expect(page!.checklist, `${item.guideline!.page} does not list ${item.id}`).toContain(item.id);
    }
  });

  it('rejects an item with a malformed id or link', () => {
    const bad = [
      {
        id: 'g',
        title: 'Group',
        order: 1,
        items: [{ id: 'Bad Id', text: 'long enough text', fix: 'a fix in one sentence' }],
      },
    ];
    expect(checklistSchema.safeParse(bad).success).toBe(false);
    const badLink = [
      {
        id: 'g',
        title: 'Group',
        order: 1,
        items: [
          {
            id: 'ok',
            text: 'long enough text',
            fix: 'a fix in one sentence',
            guideline: { page: 'x', heading: '#Anchor' },
          },
        ],
      },
    ];
    expect(checklistSchema.safeParse(badLink).success).toBe(false);
  });

  it('rejects an item without a fix, and an id used twice', () => {
    const item = { id: 'ok', text: 'long enough text', fix: 'a fix in one sentence' };
    const group = { id: 'g', title: 'Group', order: 1, items: [item] };
    expect(checklistSchema.safeParse([group]).success).toBe(true);
    expect(checklistSchema.safeParse([{ ...group, items: [{ ...item, fix: undefined }] }]).success).toBe(
      false,
    );
    expect(checklistSchema.safeParse([group, { ...group, id: 'h' }]).error?.issues[0]?.message).toBe(
      'the id "ok" is used twice',
    );
  });
});
