import { describe, expect, it } from 'vitest';
import { guidelineRedirects, slugProblems } from '../../src/content/guideline-slugs.ts';
import { readGuidelineSlugs } from '../../src/content/content-fs.ts';
import { readGuidelineFrontmatter } from '../support/content-files.ts';

const slugs = readGuidelineSlugs();

describe('guideline slugs', () => {
  it('keeps every published URL working and every page published', () => {
    expect(slugProblems(slugs, [...readGuidelineFrontmatter().keys()])).toEqual([]);
  });

  it('catches a rename without a redirect', () => {
    expect(slugProblems({ published: ['old-name'], redirects: {} }, ['new-name'])).toEqual([
      '"old-name" was published but has no page and no redirect',
      '"new-name" is not in published',
    ]);
  });

  it('accepts a rename with a redirect, once the new slug is published', () => {
    expect(
      slugProblems({ published: ['old-name', 'new-name'], redirects: { 'old-name': 'new-name' } }, [
        'new-name',
      ]),
    ).toEqual([]);
  });

  it('rejects a redirect to a page that does not exist or from a page that does', () => {
    expect(slugProblems({ published: ['a', 'b'], redirects: { a: 'c', b: 'a' } }, ['a', 'b'])).toEqual([
      '"a" redirects to "c" but is still a page',
      '"a" redirects to "c", which is not a page',
      '"b" redirects to "a" but is still a page',
    ]);
  });

  it('builds Astro redirects under the base path', () => {
    expect(guidelineRedirects({ published: [], redirects: { 'old-name': 'new-name' } }, '/docs/')).toEqual({
      '/guidelines/old-name/': '/docs/guidelines/new-name/',
    });
  });
});
