import { murmur3Hash } from './murmur3-hash.ts';
import type { Placement } from './placement.ts';

/**
 * The plain way to pick a shard: hash the key and take the remainder by the number of shards.
 * Every key's shard depends on the count, so changing the count moves most keys.
 *
 * @example
 * const placement = new ModuloPlacement(['shard-0', 'shard-1', 'shard-2', 'shard-3']);
 * placement.shardFor('account:42') // shards[murmur3Hash('account:42') % 4]
 */
export class ModuloPlacement implements Placement {
  readonly shards: readonly string[];

  constructor(shards: readonly string[]) {
    if (shards.length === 0) throw new Error('placement needs at least one shard');
    this.shards = [...shards];
  }

  shardFor(key: string): string {
    return this.shardForHash(murmur3Hash(key));
  }

  shardForHash(hash: number): string {
    return this.shards[hash % this.shards.length]!;
  }
}
