import { z } from 'astro/zod';

/** The five areas a guideline can belong to, in the order the nav shows them. */
export const AREAS = [
  { id: 'reads', title: 'Reading data' },
  { id: 'writes', title: 'Writing data' },
  { id: 'external-systems', title: 'External systems' },
  { id: 'infrastructure', title: 'Infrastructure' },
  { id: 'testing-and-monitoring', title: 'Testing & monitoring' },
] as const;

export type AreaId = (typeof AREAS)[number]['id'];

const areaIds = AREAS.map((area) => area.id) as [AreaId, ...AreaId[]];

/** Lower-case words joined by hyphens: the shape of every permanent id and slug. */
export const kebabId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case words joined by hyphens');

/**
 * Frontmatter of a guideline page (`content/guidelines/<slug>.mdx`).
 * The file name is the slug, and the slug is a permanent URL.
 *
 * @example
 * ---
 * title: "The N+1 query problem: following foreign keys"
 * summary: Load the rows a response touches with one join, not one query per row.
 * rule: A response that follows a foreign key per row loads those rows in the same query.
 * fix: Add select_related() for the foreign keys the response reads.
 * area: reads
 * order: 10
 * checklist: [read-join-foreign-keys]
 * related: [prefetch-related-rows]
 * ---
 */
export const guidelineSchema = z
  .object({
    title: z.string().min(3),
    summary: z
      .string()
      .min(10)
      .max(200)
      .refine((text) => !text.includes('\n'), 'the summary is one line'),
    /**
     * The rule in one sentence, and the fix in one sentence: the box under the title that a
     * reviewer arriving from a pull-request link reads before scrolling.
     */
    rule: z.string().min(10).max(240),
    fix: z.string().min(10).max(240),
    area: z.enum(areaIds),
    order: z.number().int().nonnegative(),
    checklist: z.array(kebabId).default([]),
    related: z.array(kebabId).default([]),
  })
  .strict();

export type GuidelineFrontmatter = z.infer<typeof guidelineSchema>;
