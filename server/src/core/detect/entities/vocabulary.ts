/**
 * The distinct words of one document, each stored once. The tokenizer looks words up by their offsets in the
 * text, so a word seen before costs no string allocation, and every rule compares the same string objects.
 */

const APOSTROPHE = 39;
const TYPOGRAPHIC_APOSTROPHE = 0x2019;
const EMPTY_SLOT = -1;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** The hash of an empty word; `hashUnit` extends it one UTF-16 unit at a time. */
export const EMPTY_WORD_HASH = FNV_OFFSET;

/** Extends a word hash by one unit, so a scanner can hash a word while it finds its end. */
export function hashUnit(hash: number, code: number): number {
  return Math.imul(hash ^ foldApostrophe(code), FNV_PRIME);
}

export class Vocabulary {
  /** Word by id; typographic apostrophes are folded to "'" so lookups need one spelling. */
  readonly words: string[] = [];
  private slots = new Int32Array(1024).fill(EMPTY_SLOT);
  private hashes: number[] = [];

  /** Id of the word `text.slice(start, end)` (apostrophes folded), adding it when new. */
  idOf(text: string, start: number, end: number): number {
    let hash = EMPTY_WORD_HASH;
    for (let i = start; i < end; i++) hash = hashUnit(hash, text.charCodeAt(i));
    return this.idOfHashed(text, start, end, hash);
  }

  /** Same as idOf, for a caller that already hashed the word with `hashUnit`. */
  idOfHashed(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot]!;
      if (id === EMPTY_SLOT) return this.add(text, start, end, hash, slot);
      if (this.hashes[id] === hash && sameWord(this.words[id]!, text, start, end)) return id;
    }
  }

  private add(text: string, start: number, end: number, hash: number, slot: number): number {
    const id = this.words.length;
    const surface = text.slice(start, end);
    this.words.push(surface.includes('’') ? surface.replace(/’/g, "'") : surface);
    this.hashes.push(hash);
    this.slots[slot] = id;
    // Half full at most, so probe runs stay short.
    if (this.words.length * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(EMPTY_SLOT);
    const mask = this.slots.length - 1;
    for (let id = 0; id < this.hashes.length; id++) {
      let slot = this.hashes[id]! & mask;
      while (this.slots[slot] !== EMPTY_SLOT) slot = (slot + 1) & mask;
      this.slots[slot] = id;
    }
  }
}

function foldApostrophe(code: number): number {
  return code === TYPOGRAPHIC_APOSTROPHE ? APOSTROPHE : code;
}

function sameWord(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== foldApostrophe(text.charCodeAt(start + i))) return false;
  return true;
}
