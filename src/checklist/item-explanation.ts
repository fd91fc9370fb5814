import type { ChecklistItem } from './checklist-schema.ts';

/** What the build knows of a guideline page: its title and its headings (anchor and text). */
export interface GuidelineOutline {
  readonly title: string;
  readonly headings: readonly { readonly slug: string; readonly text: string }[];
}

/** Where an item is explained: the guideline page and the heading its link lands on. */
export interface ItemExplanation {
  readonly page: string;
  readonly heading: string;
  readonly pageTitle: string;
  readonly headingText: string;
}

/**
 * The explanation of an item, or undefined while its guideline is not written. Throws when the
 * item names a page or a heading that does not exist, so a broken "why" link fails the build.
 */
export function explanationOf(
  item: Pick<ChecklistItem, 'id' | 'guideline'>,
  guidelines: ReadonlyMap<string, GuidelineOutline>,
): ItemExplanation | undefined {
  if (!item.guideline) return undefined;
  const { page, heading } = item.guideline;
  const outline = guidelines.get(page);
  if (!outline)
    throw new Error(`Checklist item "${item.id}" links to the guideline "${page}", which does not exist.`);
  const found = outline.headings.find((entry) => entry.slug === heading);
  if (!found) {
    throw new Error(
      `Checklist item "${item.id}" links to #${heading} on "${page}", which has no such heading. ` +
        `Its headings: ${outline.headings.map((entry) => entry.slug).join(', ')}.`,
    );
  }
  return { page, heading, pageTitle: outline.title, headingText: found.text };
}
