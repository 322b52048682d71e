/** Tokens of a stretch of text (digit runs, words, single symbols), with the whitespace before each and whether its chunk is an address or a name of a thing. */
import { EMPTY_FILTER_HASH, UnitClasses, UnitSet, filterHashUnit, isApostrophe, isDigit } from '../shared/textScan';

type TokenKind = 'num' | 'word' | 'sym';

/** The foldedHash of a token that has none: symbols, digits and words with a unit past ASCII. */
export const UNHASHED = -1;

/**
 * A token of text[start, end); most are only ever looked at by kind, so their text is sliced on first use. A Tokenizer
 * sets its fields anew for each stretch (see reset): the rules only read them.
 */
export class Token {
  kind: TokenKind = 'sym';
  start = 0;
  end = 0;
  /** Whitespace before the token: 0 none (glued), 1 spaces, 2 a line break or the start of the text. */
  gap: 0 | 1 | 2 = 0;
  /**
   * A word's filter hash with its ASCII letters folded ("| 32", see shared/textScan), worked out while the tokenizer
   * finds the word's end, so that hash filters of words need not read it again; UNHASHED for symbols, digits and
   * words with a unit past ASCII. A word may hash to UNHASHED too: a filter treats both alike, as "maybe".
   */
  foldedHash = UNHASHED;
  /** Part of a URL, e-mail address, hashtag, file name, phone number or code: never a number here. */
  blocked = false;
  /** One figure of a table row ("25 18 5 2 58 21 59"): a count on its own, even right after a name. */
  tableFigure = false;
  /** The text in lower case, worked out by TokenView.lower on first use. */
  lowered: string | undefined = undefined;
  private sliced: string | undefined = undefined;

  constructor(private readonly source: string) {}

  get text(): string {
    return (this.sliced ??= this.source.slice(this.start, this.end));
  }

  /** Makes this the token text[start, end), forgetting all that was worked out about the token it was. */
  reset(kind: TokenKind, start: number, end: number, gap: 0 | 1 | 2, foldedHash: number): void {
    this.kind = kind;
    this.start = start;
    this.end = end;
    this.gap = gap;
    this.foldedHash = foldedHash;
    this.blocked = false;
    this.tableFigure = false;
    this.lowered = undefined;
    this.sliced = undefined;
  }
}

/** Whether `token` is the one UTF-16 unit `code` (`units` are its text's): token.text === '.', say, without slicing the text. */
export function isOneUnit(token: Token | undefined, units: Uint16Array, code: number): boolean {
  return token !== undefined && token.end - token.start === 1 && units[token.start] === code;
}

/**
 * Whether `token` begins with "A" to "Z": the case-sensitive words (currency codes and adjectives, months) all do, so a
 * token that does not is not looked up among them, and its text is not sliced out to be.
 */
export function beginsWithAsciiCapital(token: Token, units: Uint16Array): boolean {
  const first = units[token.start]!;
  return first >= 65 && first <= 90;
}

/** Whole whitespace-separated chunks that are addresses or names of things, not prose. */
const JUNK_CHUNK =
  /^[^\p{L}\p{N}]*(?:[#@]|https?:|www\.)|:\/\/|[\p{L}\p{N}]@[\p{L}\p{N}]|\/[^/]*\/|_|\.(?:com|org|net|gov|edu|mil|int|info|io|co|ua|ru|uk|eu|de|fr|pl|news|html?|php|aspx?|jpe?g|png|gif|webp|svg|pdf|docx?|xlsx?|pptx?|csv|txt|zip|mp[34]|mov)(?![\p{L}\p{N}])/iu;

/** Letters and marks, asked about units from U+00C0 on. */
const LETTERS_OR_MARKS = new UnitSet(/[\p{L}\p{M}]/u);

/** "a" to "z" and "A" to "Z" ("| 32" lower-cases the capitals and moves no unit past ASCII into the range). */
function isAsciiLetter(code: number): boolean {
  return (code | 32) - 97 >>> 0 < 26;
}

/** ASCII letters, and letters or marks from U+00C0 on (so not "ª", "µ" or "º"). */
function isLetter(code: number): boolean {
  const lower = code | 32;
  if (lower >= 97 && lower <= 122) return true;
  if (code < 0xc0) return false;
  return LETTERS_OR_MARKS.has(code);
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13 || code === 0x2028 || code === 0x2029;
}

export function isSpace(code: number): boolean {
  return (
    code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

// What the tokenizer sees in each UTF-16 unit, worked out once per unit (see UnitClasses): one table lookup per
// character instead of the range tests of isSpace, isLineBreak, isDigit and isLetter one after the other.
const SPACE = 1;
const LINE_BREAK = 2;
const DIGIT = 3;
const LETTER = 4;
const APOSTROPHE = 5;
const OTHER = 6;
const UNIT_TYPES = new UnitClasses((code) => {
  if (isSpace(code)) return isLineBreak(code) ? LINE_BREAK : SPACE;
  if (isDigit(code)) return DIGIT;
  if (isLetter(code)) return LETTER;
  return isApostrophe(code) ? APOSTROPHE : OTHER;
});

/** Characters that make a chunk worth checking against JUNK_CHUNK. */
function isSuspicious(units: Uint16Array, index: number): boolean {
  const code = units[index]!;
  if (code === 0x40 || code === 0x2f || code === 0x23 || code === 0x5f || code === 0x5c || code === 0x3d) return true;
  return code === 0x2e && index + 1 < units.length && isLetter(units[index + 1]!) && index > 0 && !isSpace(units[index - 1]!);
}

/**
 * Tokenizes stretches of one text one after the other, reusing the Token objects of a stretch for the next: the
 * stretches of a long text hold tens of thousands of tokens, each done with once its stretch is scanned, and building
 * them anew for every stretch cost the number detector a tenth of its time in allocation and garbage collection.
 */
export class Tokenizer {
  /** Every Token made so far; the tokens of a stretch are its first ones. */
  private readonly pool: Token[] = [];
  /**
   * The last stretch's tokens, by index, then undefined, as an index past the tokens reads in the rules. The array
   * keeps its length from stretch to stretch (emptying an array frees its store, and refilling it allocated as much
   * as the tokens themselves did), so the number of tokens is what tokenize returns, not its length.
   */
  readonly tokens: (Token | undefined)[] = [];
  /** How many of `tokens` are the last stretch's. */
  private count = 0;
  /** The indices of the last stretch's number tokens, `numberCount` of them (kept as `tokens` is). */
  readonly numbers: number[] = [];
  numberCount = 0;

  constructor(
    private readonly text: string,
    private readonly units: Uint16Array,
  ) {}

  /**
   * Tokenizes text[from, to) into `tokens` and returns how many there are; both ends lie on whitespace or the ends of
   * the text. The tokens are only good until the next call.
   */
  tokenize(from: number, to: number): number {
    const { text, units, tokens, pool, numbers } = this;
    let count = 0;
    let numberCount = 0;
    const length = to;
    let gap = gapBefore(units, from);
    let chunkStart = from;
    let chunkFirstToken = 0;
    let chunkSuspicious = false;

    const closeChunk = (end: number): void => {
      if (chunkSuspicious && JUNK_CHUNK.test(text.slice(chunkStart, end))) {
        for (let t = chunkFirstToken; t < count; t++) pool[t]!.blocked = true;
      }
      chunkSuspicious = false;
    };

    let i = from;
    while (i < length) {
      const code = units[i]!;
      const type = UNIT_TYPES.of(code);
      if (type === SPACE || type === LINE_BREAK) {
        if (gap === 0) closeChunk(i);
        gap = type === LINE_BREAK || gap === 2 ? 2 : 1;
        i++;
        continue;
      }
      if (gap !== 0) {
        chunkStart = i;
        chunkFirstToken = count;
      }
      const start = i;
      let kind: TokenKind;
      let hash = UNHASHED;
      if (type === DIGIT) {
        kind = 'num';
        numbers[numberCount++] = count;
        i++;
        while (i < length) {
          const next = units[i]!;
          if (isDigit(next)) i++;
          else if ((next === 0x2c || next === 0x2e) && i + 1 < length && isDigit(units[i + 1]!)) i += 2;
          else break;
        }
      } else if (type === LETTER) {
        kind = 'word';
        // Folded as mayBeStartWord and hashFilter fold words: every unit below 128 by "| 32".
        let folded = filterHashUnit(EMPTY_FILTER_HASH, code | 32);
        let ascii = code < 128;
        i++;
        while (i < length) {
          const next = units[i]!;
          // Most letters are ASCII ones, told by one range test: the table is asked about the others.
          if (isAsciiLetter(next)) {
            folded = filterHashUnit(folded, next | 32);
            i++;
            continue;
          }
          const nextType = UNIT_TYPES.of(next);
          if (nextType === LETTER) {
            // Not an ASCII letter, so a letter past ASCII.
            ascii = false;
            i++;
          } else if (nextType === APOSTROPHE && i + 1 < length && UNIT_TYPES.of(units[i + 1]!) === LETTER) {
            folded = filterHashUnit(filterHashUnit(folded, next | 32), units[i + 1]! | 32);
            ascii &&= next < 128 && units[i + 1]! < 128;
            i += 2;
          } else {
            break;
          }
        }
        if (ascii) hash = folded;
      } else {
        kind = 'sym';
        if (!chunkSuspicious && isSuspicious(units, i)) chunkSuspicious = true;
        // Keep a surrogate pair together so that no token splits a character.
        i += code >= 0xd800 && code <= 0xdbff && i + 1 < length && (units[i + 1]! & 0xfc00) === 0xdc00 ? 2 : 1;
      }
      if (count === pool.length) pool.push(new Token(text));
      const token = pool[count]!;
      token.reset(kind, start, i, gap, hash);
      tokens[count++] = token;
      gap = 0;
    }
    closeChunk(length);
    for (let k = count; k < this.count; k++) tokens[k] = undefined;
    this.count = count;
    this.numberCount = numberCount;
    return count;
  }
}

/** Whether the whitespace before `index` holds a line break (or `index` starts the text). */
function gapBefore(units: Uint16Array, index: number): 0 | 1 | 2 {
  if (index === 0) return 2;
  let k = index - 1;
  if (!isSpace(units[k]!)) return 0;
  // Bounded: a run of thousands of spaces says nothing more than a few do.
  for (; k >= 0 && k >= index - 64 && isSpace(units[k]!); k--) {
    if (isLineBreak(units[k]!)) return 2;
  }
  return k < 0 ? 2 : 1;
}
