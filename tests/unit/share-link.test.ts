import { describe, expect, it } from 'vitest';
import {
  decodeShare,
  encodeShare,
  MAX_LINK_CHARS,
  MAX_SHARED_BYTES,
  sharedExample,
} from '../../src/playground/share-link.ts';

const playground = { example: 'books-with-authors', variantIds: ['bad', 'good'] };
const code = `import { sql } from 'kysely';\n// «ünïcode» ✓ 🙂\nexport default async ({ db, n }) => db.selectFrom('books').selectAll().limit(n).execute();\n`;

/** Deflate-raw + base64url of arbitrary text, for payloads the encoder would never write. */
async function pack(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return Buffer.from(bytes).toString('base64url');
}

describe('share links', () => {
  it('round-trips edited variants through the fragment, unicode included', async () => {
    const fragment = await encodeShare({ example: playground.example, variants: { good: code, bad: '' } });
    expect(fragment).toMatch(/^share\/books-with-authors\/1\.[A-Za-z0-9_-]+$/);
    expect(sharedExample(`#${fragment}`)).toBe('books-with-authors');
    expect(await decodeShare(`#${fragment}`, playground)).toEqual({
      status: 'ok',
      variants: { good: code, bad: '' },
    });
  });

  it('compresses: a typical variant makes a link of a few hundred characters', async () => {
    const long = code.repeat(20);
    const fragment = await encodeShare({ example: playground.example, variants: { good: long } });
    expect(fragment.length).toBeLessThan(long.length / 4);
  });

  it('leaves fragments that are not share links for this playground alone', async () => {
    const other = await encodeShare({ example: 'other-example', variants: { good: code } });
    expect(await decodeShare(other, playground)).toEqual({ status: 'none' });
    expect(await decodeShare('#why-it-happens', playground)).toEqual({ status: 'none' });
    expect(await decodeShare('', playground)).toEqual({ status: 'none' });
  });

  it('recognises a link cut short, wherever it was cut', async () => {
    const fragment = await encodeShare({ example: playground.example, variants: { good: code.repeat(5) } });
    const head = 'share/books-with-authors/1.'.length;
    for (const keep of [head + 1, head + 10, Math.floor((head + fragment.length) / 2), fragment.length - 2]) {
      const decoded = await decodeShare(fragment.slice(0, keep), playground);
      expect(decoded.status, `cut at ${keep}`).toBe('damaged');
      expect(['truncated', 'malformed']).toContain((decoded as { why: string }).why);
    }
    expect(await decodeShare(fragment.slice(0, fragment.length - 6), playground)).toEqual({
      status: 'damaged',
      why: 'truncated',
    });
  });

  it('recognises damaged and hand-made payloads', async () => {
    const base = 'share/books-with-authors/';
    expect(await decodeShare(`${base}1.not*base64!`, playground)).toEqual({
      status: 'damaged',
      why: 'malformed',
    });
    expect(await decodeShare(`${base}nodot`, playground)).toEqual({ status: 'damaged', why: 'malformed' });
    expect(await decodeShare(`${base}1.`, playground)).toEqual({ status: 'damaged', why: 'malformed' });
    expect(
      await decodeShare(`${base}1.${Buffer.from('plain text').toString('base64url')}`, playground),
    ).toEqual({
      status: 'damaged',
      why: 'truncated',
    });
    expect(await decodeShare(`${base}1.${await pack('{"v":1,')}`, playground)).toEqual({
      status: 'damaged',
      why: 'truncated',
    });
    expect(await decodeShare(`${base}1.${await pack('[1,2,3]')}`, playground)).toEqual({
      status: 'damaged',
      why: 'malformed',
    });
    const wrongLength = JSON.stringify({
      v: 1,
      example: playground.example,
      variants: [{ id: 'good', length: 99, code: 'x' }],
    });
    expect(await decodeShare(`${base}1.${await pack(wrongLength)}`, playground)).toEqual({
      status: 'damaged',
      why: 'truncated',
    });
  });

  it('refuses links made for another playground or version', async () => {
    const base = 'share/books-with-authors/';
    expect(await decodeShare(`${base}2.${await pack('{}')}`, playground)).toEqual({
      status: 'damaged',
      why: 'foreign',
    });
    const otherVariant = await encodeShare({ example: playground.example, variants: { fast: code } });
    expect(await decodeShare(otherVariant, playground)).toEqual({ status: 'damaged', why: 'foreign' });
    const relabelled = JSON.stringify({
      v: 1,
      example: 'other',
      variants: [{ id: 'good', length: 1, code: 'x' }],
    });
    expect(await decodeShare(`${base}1.${await pack(relabelled)}`, playground)).toEqual({
      status: 'damaged',
      why: 'foreign',
    });
  });

  it('refuses oversized links and payloads that inflate past the limit (a compression bomb)', async () => {
    const base = 'share/books-with-authors/';
    expect(await decodeShare(`${base}1.${'A'.repeat(MAX_LINK_CHARS)}`, playground)).toEqual({
      status: 'damaged',
      why: 'too-large',
    });
    const bomb = await pack(' '.repeat(MAX_SHARED_BYTES * 10));
    expect(bomb.length).toBeLessThan(MAX_LINK_CHARS);
    expect(await decodeShare(`${base}1.${bomb}`, playground)).toEqual({
      status: 'damaged',
      why: 'too-large',
    });
    await expect(
      encodeShare({ example: playground.example, variants: { good: 'x'.repeat(MAX_SHARED_BYTES) } }),
    ).rejects.toThrow(/too large for a link/);
  });
});
