const encoder = new TextEncoder();

/**
 * MurmurHash3, x86 32-bit variant (Austin Appleby's public-domain algorithm), over the UTF-8
 * bytes of `key`. Returns an unsigned 32-bit integer.
 *
 * Why murmur3 and not FNV-1a: a hash ring places labels that differ only in their last
 * characters ("shard-2#17", "shard-2#18"), and FNV-1a's final step multiplies the last byte's
 * change by 16,777,619 (about 2^24), so such labels land at regular offsets instead of scattered.
 * Murmur3's finalizer mixes every input bit into every output bit. It is small enough to own
 * (tested against the reference implementation's published outputs) rather than add a
 * dependency the site only needs at build time.
 *
 * @example
 * murmur3Hash('hello') // 613153351 (0x248bfa47)
 */
export function murmur3Hash(key: string, seed = 0): number {
  const bytes = encoder.encode(key);
  const blocks = bytes.length >>> 2;
  let h = seed >>> 0;
  for (let block = 0; block < blocks; block++) {
    const i = block * 4;
    let k = bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  const tail = blocks * 4;
  let k = 0;
  switch (bytes.length & 3) {
    case 3:
      k ^= bytes[tail + 2]! << 16;
    // falls through
    case 2:
      k ^= bytes[tail + 1]! << 8;
    // falls through
    case 1:
      k ^= bytes[tail]!;
      k = Math.imul(k, 0xcc9e2d51);
      k = (k << 15) | (k >>> 17);
      k = Math.imul(k, 0x1b873593);
      h ^= k;
  }
  h ^= bytes.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
