import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { gunzip, isGzip } from '../../src/engine/archive-download.ts';

describe('a downloaded dataset archive', () => {
  const tar = new TextEncoder().encode('a tar archive, as PGlite dumps its data directory');

  test('gzip bytes are recognized and unpacked to the tar', async () => {
    const download = new Blob([gzipSync(tar)]);
    expect(await isGzip(download)).toBe(true);
    expect(new Uint8Array(await (await gunzip(download)).arrayBuffer())).toEqual(tar);
  });

  test('a tar the browser already unpacked (Content-Encoding: gzip) is not gzip', async () => {
    expect(await isGzip(new Blob([tar]))).toBe(false);
    expect(await isGzip(new Blob([new Uint8Array([0x1f])]))).toBe(false);
  });
});
