/**
 * Turns the chunks of one document into labelled findings. Inside a chunk, at each item, the rules are tried
 * in order: a title introduces a person; a head word labels the sequence it ends; a first name starts a person;
 * a gazetteer phrase labels itself. Free words no rule explains are only labelled with outside evidence
 * (a verb of saying, a product head noun, a surname shape) and never on headline lines.
 */
import type { EntityLabel } from '../../base/labels';
import type { Span } from '../shared/detection';
import { tokenize, type TokenList } from './tokenize';
import { keepShape } from '../../base/shapes';
import { ChunkScanner, isFunctionCap, type Item, type Scan } from './chunks';
import { PerWord } from './perWord';
import { LANGUAGE_NAMES, firstNameStrength } from './knownNames';
import { cueLabel, ofHeadLabel, isClubSuffix, isLegalSuffix, prefixLabel } from './cues';
import { hasSlavicSurnameShape, hasAgeAfter, SPEECH_VERBS, PERSON_VERBS, AFTER_SPEAKER, NAME_PARTICLES } from './persons';
import { hasProductContext, isProductHead } from './products';
import { TITLES, LOWERCASE_TITLES, PORTFOLIO_TITLES } from './curated/titles';
import { isLanguageInContext } from './languages';
import { THE_SENSES } from './curated/products';
import { isCommonWord } from './curated/common-words';
import { CapitalWords, findCapitalNames, findDatelines, shoutedContexts } from './capitals';
import { findInitials } from './initials';
import { findModelProducts } from './models';
import { findWorkTitles } from './works';
import { joinEventYears } from './eventYears';
import { findBylines } from './bylines';
import { findTableNames } from './tables';
import { labelFromSurroundings } from './apposition';
import { findUnknownTeams, markCityTeams } from './teams';
import { findTokenStarts, type TokenStarts } from './ruleStarts';
import { wordListBit } from './wordLists';

/**
 * How a finding was made: "context" findings are worth remembering for the rest of the document; "city" and
 * "guess" findings may give way to a name the document learnt with the same words ("Kamyshin" the minister, not
 * the town); "cue" findings are learnt too, but yield to any other name of the same words; "capitals" findings were looked up case-folded and "dateline" ones open a wire story.
 */
export type Evidence = 'gazetteer' | 'city' | 'context' | 'cue' | 'document' | 'capitals' | 'dateline' | 'guess';

export interface Finding extends Span {
  label: EntityLabel;
  /** Token range [fromToken, toToken). */
  fromToken: number;
  toToken: number;
  evidence: Evidence;
}

const MAX_NAME_TOKENS = 4;
const LOC_PREFIXES: ReadonlySet<string> = new Set(['Mount', 'Mt.', 'Lake', 'Cape']);
const NAME_CONNECTORS: ReadonlySet<string> = new Set(['of', '&', 'and', 'for']);
const HEADLINE_PENALTY = 0.05;

/** `starts`, the token starts of the whole text when the caller found them already (findTokenStarts). */
export function recognise(scan: Scan, starts: TokenStarts = findTokenStarts(scan.tokens, scan.lines)): Finding[] {
  const { tokens, lines } = scan;
  const findings: Finding[] = [];
  const chunks = new ChunkScanner(scan);
  const reader = new ChunkReader(tokens, new WordFacts(scan), findings);
  // Chunks start at a capitalised word or a lowercase phrase start ("iPhone"), past the chunk read before.
  let next = 0;
  const { names } = starts;
  for (let n = 0; n < names.length; n++) {
    const i = names[n]!;
    if (i < next || !tokens.isWord(i)) continue;
    const lineKind = lines[tokens.line(i)] ?? 'prose';
    // Lines in capitals are read by capitals.ts alone: there every word looks like a name.
    if (lineKind === 'junk' || lineKind === 'shouted') continue;
    next = chunks.read(i);
    if (chunks.itemCount > 0) reader.read(chunks.items, chunks.itemCount, lineKind === 'headline');
  }
  // The wire-news rules: capitals, datelines, initials, bylines, tables, then teams among the places found.
  const capitals = new CapitalWords(tokens, starts.shouted);
  const shouted = shoutedContexts(scan, capitals);
  const lineStarts = tokens.lineStarts();
  findDatelines(scan, capitals, lineStarts, findings);
  findCapitalNames(scan, capitals, shouted, findings);
  findModelProducts(scan, starts.roles.models, starts.models, findings);
  findWorkTitles(scan, starts.quotes, findings);
  findInitials(scan, capitals, shouted, findings);
  findBylines(scan, lineStarts, findings);
  findTableNames(scan, capitals, lineStarts, findings);
  markCityTeams(tokens, starts.scores, findings);
  findUnknownTeams(scan, starts.roles.teams, starts.scores, findings);
  joinEventYears(tokens, findings);
  return findings;
}

const SPEECH_VERB = wordListBit(SPEECH_VERBS);
const PERSON_VERB = wordListBit(PERSON_VERBS);
const LOWERCASE_TITLE = wordListBit(LOWERCASE_TITLES);

function isPlaceOrNationality(label: EntityLabel): boolean {
  return label === 'GPE' || label === 'NORP' || label === 'LOC';
}

function hasDigit(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
}

/** `word === word.toUpperCase()`, told without the copy for a word with an ASCII lowercase letter (most words). */
function isUnchangedByUppercase(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 97 && code <= 122) return false;
  }
  return word === word.toUpperCase();
}

/** What the rules ask about the words of one document: each depends on the word alone, so each word is asked once. */
class WordFacts {
  readonly firstNameStrength: PerWord<'strong' | 'weak' | null>;
  readonly cueLabel: PerWord<EntityLabel | undefined>;
  readonly ofHeadLabel: PerWord<EntityLabel | undefined>;
  readonly isSpeechVerb: InWordList;
  readonly isPersonVerb: InWordList;
  readonly isLowercaseTitle: InWordList;
  readonly hasSlavicSurnameShape: PerWord<boolean>;
  readonly prefixLabel: PerWord<'EVENT' | 'FAC' | undefined>;
  /** Whether a capitalised word can be part of a name. */
  readonly isNameWord: PerWord<boolean>;

  constructor(scan: Scan) {
    const { tokens, lowercaseWords } = scan;
    this.firstNameStrength = new PerWord(tokens, firstNameStrength);
    this.cueLabel = new PerWord(tokens, cueLabel);
    this.ofHeadLabel = new PerWord(tokens, ofHeadLabel);
    this.isSpeechVerb = new InWordList(tokens, SPEECH_VERB);
    this.isPersonVerb = new InWordList(tokens, PERSON_VERB);
    this.isLowercaseTitle = new InWordList(tokens, LOWERCASE_TITLE);
    this.hasSlavicSurnameShape = new PerWord(tokens, hasSlavicSurnameShape);
    this.prefixLabel = new PerWord(tokens, prefixLabel);
    this.isNameWord = new PerWord(tokens, (word) => isNameWord(word, lowercaseWords));
  }
}

/** Whether the word of a token is in one word list: read like a PerWord, from the document's one table of lists. */
class InWordList {
  private readonly lists: Int32Array;

  constructor(
    private readonly tokens: TokenList,
    private readonly bit: number,
  ) {
    this.lists = tokens.wordLists();
  }

  at(index: number): boolean {
    return (this.lists[this.tokens.wordId(index)]! & this.bit) !== 0;
  }
}

/** Whether a capitalised word can be part of a name: not a title, a cue, a common word or one written lowercase here. */
export function isNameWord(word: string, lowercaseWords: ReadonlySet<string>): boolean {
  if (word.length < 2 || hasDigit(word)) return false;
  if (isUnchangedByUppercase(word)) return false;
  if (TITLES.has(word) || cueLabel(word) !== undefined || isFunctionCap(word)) return false;
  if (firstNameStrength(word) === 'strong') return true;
  return !isCommonWord(word) && !lowercaseWords.has(word.toLowerCase());
}

/** Reads the chunks of one document one after another, adding what it finds to `out`. */
class ChunkReader {
  /** The chunk being read is items[0, count); the array may hold more, left from longer chunks. */
  private items: readonly Item[] = [];
  private count = 0;
  private headline = false;
  /** The run of sequence-capable items [runStart, runEnd) last looked at, and its last head word. */
  private runStart = 0;
  private runEnd = 0;
  private lastHeadInRun = -1;
  /** The first of the free items no rule has explained yet, or -1. */
  private unexplainedFrom = -1;

  constructor(
    private readonly tokens: TokenList,
    private readonly words: WordFacts,
    private readonly out: Finding[],
  ) {}

  read(items: readonly Item[], count: number, headline: boolean): void {
    this.items = items;
    this.count = count;
    this.headline = headline;
    this.runStart = 0;
    this.runEnd = 0;
    this.lastHeadInRun = -1;
    this.unexplainedFrom = -1;
    let k = this.personAfterLowercaseTitle();
    while (k < this.count) {
      const item = items[k]!;
      if (item.kind === 'connector') {
        this.flushUnexplained(k);
        k++;
        continue;
      }
      if (item.kind === 'title') {
        // Free words right before a title belong to it: "Strategic Industries Minister", "Vice President".
        this.unexplainedFrom = -1;
        k = this.personAfterTitle(k);
        continue;
      }
      const next = this.namedAfterPrefix(k) ?? this.cueSequence(k) ?? this.personFromFirstName(k);
      if (next !== null) {
        this.flushUnexplained(k);
        k = next;
        continue;
      }
      if (item.kind === 'phrase') {
        this.flushUnexplained(k);
        this.emitPhrase(item);
        k++;
        continue;
      }
      if (this.unexplainedFrom < 0) this.unexplainedFrom = k;
      k++;
    }
    this.flushUnexplained(this.count);
  }

  /** The free items before `until` that no rule explained get a last look for outside evidence. */
  private flushUnexplained(until: number): void {
    if (this.unexplainedFrom >= 0) this.guessFreeRun(this.unexplainedFrom, until);
    this.unexplainedFrom = -1;
  }

  // ---- persons -------------------------------------------------------------------------------------------

  /** "striker Erling Haaland", "his Russian counterpart Sergey Lavrov". */
  private personAfterLowercaseTitle(): number {
    if (this.headline) return 0;
    const before = this.items[0]!.from - 1;
    if (!this.tokens.has(before) || !this.words.isLowercaseTitle.at(before)) return 0;
    const run = this.nameRun(0);
    if (run === null) return 0;
    // "rival Arden Micro Devices Ltd": a head word after the name makes it an organisation.
    const after = this.item(run.nextItem);
    if (after?.kind === 'free' && this.words.cueLabel.at(after.from) !== undefined) return 0;
    this.emit(this.items[0]!.from, run.endToken, 'PERSON', 0.8, 'context');
    return run.nextItem;
  }

  private personAfterTitle(k: number): number {
    let last = k;
    while (this.item(last + 1)?.kind === 'title') last++;
    const run = this.nameRun(last + 1);
    if (run === null) return last + 1;
    // "Chief Financial Officer Claire Dubois": a word between two titles belongs to the title.
    if (this.item(run.nextItem)?.kind === 'title' && run.nextItem === last + 2) return run.nextItem;
    const knownName = this.words.firstNameStrength.at(this.items[last + 1]!.from) !== null;
    if (this.headline && !knownName && !this.words.hasSlavicSurnameShape.at(run.endToken - 1)) return run.nextItem;
    this.emit(this.items[last + 1]!.from, run.endToken, 'PERSON', knownName ? 0.9 : 0.85, 'context');
    return run.nextItem;
  }

  private personFromFirstName(k: number): number | null {
    const item = this.items[k]!;
    const isPlaceNamedLikePerson = item.kind === 'phrase' && (item.entry.source === 'city' || item.entry.source === 'country') && item.to - item.from === 1;
    if (item.kind !== 'free' && !isPlaceNamedLikePerson) return null;
    const strength = this.words.firstNameStrength.at(item.from);
    if (strength === null) return null;
    const run = this.nameRun(k + 1);
    if (run === null) return null;
    if (strength === 'weak' && (this.tokens.opensSentence(item.from) || this.headline) && !this.words.hasSlavicSurnameShape.at(run.endToken - 1)) return null;
    // "Wen-Li Zhang": the first part of a hyphenated given name comes along.
    const before = this.item(k - 1);
    const joined = before?.kind === 'free' && this.unexplainedFrom === k - 1 && this.tokens.isHyphenJoined(item.from) && this.isNameToken(before.from);
    if (joined) this.unexplainedFrom = -1;
    this.emit(joined ? before.from : item.from, run.endToken, 'PERSON', strength === 'strong' ? 0.9 : 0.7, 'context');
    return run.nextItem;
  }

  /**
   * Capitalised name words from item `k` on, with particles between them ("von der Leyen"); null when the
   * first item is not name-like.
   */
  private nameRun(k: number): { endToken: number; nextItem: number } | null {
    let names = 0;
    let endToken = -1;
    let nextItem = k;
    for (let m = k; m < this.count && names < MAX_NAME_TOKENS; m++) {
      const item = this.items[m]!;
      if (item.kind === 'connector') {
        if (names === 0 || !NAME_PARTICLES.has(this.tokens.text(item.from))) break;
        continue;
      }
      // Generated city names double as surnames ("Oleksandr Kamyshin"); curated places and countries do not.
      const isCityNamedLikePerson = item.kind === 'phrase' && item.entry.source === 'city' && item.to - item.from === 1;
      if (!isCityNamedLikePerson && !(item.kind === 'free' && this.isNameToken(item.from))) break;
      names += item.to - item.from;
      endToken = item.to;
      nextItem = m + 1;
    }
    return names > 0 ? { endToken, nextItem } : null;
  }

  private isNameToken(index: number): boolean {
    return this.tokens.isCapitalised(index) && this.words.isNameWord.at(index);
  }

  // ---- head words ----------------------------------------------------------------------------------------

  /**
   * "Defense Ministry", "Kharkiv Oblast", "Armed Forces of Ukraine", "Ministry of National Defence":
   * the sequence up to its last head word, plus an "of" tail. Places and nationalities before the head are
   * absorbed ("Ukrainian Navy"); organisations only into events ("NATO Industry Forum").
   */
  private cueSequence(k: number): number | null {
    const { items, tokens } = this;
    if (!this.canStartSequence(items[k]!)) return null;
    const lastHeadAfterK = this.lastHeadAfter(k);
    let head = lastHeadAfterK >= 0 ? lastHeadAfterK : this.isHeadWord(k, false) ? k : -1;
    if (head < 0 && items[k]!.kind === 'free' && this.words.ofHeadLabel.at(items[k]!.from) && this.hasOfTail(k)) head = k;
    if (head < 0) return null;
    const titleAfter = this.item(head + 1);
    if (titleAfter?.kind === 'title' && PORTFOLIO_TITLES.has(tokens.text(titleAfter.from))) return null;

    const headToken = items[head]!.from;
    const label: EntityLabel = this.words.cueLabel.at(headToken) ?? this.words.ofHeadLabel.at(headToken) ?? 'ORG';
    let start = k;
    const legalForm = isLegalSuffix(tokens.text(headToken));
    for (let m = k; m < head; m++) {
      const item = items[m]!;
      const absorbable = item.kind !== 'phrase' || isPlaceOrNationality(item.entry.label) || label === 'EVENT' || legalForm;
      if (!absorbable) start = m + 1;
    }
    // Common words before the name are the headline's or the sentence's ("Former Lakeshore Capital executive").
    if (this.headline || tokens.opensSentence(items[start]!.from)) {
      while (start < head && items[start]!.kind === 'free' && isCommonWord(tokens.text(items[start]!.from))) start++;
    }
    let end = head;
    if (this.hasOfTail(head)) {
      end = head + 2;
      while (end + 1 < this.count && items[end + 1]!.kind !== 'title' && !(items[end + 1]!.kind === 'connector' && end + 2 >= this.count)) end++;
    } else if (start === head) {
      return this.placeAfterPrefix(head);
    }
    if (start > k) {
      // The absorbed-but-not-part items before the sequence are read on their own.
      for (let m = k; m < start; m++) if (items[m]!.kind === 'phrase') this.emitPhrase(items[m] as Extract<Item, { kind: 'phrase' }>);
    }
    const first = start === 0 && label === 'ORG' && !this.headline ? this.wordJoinedByAnd(items[0]!.from) : -1;
    this.emit(first >= 0 ? first : items[start]!.from, items[end]!.to, label, this.headline ? 0.65 : 0.75, 'context');
    return end + 1;
  }

  /**
   * "Securities and Exchange Commission": the one capitalised word joined by "and" to an organisation's name,
   * or -1. Not after a connector ("Department of Health and Human Services" keeps its first organisation).
   */
  private wordJoinedByAnd(from: number): number {
    const { tokens } = this;
    const word = from - 2;
    if (word < 0 || tokens.text(from - 1) !== 'and' || tokens.line(word) !== tokens.line(from)) return -1;
    if (!tokens.isCapitalised(word) || tokens.opensSentence(word) || isFunctionCap(tokens.text(word)) || TITLES.has(tokens.text(word))) return -1;
    const before = word - 1;
    const beforeWord = tokens.has(before) && tokens.line(before) === tokens.line(word) ? tokens.text(before) : '';
    const joined = (tokens.isCapitalised(before) && beforeWord !== '' && !isFunctionCap(beforeWord)) || NAME_CONNECTORS.has(beforeWord);
    return joined ? -1 : word;
  }

  /** "Mount Aso", "Lake Victoria": a geographic word before a name, not after it. */
  private placeAfterPrefix(h: number): number | null {
    const name = this.item(h + 1);
    if (!LOC_PREFIXES.has(this.tokens.text(this.items[h]!.from)) || name === undefined) return null;
    const isName = name.kind === 'free' ? this.isNameToken(name.from) : name.kind === 'phrase' && isPlaceOrNationality(name.entry.label);
    if (!isName || name.to - name.from > 1) return null;
    this.emit(this.items[h]!.from, name.to, 'LOC', 0.75, 'context');
    return h + 2;
  }

  /**
   * "Hurricane Odalys", "Plaza Serrano": a naming word and one name after it. A storm takes an unknown name only
   * ("Storm Paris fans" is a team); a square may be named after a place ("Plaza Italia").
   */
  private namedAfterPrefix(k: number): number | null {
    const item = this.items[k]!;
    const label = item.kind === 'free' ? this.words.prefixLabel.at(item.from) : undefined;
    const name = this.item(k + 1);
    if (label === undefined || name === undefined || name.to - name.from > 1) return null;
    const isName = name.kind === 'free' ? this.isNameToken(name.from) : label === 'FAC' && name.kind === 'phrase' && isPlaceOrNationality(name.entry.label);
    if (!isName) return null;
    this.emit(item.from, name.to, label, this.headline ? 0.7 : 0.75, 'context');
    return k + 2;
  }

  /** "Ministry of …": item `h` is followed by "of" and more. */
  private hasOfTail(h: number): boolean {
    const next = this.item(h + 1);
    return next?.kind === 'connector' && this.tokens.text(next.from) === 'of' && h + 2 < this.count;
  }

  /** Item `k` of the chunk, undefined outside it. */
  private item(k: number): Item | undefined {
    return k >= 0 && k < this.count ? this.items[k] : undefined;
  }

  /**
   * The last head word after item `k` in the run of items that can form a sequence with it, or -1. The run and
   * its last head are found once per run, not once per item: a long Title-Case line would be quadratic.
   */
  private lastHeadAfter(k: number): number {
    if (k < this.runStart || k >= this.runEnd) {
      this.runStart = k;
      this.lastHeadInRun = -1;
      let c = k + 1;
      // "Bill & Melinda Gates Foundation": an ampersand joins the words of one name.
      for (; c < this.count && (this.canStartSequence(this.items[c]!) || this.isAmpersand(c)); c++) if (this.isHeadWord(c, true)) this.lastHeadInRun = c;
      this.runEnd = c;
    }
    return this.lastHeadInRun > k ? this.lastHeadInRun : -1;
  }

  /**
   * A free word that ends a sequence: a cue word or, after a place other than the sequence's first item,
   * a team suffix or a plural nickname ("Manchester United", "Los Angeles Lakers").
   */
  private isHeadWord(c: number, afterSequenceStart: boolean): boolean {
    const item = this.items[c]!;
    if (item.kind !== 'free') return false;
    const word = this.tokens.text(item.from);
    if (this.words.cueLabel.at(item.from) !== undefined && !isClubSuffix(word)) return true;
    const previous = this.item(c - 1);
    if (!afterSequenceStart || previous?.kind !== 'phrase' || previous.entry.label !== 'GPE') return false;
    const nickname = !this.headline && previous.entry.source === 'city' && word.endsWith('s') && this.isNameToken(item.from);
    return isClubSuffix(word) || nickname;
  }

  private isAmpersand(c: number): boolean {
    const item = this.items[c]!;
    return item.kind === 'connector' && item.to - item.from === 1 && this.tokens.text(item.from) === '&';
  }

  private canStartSequence(item: Item): boolean {
    if (item.kind === 'free') return true;
    return item.kind === 'phrase' && item.entry.label !== 'PRODUCT';
  }

  // ---- gazetteer phrases ---------------------------------------------------------------------------------

  private emitPhrase(item: Extract<Item, { kind: 'phrase' }>): void {
    const { entry } = item;
    // The phrase's text is built only for the few checks that need it: most phrases are places, never looked at so.
    let label = entry.label;
    let confidence = entry.source === 'city' ? 0.85 : 0.9;
    if (entry.needsContext) {
      if (hasProductContext(this.tokens, item.from, item.to)) {
        confidence = 0.85;
      } else {
        const afterThe = this.tokens.has(item.from - 1) && this.tokens.text(item.from - 1) === 'The';
        const otherSense = afterThe ? THE_SENSES.get(this.phraseText(item.from, item.to)) : undefined;
        if (!otherSense) return;
        label = otherSense;
        confidence = 0.7;
      }
    }
    if (label === 'NORP' && LANGUAGE_NAMES.has(this.phraseText(item.from, item.to)) && isLanguageInContext(this.tokens, item.from, item.to)) label = 'LANGUAGE';
    if (entry.source === 'city') {
      const strength = item.to - item.from === 1 ? this.words.firstNameStrength.at(item.from) : firstNameStrength(this.phraseText(item.from, item.to));
      if (strength !== null) confidence = 0.6;
    }
    this.emit(item.from, item.to, label, confidence, entry.source === 'city' ? 'city' : 'gazetteer');
  }

  // ---- free words ----------------------------------------------------------------------------------------

  /** Free words with outside evidence: "Flamingo and Ruta missiles", "Kamyshin said", "said Umerov". */
  private guessFreeRun(from: number, until: number): void {
    if (this.headline || until - from > 3) return;
    const { items, tokens } = this;
    const firstToken = items[from]!.from;
    const endToken = items[until - 1]!.to;
    const endsChunk = until === this.count;
    for (let m = from; m < until; m++) if (!this.isNameToken(items[m]!.from)) return;

    if (endsChunk && this.precedesProductHead(endToken)) {
      this.emit(firstToken, endToken, 'PRODUCT', 0.7, 'context');
      return;
    }
    const aroundLabel = from === 0 && endsChunk ? labelFromSurroundings(tokens, firstToken, endToken) : undefined;
    if (aroundLabel !== undefined) {
      this.emit(firstToken, endToken, aroundLabel, 0.7, 'context');
      return;
    }
    const slavic = this.words.hasSlavicSurnameShape.at(endToken - 1);
    // "Kospi added 0.4%" reports a figure, not a speaker.
    const figureAfterVerb = tokens.has(endToken + 1) && /^[\d$€£¥+-]/.test(tokens.text(endToken + 1));
    const verbAfter = endsChunk && tokens.has(endToken) && (this.words.isSpeechVerb.at(endToken) || this.words.isPersonVerb.at(endToken)) && !figureAfterVerb;
    const before = firstToken - 1;
    const verbBefore = from === 0 && tokens.has(before) && this.words.isSpeechVerb.at(before) && (!tokens.has(endToken) || !tokens.isWord(endToken) || AFTER_SPEAKER.has(tokens.text(endToken)));
    if (verbAfter || verbBefore || (endsChunk && hasAgeAfter(tokens, endToken))) {
      // A lone word is a person by this cue only until the story says otherwise ("Norvex said" of Norvex Inc.).
      this.emit(firstToken, endToken, 'PERSON', slavic ? 0.8 : verbAfter || verbBefore ? 0.65 : 0.7, until - from === 1 && !slavic ? 'cue' : 'context');
      return;
    }
    if (slavic && until - from >= 2) this.emit(firstToken, endToken, 'PERSON', 0.7, 'context');
  }

  /** A product head follows, directly or after a coordinated name: "Flamingo and Ruta missiles". */
  private precedesProductHead(index: number): boolean {
    if (isProductHead(this.tokens, index)) return true;
    const { tokens } = this;
    const joiner = tokens.has(index) ? tokens.text(index) : undefined;
    if (joiner !== 'and' && joiner !== 'or' && joiner !== ',') return false;
    return tokens.has(index + 1) && tokens.isCapitalised(index + 1) && isProductHead(tokens, index + 2);
  }

  // ---- output --------------------------------------------------------------------------------------------

  private phraseText(from: number, to: number): string {
    let text = this.tokens.text(from);
    for (let i = from + 1; i < to; i++) text += ' ' + this.tokens.text(i);
    return text;
  }

  private emit(fromToken: number, toToken: number, label: EntityLabel, confidence: number, evidence: Evidence): void {
    const start = this.tokens.start(fromToken);
    const end = this.tokens.end(toToken - 1);
    const adjusted = this.headline ? confidence - HEADLINE_PENALTY : confidence;
    this.out.push({ start, end, label, confidence: Math.round(adjusted * 100) / 100, fromToken, toToken, evidence });
  }
}

// One small object of each kind this file makes per document, kept so that their maps outlive every document
// (base/shapes.ts): the scan, the chunk scanner and reader, the word facts, a finding (document-names.ts makes
// findings of the same shape) and the capital words.
const SAMPLE_SCAN = keepShape<Scan>({ tokens: tokenize('Anna Kovac', { isKnownCompound: () => false }), lines: ['prose'], lowercaseWords: new Set<string>() });
keepShape(new ChunkScanner(SAMPLE_SCAN)).read(0);
keepShape(new ChunkReader(SAMPLE_SCAN.tokens, keepShape(new WordFacts(SAMPLE_SCAN)), []));
keepShape<Finding>({ start: 0, end: 4, label: 'PERSON', confidence: 0.85, fromToken: 0, toToken: 1, evidence: 'context' });
keepShape(new CapitalWords(SAMPLE_SCAN.tokens)).shoutedTokens();
