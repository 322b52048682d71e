/**
 * One linear pass over the text producing word and punctuation tokens with the facts every rule needs:
 * capitalisation, line number and whether the word opens a sentence. Offsets are UTF-16 string indices.
 */

export interface Token {
  start: number;
  end: number;
  /** Surface text with typographic apostrophes folded to "'" so lookups need one spelling. */
  text: string;
  isWord: boolean;
  /** Starts with an uppercase letter (or is a capitalised designator such as "F-16"). */
  isCapitalised: boolean;
  line: number;
  /** First word of a line or after sentence punctuation: capitals there are weak evidence. */
  opensSentence: boolean;
}

const UPPERCASE_START = /^\p{Lu}/u;
const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
const WHITESPACE = /^\s+$/;
/** Characters that join two word parts into one token: "Ivano-Frankivsk", "O'Brien", "U.S", "AT&T". */
const JOINERS = new Set(['-', "'", '’', '.', '&']);
const SENTENCE_ENDERS = new Set(['.', '!', '?', ':', '"', '“', '”', "'", '‘', '(', '[', '*', '•', '|', '>', '-', '–', '—', '#']);

/** Abbreviations whose trailing period belongs to the word ("Mr.", "Inc."), not to the sentence. */
const ABBREVIATIONS = new Set([
  'Mr', 'Mrs', 'Ms', 'Dr', 'St', 'Jr', 'Sr', 'Inc', 'Corp', 'Co', 'Ltd', 'Gen', 'Sen', 'Rep', 'Gov', 'Lt', 'Col',
  'Sgt', 'Capt', 'Prof', 'Adm', 'Maj', 'Rev', 'Mt', 'Ft', 'vs',
]);

const ASCII_CHARS = Array.from({ length: 128 }, (_, code) => String.fromCharCode(code));

// Word-character test by UTF-16 unit, cached: a regex per character would cap throughput far below 20 MB/s.
const UNKNOWN = 0;
const WORD = 1;
const NOT_WORD = 2;
const wordCharCache = new Uint8Array(65536);

function isWordUnit(code: number): boolean {
  let cached = wordCharCache[code]!;
  if (cached === UNKNOWN) {
    // Surrogate halves count as non-word: astral letters are rare in English news and stay punctuation.
    const isSurrogate = code >= 0xd800 && code <= 0xdfff;
    cached = !isSurrogate && WORD_CHAR.test(String.fromCharCode(code)) ? WORD : NOT_WORD;
    wordCharCache[code] = cached;
  }
  return cached === WORD;
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

export function tokenize(text: string, options: TokenizeOptions): Token[] {
  const tokens: Token[] = [];
  const length = text.length;
  let line = 0;
  let opensSentence = true;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      line++;
      opensSentence = true;
      i++;
      continue;
    }
    if (code === 32 || code === 9 || code === 13 || code === 160 || code === 12 || code === 11) {
      i++;
      continue;
    }
    if (!isWordUnit(code)) {
      // One symbol; an astral character (emoji) keeps both UTF-16 halves together.
      const next = text.charCodeAt(i + 1);
      const width = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
      const symbol = width === 1 && code < 128 ? ASCII_CHARS[code]! : text.slice(i, i + width);
      if (!WHITESPACE.test(symbol)) {
        tokens.push({ start: i, end: i + width, text: symbol, isWord: false, isCapitalised: false, line, opensSentence: false });
        if (SENTENCE_ENDERS.has(symbol)) opensSentence = true;
      }
      i += width;
      continue;
    }
    let end = i + 1;
    while (end < length) {
      if (isWordUnit(text.charCodeAt(end))) end++;
      else if (JOINERS.has(text[end]!) && end + 1 < length && isWordUnit(text.charCodeAt(end + 1))) end += 2;
      else break;
    }
    // "Mr." and "U.S." keep their final period.
    if (text.charCodeAt(end) === 46 && end - i <= 8) {
      const raw = text.slice(i, end);
      if (ABBREVIATIONS.has(raw) || (raw.length >= 3 && raw[1] === '.' && startsUppercase(raw))) end++;
    }
    if (needsSplitting(text, i, end)) {
      for (const piece of splitWord(text, i, end, options)) pushWord(tokens, text, piece.start, piece.end, line, opensSentence);
    } else {
      pushWord(tokens, text, i, end, line, opensSentence);
    }
    opensSentence = false;
    i = end;
  }
  return tokens;
}

function pushWord(tokens: Token[], text: string, start: number, end: number, line: number, opensSentence: boolean): void {
  const surface = text.slice(start, end);
  const word = surface.includes('’') ? surface.replace(/’/g, "'") : surface;
  // Same property order as punctuation tokens: one hidden class keeps every later pass fast.
  tokens.push({ start, end, text: word, isWord: true, isCapitalised: startsUppercase(word), line, opensSentence });
}

/** Only words with a hyphen or a possessive "'s" need the slower splitting. */
function needsSplitting(text: string, start: number, end: number): boolean {
  if (end - start > 3 && text.charCodeAt(end - 1) === 115 && isApostrophe(text.charCodeAt(end - 2))) return true;
  return hasHyphen(text, start, end);
}

interface Piece {
  start: number;
  end: number;
}

/**
 * Splits the possessive "'s" off, and hyphenated names into parts ("Russia-Ukraine", "Kyiv-based",
 * "pro-Russian") unless the whole is itself a name or a model designator ("Ivano-Frankivsk", "Su-34").
 */
function splitWord(text: string, start: number, end: number, options: TokenizeOptions): Piece[] {
  const pieces: Piece[] = [];
  let wordEnd = end;
  if (end - start > 3 && text.charCodeAt(end - 1) === 115 /* s */ && isApostrophe(text.charCodeAt(end - 2))) wordEnd = end - 2;
  const word = hasHyphen(text, start, wordEnd) ? text.slice(start, wordEnd) : '';
  if (word !== '' && shouldSplitCompound(word.replace(/’/g, "'"), options)) {
    let offset = start;
    for (const part of word.split('-')) {
      if (part) pieces.push({ start: offset, end: offset + part.length });
      offset += part.length + 1;
    }
  } else {
    pieces.push({ start, end: wordEnd });
  }
  if (wordEnd !== end) pieces.push({ start: wordEnd, end });
  return pieces;
}

function hasHyphen(text: string, start: number, end: number): boolean {
  for (let i = start + 1; i < end; i++) if (text.charCodeAt(i) === 45) return true;
  return false;
}

function isApostrophe(code: number): boolean {
  return code === 39 || code === 0x2019;
}

function shouldSplitCompound(word: string, options: TokenizeOptions): boolean {
  if (options.isKnownCompound(word) || /\d/.test(word)) return false;
  const parts = word.split('-');
  const allCapitalised = parts.every((part) => part.length > 1 && startsUppercase(part));
  return allCapitalised || parts.some((part) => startsUppercase(part) && options.isKnownCompound(part));
}
