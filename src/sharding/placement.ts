/** A rule that says which shard holds a key: hash % n, or a hash ring. */
export interface Placement {
  readonly shards: readonly string[];
  /** The shard that holds `key`. */
  shardFor(key: string): string;
  /** The same, from the key's murmur3Hash, for callers that place one key set many times. */
  shardForHash(hash: number): string;
}
