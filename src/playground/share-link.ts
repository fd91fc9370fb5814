/**
 * Share links: a playground's edited variants in the URL fragment, so the code never reaches a
 * server (browsers do not send the fragment). The payload is JSON, compressed with the platform's
 * CompressionStream ('deflate-raw') and written in base64url:
 *
 *   #share/<example>/1.<base64url>
 *
 * Decoding checks everything a link can get wrong (cut short by a chat app, edited by hand, made
 * for another example, far too large) and says which, so the page can open the original code with
 * a notice instead of running or half-loading something.
 */

export const SHARE_PREFIX = 'share/';
const VERSION = '1';
/** The longest fragment accepted: far more than any edit needs, less than browsers refuse. */
export const MAX_LINK_CHARS = 64_000;
/** The most code a link may unpack to, in UTF-8 bytes (guards against a small link that inflates to gigabytes). */
export const MAX_SHARED_BYTES = 300_000;

export interface SharedCode {
  example: string;
  /** Variant id → its code. */
  variants: Record<string, string>;
}

export type DamagedWhy = 'malformed' | 'truncated' | 'too-large' | 'foreign';

export type DecodedShare =
  | { status: 'none' }
  | { status: 'ok'; variants: Record<string, string> }
  | { status: 'damaged'; why: DamagedWhy };

/** What the page says when a link cannot be opened. */
export const DAMAGED_NOTICES: Record<DamagedWhy, string> = {
  malformed: 'The link’s code could not be read (the link was changed or is not a Round Trip link).',
  truncated: 'The link’s code is incomplete: the link was cut short, perhaps by the app it was sent through.',
  'too-large': 'The link carries more code than the playground accepts.',
  foreign: 'The link’s code was made for another playground or another version of this one.',
};

async function pipe(bytes: Uint8Array, transform: CompressionStream | DecompressionStream, limit: number) {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(transform).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw new RangeError('too large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) out.set(chunk, (offset += chunk.byteLength) - chunk.byteLength);
  return out;
}

const toBase64Url = (bytes: Uint8Array) =>
  btoa(Array.from(bytes, (byte) => String.fromCharCode(byte)).join(''))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');

function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** The fragment (without '#') that carries these variants. */
export async function encodeShare(shared: SharedCode): Promise<string> {
  const json = JSON.stringify({
    v: 1,
    example: shared.example,
    // Lengths let the decoder tell a whole payload from a damaged one that still parses.
    variants: Object.entries(shared.variants).map(([id, code]) => ({ id, length: code.length, code })),
  });
  const bytes = new TextEncoder().encode(json);
  if (bytes.byteLength > MAX_SHARED_BYTES) throw new RangeError('The code is too large for a link.');
  const packed = await pipe(bytes, new CompressionStream('deflate-raw'), Infinity);
  const fragment = `${SHARE_PREFIX}${encodeURIComponent(shared.example)}/${VERSION}.${toBase64Url(packed)}`;
  if (fragment.length > MAX_LINK_CHARS) throw new RangeError('The code is too large for a link.');
  return fragment;
}

/** The example a fragment is for, or undefined when it is not a share link. */
export function sharedExample(fragment: string): string | undefined {
  const text = fragment.replace(/^#/, '');
  if (!text.startsWith(SHARE_PREFIX)) return undefined;
  const slash = text.indexOf('/', SHARE_PREFIX.length);
  if (slash < 0) return undefined;
  try {
    return decodeURIComponent(text.slice(SHARE_PREFIX.length, slash));
  } catch {
    return undefined;
  }
}

/**
 * Reads a fragment for one playground. `none` when it is not a share link for this example (the
 * playground leaves it to others); `damaged` with the reason when it is one and cannot be used.
 */
export async function decodeShare(
  fragment: string,
  playground: { example: string; variantIds: readonly string[] },
): Promise<DecodedShare> {
  const text = fragment.replace(/^#/, '');
  if (sharedExample(text) !== playground.example) return { status: 'none' };
  if (text.length > MAX_LINK_CHARS) return { status: 'damaged', why: 'too-large' };
  const payload = text.slice(SHARE_PREFIX.length + encodeURIComponent(playground.example).length + 1);
  const dot = payload.indexOf('.');
  if (dot < 0) return { status: 'damaged', why: 'malformed' };
  if (payload.slice(0, dot) !== VERSION) return { status: 'damaged', why: 'foreign' };
  const packed = fromBase64Url(payload.slice(dot + 1));
  if (!packed || packed.byteLength === 0) return { status: 'damaged', why: 'malformed' };

  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(
      await pipe(packed, new DecompressionStream('deflate-raw'), MAX_SHARED_BYTES),
    );
  } catch (error) {
    if (error instanceof RangeError) return { status: 'damaged', why: 'too-large' };
    // A deflate stream that ends early is the usual mark of a link cut short.
    return { status: 'damaged', why: 'truncated' };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return { status: 'damaged', why: 'truncated' };
  }
  const envelope = parsed as { v?: unknown; example?: unknown; variants?: unknown };
  if (envelope?.v !== 1 || !Array.isArray(envelope.variants)) return { status: 'damaged', why: 'malformed' };
  if (envelope.example !== playground.example) return { status: 'damaged', why: 'foreign' };
  const variants: Record<string, string> = {};
  for (const entry of envelope.variants as { id?: unknown; length?: unknown; code?: unknown }[]) {
    if (typeof entry?.id !== 'string' || typeof entry.code !== 'string' || typeof entry.length !== 'number')
      return { status: 'damaged', why: 'malformed' };
    if (!playground.variantIds.includes(entry.id)) return { status: 'damaged', why: 'foreign' };
    if (entry.code.length !== entry.length) return { status: 'damaged', why: 'truncated' };
    variants[entry.id] = entry.code;
  }
  if (Object.keys(variants).length === 0) return { status: 'damaged', why: 'malformed' };
  return { status: 'ok', variants };
}
