import { z } from 'astro/zod';
import { kebabId } from '../content/guideline-schema.ts';

/** Where an item is explained: a guideline slug and a heading anchor on that page. */
export const guidelineLinkSchema = z
  .object({ page: kebabId, heading: z.string().regex(/^[a-z0-9-]+$/) })
  .strict();

export const checklistItemSchema = z
  .object({
    id: kebabId,
    text: z.string().min(10),
    /** The short fix, in one sentence: what to change when the item is not met. */
    fix: z.string().min(10).max(240).optional(),
    /** Absent until the guideline that explains the item is written: no placeholder pages. */
    guideline: guidelineLinkSchema.optional(),
  })
  .strict();

export const checklistGroupSchema = z
  .object({
    id: kebabId,
    title: z.string().min(3),
    order: z.number().int().nonnegative(),
    items: z.array(checklistItemSchema).min(1),
  })
  .strict();

/** `content/checklist.yaml`: a list of groups, each with its items. */
export const checklistSchema = z.array(checklistGroupSchema).min(1);

export type ChecklistItem = z.infer<typeof checklistItemSchema>;
export type ChecklistGroup = z.infer<typeof checklistGroupSchema>;
