/**
 * CoNLL's tokens and sentences (issue 16): how an article is cut into the one-token-a-line form, and
 * how readable text is rebuilt from tokens so that cutting it again gives back the same tokens.
 *
 * Unlike the agreement's tokens (letters and digits only), every character but white space belongs
 * to a token here: a CoNLL file is read as text by its consumers, so punctuation must be there.
 * Offsets in this module are UTF-16 (what JS strings count); conll.ts converts to code points.
 */

/**
 * White space: what JS's \s and Python's str.split() both count (Python adds U+001C..U+001F and
 * U+0085, JS adds U+FEFF), so that a token never holds a character one of our readers splits on.
 */
export const SPACE = '\\s\\x1c-\\x1f\\x85';
const LINE_BREAK = /[\n\r\u2028\u2029\x1c-\x1e\x85]/;

/**
 * One token, first alternative that matches:
 * - a title or abbreviation with its full stop ("Mr." "Gen." "Sept." "Inc."), or a capital initial ("J."),
 *   as the CoNLL-2003 files have them, so that "Mr. Smith" is neither cut nor ended as a sentence;
 * - initials, "U.S." or "a.m." (letters each followed by a full stop, two or more);
 * - a word: a letter or digit, then letters, digits, marks and the joiners ZWNJ/ZWJ, possibly joined
 *   to more of the same by one hyphen, full stop, apostrophe, slash or ampersand ("York-based", "3.5",
 *   "O'Neill", "AT&T"), or by a comma or colon between digits ("1,000", a clock time "6:04");
 * - a flag (two regional indicators);
 * - a run of one punctuation character ("...", "--");
 * - any other single character (a symbol, an emoji, a mark that follows no letter);
 * then the marks, emoji modifiers and zero-width-joined characters that belong to it (the emoji
 * selector after "❤", the skin tone of "👍🏽", the parts of "👩‍💻").
 */
const ABBREVIATIONS = ['Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'St', 'Jr', 'Sr', 'Gen', 'Col', 'Lt', 'Sgt', 'Capt', 'Rep', 'Sen', 'Gov', 'Inc', 'Corp', 'Ltd', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec'];
export const TOKEN = new RegExp(
  [
    // The lookaheads fail fast for the common word, which has no full stop within its first letters.
    `(?=\\p{Lu}\\p{Ll}{0,3}\\.)(?:${ABBREVIATIONS.join('|')}|\\p{Lu})\\.(?![\\p{L}\\p{N}])`,
    '(?=\\p{L}\\.)(?:\\p{L}\\.){2,}(?![\\p{L}\\p{N}])',
    "[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}\\u200c\\u200d]*(?:(?:[-.'’/&]|(?<=\\p{N}),|(?<=\\p{N}):(?=\\p{N}))[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}\\u200c\\u200d]*)*",
    '\\p{RI}\\p{RI}',
    '(\\p{P})\\1*',
    `[^${SPACE}]`,
  ]
    .map((alternative) => `(?:${alternative})`)
    .join('|') + `(?:[\\p{M}\\p{Emoji_Modifier}]|\\u200d[^${SPACE}])*`,
  'gu',
);

/**
 * Clitics are tokens of their own, as in the CoNLL-2003 files: "Kyiv's" is "Kyiv" "'s", "don't" is
 * "do" "n't", so that a tag on "Kyiv" in "Kyiv's" ends where a token ends.
 */
export const CLITIC_SUFFIX = /(?<=[\p{L}\p{N}\p{M}])(?:['’](?:s|re|ve|ll|d|m)|n['’]t)$/iu;
const CLITIC = /^(?:['’](?:s|re|ve|ll|d|m)|n['’]t)$/iu;

export interface TextToken {
  /** UTF-16 offsets into the text, end exclusive. */
  start: number;
  end: number;
}

/** TOKEN at one position only: what it finds there, or nothing when the character is white space. */
const TOKEN_HERE = new RegExp(TOKEN.source, 'uy');

/**
 * What may follow a run of ASCII letters and end it as a token, whatever the rule's alternatives: white
 * space, or punctuation that joins no word (not a full stop, hyphen, apostrophe, slash or ampersand;
 * a comma or colon joins only after a digit).
 */
const ENDS_LETTERS = new Set([0x20, 0x09, 0x0a, 0x0d, 0x2c, 0x3b, 0x3a, 0x21, 0x3f, 0x29, 0x22, 0x5d, 0x7d]);

/** The tokens of a text, in order; together with the white space between them they are the whole text. */
export function cutTokens(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  let at = 0;
  while (at < text.length) {
    // Most tokens are a run of ASCII letters followed by a space or a comma: then the rule's token is
    // that run (no full stop for a title or initials, nothing that joins, no mark), found without the
    // pattern, which costs most of an export to CoNLL. Anything else goes to the pattern itself.
    let end = at;
    while (end < text.length && isAsciiLetter(text.charCodeAt(end))) end++;
    if (end > at && (end === text.length || ENDS_LETTERS.has(text.charCodeAt(end)))) {
      tokens.push({ start: at, end });
      at = end;
      continue;
    }
    TOKEN_HERE.lastIndex = at;
    const match = TOKEN_HERE.exec(text);
    // Nothing here: white space, which the pattern's last alternative (any other character) alone refuses.
    if (match === null) {
      at++;
      continue;
    }
    const start = at;
    end = TOKEN_HERE.lastIndex;
    at = end;
    // Most tokens hold no apostrophe: the suffix test is skipped for them.
    const clitic = holdsApostrophe(text, start, end) ? CLITIC_SUFFIX.exec(match[0]) : null;
    if (clitic !== null) {
      tokens.push({ start, end: start + clitic.index }, { start: start + clitic.index, end });
    } else {
      tokens.push({ start, end });
    }
  }
  return tokens;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

function holdsApostrophe(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x27 || code === 0x2019) return true;
  }
  return false;
}

/** What ends a sentence when it is written against the word before it. */
const SENTENCE_FINAL = /^(?:[.!?…。！？]+)$/u;
/** What may follow a sentence's final punctuation and still belong to the sentence. */
const CLOSING = /^(?:[)\]}”’»›"'.!?…。！？,;:%]+|'')$/u;
const OPENING = /^(?:[(\[{“‘«‹„¿¡$£€#"]|``)$/u;
/** What starts a new sentence after final punctuation: a capital, a digit, an opening quote or bracket. */
const SENTENCE_START = /^[\p{Lu}\p{Lt}\p{N}(\[“‘«„"¿¡]/u;

/**
 * Where sentences start: indices into `tokens` (the first is 0 when there is a token). A sentence ends
 * at a line break, and after final punctuation ("." "!" "?" "…", with the closing quotes and brackets
 * written against it) that is itself written against the word before it and followed by white space
 * and a capital, a digit or an opening quote or bracket. `mayBreak(i)` says whether a sentence may
 * start at token i (export keeps a tag's tokens in one sentence).
 */
export function sentenceStarts(text: string, tokens: readonly TextToken[], mayBreak: (index: number) => boolean = () => true): number[] {
  const starts: number[] = tokens.length > 0 ? [0] : [];
  for (let i = 1; i < tokens.length; i++) {
    if (!mayBreak(i)) continue;
    if (endsSentenceBefore(text, tokens, i) !== undefined) starts.push(i);
  }
  return starts;
}

/**
 * Whether a sentence ends between tokens i-1 and i: undefined if not, else the index of the final
 * punctuation that ends it (-1 for a line break), which the rebuild moves away from its word when a
 * sentence must not end there.
 */
function endsSentenceBefore(text: string, tokens: readonly TextToken[], i: number): number | undefined {
  const gapStart = tokens[i - 1].end;
  const start = tokens[i].start;
  // Between most tokens lies nothing or one space, and most words start with a small ASCII letter,
  // which SENTENCE_START refuses: both told without slicing the text (most of this test's cost).
  if (start === gapStart) return undefined;
  if (!(start - gapStart === 1 && text.charCodeAt(gapStart) === 0x20) && LINE_BREAK.test(text.slice(gapStart, start))) return -1;
  const first = text.charCodeAt(start);
  if ((first >= 0x61 && first <= 0x7a) || !SENTENCE_START.test(text.slice(start, tokens[i].end))) return undefined;
  // Back over closing tokens written against each other to the final punctuation.
  for (let j = i - 1; j >= 1; j--) {
    const token = text.slice(tokens[j].start, tokens[j].end);
    const attached = tokens[j - 1].end === tokens[j].start;
    if (SENTENCE_FINAL.test(token)) return attached ? j : undefined;
    if (!CLOSING.test(token) || !attached) return undefined;
  }
  return undefined;
}

/**
 * The line a sentence's tokens are written as when an article is made from a CoNLL file: tokens
 * separated by one space, except that no space goes before closing punctuation or a clitic ("," "."
 * ")" "'s" "n't") nor after an opening bracket or quote ("(" "“" "$"), a straight double quote
 * counting as opening and closing in turn. A space is kept wherever leaving it out would make the
 * line cut into other tokens, or would end a sentence inside the line, so cutting the line gives back
 * exactly these tokens as one sentence; `faithful` is false when even that cannot be (a token that
 * is not one token by the rule above, such as "Mr.").
 */
export function sentenceLine(tokens: readonly string[]): { line: string; offsets: TextToken[]; faithful: boolean } {
  const spacedBefore = new Set<number>();
  for (;;) {
    const built = joinTokens(tokens, spacedBefore);
    const cut = cutTokens(built.line);
    const sameTokens = cut.length === tokens.length && cut.every((token, i) => token.start === built.offsets[i].start && token.end === built.offsets[i].end);
    if (!sameTokens) return { ...built, faithful: false };
    let moved = false;
    for (let i = 1; i < cut.length; i++) {
      const final = endsSentenceBefore(built.line, cut, i);
      if (final !== undefined && final >= 0 && !spacedBefore.has(final)) {
        spacedBefore.add(final);
        moved = true;
      }
    }
    if (!moved) return { ...built, faithful: sentenceStarts(built.line, cut).length <= 1 };
  }
}

function joinTokens(tokens: readonly string[], spacedBefore: ReadonlySet<number>): { line: string; offsets: TextToken[] } {
  let line = '';
  let chunkStart = 0;
  let chunkTokens = 0;
  let doubleQuoteOpen = false;
  let previousOpens = false;
  const offsets: TextToken[] = [];
  tokens.forEach((token, i) => {
    let opens = OPENING.test(token);
    let closes = CLOSING.test(token) || CLITIC.test(token);
    if (token === '"') {
      opens = !doubleQuoteOpen;
      closes = doubleQuoteOpen;
      doubleQuoteOpen = !doubleQuoteOpen;
    }
    let glued = false;
    if (i > 0 && !spacedBefore.has(i) && (closes || previousOpens)) {
      // Glue only if the chunk still cuts into the same tokens (",5" after "3" would make "3,5").
      const candidate = line.slice(chunkStart) + token;
      const cut = cutTokens(candidate);
      glued = cut.length === chunkTokens + 1 && cut[chunkTokens].start === candidate.length - token.length && cut[chunkTokens].end === candidate.length;
    }
    if (i > 0 && !glued) {
      line += ' ';
      chunkStart = line.length;
      chunkTokens = 0;
    }
    offsets.push({ start: line.length, end: line.length + token.length });
    line += token;
    chunkTokens++;
    previousOpens = opens && !closes;
  });
  return { line, offsets };
}
