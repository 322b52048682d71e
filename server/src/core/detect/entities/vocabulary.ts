/**
 * The distinct words of one document, each stored once. The tokenizer looks words up by their offsets in the
 * text, so a word seen before costs no string allocation, and every rule compares the same string objects.
 */
import { EMPTY_WORD_HASH, foldApostrophe, hashUnit } from '../shared/textScan';

const EMPTY_SLOT = -1;

export class Vocabulary {
  /** Word by id; typographic apostrophes are folded to "'" so lookups need one spelling. */
  readonly words: string[] = [];
  /** The units of every word, one after another: word `id` is pool[poolStarts[id], poolStarts[id + 1]). */
  private pool = new Uint16Array(4096);
  private poolStarts = new Int32Array(1025);
  /** Open addressing by hash: the id of the word in each slot (or EMPTY_SLOT) and its hash, side by side. */
  private slotIds = new Int32Array(1024).fill(EMPTY_SLOT);
  private slotHashes = new Int32Array(1024);

  /** `units` are the UTF-16 units of `text`, which words are looked up in by offsets. */
  constructor(
    private readonly text: string,
    private readonly units: Uint16Array,
  ) {}

  /** Id of the word text[start, end) (apostrophes folded), adding it when new. */
  idOf(start: number, end: number): number {
    let hash = EMPTY_WORD_HASH;
    for (let i = start; i < end; i++) hash = hashUnit(hash, this.units[i]!);
    return this.idOfHashed(start, end, hash);
  }

  /** Same as idOf, for a caller that already hashed the word with `hashUnit`. */
  idOfHashed(start: number, end: number, hash: number): number {
    const mask = this.slotIds.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.slotIds[slot]!;
      if (id === EMPTY_SLOT) return this.add(start, end, hash, slot);
      if (this.slotHashes[slot] === hash && this.isWordAt(id, start, end)) return id;
    }
  }

  private isWordAt(id: number, start: number, end: number): boolean {
    const from = this.poolStarts[id]!;
    if (this.poolStarts[id + 1]! - from !== end - start) return false;
    const { pool, units } = this;
    for (let k = 0; k < end - start; k++) {
      const unit = units[start + k]!;
      // Folding is needed only where the units differ: the pool holds "'" where the text may have "’".
      if (pool[from + k] !== unit && pool[from + k] !== foldApostrophe(unit)) return false;
    }
    return true;
  }

  private add(start: number, end: number, hash: number, slot: number): number {
    const id = this.words.length;
    const surface = this.text.slice(start, end);
    this.words.push(surface.includes('’') ? surface.replace(/’/g, "'") : surface);
    const from = this.poolStarts[id]!;
    const to = from + end - start;
    if (to > this.pool.length) this.pool = grown(this.pool, Math.max(to, this.pool.length * 2));
    for (let k = 0; k < end - start; k++) this.pool[from + k] = foldApostrophe(this.units[start + k]!);
    if (id + 2 > this.poolStarts.length) this.poolStarts = grown(this.poolStarts, this.poolStarts.length * 2);
    this.poolStarts[id + 1] = to;
    this.slotIds[slot] = id;
    this.slotHashes[slot] = hash;
    // Half full at most, so probe runs stay short.
    if (this.words.length * 2 > this.slotIds.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const ids = this.slotIds;
    const hashes = this.slotHashes;
    this.slotIds = new Int32Array(ids.length * 2).fill(EMPTY_SLOT);
    this.slotHashes = new Int32Array(ids.length * 2);
    const mask = this.slotIds.length - 1;
    for (let old = 0; old < ids.length; old++) {
      if (ids[old] === EMPTY_SLOT) continue;
      let slot = hashes[old]! & mask;
      while (this.slotIds[slot] !== EMPTY_SLOT) slot = (slot + 1) & mask;
      this.slotIds[slot] = ids[old]!;
      this.slotHashes[slot] = hashes[old]!;
    }
  }
}

function grown<T extends Uint16Array | Int32Array>(array: T, capacity: number): T {
  const copy = array instanceof Uint16Array ? new Uint16Array(capacity) : new Int32Array(capacity);
  copy.set(array);
  return copy as T;
}
