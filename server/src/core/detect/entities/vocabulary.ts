/**
 * The distinct words of one document, each stored once. The tokenizer looks words up by their offsets in the
 * text, so a word seen before costs no string allocation, and every rule compares the same string objects.
 */
import { EMPTY_WORD_HASH, foldApostrophe, hashUnit } from '../shared/textScan';
import { isShoutedWord } from './wordCase';

const EMPTY_SLOT = 0;
const APOSTROPHE = 39;
const TYPOGRAPHIC_APOSTROPHE = 0x2019;
/** The integers of a slot: 1 + the id of the word in it (0 for an empty slot), its hash, and where its units start and end in the pool. */
const PER_SLOT = 4;
/** log2(PER_SLOT): a table's number of slots is its length shifted right by this. */
const SLOT_SHIFT = 2;
/** Tables start with room for at most this many words (a large document's grow as it is read). */
const MAX_INITIAL_WORDS = 1024;
/** The four integers of a word in Vocabulary.perWord. */
const PER_WORD = 4;
const START = 0;
const END = 1;
const HASH = 2;
const FACTS = 3;

// What the units of a word are, gathered while they are copied into the pool: a document's words are judged
// in that one pass instead of by string functions, rule by rule.
const LOWERCASE_OR_DIGIT = 1;
const ASCII_CAPITAL = 2;
const NON_ASCII = 4;
/** By ASCII unit, its LOWERCASE_OR_DIGIT or ASCII_CAPITAL bit. */
const ASCII_UNIT_BITS = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) ASCII_UNIT_BITS[code] = LOWERCASE_OR_DIGIT;
  else if (code >= 65 && code <= 90) ASCII_UNIT_BITS[code] = ASCII_CAPITAL;
}

/** Facts kept per word id. */
const SHOUTED_WORD = 1;
const NON_ASCII_WORD = 2;

export class Vocabulary {
  /** Word by id; typographic apostrophes are folded to "'" so lookups need one spelling. */
  readonly words: string[] = [];
  /** The units of every word, one after another (word `id`'s between its START and END). */
  private pool: Uint16Array;
  /**
   * By word id, four integers: where its units start and end in the pool, its hash and its facts (SHOUTED_WORD,
   * NON_ASCII_WORD). One array rather than four: a short article allocates each of them once, and the
   * allocations were a visible share of its detection.
   */
  private perWord: Int32Array;
  /**
   * Open addressing by hash, PER_SLOT integers a slot: 1 + the id of the word in it (0 for an empty slot, so a
   * fresh array needs no filling), its hash, and where its units lie in the pool; a token's word is compared
   * with the pool straight from its slot, with no look in perWord on the way.
   */
  private slots: Int32Array;
  private shoutedWords = 0;

  /**
   * `units` are the UTF-16 units of `text`, which words are looked up in by offsets. The tables start at the size
   * the text's length suggests (they grow as needed): a short article would spend more on zeroing large empty
   * tables than on its words.
   */
  constructor(
    private readonly text: string,
    private readonly units: Uint16Array,
    /** Room for this many words at first; by default what the text's length suggests. */
    initialWords?: number,
  ) {
    // English news uses about one distinct word in ten to fifteen characters.
    let words = 16;
    while (words < (initialWords ?? MAX_INITIAL_WORDS) && (initialWords !== undefined || words * 8 < text.length)) words *= 2;
    // The three tables share one buffer: one allocation instead of three, which a short article's reading felt.
    // A table that grows gets a buffer of its own.
    const perWordLength = words * PER_WORD;
    const slotsLength = 2 * words * PER_SLOT;
    const poolLength = Math.min(Math.max(text.length, 64), words * 8);
    const buffer = new ArrayBuffer(4 * (perWordLength + slotsLength) + 2 * poolLength);
    this.perWord = new Int32Array(buffer, 0, perWordLength);
    this.slots = new Int32Array(buffer, 4 * perWordLength, slotsLength);
    this.pool = new Uint16Array(buffer, 4 * (perWordLength + slotsLength), poolLength);
  }

  /** Whether word `id` has a character outside ASCII. */
  isAscii(id: number): boolean {
    return (this.perWord[id * PER_WORD + FACTS]! & NON_ASCII_WORD) === 0;
  }

  /** Id of the word text[start, end) (apostrophes folded), adding it when new. */
  idOf(start: number, end: number): number {
    let hash = EMPTY_WORD_HASH;
    for (let i = start; i < end; i++) hash = hashUnit(hash, this.units[i]!);
    return this.idOfHashed(start, end, hash);
  }

  /** Same as idOf, for a caller that already hashed the word with `hashUnit`. */
  idOfHashed(start: number, end: number, hash: number): number {
    const { slots } = this;
    const mask = (slots.length >> SLOT_SHIFT) - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const held = slots[slot * PER_SLOT]!;
      if (held === EMPTY_SLOT) return this.add(start, end, hash, slot);
      if (slots[slot * PER_SLOT + 1] === hash && this.isWordAt(slots[slot * PER_SLOT + 2]!, slots[slot * PER_SLOT + 3]!, start, end)) return held - 1;
    }
  }

  /** Whether pool[from, to) holds the word text[start, end) (apostrophes folded). */
  private isWordAt(from: number, to: number, start: number, end: number): boolean {
    const { pool, units } = this;
    let at = from;
    if (to - from !== end - start) return false;
    // Run for nearly every token (most are words seen before), so written as one tight loop over two cursors.
    for (let k = start; k < end; k++, at++) {
      const unit = units[k]!;
      const held = pool[at]!;
      // Folding is needed only where the units differ: the pool holds "'" where the text may have "’".
      if (held !== unit && (unit !== TYPOGRAPHIC_APOSTROPHE || held !== APOSTROPHE)) return false;
    }
    return true;
  }

  /** Whether word `id` is written in capitals ("KYIV", "O'BRIEN"): isShoutedWord of it, judged once. */
  isShouted(id: number): boolean {
    return (this.perWord[id * PER_WORD + FACTS]! & SHOUTED_WORD) !== 0;
  }

  /** Word `id`'s hash: `wordHash` of its string. */
  hashOf(id: number): number {
    return this.perWord[id * PER_WORD + HASH]!;
  }

  /** Whether any word is written in capitals: most documents have few such words, and some none. */
  get anyShouted(): boolean {
    return this.shoutedWords > 0;
  }

  /**
   * The id of word `id` lower-cased, or -1 when the document does not use that word; for a word of ASCII
   * characters, looked up by its units without lower-casing it into a string. A word with other characters is
   * looked up through its string (lower-casing may change its length).
   */
  idOfLowercase(id: number): number {
    if ((this.perWord[id * PER_WORD + FACTS]! & NON_ASCII_WORD) !== 0) return this.idOfWord(this.words[id]!.toLowerCase());
    const { pool, slots } = this;
    const from = this.perWord[id * PER_WORD + START]!;
    const to = this.perWord[id * PER_WORD + END]!;
    let hash = EMPTY_WORD_HASH;
    for (let k = from; k < to; k++) hash = hashUnit(hash, asciiLowercase(pool[k]!));
    const mask = (slots.length >> SLOT_SHIFT) - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const held = slots[slot * PER_SLOT]!;
      if (held === EMPTY_SLOT) return -1;
      if (slots[slot * PER_SLOT + 1] === hash && this.isLowercaseOf(held - 1, from, to)) return held - 1;
    }
  }

  /** The id of a word, or -1 when the document does not use it. */
  idOfWord(word: string): number {
    const hash = wordHash(word);
    const { slots } = this;
    const mask = (slots.length >> SLOT_SHIFT) - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const held = slots[slot * PER_SLOT]!;
      if (held === EMPTY_SLOT) return -1;
      if (slots[slot * PER_SLOT + 1] === hash && this.words[held - 1] === word) return held - 1;
    }
  }

  /** Word `id` is pool[from, to) lower-cased (ASCII). */
  private isLowercaseOf(id: number, from: number, to: number): boolean {
    const start = this.perWord[id * PER_WORD + START]!;
    if (this.perWord[id * PER_WORD + END]! - start !== to - from) return false;
    for (let k = 0; k < to - from; k++) if (this.pool[start + k] !== asciiLowercase(this.pool[from + k]!)) return false;
    return true;
  }

  private add(start: number, end: number, hash: number, slot: number): number {
    const id = this.words.length;
    const from = id === 0 ? 0 : this.perWord[(id - 1) * PER_WORD + END]!;
    const to = from + end - start;
    if (to > this.pool.length) this.pool = grown(this.pool, Math.max(to, this.pool.length * 2));
    let unitBits = 0;
    let folded = false;
    for (let k = 0; k < end - start; k++) {
      const unit = this.units[start + k]!;
      const stored = foldApostrophe(unit);
      folded ||= stored !== unit;
      unitBits |= stored < 128 ? ASCII_UNIT_BITS[stored]! : NON_ASCII;
      this.pool[from + k] = stored;
    }
    const surface = this.text.slice(start, end);
    const word = folded ? surface.replace(/’/g, "'") : surface;
    this.words.push(word);
    if ((id + 1) * PER_WORD > this.perWord.length) this.perWord = grown(this.perWord, this.perWord.length * 2);
    // An ASCII word is in capitals when it has a capital and no lowercase letter or digit, and starts with a letter.
    const shouted = unitBits & NON_ASCII ? isShoutedWord(word) : unitBits === ASCII_CAPITAL && ASCII_UNIT_BITS[this.pool[from]!] === ASCII_CAPITAL;
    const at = id * PER_WORD;
    this.perWord[at + START] = from;
    this.perWord[at + END] = to;
    this.perWord[at + HASH] = hash;
    this.perWord[at + FACTS] = (shouted ? SHOUTED_WORD : 0) | (unitBits & NON_ASCII ? NON_ASCII_WORD : 0);
    if (shouted) this.shoutedWords++;
    this.slots[slot * PER_SLOT] = id + 1;
    this.slots[slot * PER_SLOT + 1] = hash;
    this.slots[slot * PER_SLOT + 2] = from;
    this.slots[slot * PER_SLOT + 3] = to;
    // Half full at most, so probe runs stay short.
    if (this.words.length * 2 > this.slots.length >> SLOT_SHIFT) this.rehash();
    return id;
  }

  private rehash(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    const mask = (this.slots.length >> SLOT_SHIFT) - 1;
    for (let at = 0; at < old.length; at += PER_SLOT) {
      if (old[at] === EMPTY_SLOT) continue;
      let slot = old[at + 1]! & mask;
      while (this.slots[slot * PER_SLOT] !== EMPTY_SLOT) slot = (slot + 1) & mask;
      for (let k = 0; k < PER_SLOT; k++) this.slots[slot * PER_SLOT + k] = old[at + k]!;
    }
  }
}

function grown<T extends Uint16Array | Int32Array>(array: T, capacity: number): T {
  const copy = array instanceof Uint16Array ? new Uint16Array(capacity) : new Int32Array(capacity);
  copy.set(array);
  return copy as T;
}

/** The hash a word is kept under: FNV-1a over its UTF-16 units (`hashUnit`), as the tokenizer hashes a word it reads. */
export function wordHash(word: string): number {
  let hash = EMPTY_WORD_HASH;
  for (let k = 0; k < word.length; k++) hash = hashUnit(hash, word.charCodeAt(k));
  return hash;
}

function asciiLowercase(code: number): number {
  return code >= 65 && code <= 90 ? code | 32 : code;
}
