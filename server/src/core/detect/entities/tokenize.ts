/**
 * One linear pass over the text producing word and punctuation tokens with the facts every rule needs:
 * capitalisation, line number and whether the word opens a sentence. Offsets are UTF-16 string indices.
 */

import { EMPTY_WORD_HASH, UnitClasses, UnitSet, hashUnit, hashWordUnit, isApostrophe } from '../shared/textScan';
import { unitsOf } from '../shared/utf16Units';
import { Vocabulary } from './vocabulary';
import { membershipsOf } from './wordLists';
import { keepShape } from '../../base/shapes';

const WORD_FLAG = 1;
const CAPITALISED_FLAG = 2;
const OPENS_SENTENCE_FLAG = 4;
const HYPHEN_JOINED_FLAG = 8;

/**
 * The tokens of one document, stored column-wise in typed arrays: a news article has hundreds of thousands of
 * tokens, and one object each made allocation and garbage collection the main cost of detection.
 */
export class TokenList {
  constructor(
    readonly length: number,
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
    private readonly lines: Int32Array,
    private readonly flags: Uint8Array,
    private readonly wordIds: Int32Array,
    private readonly words: Vocabulary,
    private readonly firstTokens: Int32Array,
    private readonly firstTokenLines: Int32Array,
    /** The UTF-16 units of the text the tokens were read from (read-only): rules read characters here, not off the string. */
    readonly units: Uint16Array,
  ) {
    this.vocabulary = words.words;
  }

  /** The distinct token texts; `wordId` indexes it. */
  readonly vocabulary: readonly string[];

  /** Whether word `id` is written in capitals (isShoutedWord of it). */
  isShoutedWord(id: number): boolean {
    return this.words.isShouted(id);
  }

  /** Whether word `id` is all ASCII characters. */
  isAsciiWord(id: number): boolean {
    return this.words.isAscii(id);
  }

  /** Whether any token's word is written in capitals. */
  get anyShouted(): boolean {
    return this.words.anyShouted;
  }

  /** The id of word `id` lower-cased, or -1 when no token has that word. */
  lowercaseWordId(id: number): number {
    return this.words.idOfLowercase(id);
  }

  /** By word id, the bits of the word lists (wordLists.ts) that hold the word; worked out once per token list. */
  wordLists(): Int32Array {
    this.listMemberships ??= membershipsOf(this.words);
    return this.listMemberships;
  }

  private listMemberships: Int32Array | undefined;

  /** The id of a word (typographic apostrophes folded, as the vocabulary holds words), or -1 when no token has it. */
  idOfWord(word: string): number {
    return this.words.idOfWord(word);
  }

  /** True for an index inside the list: neighbours of a token may lie outside it. */
  has(i: number): boolean {
    return i >= 0 && i < this.length;
  }

  start(i: number): number {
    return this.starts[i]!;
  }

  end(i: number): number {
    return this.ends[i]!;
  }

  line(i: number): number {
    return this.lines[i]!;
  }

  /** Surface text with typographic apostrophes folded to "'" so lookups need one spelling. */
  text(i: number): string {
    return this.vocabulary[this.wordIds[i]!]!;
  }

  /** Same id for the same text. */
  wordId(i: number): number {
    return this.wordIds[i]!;
  }

  isWord(i: number): boolean {
    return (this.flags[i]! & WORD_FLAG) !== 0;
  }

  /** Starts with an uppercase letter (or is a capitalised designator such as "F-16"). */
  isCapitalised(i: number): boolean {
    return (this.flags[i]! & CAPITALISED_FLAG) !== 0;
  }

  /** A part of a split hyphenated word after its first ("Li" in "Wen-Li"): joined to the token before. */
  isHyphenJoined(i: number): boolean {
    return (this.flags[i]! & HYPHEN_JOINED_FLAG) !== 0;
  }

  /** The first token of each line that has tokens, in order (found by the tokenizer: read-only). */
  lineStarts(): Int32Array {
    return this.firstTokens;
  }

  /**
   * The line of each of lineStarts' tokens (read-only): for a pass over the lines, which would otherwise read
   * the line of tokens far apart in a large column.
   */
  lineStartLines(): Int32Array {
    return this.firstTokenLines;
  }

  /** First word of a line or after sentence punctuation: capitals there are weak evidence. */
  opensSentence(i: number): boolean {
    return (this.flags[i]! & OPENS_SENTENCE_FLAG) !== 0;
  }
}

/** Collects tokens into growing typed arrays. */
class TokenListBuilder {
  private length = 0;
  private capacity: number;
  private starts: Int32Array;
  private ends: Int32Array;
  private lines: Int32Array;
  private wordIds: Int32Array;
  private flags: Uint8Array;
  private readonly vocabulary: Vocabulary;
  /** 1 + the word id of each ASCII symbol seen so far, or 0: a plain array, which a short text makes faster than a typed one. */
  private readonly asciiSymbolIds: number[] = new Array<number>(ASCII).fill(0);
  /** The first token of each line that has tokens, found as tokens are pushed. */
  private readonly lineStarts: number[] = [];
  /** The line of each of lineStarts' tokens. */
  private readonly lineStartLines: number[] = [];
  private lastLine = -1;

  constructor(text: string, private readonly units: Uint16Array, expectedTokens: number) {
    this.vocabulary = new Vocabulary(text, units);
    this.capacity = expectedTokens;
    [this.starts, this.ends, this.lines, this.wordIds, this.flags] = columns(expectedTokens);
  }

  push(start: number, end: number, line: number, flags: number): void {
    this.pushWithId(start, end, line, flags, this.vocabulary.idOf(start, end));
  }

  /**
   * A one-unit symbol token (punctuation: about one token in eight). ASCII symbols get their ids from a small table
   * instead of being hashed and looked up in the vocabulary each time.
   */
  pushSymbol(start: number, code: number, line: number): void {
    if (code >= ASCII) {
      this.push(start, start + 1, line, 0);
      return;
    }
    let id = this.asciiSymbolIds[code]! - 1;
    if (id < 0) {
      id = this.vocabulary.idOf(start, start + 1);
      this.asciiSymbolIds[code] = id + 1;
    }
    this.pushWithId(start, start + 1, line, 0, id);
  }

  /** Same as push, for a token the scanner hashed while reading it (see `hashUnit`). */
  pushHashed(start: number, end: number, line: number, flags: number, hash: number): void {
    this.pushWithId(start, end, line, flags, this.vocabulary.idOfHashed(start, end, hash));
  }

  private pushWithId(start: number, end: number, line: number, flags: number, wordId: number): void {
    if (this.length === this.capacity) this.grow();
    const n = this.length++;
    this.starts[n] = start;
    this.ends[n] = end;
    this.lines[n] = line;
    this.flags[n] = flags;
    this.wordIds[n] = wordId;
    if (line !== this.lastLine) {
      this.lineStarts.push(n);
      this.lineStartLines.push(line);
      this.lastLine = line;
    }
  }

  /** The token list; its columns keep their spare capacity, which no index below its length reaches. */
  finish(): TokenList {
    return new TokenList(this.length, this.starts, this.ends, this.lines, this.flags, this.wordIds, this.vocabulary, Int32Array.from(this.lineStarts), Int32Array.from(this.lineStartLines), this.units);
  }

  private grow(): void {
    const capacity = this.capacity * 2 + 16;
    const [starts, ends, lines, wordIds, flags] = columns(capacity);
    starts.set(this.starts);
    ends.set(this.ends);
    lines.set(this.lines);
    wordIds.set(this.wordIds);
    flags.set(this.flags);
    [this.starts, this.ends, this.lines, this.wordIds, this.flags] = [starts, ends, lines, wordIds, flags];
    this.capacity = capacity;
  }
}

/**
 * The five columns of `capacity` tokens in one buffer: one allocation instead of five, which a short article's
 * detection felt. Zeroed, as an ArrayBuffer is: leaving the columns unzeroed (Node's Buffer.allocUnsafe) measured no
 * faster, and a read past the list's length would then see another buffer's bytes instead of zeros.
 */
function columns(capacity: number): [Int32Array, Int32Array, Int32Array, Int32Array, Uint8Array] {
  const buffer = new ArrayBuffer(capacity * 17);
  const column = (n: number) => new Int32Array(buffer, n * capacity * 4, capacity);
  return [column(0), column(1), column(2), column(3), new Uint8Array(buffer, capacity * 16, capacity)];
}

const ASCII = 128;


const UPPERCASE_START = /^\p{Lu}/u;
const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
const WHITESPACE = /^\s$/;
const HYPHEN = 45;

/** Characters that join two word parts into one token: "Ivano-Frankivsk", "O'Brien", "U.S", "AT&T". */
function isJoiner(code: number): boolean {
  return code === HYPHEN || code === 39 /* ' */ || code === 0x2019 /* ’ */ || code === 46 /* . */ || code === 38 /* & */;
}

const SENTENCE_ENDERS = ['.', '!', '?', ':', '"', '“', '”', "'", '‘', '(', '[', '*', '•', '|', '>', '-', '–', '—', '#'].map((ender) => ender.charCodeAt(0));
/** 1 at the code of each sentence ender: a table lookup per symbol instead of a set lookup. */
const IS_SENTENCE_ENDER = new Uint8Array(Math.max(...SENTENCE_ENDERS) + 1);
for (const code of SENTENCE_ENDERS) IS_SENTENCE_ENDER[code] = 1;

/** Abbreviations whose trailing period belongs to the word ("Mr.", "Inc."), not to the sentence. */
const ABBREVIATIONS = new Set([
  'Mr', 'Mrs', 'Ms', 'Dr', 'St', 'Jr', 'Sr', 'Inc', 'Corp', 'Co', 'Ltd', 'Gen', 'Sen', 'Rep', 'Gov', 'Lt', 'Col',
  'Sgt', 'Capt', 'Prof', 'Adm', 'Maj', 'Rev', 'Mt', 'Ft', 'vs',
]);
const LONGEST_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((abbreviation) => abbreviation.length));
/** 1 at the unit each abbreviation starts with. */
const ABBREVIATION_STARTS = new Uint8Array(65536);
for (const abbreviation of ABBREVIATIONS) ABBREVIATION_STARTS[abbreviation.charCodeAt(0)] = 1;

// Character classes by UTF-16 unit, kept: a regex per character would cap throughput far below 20 MB/s.
const WORD = 1;
const SPACE = 2;
const SYMBOL = 3;
/** The bits of a unit's kind that hold its class. */
const CLASS = 3;
/** Set in the kind of a joiner (isJoiner), so that the character after a word is judged with the one lookup. */
const JOINS = 4;
const CHARACTER_CLASSES = new UnitClasses((code) => {
  const char = String.fromCharCode(code);
  // Surrogate halves count as symbols: astral letters are rare in English news and stay punctuation.
  const isSurrogate = code >= 0xd800 && code <= 0xdfff;
  const kind = !isSurrogate && WORD_CHAR.test(char) ? WORD : WHITESPACE.test(char) ? SPACE : SYMBOL;
  return kind | (isJoiner(code) ? JOINS : 0);
});

/** The class of a unit (WORD, SPACE or SYMBOL) and its JOINS bit. */
function unitKind(code: number): number {
  return CHARACTER_CLASSES.of(code);
}

/** Most of a text, told apart with two comparisons before any table lookup. */
function isAsciiLetterOrDigit(code: number): boolean {
  return ((code | 32) - 97) >>> 0 < 26 || (code - 48) >>> 0 < 10;
}

function isWordUnit(code: number): boolean {
  return unitKind(code) === WORD;
}

function startsUppercase(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return UPPERCASE_START.test(word);
}

export interface TokenizeOptions {
  /** True for a known name, so "Ivano-Frankivsk" stays whole and "Kyiv-based" splits off "Kyiv". */
  isKnownCompound: (text: string) => boolean;
}

export function tokenize(text: string, options: TokenizeOptions, textUnits?: Uint16Array): TokenList {
  const length = text.length;
  // English prose has fewer than one token per four characters; the builder grows if needed.
  const units = unitsOf(text, textUnits);
  const tokens = new TokenListBuilder(text, units, (length >> 2) + 16);
  const compounds = new CompoundSplits(text, units, options);
  let line = 0;
  let opensSentence = true;
  let i = 0;
  while (i < length) {
    const code = units[i]!;
    if (code === 10) {
      line++;
      opensSentence = true;
      i++;
      continue;
    }
    const kind = isAsciiLetterOrDigit(code) ? WORD : unitKind(code) & CLASS;
    if (kind === SPACE) {
      i++;
      continue;
    }
    if (kind === SYMBOL) {
      // One symbol; an astral character (emoji) keeps both UTF-16 halves together.
      const next = i + 1 < length ? units[i + 1]! : 0;
      const width = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
      if (width === 1) tokens.pushSymbol(i, code, line);
      else tokens.push(i, i + width, line, 0);
      if (width === 1 && code < IS_SENTENCE_ENDER.length && IS_SENTENCE_ENDER[code] === 1) opensSentence = true;
      i += width;
      continue;
    }
    // The word is hashed while its end is found, so the vocabulary need not read it again.
    let end = i + 1;
    let hash = hashUnit(EMPTY_WORD_HASH, code);
    let hyphenated = false;
    // Whether a joiner was taken in: only then can the word end in a possessive "'s" (apostrophes are no word units).
    let joined = false;
    // The hash of the word up to its last joiner: a possessive's word without its "'s".
    let beforeJoiner = hash;
    // The unit after the word (0 at the end of the text).
    let after = 0;
    while (end < length) {
      const next = units[end]!;
      // One table lookup tells a word unit, a joiner and the end of the word apart.
      const nextKind = unitKind(next);
      if (nextKind === WORD) {
        hash = hashWordUnit(hash, next);
        end++;
      } else if ((nextKind & JOINS) !== 0 && end + 1 < length && isWordUnit(units[end + 1]!)) {
        if (next === HYPHEN) hyphenated = true;
        joined = true;
        beforeJoiner = hash;
        hash = hashWordUnit(hashUnit(hash, next), units[end + 1]!);
        end += 2;
      } else {
        after = next;
        break;
      }
    }
    // "Mr." and "U.S." keep their final period.
    if (after === 46 && end - i <= 8 && keepsPeriod(text, units, i, end)) {
      hash = hashUnit(hash, 46);
      end++;
    }
    // "Umerov's": the possessive "'s" becomes a token of its own. Its apostrophe and "s" were the last joiner taken
    // in (a kept period would end the word instead), so the word without them has the hash from before it.
    const wordEnd = joined && isPossessive(units, i, end) ? end - 2 : end;
    if (hyphenated) pushCompound(tokens, units, i, wordEnd, line, opensSentence, compounds);
    else tokens.pushHashed(i, wordEnd, line, flagsOfWord(code, opensSentence), wordEnd === end ? hash : beforeJoiner);
    if (wordEnd !== end) tokens.pushHashed(wordEnd, end, line, wordFlags(units, wordEnd, opensSentence), POSSESSIVE_HASH);
    opensSentence = false;
    // Most words are followed by one space, skipped here rather than by a turn of the loop.
    i = end < length && units[end] === 32 ? end + 1 : end;
  }
  return tokens.finish();
}

/** An abbreviation ("Mr", "Inc") or initials ("U.S"), checked without slicing the many words that cannot be one. */
function keepsPeriod(text: string, units: Uint16Array, start: number, end: number): boolean {
  const length = end - start;
  // Most words before a period (a sentence's last) cannot start an abbreviation: they are not sliced to be looked up.
  const first = units[start]!;
  if (length <= LONGEST_ABBREVIATION && ABBREVIATION_STARTS[first] === 1 && ABBREVIATIONS.has(text.slice(start, end))) return true;
  return length >= 3 && units[start + 1] === 46 && isUppercaseUnit(units[start]!);
}

function wordFlags(units: Uint16Array, start: number, opensSentence: boolean): number {
  return flagsOfWord(units[start]!, opensSentence);
}

/** The flags of a word that starts with unit `first`. */
function flagsOfWord(first: number, opensSentence: boolean): number {
  return WORD_FLAG | (isUppercaseUnit(first) ? CAPITALISED_FLAG : 0) | (opensSentence ? OPENS_SENTENCE_FLAG : 0);
}

/** The units a capitalised word starts with: what startsUppercase says of the unit as a one-character word. */
const UPPERCASE_UNITS = new UnitSet(UPPERCASE_START);

/** Whether a word starting with this unit is capitalised (kept like the character classes; ASCII told at once). */
function isUppercaseUnit(code: number): boolean {
  if (code < ASCII) return code >= 65 && code <= 90;
  return UPPERCASE_UNITS.has(code);
}

/** The hash of "'s" (and of "’s", which hashes alike). */
const POSSESSIVE_HASH = hashUnit(hashUnit(EMPTY_WORD_HASH, 39), 115);

function isPossessive(units: Uint16Array, start: number, end: number): boolean {
  return end - start > 3 && units[end - 1] === 115 /* s */ && isApostrophe(units[end - 2]!);
}

/**
 * Splits hyphenated names into parts ("Russia-Ukraine", "Kyiv-based", "pro-Russian") unless the whole is itself
 * a name or a model designator ("Ivano-Frankivsk", "Su-34").
 */
function pushCompound(
  tokens: TokenListBuilder, units: Uint16Array, start: number, end: number, line: number, opensSentence: boolean,
  compounds: CompoundSplits,
): void {
  if (!compounds.split(start, end)) {
    tokens.push(start, end, line, wordFlags(units, start, opensSentence));
    return;
  }
  // The parts between hyphens, read off the units (what splitting the word's string at "-" gives).
  for (let from = start; from <= end; ) {
    let to = from;
    while (to < end && units[to] !== HYPHEN) to++;
    if (to > from) tokens.push(from, to, line, wordFlags(units, from, opensSentence) | (from > start ? HYPHEN_JOINED_FLAG : 0));
    from = to + 1;
  }
}

/** Whether to split a compound depends on its text alone, and a document repeats its compounds: each is judged once. */
class CompoundSplits {
  /**
   * The compounds met so far, looked up by their place in the text as the tokens' words are: a compound met
   * again costs no copy of it (made only when first met, and when the document has compounds at all).
   */
  private compounds: Vocabulary | undefined;
  /** By compound id, whether it splits. */
  private readonly splits: boolean[] = [];

  constructor(
    private readonly text: string,
    private readonly units: Uint16Array,
    private readonly options: TokenizeOptions,
  ) {}

  /** Whether the compound text[start, end) splits into its parts. */
  split(start: number, end: number): boolean {
    this.compounds ??= new Vocabulary(this.text, this.units, FEW_WORDS);
    const id = this.compounds.idOf(start, end);
    // Ids are handed out in order: a new compound's id is the next one.
    if (id === this.splits.length) this.splits.push(shouldSplitCompound(this.compounds.words[id]!, this.options));
    return this.splits[id]!;
  }
}

/** The starting size of a vocabulary of compounds: a document has few distinct ones. */
const FEW_WORDS = 16;

function shouldSplitCompound(word: string, options: TokenizeOptions): boolean {
  if (options.isKnownCompound(word) || /\d/.test(word)) return false;
  const parts = word.split('-');
  const allCapitalised = parts.every((part) => part.length > 1 && startsUppercase(part));
  return allCapitalised || parts.some((part) => startsUppercase(part) && options.isKnownCompound(part));
}

// One small object of each kind this file makes per document, kept so that their maps outlive every document
// (base/shapes.ts): a token list (and its vocabulary), a builder, and compound splits that have judged a compound.
const NO_KNOWN_COMPOUNDS: TokenizeOptions = { isKnownCompound: () => false };
keepShape(tokenize('Kyiv-based A.', NO_KNOWN_COMPOUNDS)).wordLists();
keepShape(new TokenListBuilder('', new Uint16Array(0), 0));
keepShape(new CompoundSplits('A-B', unitsOf('A-B', undefined), NO_KNOWN_COMPOUNDS)).split(0, 3);
