import type { ItemStatus } from '../checklist/checklist-state.ts';

/**
 * The checklist's words, shared by the page as built (src/pages/checklist.astro) and the element
 * that updates it, so that what the first paint shows is what the element would write.
 */

/** How an item's state reads in print, in the guideline pages' box, and to screen readers. */
export function statusText(status: ItemStatus, reason = ''): string {
  switch (status) {
    case 'done':
      return 'Done';
    case 'na':
      return `Does not apply: ${reason.trim()}`;
    case 'na-without-reason':
      return 'Does not apply, but no reason given: counts as open';
    case 'open':
      return 'Open';
  }
}

export const REASON_HINT = 'Required: a few words, such as “this endpoint writes no rows”.';
export const REASON_MISSING = 'Give a reason. Until then this item counts as open.';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** The progress line above the list. */
export function progressText(counts: { total: number; done: number; na: number; missing: number }): string {
  const { total, done, na, missing } = counts;
  return (
    `${done + na} of ${total} items settled: ${done} done, ${na} not applying, ${total - done - na} open.` +
    (missing > 0
      ? ` ${plural(missing, 'item is', 'items are')} marked “does not apply” without a reason.`
      : '')
  );
}
