import { z } from 'astro/zod';
import { kebabId } from '../content/guideline-schema.ts';
import { parseYamlSource } from '../content/yaml-source.ts';

/** Where an item is explained: a guideline slug and a heading anchor on that page. */
export const guidelineLinkSchema = z
  .object({ page: kebabId, heading: z.string().regex(/^[a-z0-9-]+$/) })
  .strict();

export const checklistItemSchema = z
  .object({
    id: kebabId,
    /** The rule: what is true of a change that satisfies the item. */
    text: z.string().min(10),
    /** The short fix, in one sentence: what to change when the item is not met. */
    fix: z.string().min(10).max(240),
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

/** `content/checklist.yaml`: a list of groups, each with its items; every id (group or item) once. */
export const checklistSchema = z
  .array(checklistGroupSchema)
  .min(1)
  .superRefine((groups, context) => {
    const seen = new Set<string>();
    for (const id of groups.flatMap((group) => [group.id, ...group.items.map((item) => item.id)])) {
      if (seen.has(id)) context.addIssue({ code: 'custom', message: `the id "${id}" is used twice` });
      seen.add(id);
    }
  });

export type ChecklistItem = z.infer<typeof checklistItemSchema>;
export type ChecklistGroup = z.infer<typeof checklistGroupSchema>;

/** The checklist from the text of `content/checklist.yaml`, validated, groups in their declared order. */
export const parseChecklist = (source: string): ChecklistGroup[] =>
  parseYamlSource(checklistSchema, source, 'content/checklist.yaml').sort((a, b) => a.order - b.order);
