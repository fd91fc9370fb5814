/**
 * The state of one review of the pre-merge checklist, and its text encoding.
 *
 * Pure: no DOM, no storage. The same encoded string is kept in localStorage and carried in the
 * checklist page's URL (`/checklist/?s=<encoded>`), so a reviewer opens exactly what the author saw.
 *
 * Encoding, version 1: `1.` followed by base64url (no padding) of the UTF-8 bytes of a compact JSON
 * object whose keys are all optional and omitted when empty:
 *
 *     { "d": ["item-id", …],              items that are done
 *       "n": [["item-id", "reason"], …],  items that do not apply, with the reason as typed
 *       "x": ["group-id", …] }            groups left out of the exports
 *
 * Ids are sorted, so equal states encode to equal strings. A later version changes the number
 * before the dot; a value with another version is not guessed at, it is reported.
 */

export const STATE_VERSION = 1;
/** Longest reason kept, in UTF-16 code units: the same unit as the input's `maxlength`. */
export const MAX_REASON_LENGTH = 200;
/** Longer encoded values are refused unread (a URL or a storage value this long is not ours). */
export const MAX_ENCODED_LENGTH = 20_000;

/** An item that is open has no entry. A "does not apply" item may have an empty reason: that is invalid, not lost. */
export type ItemState = { readonly status: 'done' } | { readonly status: 'na'; readonly reason: string };

/** What a reader sees: an N/A item without a reason is incomplete and counts as open in exports. */
export type ItemStatus = 'open' | 'done' | 'na' | 'na-without-reason';

export interface ReviewState {
  readonly items: ReadonlyMap<string, ItemState>;
  /** Groups the reader left out of "Copy as Markdown" and the pull-request template. */
  readonly excludedGroups: ReadonlySet<string>;
}

/** The ids a decoded state may mention; anything else is dropped. */
export interface KnownIds {
  readonly items: ReadonlySet<string>;
  readonly groups: ReadonlySet<string>;
}

export type DecodeProblem = 'corrupt' | 'old-version' | 'newer-version' | 'too-long';

export type DecodeResult =
  | {
      readonly ok: true;
      readonly state: ReviewState;
      /** Item and group ids that were not known (removed from the checklist, or mistyped). */
      readonly droppedIds: readonly string[];
      /** Items whose reason was longer than MAX_REASON_LENGTH and was cut. */
      readonly shortenedReasons: readonly string[];
    }
  | { readonly ok: false; readonly problem: DecodeProblem };

const ID_SHAPE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// Control characters (newlines included) would break a Markdown list line.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

export const emptyState = (): ReviewState => ({ items: new Map(), excludedGroups: new Set() });

export function knownIdsOf(
  groups: readonly { readonly id: string; readonly items: readonly { readonly id: string }[] }[],
): KnownIds {
  return {
    groups: new Set(groups.map((group) => group.id)),
    items: new Set(groups.flatMap((group) => group.items.map((item) => item.id))),
  };
}

/** True when a reason says something: N/A without one reads as "forgot". */
export const hasReason = (reason: string): boolean => normalizeReason(reason).length > 0;

/** The reason as exported: one line, single spaces, trimmed. */
export const normalizeReason = (reason: string): string =>
  reason.replace(CONTROL_CHARACTERS, ' ').replace(/\s+/g, ' ').trim();

/** Cuts a reason to MAX_REASON_LENGTH without splitting a surrogate pair. */
export function clampReason(reason: string): string {
  if (reason.length <= MAX_REASON_LENGTH) return reason;
  let cut = reason.slice(0, MAX_REASON_LENGTH);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return cut;
}

export function itemStatus(state: ReviewState, id: string): ItemStatus {
  const item = state.items.get(id);
  if (!item) return 'open';
  if (item.status === 'done') return 'done';
  return hasReason(item.reason) ? 'na' : 'na-without-reason';
}

/** A new state with one item changed; `undefined` makes the item open again. */
export function withItem(state: ReviewState, id: string, item: ItemState | undefined): ReviewState {
  const items = new Map(state.items);
  if (item === undefined) items.delete(id);
  else items.set(id, item.status === 'na' ? { status: 'na', reason: clampReason(item.reason) } : item);
  return { ...state, items };
}

export function withGroupIncluded(state: ReviewState, groupId: string, included: boolean): ReviewState {
  const excludedGroups = new Set(state.excludedGroups);
  if (included) excludedGroups.delete(groupId);
  else excludedGroups.add(groupId);
  return { ...state, excludedGroups };
}

export const isEmptyState = (state: ReviewState): boolean =>
  state.items.size === 0 && state.excludedGroups.size === 0;

export function encodeState(state: ReviewState): string {
  const ids = [...state.items.keys()].sort();
  const done = ids.filter((id) => state.items.get(id)?.status === 'done');
  const na = ids.flatMap((id) => {
    const item = state.items.get(id);
    return item?.status === 'na' ? [[id, clampReason(item.reason)] as const] : [];
  });
  const payload: { d?: string[]; n?: (readonly [string, string])[]; x?: string[] } = {};
  if (done.length > 0) payload.d = done;
  if (na.length > 0) payload.n = na;
  if (state.excludedGroups.size > 0) payload.x = [...state.excludedGroups].sort();
  return `${STATE_VERSION}.${toBase64Url(JSON.stringify(payload))}`;
}

/**
 * Reads an encoded state, from storage or from a URL. Never throws: anything that is not a
 * version-1 state is reported as a problem, so the page can fall back to a clean checklist.
 * Without `known`, every well-formed id is kept (the guideline pages only look up their own).
 */
export function decodeState(encoded: string, known?: KnownIds): DecodeResult {
  if (encoded.length > MAX_ENCODED_LENGTH) return { ok: false, problem: 'too-long' };
  const match = /^(\d{1,6})\.([A-Za-z0-9_-]*)$/.exec(encoded.trim());
  if (!match) return { ok: false, problem: 'corrupt' };
  const version = Number(match[1]);
  if (version < STATE_VERSION) return { ok: false, problem: 'old-version' };
  if (version > STATE_VERSION) return { ok: false, problem: 'newer-version' };

  let payload: unknown;
  try {
    payload = JSON.parse(fromBase64Url(match[2]!));
  } catch {
    return { ok: false, problem: 'corrupt' };
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return { ok: false, problem: 'corrupt' };
  }
  const { d = [], n = [], x = [] } = payload as Record<string, unknown>;
  if (!isStringArray(d) || !isStringArray(x) || !Array.isArray(n)) return { ok: false, problem: 'corrupt' };
  if (!n.every((pair) => Array.isArray(pair) && pair.length === 2 && isStringArray(pair))) {
    return { ok: false, problem: 'corrupt' };
  }

  const dropped = new Set<string>();
  const shortened: string[] = [];
  const keepItem = (id: string) => {
    const keep = ID_SHAPE.test(id) && (known ? known.items.has(id) : true);
    if (!keep) dropped.add(id);
    return keep;
  };
  const items = new Map<string, ItemState>();
  for (const id of d) if (keepItem(id)) items.set(id, { status: 'done' });
  for (const [id, typed] of n as [string, string][]) {
    if (!keepItem(id)) continue;
    const reason = typed.replace(CONTROL_CHARACTERS, ' ');
    if (reason.length > MAX_REASON_LENGTH) shortened.push(id);
    items.set(id, { status: 'na', reason: clampReason(reason) });
  }
  const excludedGroups = new Set<string>();
  for (const id of x) {
    if (ID_SHAPE.test(id) && (known ? known.groups.has(id) : true)) excludedGroups.add(id);
    else dropped.add(id);
  }
  return {
    ok: true,
    state: { items, excludedGroups },
    droppedIds: [...dropped],
    shortenedReasons: shortened,
  };
}

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((entry) => typeof entry === 'string');

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Throws on bytes that are not UTF-8. */
function fromBase64Url(text: string): string {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}
