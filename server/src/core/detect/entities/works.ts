/**
 * Titles of works: a quoted title right after the kind of work or a verb of performing it ("the film "The Last
 * Harvest"", "sang "Sweet Home"", "its news program "Evening Watch 9""). The title is in title case, short and
 * without sentence punctuation, so a quoted remark after "show" ("The show "was a disaster"") is not one.
 */
import type { Scan } from './chunks';
import type { Finding } from './recognise';
import { wordListBit } from './wordLists';

const WORK_CUES: ReadonlySet<string> = new Set([
  'book', 'novel', 'memoir', 'film', 'movie', 'documentary', 'song', 'album', 'single', 'track', 'anthem', 'hymn',
  'play', 'musical', 'opera', 'poem', 'painting', 'series', 'show', 'sitcom', 'drama', 'programme', 'program',
  'podcast', 'sang', 'sing', 'sings', 'singing', 'played', 'performed', 'performing', 'titled', 'entitled',
]);
const OPENING_QUOTES: ReadonlySet<string> = new Set(['"', '“', '‘', "'"]);
const CLOSING_QUOTES: ReadonlySet<string> = new Set(['"', '”', '’', "'"]);
/** Small words a title keeps in lowercase ("Gone with the Wind"). */
const TITLE_SMALL_WORDS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'of', 'in', 'on', 'and', 'to', 'for', 'at', 'with', 'by', 'from', 'or']);
const MAX_TITLE_TOKENS = 8;
/** Where findWorkTitles starts (ruleStarts.ts). */
export const OPENING_QUOTE = wordListBit(OPENING_QUOTES);
const WORK_CUE = wordListBit(WORK_CUES);

/** `quotes` are the tokens, neither first nor last, whose word opens a quote, in order (ruleStarts.ts). */
export function findWorkTitles(scan: Scan, quotes: Int32Array, findings: Finding[]): void {
  const { tokens, lines } = scan;
  // By word id, whether it cues a work: a set lookup per token was this rule's main cost.
  const roles = tokens.wordLists();
  // Past the end of the last title, so that its closing quote is not read as an opening one.
  let readTo = 0;
  for (const q of quotes) {
    if (q <= readTo || (roles[tokens.wordId(q - 1)]! & WORK_CUE) === 0 || lines[tokens.line(q)] !== 'prose') continue;
    const from = q + 1;
    if (!tokens.isCapitalised(from)) continue;
    let to = from;
    let titled = true;
    while (to < tokens.length && to - from <= MAX_TITLE_TOKENS && !CLOSING_QUOTES.has(tokens.text(to)) && tokens.line(to) === tokens.line(q)) {
      const word = tokens.text(to);
      const isNumber = /^\d+$/.test(word);
      if (!tokens.isWord(to) || !(tokens.isCapitalised(to) || isNumber || TITLE_SMALL_WORDS.has(word))) titled = false;
      to++;
    }
    if (!titled || to === from || !tokens.has(to) || !CLOSING_QUOTES.has(tokens.text(to)) || to - from > MAX_TITLE_TOKENS) continue;
    // The title takes the place of what was read inside it ("Sweet Caroline" is no person).
    for (let n = findings.length - 1; n >= 0; n--) if (findings[n]!.fromToken >= from && findings[n]!.toToken <= to) findings.splice(n, 1);
    findings.push({ start: tokens.start(from), end: tokens.end(to - 1), label: 'WORK_OF_ART', confidence: 0.75, fromToken: from, toToken: to, evidence: 'context' });
    readTo = to;
  }
}
