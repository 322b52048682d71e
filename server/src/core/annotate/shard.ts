/**
 * A stable partition of a corpus's articles into N shards, for a pre-annotation run as N independent
 * jobs (`marginalia annotate --shard K/N`): an article is in shard
 *
 *     1 + (FNV-1a 32-bit hash of the UTF-8 bytes of its corpus path) mod N
 *
 * where its corpus path is its path relative to the corpus folder (the folder of its marginalia.json,
 * else the PATH given), '/'-separated. It depends on nothing else: not on the machine, the folder the
 * corpus is mounted at, the order of a listing, nor on which other articles exist, so every job of an
 * array picks its articles alone and no two jobs ever pick the same one.
 */

/** The shard (1 to `count`) of the article at `corpusPath` ('/'-separated, relative to its corpus folder). */
export function shardOf(corpusPath: string, count: number): number {
  return 1 + (fnv1a32(corpusPath) % count);
}

/** `K/N` with whole numbers 1 ≤ K ≤ N, else undefined. */
export function parseShard(text: string): { index: number; count: number } | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  if (!match) return undefined;
  const [index, count] = [Number(match[1]), Number(match[2])];
  return index >= 1 && index <= count && Number.isSafeInteger(count) ? { index, count } : undefined;
}

/** FNV-1a, 32 bits, over the UTF-8 bytes of `text`: a hash simple enough to compute again in any language. */
function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}
