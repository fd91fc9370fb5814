/**
 * Edited variant code, kept in localStorage so that a reload or a closed tab loses nothing.
 * An edit is stored with its length, so a value that storage cut short (or an older save that
 * was cut at the limit) is recognised and never run as if it were whole. Storage can be full,
 * disabled or hold junk; every failure is reported, not thrown.
 */
const key = (example: string, variant: string) => `round-trip:edit:${example}:${variant}`;

/** The longest edit kept. Longer text is refused when saving, never cut. */
export const MAX_EDIT_CHARS = 100_000;

export type StoredEdit =
  | { status: 'none' }
  | { status: 'ok'; code: string }
  | { status: 'damaged'; why: 'truncated' | 'unreadable' };

/** The stored form of an edit: a small JSON envelope with the code's length. */
export function encodeEdit(code: string): string {
  return JSON.stringify({ v: 1, length: code.length, code });
}

/** Reads a stored edit, recognising cut and foreign values. */
export function decodeEdit(stored: string | null): StoredEdit {
  if (stored === null || stored === '') return { status: 'none' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    // Before the envelope, edits were stored as plain text and cut at the limit when longer.
    if (!stored.startsWith('{"v":')) {
      return stored.length >= MAX_EDIT_CHARS
        ? { status: 'damaged', why: 'truncated' }
        : { status: 'ok', code: stored };
    }
    return { status: 'damaged', why: 'truncated' };
  }
  const envelope = parsed as { v?: unknown; length?: unknown; code?: unknown };
  if (envelope?.v !== 1 || typeof envelope.code !== 'string' || typeof envelope.length !== 'number') {
    return { status: 'damaged', why: 'unreadable' };
  }
  if (envelope.code.length !== envelope.length) return { status: 'damaged', why: 'truncated' };
  return { status: 'ok', code: envelope.code };
}

export function loadEdit(example: string, variant: string): StoredEdit {
  try {
    return decodeEdit(localStorage.getItem(key(example, variant)));
  } catch {
    return { status: 'none' };
  }
}

export type SaveResult = 'saved' | 'removed' | 'refused' | 'too-long';

/** Saves an edit, or forgets it when the code is back to the original. */
export function saveEdit(example: string, variant: string, code: string, original: string): SaveResult {
  try {
    if (code === original) {
      localStorage.removeItem(key(example, variant));
      return 'removed';
    }
    if (code.length > MAX_EDIT_CHARS) return 'too-long';
    localStorage.setItem(key(example, variant), encodeEdit(code));
    return 'saved';
  } catch {
    return 'refused';
  }
}

export function forgetEdit(example: string, variant: string): void {
  try {
    localStorage.removeItem(key(example, variant));
  } catch {
    // Nothing stored, or storage is off: nothing to forget.
  }
}
