/**
 * Where the checklist page keeps the review it is working on, and where guideline pages read it
 * from: one encoded state (src/checklist/checklist-state.ts) in localStorage. A browser that
 * refuses storage (private modes, blocked cookies) still gets a working page, just unsaved.
 */
export const REVIEW_STORAGE_KEY = 'round-trip-checklist-review';

export type StoredReview =
  { readonly available: true; readonly value: string | null } | { readonly available: false };

export function readStoredReview(): StoredReview {
  try {
    return { available: true, value: localStorage.getItem(REVIEW_STORAGE_KEY) };
  } catch {
    return { available: false };
  }
}

/** False when the browser would not save it. */
export function writeStoredReview(encoded: string): boolean {
  try {
    localStorage.setItem(REVIEW_STORAGE_KEY, encoded);
    return true;
  } catch {
    return false;
  }
}
