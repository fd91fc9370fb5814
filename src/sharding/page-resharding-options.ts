import type { ReshardingOptions } from './resharding-figures.ts';

/**
 * The run whose figures the "Before sharding" page shows (src/components/resharding-table.astro)
 * and tests/unit/consistent-hashing.test.ts asserts: 100,000 keys, a fifth shard added to four,
 * the ring with 1, 10, 100 and 1,000 points per shard.
 */
export const pageReshardingOptions: ReshardingOptions = {
  keyCount: 100_000,
  shardCount: 4,
  virtualNodeCounts: [1, 10, 100, 1000],
};
