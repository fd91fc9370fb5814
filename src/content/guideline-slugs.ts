import { z } from 'astro/zod';
import { kebabId } from './guideline-schema.ts';
import { parseYamlSource } from './yaml-source.ts';

/** `content/guideline-slugs.yaml`: every published slug, and redirects for renamed pages. */
export const guidelineSlugsSchema = z
  .object({
    published: z.array(kebabId).min(1),
    redirects: z.record(kebabId, kebabId).default({}),
  })
  .strict();

export type GuidelineSlugs = z.infer<typeof guidelineSlugsSchema>;

/** The slugs from the text of `content/guideline-slugs.yaml`, validated. */
export const parseGuidelineSlugs = (source: string): GuidelineSlugs =>
  parseYamlSource(guidelineSlugsSchema, source, 'content/guideline-slugs.yaml');

/**
 * What is wrong with the slugs, as sentences; empty when every published URL still leads
 * somewhere and every page is published.
 *
 * @example
 * slugProblems({ published: ['old'], redirects: {} }, ['new']);
 * // ['"old" was published but has no page and no redirect', '"new" is not in published']
 */
export function slugProblems(slugs: GuidelineSlugs, pages: readonly string[]): string[] {
  const problems: string[] = [];
  const existing = new Set(pages);
  for (const slug of slugs.published) {
    if (!existing.has(slug) && !(slug in slugs.redirects)) {
      problems.push(`"${slug}" was published but has no page and no redirect`);
    }
  }
  for (const page of pages) {
    if (!slugs.published.includes(page)) problems.push(`"${page}" is not in published`);
  }
  for (const [from, to] of Object.entries(slugs.redirects)) {
    if (existing.has(from)) problems.push(`"${from}" redirects to "${to}" but is still a page`);
    if (!existing.has(to)) problems.push(`"${from}" redirects to "${to}", which is not a page`);
  }
  return problems;
}

/** Astro `redirects` entries for renamed guidelines. */
export function guidelineRedirects(slugs: GuidelineSlugs, base = '/'): Record<string, string> {
  const prefix = `${base.replace(/\/$/, '')}/guidelines/`;
  return Object.fromEntries(
    Object.entries(slugs.redirects).map(([from, to]) => [`/guidelines/${from}/`, `${prefix}${to}/`]),
  );
}
