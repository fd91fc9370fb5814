/**
 * Where the checklist page keeps the review it is working on, and where guideline pages read it
 * from: one encoded state (src/checklist/checklist-state.ts) in localStorage. A browser that
 * refuses storage (private modes, blocked cookies) still gets a working page, just unsaved.
 */
import type { StoredReview } from '../checklist/checklist-first-load.ts';

/** Storage keys are `round-trip:<feature>`. */
export const REVIEW_STORAGE_KEY = 'round-trip:checklist:review';
/** Where reviews were saved before the keys followed that rule; read once and moved. */
export const LEGACY_REVIEW_STORAGE_KEY = 'round-trip-checklist-review';

export function readStoredReview(): StoredReview {
  try {
    let value = localStorage.getItem(REVIEW_STORAGE_KEY);
    if (value === null) {
      value = localStorage.getItem(LEGACY_REVIEW_STORAGE_KEY);
      if (value !== null) {
        try {
          localStorage.setItem(REVIEW_STORAGE_KEY, value);
          localStorage.removeItem(LEGACY_REVIEW_STORAGE_KEY);
        } catch {}
      }
    }
    return { available: true, value };
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
