import { describe, expect, it } from 'vitest';
import { guidelineSchema } from '../../src/content/guideline-schema.ts';
import { readGuidelineFrontmatter } from '../support/content-files.ts';

const valid = {
  title: 'A guideline',
  summary: 'One line that says what the page teaches.',
  rule: 'The rule, in one sentence.',
  fix: 'The fix, in one sentence.',
  area: 'reads',
  order: 1,
  checklist: ['read-join-foreign-keys'],
  related: [],
};

describe('guideline frontmatter schema', () => {
  it('accepts a complete frontmatter block', () => {
    expect(guidelineSchema.safeParse(valid).success).toBe(true);
  });

  it.each([
    ['an unknown area', { ...valid, area: 'caching' }],
    ['a missing title', { ...valid, title: undefined }],
    ['a two-line summary', { ...valid, summary: 'first line\nsecond line of the summary' }],
    ['a fractional order', { ...valid, order: 1.5 }],
    ['a checklist id that is not kebab-case', { ...valid, checklist: ['Read_Join'] }],
    ['an unknown key (a typo)', { ...valid, sumary: 'x' }],
    ['no rule (the box under the title needs it)', { ...valid, rule: undefined }],
    ['no fix (the box under the title needs it)', { ...valid, fix: undefined }],
  ])('rejects %s', (_, frontmatter) => {
    expect(guidelineSchema.safeParse(frontmatter).success).toBe(false);
  });

  it('accepts every guideline in content/guidelines', () => {
    const pages = readGuidelineFrontmatter();
    expect(pages.size).toBeGreaterThan(0);
    for (const [slug, frontmatter] of pages) {
      const result = guidelineSchema.safeParse(frontmatter);
      expect(result.success, `${slug}: ${result.error?.message}`).toBe(true);
    }
  });

  it('uses permanent, URL-safe slugs', () => {
    for (const slug of readGuidelineFrontmatter().keys()) {
      expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
  });

  it('links related guidelines that exist and are not the page itself', () => {
    const pages = readGuidelineFrontmatter();
    for (const [slug, frontmatter] of pages) {
      for (const related of guidelineSchema.parse(frontmatter).related) {
        expect(related, `${slug} relates to itself`).not.toBe(slug);
        expect(pages.has(related), `${slug} relates to missing ${related}`).toBe(true);
      }
    }
  });
});
