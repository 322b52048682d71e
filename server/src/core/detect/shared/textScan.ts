/**
 * What the detectors share for reading text one UTF-16 unit at a time: tables of verdicts on characters
 * (a regex test per character would cap throughput far below what detection needs), the word hash that
 * scanners extend unit by unit while they find a word's end, and the hash filters built with it.
 */

// ---------------------------------------------------------------------------------------------
// Verdicts on characters, by UTF-16 unit

/** A table entry not yet worked out. */
const UNKNOWN = 0;
const UNITS = 65536;

/**
 * A class (1 to 255) for each UTF-16 unit, worked out by `classify` the first time the unit is seen and kept:
 * a text repeats a few hundred characters, so each costs one regex test per table at most.
 */
export class UnitClasses {
  private readonly known = new Uint8Array(UNITS);

  constructor(private readonly classify: (code: number) => number) {}

  of(code: number): number {
    const known = this.known[code]!;
    if (known !== UNKNOWN) return known;
    const found = this.classify(code);
    this.known[code] = found;
    return found;
  }
}

const IN = 1;
const OUT = 2;

/**
 * The UTF-16 units whose character `pattern` matches (one character, as String.fromCharCode gives it), worked out
 * as UnitClasses does; a table of its own rather than a UnitClasses, since scanners ask it about every character.
 */
export class UnitSet {
  private readonly known = new Uint8Array(UNITS);

  constructor(private readonly pattern: RegExp) {}

  has(code: number): boolean {
    const known = this.known[code]!;
    if (known !== UNKNOWN) return known === IN;
    const holds = this.pattern.test(String.fromCharCode(code));
    this.known[code] = holds ? IN : OUT;
    return holds;
  }
}

/** Kinds of unit in a wordCharacterKinds table. */
export const NOT_WORD = 0;
export const LETTER = 1;
export const DIGIT = 2;
export const UNDERSCORE = 3;

/**
 * The word characters of a regex \b without the u flag (ASCII letters, digits and "_"), as a fresh table by UTF-16
 * unit that a scanner may add kinds of its own to: one lookup per character instead of range tests.
 */
export function wordCharacterKinds(): Uint8Array {
  const kinds = new Uint8Array(UNITS);
  for (let code = 0; code < 128; code++) {
    if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) kinds[code] = LETTER;
    else if (isDigit(code)) kinds[code] = DIGIT;
  }
  kinds[95] = UNDERSCORE;
  return kinds;
}

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** "'" or the typographic "’". */
export function isApostrophe(code: number): boolean {
  return code === APOSTROPHE || code === TYPOGRAPHIC_APOSTROPHE;
}

/** What a regex \s matches (without the u flag): white space and line terminators. */
export function isWhitespace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

// ---------------------------------------------------------------------------------------------
// Word hashing
//
// Two hashes for two uses. Scanners test words against a hash filter while they read them, hashing every letter
// of a text on the way, so the filter hash takes the cheapest step there is (h × 31 + unit); FNV-1a costs the
// number detector a few percent there. The entity vocabulary keeps each distinct word in a table whose slot is
// the hash's low bits, which must be well mixed: words get FNV-1a.

const APOSTROPHE = 39;
const TYPOGRAPHIC_APOSTROPHE = 0x2019;
// As a signed 32-bit integer, like every hash Math.imul returns, so hashes stay small integers, never doubles.
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** The vocabulary hash of an empty word; `hashUnit` extends it one UTF-16 unit at a time. */
export const EMPTY_WORD_HASH = FNV_OFFSET;

/**
 * Extends a vocabulary hash (FNV-1a) by one unit, so that the entity tokenizer can hash a word while it finds its
 * end. The typographic apostrophe hashes as "'", since the vocabulary stores words with apostrophes folded.
 */
export function hashUnit(hash: number, code: number): number {
  return Math.imul(hash ^ foldApostrophe(code), FNV_PRIME);
}

/**
 * `hashUnit` of a unit that is no apostrophe (a letter, mark or digit), without the folding test: for a scanner's
 * loop over the units of a word.
 */
export function hashWordUnit(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME);
}

export function foldApostrophe(code: number): number {
  return code === TYPOGRAPHIC_APOSTROPHE ? APOSTROPHE : code;
}

/** The filter hash of an empty word; `filterHashUnit` extends it one UTF-16 unit at a time. */
export const EMPTY_FILTER_HASH = 0;

/** Extends a filter hash by one unit, for a scanner that hashes a word while it finds its end. */
export function filterHashUnit(hash: number, code: number): number {
  return (Math.imul(hash, 31) + code) | 0;
}

/** The filter hash of a whole word; ASCII letters lower-cased with `foldAsciiCase` (by "| 32", as scanners fold them). */
export function filterHashOf(word: string, foldAsciiCase = false): number {
  let hash = EMPTY_FILTER_HASH;
  for (let k = 0; k < word.length; k++) hash = filterHashUnit(hash, foldAsciiCase ? word.charCodeAt(k) | 32 : word.charCodeAt(k));
  return hash;
}

/** Hash filters keep this many low bits of a filter hash. */
export const HASH_FILTER_MASK = 0xffff;

/**
 * 1 at the masked hash of every word: a scanner that hashed a word while reading it looks the word up (slicing it
 * out of the text) only when the filter holds its hash, which most words miss.
 */
export function hashFilter(words: Iterable<string>, foldAsciiCase = false): Uint8Array {
  const filter = new Uint8Array(HASH_FILTER_MASK + 1);
  for (const word of words) filter[filterHashOf(word, foldAsciiCase) & HASH_FILTER_MASK] = 1;
  return filter;
}
