/**
 * What the checklist page does when it first loads, decided without touching the page: which
 * review to show (the one in the address, else the saved one, else a clean one), what to tell
 * the reader, whether to save, and whether to take the review out of the address.
 * Pure: the element (src/client/checklist-page.ts) reads the inputs and carries out the answer.
 */
import {
  decodeState,
  emptyState,
  MAX_REASON_LENGTH,
  type DecodeProblem,
  type DecodeResult,
  type KnownIds,
  type ReviewState,
} from './checklist-state.ts';

/** What storage gave: nothing usable when the browser refuses it (private modes, blocked cookies). */
export type StoredReview =
  { readonly available: true; readonly value: string | null } | { readonly available: false };

export interface FirstLoadInput {
  /** The address's `s` parameter (a review carried in a link), or null. */
  readonly fromUrl: string | null;
  readonly stored: StoredReview;
  readonly known: KnownIds;
}

export interface FirstLoad {
  readonly state: ReviewState;
  /** Sentences for the notice region; empty when there is nothing to say. */
  readonly notices: readonly string[];
  /** Save `state` now: a review opened from a link becomes the one saved in this browser. */
  readonly save: boolean;
  /** Take `s` out of the address, so a reload shows the saved review, edits included. */
  readonly removeFromAddress: boolean;
  /** Storage is refused; the notices already say so. */
  readonly storageRefused: boolean;
}

const PROBLEMS: Record<DecodeProblem, string> = {
  corrupt: 'it is damaged',
  'old-version': 'it was saved in an older format',
  'newer-version': 'it was saved by a newer version of this site',
  'too-long': 'it is too long',
};

export const STORAGE_REFUSED =
  'This browser does not let the page save your review. Use “Copy link to this review” to keep it.';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function cleanupNotices(decoded: Extract<DecodeResult, { ok: true }>, source: string): string[] {
  const notices: string[] = [];
  if (decoded.droppedIds.length > 0) {
    notices.push(
      `${plural(decoded.droppedIds.length, 'entry', 'entries')} in the ${source} named items or groups ` +
        'that are not on the checklist, and were left out.',
    );
  }
  if (decoded.shortenedReasons.length > 0) {
    const count = decoded.shortenedReasons.length;
    notices.push(
      `${plural(count, 'reason was', 'reasons were')} longer than ${MAX_REASON_LENGTH} characters and ` +
        `${count === 1 ? 'was' : 'were'} shortened.`,
    );
  }
  return notices;
}

export function firstLoad({ fromUrl, stored, known }: FirstLoadInput): FirstLoad {
  const notices: string[] = [];
  const storageRefused = !stored.available;

  if (fromUrl !== null) {
    const decoded = decodeState(fromUrl, known);
    if (decoded.ok) {
      notices.push(
        storageRefused
          ? 'Opened the review from the link.'
          : 'Opened the review from the link. It is now the review saved in this browser.',
        ...cleanupNotices(decoded, 'link'),
      );
      if (storageRefused) notices.push(STORAGE_REFUSED);
      return {
        state: decoded.state,
        notices,
        save: !storageRefused,
        removeFromAddress: true,
        storageRefused,
      };
    }
    notices.push(`The review in the link could not be opened: ${PROBLEMS[decoded.problem]}. It was ignored.`);
  }

  let state = emptyState();
  if (!stored.available) notices.push(STORAGE_REFUSED);
  else if (stored.value !== null) {
    const decoded = decodeState(stored.value, known);
    if (decoded.ok) {
      state = decoded.state;
      notices.push(...cleanupNotices(decoded, 'saved review'));
    } else {
      notices.push(
        `The review saved in this browser could not be read: ${PROBLEMS[decoded.problem]}. ` +
          'Showing a clean checklist; your next change replaces the saved review.',
      );
    }
  }
  return { state, notices, save: false, removeFromAddress: fromUrl !== null, storageRefused };
}
