import { HashRing } from './hash-ring.ts';
import { loadSpread, type LoadSpread } from './load-spread.ts';
import { ModuloPlacement } from './modulo-placement.ts';
import { murmur3Hash } from './murmur3-hash.ts';
import type { Placement } from './placement.ts';

export interface ReshardingOptions {
  /** How many keys to place: "account:1" … "account:<keyCount>". */
  keyCount: number;
  /** Shards before one more is added. */
  shardCount: number;
  /** Points per shard on the ring, one row each. */
  virtualNodeCounts: readonly number[];
}

export interface PlacementFigures {
  /** `modulo` for hash % n, `ring` for consistent hashing. */
  kind: 'modulo' | 'ring';
  /** Points per shard on the ring; absent for modulo. */
  virtualNodes?: number;
  /** Share of the keys that change shard when shard n + 1 joins. */
  moved: number;
  /** Share of the moved keys that went to the new shard (1 for a ring). */
  movedToNewShard: number;
  /** Keys per shard after the new shard joined. */
  spread: LoadSpread;
}

export interface ReshardingFigures {
  keyCount: number;
  shardsBefore: number;
  shardsAfter: number;
  /** What the theory expects: n / (n + 1) of the keys move with modulo, 1 / (n + 1) with a ring. */
  expectedMoved: { modulo: number; ring: number };
  rows: PlacementFigures[];
}

/** "shard-0" … "shard-<count - 1>". */
export function shardNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `shard-${i}`);
}

/**
 * Places `keyCount` keys on `shardCount` shards, adds one shard, and measures what moved and
 * how evenly the keys are spread afterwards: once for hash % n and once per ring size. The
 * page's table (computed at build time) and the unit tests both read these figures.
 */
export function reshardingFigures({
  keyCount,
  shardCount,
  virtualNodeCounts,
}: ReshardingOptions): ReshardingFigures {
  // Each key is hashed once; every placement below starts from these hashes.
  const hashes = Array.from({ length: keyCount }, (_, i) => murmur3Hash(`account:${i + 1}`));
  const before = shardNames(shardCount);
  const after = shardNames(shardCount + 1);
  const newShard = after[shardCount]!;

  const measure = (old: Placement, next: Placement): Omit<PlacementFigures, 'kind' | 'virtualNodes'> => {
    let moved = 0;
    let toNew = 0;
    for (const hash of hashes) {
      const to = next.shardForHash(hash);
      if (old.shardForHash(hash) !== to) {
        moved++;
        if (to === newShard) toNew++;
      }
    }
    return {
      moved: moved / keyCount,
      movedToNewShard: moved === 0 ? 0 : toNew / moved,
      spread: loadSpread(hashes, (hash) => next.shardForHash(hash), after),
    };
  };

  const rows: PlacementFigures[] = [
    { kind: 'modulo', ...measure(new ModuloPlacement(before), new ModuloPlacement(after)) },
  ];
  for (const virtualNodes of virtualNodeCounts) {
    rows.push({
      kind: 'ring',
      virtualNodes,
      ...measure(new HashRing(before, virtualNodes), new HashRing(after, virtualNodes)),
    });
  }
  return {
    keyCount,
    shardsBefore: shardCount,
    shardsAfter: shardCount + 1,
    expectedMoved: { modulo: shardCount / (shardCount + 1), ring: 1 / (shardCount + 1) },
    rows,
  };
}
