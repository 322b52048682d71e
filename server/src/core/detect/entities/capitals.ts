/**
 * Names written in capitals. Wire copy shouts its headlines ("CYCLING - KOVAC TAKES STAGE IN ALPS") and its
 * datelines ("KYIV, Jan 5 (Reuters) -", "GENEVA 2024-03-02"), where capitalisation says nothing about what is a
 * name. Words there are looked up case-folded ("SAN JOSE" as "San Jose") in the gazetteer and, in
 * document-names.ts, among the names the story established; nothing is guessed from the capitals alone, so a
 * banner's common words ("DOWNLOAD THE APP", "FOLLOW US") stay untagged.
 */
import type { EntityLabel } from '../../base/labels';
import type { TokenList } from './tokenize';
import type { Scan } from './chunks';
import type { Finding } from './recognise';
import { STATIC_INDEX, firstNameStrength, type LexiconEntry, type PhraseIndex, type PhraseNode } from './knownNames';
import { isCommonWord } from './curated/common-words';
import { PerWord } from './perWord';
import { isShoutedWord, foldCapitals } from './wordCase';

export { isShoutedWord, foldCapitals };

/** Wire slugs and section labels that open a line like a dateline but name nothing ("UPDATE 2-", "FACTBOX-"). */
const WIRE_SLUGS: ReadonlySet<string> = new Set([
  'Update', 'Breaking', 'Exclusive', 'Analysis', 'Factbox', 'Explainer', 'Insight', 'Wrapup', 'Refile', 'Corrected',
  'Correction', 'Urgent', 'Flash', 'Alert', 'Preview', 'Interview', 'Column', 'Opinion', 'Editorial', 'Feature',
  'Rpt', 'Advisory', 'Live', 'Watch', 'Video', 'Photos', 'Poll', 'Timeline', 'Focus', 'Graphic', 'Sports', 'Wider',
  'Image', 'Breakingviews', 'Brief', 'Instant', 'View', 'Review', 'Obituary', 'Q&A', 'Recap', 'Highlights',
]);

const DATE_LIKE = /^\d{1,4}[-/.]\d{1,2}/;
const DASHES: ReadonlySet<string> = new Set(['-', '–', '—', '--']);
const MAX_DATELINE_WORDS = 4;
const MAX_DATELINE_TAIL = 10;

/** What the capitals rules ask of a document's words, each word asked once. */
export class CapitalWords {
  private shoutedList: Int32Array | undefined;
  readonly folded: PerWord<string>;

  /** `shoutedList`, the shouted word tokens in order when a caller found them already (ruleStarts.ts). */
  constructor(
    private readonly tokens: TokenList,
    shoutedList?: Int32Array,
  ) {
    this.shoutedList = shoutedList;
    this.folded = new PerWord(tokens, (word) => (isShoutedWord(word) ? foldCapitals(word) : word));
  }

  /** Whether the document has a shouted word at all: most have few, and some none. */
  get any(): boolean {
    return this.tokens.anyShouted;
  }

  /** The tokens whose word is shouted, in order; found once. */
  shoutedTokens(): Int32Array {
    if (this.shoutedList === undefined) {
      const found: number[] = [];
      if (this.any) {
        const { tokens } = this;
        for (let i = 0; i < tokens.length; i++) if (tokens.isShoutedWord(tokens.wordId(i)) && tokens.isWord(i)) found.push(i);
      }
      this.shoutedList = Int32Array.from(found);
    }
    return this.shoutedList;
  }

  /** Whether the word of token `index` is shouted. */
  isShouted(index: number): boolean {
    return this.tokens.isShoutedWord(this.tokens.wordId(index));
  }

  /**
   * A single word matched case-folded that is just as likely an ordinary word shouted: a common word ("MAY",
   * "US"), or one this document also writes in lowercase ("NICE" where the text says "nice").
   */
  isOrdinaryWord(index: number, lowercaseWords: ReadonlySet<string>): boolean {
    const folded = this.folded.at(index);
    return isCommonWord(folded) || lowercaseWords.has(folded.toLowerCase());
  }
}

/** The longest phrase of `index` at token `at`, each token looked up as written and, if shouted, case-folded. */
export function longestFoldedMatch(index: PhraseIndex, tokens: TokenList, words: CapitalWords, at: number): { to: number; entry: LexiconEntry } | null {
  const line = tokens.line(at);
  let level: Map<string, PhraseNode> | undefined = index.byFirstWord;
  let best: { to: number; entry: LexiconEntry } | null = null;
  for (let t = at; level !== undefined && t < tokens.length && tokens.line(t) === line; t++) {
    const node: PhraseNode | undefined = level.get(words.folded.at(t)) ?? level.get(tokens.text(t));
    if (node === undefined) break;
    if (node.entry) best = { to: t + 1, entry: node.entry };
    level = node.next;
  }
  return best;
}

/**
 * The shouted words of the document, marked 1 where capitals say nothing about names: on a line in capitals, and
 * in runs of three or more shouted words inside other lines ("... said THE NEW YORK TIMES ...").
 */
export function shoutedContexts(scan: Scan, words: CapitalWords): Uint8Array {
  const { tokens, lines } = scan;
  // Without a shouted word there is nothing to mark, and the rules that read the marks do not run.
  const marks = new Uint8Array(words.any ? tokens.length : 0);
  const shouted = words.shoutedTokens();
  for (let n = 0; n < shouted.length; ) {
    const first = shouted[n]!;
    const line = tokens.line(first);
    let end = n + 1;
    while (end < shouted.length && shouted[end] === shouted[end - 1]! + 1 && tokens.line(shouted[end]!) === line) end++;
    const kind = lines[line];
    if (kind === 'shouted' || (kind !== 'junk' && end - n >= 3)) for (let m = n; m < end; m++) marks[shouted[m]!] = 1;
    // A shouted line may hold several runs, between figures or single letters: each is marked above.
    n = end;
  }
  return marks;
}

/** Datelines at the line starts given (the first token of each line). */
export function findDatelines(scan: Scan, words: CapitalWords, lineStarts: Int32Array, out: Finding[]): void {
  if (!words.any) return;
  for (const first of lineStarts) if (scan.lines[scan.tokens.line(first)] !== 'junk') readDateline(scan, words, first, out);
}

/** Gazetteer names and first name + surname pairs among the shouted words of shouted contexts. */
export function findCapitalNames(scan: Scan, words: CapitalWords, shouted: Uint8Array, out: Finding[]): void {
  if (!words.any) return;
  const { tokens, lowercaseWords } = scan;
  const candidates = words.shoutedTokens();
  // Past the end of the last match, so that its words are not read again.
  let readTo = 0;
  for (const i of candidates) {
    if (i < readTo || shouted[i] !== 1) continue;
    const line = tokens.line(i);
    const match = longestFoldedMatch(STATIC_INDEX, tokens, words, i);
    if (match && !match.entry.needsContext && (match.to - i > 1 || !words.isOrdinaryWord(i, lowercaseWords))) {
      emit(tokens, out, i, match.to, match.entry.label, match.entry.source === 'city' ? 0.7 : 0.75, 'capitals');
      readTo = match.to;
      continue;
    }
    // "SERENA MARLOWE": a first name that is nothing else, then a word that is no common word or known name.
    const next = i + 1;
    const isSurname =
      tokens.has(next) && tokens.line(next) === line && shouted[next] === 1 && words.isShouted(next) &&
      !words.isOrdinaryWord(next, lowercaseWords) && !STATIC_INDEX.byFirstWord.has(words.folded.at(next));
    if (firstNameStrength(words.folded.at(i)) === 'strong' && isSurname) {
      emit(tokens, out, i, next + 1, 'PERSON', 0.7, 'capitals');
      readTo = next + 1;
    }
  }
}

/**
 * A dateline opening the line at `first`: one to four shouted words, then a dash, an agency in brackets, a date,
 * or a comma and a region ("SAN JOSE, California -", "KYIV, Jan 5 (Reuters) -", "GENEVA 2024-03-02"). Known
 * places keep their label; an unknown one is a GPE, as datelines name towns. Returns the token after the place,
 * or -1.
 */
function readDateline(scan: Scan, words: CapitalWords, first: number, out: Finding[]): number {
  const { tokens } = scan;
  // Most lines start with a word that is not shouted: they are done with at once.
  if (tokens.isWord(first) && !words.isShouted(first)) return -1;
  const line = tokens.line(first);
  const onLine = (t: number) => tokens.has(t) && tokens.line(t) === line;
  let start = first;
  // Emoji and bullets may come first ("🎾 MADRID - ...").
  while (onLine(start) && !tokens.isWord(start) && !DASHES.has(tokens.text(start))) start++;
  let end = start;
  while (onLine(end) && tokens.isWord(end) && words.isShouted(end) && end - start < MAX_DATELINE_WORDS) end++;
  if (end === start || !onLine(end)) return -1;
  let anyOrdinary = false;
  for (let t = start; t < end; t++) {
    const folded = words.folded.at(t);
    if (WIRE_SLUGS.has(folded)) return -1;
    if (isCommonWord(folded)) anyOrdinary = true;
  }
  const known = longestFoldedMatch(STATIC_INDEX, tokens, words, start);
  const isKnownPlace = known !== null && known.to === end && (known.entry.label === 'GPE' || known.entry.label === 'LOC');
  // An unknown place is no common word: "SOCCER-NORWAY BEAT ITALY 2-1" is a headline.
  if (!isKnownPlace && (known?.to === end || anyOrdinary)) return -1;
  // A line all in capitals is a headline, unless a known place opens it with a dash ("NEW DELHI -").
  if (!isKnownPlace && scan.lines[line] === 'shouted') return -1;
  // An unknown word of three letters or fewer is more likely initials than a town.
  if (!isKnownPlace && end - start === 1 && tokens.text(start).length < 4) return -1;
  if (!endsDateline(tokens, words, end, onLine, isKnownPlace)) return -1;
  const label: EntityLabel = isKnownPlace ? known.entry.label : 'GPE';
  emit(tokens, out, start, end, label, isKnownPlace ? 0.85 : 0.7, 'dateline');
  return end;
}

/** What follows a dateline's place: a date, a dash before prose, or a comma or brackets leading to one. */
function endsDateline(tokens: TokenList, words: CapitalWords, after: number, onLine: (t: number) => boolean, isKnownPlace: boolean): boolean {
  const text = tokens.text(after);
  // A date ("GENEVA 2024-03-02"), not a figure ("BOSTON 112 Miami 104" is a results row).
  if (DATE_LIKE.test(text)) return true;
  if (DASHES.has(text)) return proseFollows(tokens, words, after + 1, onLine, isKnownPlace);
  if (text !== ',' && text !== '(' && !(tokens.isWord(after) && tokens.isCapitalised(after))) return false;
  // ", California -", ", Jan 5 (Reuters) -", "(AP) —": capitalised words, figures and punctuation up to a dash.
  for (let t = after; t < after + MAX_DATELINE_TAIL && onLine(t); t++) {
    const word = tokens.text(t);
    if (DASHES.has(word)) return proseFollows(tokens, words, t + 1, onLine, isKnownPlace);
    const fits = tokens.isWord(t) ? tokens.isCapitalised(t) || startsWithDigit(word) : word === ',' || word === '.' || word === '(' || word === ')';
    if (!fits) return false;
  }
  return false;
}

/** After the dash comes a sentence, not more capitals ("CYCLING - KOVAC TAKES STAGE" is a headline). */
function proseFollows(tokens: TokenList, words: CapitalWords, at: number, onLine: (t: number) => boolean, isKnownPlace: boolean): boolean {
  if (!onLine(at)) return isKnownPlace;
  // "A" and "I" open sentences as well as shouted lines: the word after them tells.
  const next = tokens.text(at).length === 1 && onLine(at + 1) ? at + 1 : at;
  return !(tokens.isWord(next) && words.isShouted(next));
}

function startsWithDigit(word: string): boolean {
  const code = word.charCodeAt(0);
  return code >= 48 && code <= 57;
}

function emit(tokens: TokenList, out: Finding[], from: number, to: number, label: EntityLabel, confidence: number, evidence: 'capitals' | 'dateline'): void {
  out.push({ start: tokens.start(from), end: tokens.end(to - 1), label, confidence, fromToken: from, toToken: to, evidence });
}
