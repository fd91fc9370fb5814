import { murmur3Hash } from './murmur3-hash.ts';
import type { Placement } from './placement.ts';

/**
 * Consistent hashing: every shard is placed on a ring of 2^32 positions at `virtualNodes`
 * points (the hash of "<shard>#<i>"), and a key belongs to the first point at or after the
 * key's own hash, going round. Adding a shard adds its points; only the keys just before them
 * change owner, and they all move to the new shard.
 *
 * @example
 * const ring = new HashRing(['shard-0', 'shard-1', 'shard-2'], 100);
 * ring.shardFor('account:42') // 'shard-1', and the same on every call
 */
export class HashRing implements Placement {
  readonly shards: readonly string[];
  readonly virtualNodes: number;
  /** Point positions in ascending order, and the shard that owns each point. */
  readonly #positions: Uint32Array;
  readonly #owners: string[];

  constructor(shards: readonly string[], virtualNodes: number) {
    if (shards.length === 0) throw new Error('a ring needs at least one shard');
    if (new Set(shards).size !== shards.length) throw new Error('shard names must be unique');
    if (!Number.isInteger(virtualNodes) || virtualNodes < 1) {
      throw new Error(`virtualNodes must be a positive integer, not ${virtualNodes}`);
    }
    this.shards = [...shards];
    this.virtualNodes = virtualNodes;
    const points = shards.flatMap((shard) =>
      Array.from({ length: virtualNodes }, (_, i) => ({ position: murmur3Hash(`${shard}#${i}`), shard })),
    );
    // Ties (two points on one position) are settled by name, so the ring never depends on the
    // order the shards were listed in.
    points.sort((a, b) => a.position - b.position || (a.shard < b.shard ? -1 : a.shard > b.shard ? 1 : 0));
    this.#positions = Uint32Array.from(points, (point) => point.position);
    this.#owners = points.map((point) => point.shard);
  }

  /** The shard that owns `key`. */
  shardFor(key: string): string {
    return this.shardForHash(murmur3Hash(key));
  }

  shardForHash(hash: number): string {
    // Binary search for the first point at or after the hash; past the last point, wrap to 0.
    let low = 0;
    let high = this.#positions.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.#positions[middle]! < hash) low = middle + 1;
      else high = middle;
    }
    return this.#owners[low === this.#positions.length ? 0 : low]!;
  }
}
