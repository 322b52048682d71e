/**
 * How learnt text is found again, stated once for the editor, the CLI and the simulation:
 * - whole words only: "Kyiv" never matches inside "Kyivstar", and a possessive stays outside the
 *   span ("Umerov's" gives "Umerov", the apostrophe ending the word);
 * - case as taught: "Will" (a name) does not match "will"; but a headline in capitals matches the
 *   upper-cased text ("ZELENSKY"), and text taught in lower case also matches with a capital first
 *   letter, as at the start of a sentence ("drones" → "Drones");
 * - no other inflection: a plural or another form is another text, taught by its own tag.
 */

export function isWordChar(char: string | undefined): boolean {
  if (char === undefined) return false;
  const code = char.charCodeAt(0);
  // ASCII, most of any English article, without the regular expression.
  if (code < 128) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
  return /[\p{L}\p{N}]/u.test(char);
}

/** The forms of `text` that count as the same text in an article, the taught form first. */
export function formsOf(text: string): string[] {
  const forms = [text];
  const upper = text.toUpperCase();
  if (upper !== text) forms.push(upper);
  const first = text.codePointAt(0)!;
  const firstChar = String.fromCodePoint(first);
  if (firstChar !== firstChar.toUpperCase() && firstChar === firstChar.toLowerCase()) forms.push(firstChar.toUpperCase() + text.slice(firstChar.length));
  return forms;
}

/** The first word of `text` (letters and digits), or the whole text when it starts with neither. */
export function firstWord(text: string): string {
  let end = 0;
  for (const char of text) {
    if (!isWordChar(char)) break;
    end += char.length;
  }
  return end === 0 ? text : text.slice(0, end);
}

/** Whether `text` stands at `start..end` of `article` as whole words. */
export function isWholeWordsAt(article: string, start: number, end: number): boolean {
  return !isWordChar(charBefore(article, start)) && !isWordChar(charAt(article, end));
}

/**
 * The words either side of a span, lower-cased, within its sentence: the context in which a rejection
 * applies. Spaces, quotes and brackets between are skipped; a line break or other punctuation ends
 * the context ("" on that side), so "Western" starting a sentence has no word before it.
 */
export function contextAround(article: string, start: number, end: number): { before: string; after: string } {
  let to = end;
  while (to < article.length && isSkippable(article[to]!)) to++;
  let wordEnd = to;
  while (wordEnd < article.length && isWordChar(charAt(article, wordEnd))) wordEnd += charAt(article, wordEnd)!.length;
  return { before: wordBefore(article, start).toLowerCase(), after: article.slice(to, wordEnd).toLowerCase() };
}

/** The word before `start` within its sentence, as written, skipping what contextAround skips; "" if none. */
export function wordBefore(article: string, start: number): string {
  let from = start;
  while (from > 0 && isSkippable(article[from - 1]!)) from--;
  let wordStart = from;
  while (wordStart > 0 && isWordChar(charBefore(article, wordStart))) wordStart -= charBefore(article, wordStart)!.length;
  return article.slice(wordStart, from);
}

function isSkippable(char: string): boolean {
  return /[^\S\r\n]|["'“”‘’«»()[\]]/.test(char);
}

/** The character (a whole code point) ending at `offset`. */
function charBefore(text: string, offset: number): string | undefined {
  if (offset <= 0) return undefined;
  const code = text.charCodeAt(offset - 1);
  if (code >= 0xdc00 && code <= 0xdfff && offset >= 2) return text.slice(offset - 2, offset);
  return text[offset - 1];
}

/** The character (a whole code point) starting at `offset`. */
function charAt(text: string, offset: number): string | undefined {
  if (offset >= text.length) return undefined;
  return String.fromCodePoint(text.codePointAt(offset)!);
}

/**
 * Where `phrase` stands in `text` as the lexicon would find it (any of its forms, as whole words):
 * UTF-16 starts and ends, in order, never overlapping.
 */
export function occurrencesOf(text: string, phrase: string): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = [];
  if (phrase.length === 0) return found;
  const forms = formsOf(phrase);
  const next = forms.map((form) => text.indexOf(form));
  let from = 0;
  for (;;) {
    // The leftmost of the forms' next places (upper case may change the length: "ß" is "SS").
    let start = -1;
    let length = 0;
    for (let n = 0; n < forms.length; n++) {
      if (next[n]! >= 0 && next[n]! < from) next[n] = text.indexOf(forms[n]!, from);
      if (next[n]! >= 0 && (start < 0 || next[n]! < start)) {
        start = next[n]!;
        length = forms[n]!.length;
      }
    }
    if (start < 0) return found;
    const end = start + length;
    if (isWholeWordsAt(text, start, end)) {
      found.push({ start, end });
      from = end;
    } else from = start + 1;
  }
}

/** Whether the UTF-16 unit at `at` belongs to a letter or digit (isWordChar), either half of an astral one included. */
export function isWordUnit(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 128) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
  if (code >= 0xd800 && code <= 0xdfff) {
    const previous = at > 0 ? text.charCodeAt(at - 1) : 0;
    const pairStart = code >= 0xdc00 && previous >= 0xd800 && previous <= 0xdbff ? at - 1 : at;
    return isWordChar(String.fromCodePoint(text.codePointAt(pairStart)!));
  }
  let known = BMP_WORD_UNITS[code];
  if (known === 0) BMP_WORD_UNITS[code] = known = isWordChar(String.fromCharCode(code)) ? 1 : 2;
  return known === 1;
}

/** Whether each BMP character is a letter or digit, learnt as met: 0 not yet known, 1 yes, 2 no. */
const BMP_WORD_UNITS = new Uint8Array(0x10000);
