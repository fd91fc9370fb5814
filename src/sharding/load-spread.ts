/** How evenly a placement spreads keys over its shards. */
export interface LoadSpread {
  /** Keys per shard, in the order the shards were given. */
  counts: number[];
  max: number;
  min: number;
  /** Standard deviation of the counts divided by their mean: 0 is a perfectly even spread. */
  coefficientOfVariation: number;
}

/**
 * Counts the keys each shard receives. A shard that receives no key counts as 0 (then `min`
 * is 0). Keys may be anything the placement takes: key strings, or their hashes.
 *
 * @example
 * loadSpread(keys, (key) => ring.shardFor(key), ring.shards).coefficientOfVariation
 */
export function loadSpread<Key>(
  keys: readonly Key[],
  placement: (key: Key) => string,
  shards: readonly string[],
): LoadSpread {
  if (keys.length === 0 || shards.length === 0) throw new Error('need keys and shards');
  const index = new Map(shards.map((shard, i) => [shard, i]));
  const counts = shards.map(() => 0);
  for (const key of keys) {
    const shard = placement(key);
    const i = index.get(shard);
    if (i === undefined) throw new Error(`placement returned "${shard}", not one of the shards`);
    counts[i]! += 1;
  }
  const mean = keys.length / shards.length;
  const variance = counts.reduce((sum, count) => sum + (count - mean) ** 2, 0) / shards.length;
  return {
    counts,
    max: Math.max(...counts),
    min: Math.min(...counts),
    coefficientOfVariation: Math.sqrt(variance) / mean,
  };
}
