import { describe, expect, it } from 'vitest';
import { HashRing } from '../../src/sharding/hash-ring.ts';
import { loadSpread } from '../../src/sharding/load-spread.ts';
import { ModuloPlacement } from '../../src/sharding/modulo-placement.ts';
import { murmur3Hash } from '../../src/sharding/murmur3-hash.ts';
import { pageReshardingOptions } from '../../src/sharding/page-resharding-options.ts';
import {
  reshardingFigures,
  shardNames,
  type ReshardingFigures,
} from '../../src/sharding/resharding-figures.ts';

describe('murmur3Hash', () => {
  // Outputs of the reference implementation (MurmurHash3_x86_32), as published with it and
  // in the usual test-vector lists; the last two check the UTF-8 encoding and zero bytes.
  it.each([
    ['', 0, 0x00000000],
    ['', 1, 0x514e28b7],
    ['', 0xffffffff, 0x81f16f39],
    ['a', 0x9747b28c, 0x7fa09ea6],
    ['aa', 0x9747b28c, 0x5d211726],
    ['aaa', 0x9747b28c, 0x283e0130],
    ['aaaa', 0x9747b28c, 0x5a97808a],
    ['abcd', 0x9747b28c, 0xf0478627],
    ['Hello, world!', 0x9747b28c, 0x24884cba],
    ['The quick brown fox jumps over the lazy dog', 0x9747b28c, 0x2fa826cd],
    ['ππππππππ', 0x9747b28c, 0xd58063c1],
    ['\0\0\0\0', 0, 0x2362f9de],
  ])('%j with seed %i is the reference value', (key, seed, expected) => {
    expect(murmur3Hash(key, seed)).toBe(expected);
  });
});

describe('HashRing', () => {
  const keys = Array.from({ length: 20_000 }, (_, i) => `account:${i + 1}`);

  it('places a key on the same shard every time, whatever order the shards are listed in', () => {
    const ring = new HashRing(['a', 'b', 'c'], 50);
    const reordered = new HashRing(['c', 'a', 'b'], 50);
    for (const key of keys.slice(0, 2000)) {
      expect(ring.shardFor(key)).toBe(reordered.shardFor(key));
      expect(ring.shardFor(key)).toBe(ring.shardForHash(murmur3Hash(key)));
    }
  });

  it('moves keys only to the shard that joins, and only from a shard that leaves', () => {
    const four = new HashRing(shardNames(4), 100);
    const five = new HashRing(shardNames(5), 100);
    let moved = 0;
    for (const key of keys) {
      if (four.shardFor(key) === five.shardFor(key)) continue;
      moved++;
      expect(five.shardFor(key)).toBe('shard-4');
    }
    expect(moved).toBeGreaterThan(0);
    // Removing shard-1 from the four: only its keys move.
    const three = new HashRing(['shard-0', 'shard-2', 'shard-3'], 100);
    for (const key of keys) {
      if (four.shardFor(key) !== 'shard-1') expect(three.shardFor(key)).toBe(four.shardFor(key));
    }
  });

  it('refuses an empty ring, duplicate shards and a bad point count', () => {
    expect(() => new HashRing([], 10)).toThrow();
    expect(() => new HashRing(['a', 'a'], 10)).toThrow();
    expect(() => new HashRing(['a'], 0)).toThrow();
  });
});

describe('ModuloPlacement and loadSpread', () => {
  it('places hash % n and counts keys per shard', () => {
    const placement = new ModuloPlacement(shardNames(3));
    expect(placement.shardFor('abcd')).toBe(`shard-${murmur3Hash('abcd') % 3}`);
    const spread = loadSpread(['x', 'y', 'z', 'w'], (key) => (key === 'w' ? 'b' : 'a'), ['a', 'b', 'c']);
    expect(spread).toMatchObject({ counts: [3, 1, 0], max: 3, min: 0 });
    // mean 4/3, deviations 5/3, -1/3, -4/3: sqrt(42/27) / (4/3)
    expect(spread.coefficientOfVariation).toBeCloseTo(Math.sqrt(42 / 27) / (4 / 3), 10);
    expect(() => loadSpread(['x'], () => 'elsewhere', ['a'])).toThrow(/not one of the shards/);
  });
});

/**
 * The tolerances. With hash % n a key stays only when hash mod n equals hash mod (n + 1),
 * which is 1 residue in n + 1 (over the residues mod n(n + 1)), so n / (n + 1) of the keys move;
 * with K keys the measured share has a standard deviation of sqrt(p(1 - p) / K), 0.0013 for
 * p = 0.8 and K = 100,000, so ±0.01 is eight of them.
 *
 * On a ring the new shard takes the arcs in front of its V points. With N = (n + 1)·V random
 * points its share is Beta(V, N - V) distributed: mean 1 / (n + 1), standard deviation
 * sqrt(p(1 - p) / (N + 1)) (0.018 for n = 4 and V = 100, 0.0057 for V = 1,000). The test allows
 * four of those plus four for the key sample. For V = 1 and 10 that deviation is too large
 * to assert the mean, so those rows only have to keep every moved key on the new shard.
 *
 * The spread: a shard's share has a coefficient of variation of about sqrt(n / ((n + 1)·V)),
 * 0.89 / sqrt(V): 0.89, 0.28, 0.089, 0.028 for V = 1, 10, 100, 1,000; hash % n only has the
 * key-sample noise, sqrt((n + 1) / K) ≈ 0.007.
 */
function checkFigures(figures: ReshardingFigures) {
  const n = figures.shardsBefore;
  const keys = figures.keyCount;
  const [modulo, ...rings] = figures.rows;
  expect(modulo!.kind).toBe('modulo');
  expect(modulo!.moved).toBeGreaterThan(n / (n + 1) - 0.01);
  expect(modulo!.moved).toBeLessThan(n / (n + 1) + 0.01);
  expect(modulo!.spread.coefficientOfVariation).toBeLessThan(4 * Math.sqrt((n + 1) / keys));

  const p = 1 / (n + 1);
  for (const ring of rings) {
    expect(ring.kind).toBe('ring');
    expect(ring.movedToNewShard, `V = ${ring.virtualNodes}`).toBe(1);
    expect(ring.moved, `V = ${ring.virtualNodes}`).toBeLessThan(modulo!.moved);
    const V = ring.virtualNodes!;
    if (V < 100) continue;
    const tolerance = 4 * Math.sqrt((p * (1 - p)) / ((n + 1) * V + 1)) + 4 * Math.sqrt((p * (1 - p)) / keys);
    expect(Math.abs(ring.moved - p), `V = ${V}: moved ${ring.moved}`).toBeLessThan(tolerance);
  }
  // More points per shard, a more even spread: strictly, from each ring size to the next.
  const spreads = rings.map((ring) => ring.spread.coefficientOfVariation);
  for (let i = 1; i < spreads.length; i++)
    expect(spreads[i], `spreads ${spreads}`).toBeLessThan(spreads[i - 1]!);
  const largest = rings.at(-1)!;
  expect(largest.spread.coefficientOfVariation).toBeLessThan(
    2 * Math.sqrt(n / ((n + 1) * largest.virtualNodes!)),
  );
}

describe('resharding figures', () => {
  it('the figures on the "Before sharding" page: four shards become five', () => {
    const figures = reshardingFigures(pageReshardingOptions);
    expect(figures.keyCount).toBeGreaterThanOrEqual(100_000);
    expect(figures.expectedMoved).toEqual({ modulo: 0.8, ring: 0.2 });
    expect(figures.rows.map((row) => row.virtualNodes)).toEqual([undefined, 1, 10, 100, 1000]);
    checkFigures(figures);
  });

  it('the same laws with nine shards becoming ten', () => {
    checkFigures(
      reshardingFigures({ keyCount: 100_000, shardCount: 9, virtualNodeCounts: [1, 10, 100, 1000] }),
    );
  });
});
