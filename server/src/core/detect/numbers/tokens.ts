/** Tokens of a stretch of text (digit runs, words, single symbols), with the whitespace before each and whether its chunk is an address or a name of a thing. */
import { UnitSet, isApostrophe, isDigit } from '../shared/textScan';

type TokenKind = 'num' | 'word' | 'sym';

/** A token of text[start, end); most are only ever looked at by kind, so their text is sliced on first use. */
export class Token {
  /** Part of a URL, e-mail address, hashtag, file name, phone number or code: never a number here. */
  blocked = false;
  /** One figure of a table row ("25 18 5 2 58 21 59"): a count on its own, even right after a name. */
  tableFigure = false;
  private sliced: string | undefined;

  constructor(
    readonly kind: TokenKind,
    readonly start: number,
    readonly end: number,
    /** Whitespace before the token: 0 none (glued), 1 spaces, 2 a line break or the start of the text. */
    readonly gap: 0 | 1 | 2,
    private readonly source: string,
  ) {}

  get text(): string {
    return (this.sliced ??= this.source.slice(this.start, this.end));
  }
}

/** Whole whitespace-separated chunks that are addresses or names of things, not prose. */
const JUNK_CHUNK =
  /^[^\p{L}\p{N}]*(?:[#@]|https?:|www\.)|:\/\/|[\p{L}\p{N}]@[\p{L}\p{N}]|\/[^/]*\/|_|\.(?:com|org|net|gov|edu|mil|int|info|io|co|ua|ru|uk|eu|de|fr|pl|news|html?|php|aspx?|jpe?g|png|gif|webp|svg|pdf|docx?|xlsx?|pptx?|csv|txt|zip|mp[34]|mov)(?![\p{L}\p{N}])/iu;

/** Letters and marks, asked about units from U+00C0 on. */
const LETTERS_OR_MARKS = new UnitSet(/[\p{L}\p{M}]/u);

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

/** Characters that make a chunk worth checking against JUNK_CHUNK. */
function isSuspicious(units: Uint16Array, index: number): boolean {
  const code = units[index]!;
  if (code === 0x40 || code === 0x2f || code === 0x23 || code === 0x5f || code === 0x5c || code === 0x3d) return true;
  return code === 0x2e && index + 1 < units.length && isLetter(units[index + 1]!) && index > 0 && !isSpace(units[index - 1]!);
}

/** Tokens of text[from, to) (`units` are its UTF-16 units); both ends lie on whitespace or the ends of the text. */
export function tokenize(text: string, units: Uint16Array, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  const length = to;
  let gap = gapBefore(units, from);
  let chunkStart = from;
  let chunkFirstToken = 0;
  let chunkSuspicious = false;

  const closeChunk = (end: number): void => {
    if (chunkSuspicious && JUNK_CHUNK.test(text.slice(chunkStart, end))) {
      for (let t = chunkFirstToken; t < tokens.length; t++) tokens[t].blocked = true;
    }
    chunkSuspicious = false;
  };

  let i = from;
  while (i < length) {
    const code = units[i]!;
    if (isSpace(code)) {
      if (gap === 0) closeChunk(i);
      gap = isLineBreak(code) || gap === 2 ? 2 : 1;
      i++;
      continue;
    }
    if (gap !== 0) {
      chunkStart = i;
      chunkFirstToken = tokens.length;
    }
    const start = i;
    let kind: TokenKind;
    if (isDigit(code)) {
      kind = 'num';
      i++;
      while (i < length) {
        const next = units[i]!;
        if (isDigit(next)) i++;
        else if ((next === 0x2c || next === 0x2e) && i + 1 < length && isDigit(units[i + 1]!)) i += 2;
        else break;
      }
    } else if (isLetter(code)) {
      kind = 'word';
      i++;
      while (i < length) {
        const next = units[i]!;
        if (isLetter(next)) i++;
        else if (isApostrophe(next) && i + 1 < length && isLetter(units[i + 1]!)) i += 2;
        else break;
      }
    } else {
      kind = 'sym';
      if (!chunkSuspicious && isSuspicious(units, i)) chunkSuspicious = true;
      // Keep a surrogate pair together so that no token splits a character.
      i += code >= 0xd800 && code <= 0xdbff && i + 1 < length && (units[i + 1]! & 0xfc00) === 0xdc00 ? 2 : 1;
    }
    tokens.push(new Token(kind, start, i, gap, text));
    gap = 0;
  }
  closeChunk(length);
  return tokens;
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
