import type { ChecklistGroup } from './checklist-schema.ts';

/**
 * How many checklist items link to a guideline, and the home page's sentence about it: it says
 * "every item" only while that is true.
 */
export function guidelineCoverage(groups: readonly Pick<ChecklistGroup, 'items'>[]): {
  readonly linked: number;
  readonly total: number;
  readonly sentence: string;
} {
  const items = groups.flatMap((group) => group.items);
  const linked = items.filter((item) => item.guideline).length;
  const total = items.length;
  const sentence =
    linked === total
      ? 'links every item to the guideline that explains it.'
      : `has ${total} ${total === 1 ? 'item' : 'items'}; ${linked} of them ${linked === 1 ? 'links' : 'link'} to the guideline that explains ${linked === 1 ? 'it' : 'them'}, and each item says what to fix.`;
  return { linked, total, sentence };
}
