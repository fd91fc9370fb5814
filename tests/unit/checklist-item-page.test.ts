import { describe, expect, it } from 'vitest';
import { guidelineCoverage } from '../../src/checklist/checklist-coverage.ts';
import { explanationOf, type GuidelineOutline } from '../../src/checklist/item-explanation.ts';
import { shortLinks } from '../../src/checklist/checklist-ledger.ts';
import { readChecklist, readLedger } from '../../src/content/content-fs.ts';

const fixtureRoot = new URL('../fixtures/checklist/', import.meta.url);
const outlines = new Map<string, GuidelineOutline>([
  [
    'n-plus-one-foreign-keys',
    {
      title: 'The N+1 query problem',
      headings: [
        { slug: 'why-it-happens', text: 'Why it happens' },
        { slug: 'the-fix-one-query-with-a-join', text: 'The fix: one query with a join' },
      ],
    },
  ],
]);

describe('the /c/<id>/ page of an item', () => {
  it('links straight to the heading that explains the item, with the page title and heading text', () => {
    const item = {
      id: 'read-join-foreign-keys',
      guideline: { page: 'n-plus-one-foreign-keys', heading: 'the-fix-one-query-with-a-join' },
    };
    expect(explanationOf(item, outlines)).toEqual({
      page: 'n-plus-one-foreign-keys',
      heading: 'the-fix-one-query-with-a-join',
      pageTitle: 'The N+1 query problem',
      headingText: 'The fix: one query with a join',
    });
  });

  it('has no explanation while the guideline is not written', () => {
    expect(explanationOf({ id: 'write-one-transaction', guideline: undefined }, outlines)).toBeUndefined();
  });

  it('fails the build when an item names a heading or a page that does not exist', () => {
    const page = 'n-plus-one-foreign-keys';
    expect(() => explanationOf({ id: 'a-b', guideline: { page, heading: 'the-fix' } }, outlines)).toThrow(
      'Checklist item "a-b" links to #the-fix on "n-plus-one-foreign-keys", which has no such heading. ' +
        'Its headings: why-it-happens, the-fix-one-query-with-a-join.',
    );
    expect(() => explanationOf({ id: 'a-b', guideline: { page: 'gone', heading: 'x' } }, outlines)).toThrow(
      /links to the guideline "gone", which does not exist/,
    );
  });

  it('gives a retired id (fixture ledger) a page that shows the item that replaced it', () => {
    const links = shortLinks(readLedger(fixtureRoot), readChecklist(fixtureRoot));
    expect(links.find((link) => link.id === 'read-no-n-plus-one')).toEqual({
      id: 'read-no-n-plus-one',
      target: 'read-join-foreign-keys',
      retired: true,
    });
  });
});

describe('the home page sentence about the checklist', () => {
  const item = (id: string, linked: boolean) => ({
    id,
    text: 'some item text',
    fix: 'some fix text',
    guideline: linked ? { page: 'p', heading: 'h' } : undefined,
  });

  it('says "every item" only when every item links to a guideline', () => {
    expect(guidelineCoverage([{ items: [item('a', true), item('b', true)] }]).sentence).toBe(
      'links every item to the guideline that explains it.',
    );
    expect(
      guidelineCoverage([{ items: [item('a', true)] }, { items: [item('b', false), item('c', false)] }]),
    ).toEqual({
      linked: 1,
      total: 3,
      sentence:
        'has 3 items; 1 of them links to the guideline that explains it, and each item says what to fix.',
    });
  });
});
