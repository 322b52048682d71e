/**
 * A language name that is also a nationality ("German", "Tamil") is the language only by its context: a cue
 * before it ("in", "speaking", "switching to", "languages, including"), directly or through a list of languages
 * ("in Hindi and English"), and no noun or name after it ("in German before", not "German companies").
 */
import type { TokenList } from './tokenize';
import { LANGUAGE_CUES } from './curated/norp';
import { LANGUAGE_NAMES } from './knownNames';

/** Lowercase words after a language that are not a noun it qualifies: "in German before", "in Hindi and". */
const NOT_NOUNS: ReadonlySet<string> = new Set([
  'and', 'or', 'but', 'nor', 'before', 'after', 'when', 'while', 'with', 'without', 'to', 'from', 'at', 'on', 'for',
  'as', 'than', 'because', 'so', 'until', 'since', 'during', 'instead', 'rather', 'then', 'too', 'only', 'again',
  'about', 'if', 'by', 'is', 'was', 'are', 'were', 'be', 'has', 'had', 'have', 'language', 'languages', 'said',
  'says', 'which', 'that', 'who', 'where', 'of', 'in', 'into', 'over', 'via', 'through', 'not', 'also', 'either',
]);

/** Joiners of a list of languages, read backwards from one of them. */
const LIST_JOINERS: ReadonlySet<string> = new Set([',', 'and', 'or']);

/** How many lowercase words may stand between the cue and the language ("speaking fluent, rapid German"). */
const CUE_REACH = 3;

/** Whether the language name at tokens [from, to) is used as the language here. */
export function isLanguageInContext(tokens: TokenList, from: number, to: number): boolean {
  if (tokens.has(to) && tokens.line(to) === tokens.line(from) && tokens.isWord(to)) {
    if (tokens.isCapitalised(to) || !NOT_NOUNS.has(tokens.text(to))) return false;
  }
  let i = from - 1;
  // Back through a list of languages: "including Tamil, Bengali and Marathi" reads Marathi's cue from Tamil's.
  while (i >= 1 && LIST_JOINERS.has(tokens.text(i)) && LANGUAGE_NAMES.has(tokens.text(i - 1))) {
    i -= 2;
    while (i >= 0 && tokens.text(i) === ',' && i >= 1 && LANGUAGE_NAMES.has(tokens.text(i - 1))) i -= 2;
  }
  let words = 0;
  for (; i >= 0 && words < CUE_REACH && tokens.line(i) === tokens.line(from); i--) {
    const text = tokens.text(i);
    // "languages, including": a comma may stand between the cue and the list.
    if (text === ',') continue;
    if (!tokens.isWord(i) || tokens.isCapitalised(i)) return false;
    if (LANGUAGE_CUES.has(text)) return true;
    words++;
  }
  return false;
}
