import { describe, expect, test } from 'vitest';
import { MIN_SHARED_BUFFERS_MB, sharedBuffersMb } from '../../src/engine/shared-buffers.ts';

const MB = 1024 * 1024;

describe('sharedBuffersMb', () => {
  test('a small dataset gets the floor', () => {
    // The library dataset: 2.7 MB of tables and indexes.
    expect(sharedBuffersMb(2.7 * MB)).toBe(MIN_SHARED_BUFFERS_MB);
    expect(sharedBuffersMb(0)).toBe(MIN_SHARED_BUFFERS_MB);
  });

  test('a larger dataset fits whole, with a quarter more and 4 MB for the catalogs', () => {
    // The events dataset: 19 MB → 23.75 MB + 4 MB, rounded up.
    expect(sharedBuffersMb(19 * MB)).toBe(28);
    for (const bytes of [5, 9.5, 19, 64, 300].map((mb) => mb * MB)) {
      const buffers = sharedBuffersMb(bytes) * MB;
      expect(buffers).toBeGreaterThanOrEqual(bytes * 1.25 + 4 * MB);
      expect(buffers).toBeLessThan(bytes * 1.25 + 5 * MB + MIN_SHARED_BUFFERS_MB * MB);
    }
  });

  test('never shrinks as the data grows', () => {
    let previous = 0;
    for (let mb = 0; mb <= 64; mb += 0.5) {
      const buffers = sharedBuffersMb(mb * MB);
      expect(buffers).toBeGreaterThanOrEqual(previous);
      previous = buffers;
    }
  });

  test('refuses what is not a size', () => {
    expect(() => sharedBuffersMb(-1)).toThrow('Not a dataset size');
    expect(() => sharedBuffersMb(Number.NaN)).toThrow('Not a dataset size');
  });
});
