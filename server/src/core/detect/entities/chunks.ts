/**
 * Groups capitalised words into chunks ("US Ambassador to NATO Matthew Whitaker" gives "US Ambassador" and
 * "NATO Matthew Whitaker") and segments each chunk into items: gazetteer phrases, titles, free words and
 * connectors. The rules in recognise.ts then read items rather than raw tokens.
 */
import type { TokenList } from './tokenize';
import type { LineKind } from './boilerplate';
import { STATIC_INDEX, type LexiconEntry, type PhraseIndex, type PhraseNode } from './knownNames';
import { TITLES } from './curated/titles';
import { isModelDesignator } from './products';
import { NAME_PARTICLES } from './persons';
import { PerWord } from './perWord';
import { wordListBit } from './wordLists';

/** Everything the rules know about one document. */
export interface Scan {
  tokens: TokenList;
  lines: readonly LineKind[];
  /** Words seen written in lowercase in prose: their capitalised forms are probably not names. */
  lowercaseWords: ReadonlySet<string>;
}

export type Item =
  | { kind: 'phrase'; from: number; to: number; entry: LexiconEntry }
  | { kind: 'title' | 'free' | 'connector'; from: number; to: number };

/** The storage behind an Item: one object per slot, rewritten for each chunk, of one shape whatever its kind. */
interface ItemSlot {
  kind: Item['kind'];
  from: number;
  to: number;
  entry: LexiconEntry | undefined;
}

/** Capitalised function words: they open sentences, never names. */
const FUNCTION_CAPS = new Set([
  'The', 'A', 'An', 'In', 'On', 'At', 'By', 'For', 'From', 'With', 'To', 'Of', 'And', 'Or', 'But', 'As', 'If', 'It',
  'Its', "It's", 'He', 'She', 'We', 'They', 'I', 'You', 'This', 'That', 'These', 'Those', 'There', 'Here', 'His',
  'Her', 'Their', 'Our', 'My', 'Your', 'When', 'While', 'After', 'Before', 'During', 'Since', 'Until', 'Although',
  'Though', 'However', 'Meanwhile', 'Also', 'Not', 'No', 'Yes', 'So', 'Then', 'What', 'Who', 'Which', 'Where', 'Why',
  'How', 'Some', 'Many', 'Most', 'All', 'Both', 'Each', 'Every', 'Other', 'Another', 'Such', 'Despite', 'Amid',
  'According', 'Under', 'Over', 'Into', 'Neither', 'Nor', 'Either', 'Our', 'Thus', 'Hopefully', 'Maybe', 'Please',
  'Thank', 'Thanks', 'Impossible', 'Hint', 'Guess', 'Err', 'Can', 'Could', 'Should', 'Would', 'Will', 'Did', 'Do',
  'Does', 'Is', 'Are', 'Was', 'Were', 'Has', 'Have', 'Had', 'Let', 'Just', 'Even', 'Only', 'Still', 'Now', 'Yet',
]);

const CONNECTORS = new Set(['of', '&', ...NAME_PARTICLES]);

const MODEL_DESIGNATOR: LexiconEntry = { label: 'PRODUCT', source: 'curated', needsContext: false };

export function longestMatch(index: PhraseIndex, tokens: TokenList, at: number): { to: number; entry: LexiconEntry } | null {
  const match: PhraseMatch = { to: 0, entry: undefined };
  return longestMatchInto(index.byFirstWord.get(tokens.text(at)), tokens, at, match) ? (match as { to: number; entry: LexiconEntry }) : null;
}

/** Where a phrase match ends (the token after it) and its entry. */
interface PhraseMatch {
  to: number;
  entry: LexiconEntry | undefined;
}

/**
 * The longest phrase through `first` (the node of the token at `at`) and the tokens after it on the same line,
 * put in `match`; false when there is none.
 */
function longestMatchInto(first: PhraseNode | undefined, tokens: TokenList, at: number, match: PhraseMatch): boolean {
  let node = first;
  const line = tokens.line(at);
  let bestTo = -1;
  let bestEntry: LexiconEntry | undefined;
  for (let t = at; node !== undefined; ) {
    if (node.entry) {
      bestTo = t + 1;
      bestEntry = node.entry;
    }
    t++;
    if (node.next === undefined || t >= tokens.length || tokens.line(t) !== line) break;
    node = node.next.get(tokens.text(t));
  }
  if (bestEntry === undefined) return false;
  match.to = bestTo;
  match.entry = bestEntry;
  return true;
}

/** What a word is to a chunk. */
const FUNCTION_CAP = 1;
const TITLE = 2;
const CONNECTOR = 3;
const OF = 4;
const THE = 5;
const OTHER = 6;
/** "plc": a legal form written in lowercase, which still ends the company's name. */
const LOWERCASE_LEGAL_FORM = 7;

const FUNCTION_CAP_WORD = wordListBit(FUNCTION_CAPS);
const TITLE_WORD = wordListBit(TITLES);
const OF_WORD = wordListBit(['of']);
const CONNECTOR_WORD = wordListBit(CONNECTORS);
const PLC_WORD = wordListBit(['plc']);
const THE_WORD = wordListBit(['the']);

/** The role of a word, from the word lists that hold it (wordLists.ts); the first list that holds it decides. */
function chunkRole(lists: number): number {
  if (lists & FUNCTION_CAP_WORD) return FUNCTION_CAP;
  if (lists & TITLE_WORD) return TITLE;
  if (lists & OF_WORD) return OF;
  if (lists & CONNECTOR_WORD) return CONNECTOR;
  if (lists & PLC_WORD) return LOWERCASE_LEGAL_FORM;
  return lists & THE_WORD ? THE : OTHER;
}

/** Reads the chunks of one document. */
export class ChunkScanner {
  /**
   * The items of the chunk last read: items[0, itemCount). The items are rewritten in place from chunk to chunk,
   * so reading a chunk allocates nothing once the longest chunk so far has been read: a document has as many
   * items as capitalised words, and one object each was a large share of garbage collection. Rules read the items
   * of a chunk while it is current and keep none.
   */
  readonly items: readonly Item[];
  private readonly slots: ItemSlot[] = [];
  itemCount = 0;
  /** The last match of matchPhrase, rewritten for each. */
  private readonly match: PhraseMatch = { to: 0, entry: undefined };
  private readonly tokens: TokenList;
  private readonly phraseStarts: PerWord<PhraseNode | undefined>;
  /** By word id, the word lists that hold it, which give its role. */
  private readonly lists: Int32Array;
  private readonly isDesignator: PerWord<boolean>;

  constructor(scan: Scan) {
    // A slot of kind 'phrase' always holds its entry, so the slots are the items the rules expect.
    this.items = this.slots as readonly Item[];
    this.tokens = scan.tokens;
    this.phraseStarts = new PerWord(this.tokens, (word) => STATIC_INDEX.byFirstWord.get(word));
    this.lists = this.tokens.wordLists();
    this.isDesignator = new PerWord(this.tokens, isModelDesignator);
  }

  /**
   * Reads the chunk that starts at `start` (a capitalised word or a phrase start) into `items` and returns the
   * index after it; there are no items when nothing there can be a name.
   */
  read(start: number): number {
    const { tokens } = this;
    this.itemCount = 0;
    let j = start;
    const line = tokens.line(start);
    while (j < tokens.length && tokens.line(j) === line) {
      if (this.matchPhrase(j)) {
        this.add('phrase', j, this.match.to, this.match.entry);
        j = this.match.to;
        continue;
      }
      if (!tokens.isWord(j)) {
        // "Procter & Gamble": a lone ampersand between capitalised words joins them.
        const joins = this.itemCount > 0 && tokens.text(j) === '&' && j + 1 < tokens.length && tokens.line(j + 1) === line && tokens.isCapitalised(j + 1);
        if (!joins) break;
        this.add('connector', j, j + 1, undefined);
        j++;
        continue;
      }
      if (tokens.isCapitalised(j)) {
        const role = this.roleAt(j);
        if (role === FUNCTION_CAP) {
          if (this.itemCount > 0) break;
          return j + 1;
        }
        this.add(role === TITLE ? 'title' : 'free', j, j + 1, undefined);
        j++;
        continue;
      }
      if (this.itemCount > 0 && this.roleAt(j) === LOWERCASE_LEGAL_FORM) {
        this.add('free', j, j + 1, undefined);
        j++;
        continue;
      }
      const connectorLength = this.itemCount > 0 ? this.connectorLengthAt(j) : 0;
      if (connectorLength > 0) {
        this.add('connector', j, j + connectorLength, undefined);
        j += connectorLength;
        continue;
      }
      break;
    }
    return Math.max(j, start + 1);
  }

  private roleAt(index: number): number {
    return chunkRole(this.lists[this.tokens.wordId(index)]!);
  }

  private add(kind: Item['kind'], from: number, to: number, entry: LexiconEntry | undefined): void {
    const slot = this.slots[this.itemCount];
    if (slot === undefined) {
      this.slots.push({ kind, from, to, entry });
    } else {
      slot.kind = kind;
      slot.from = from;
      slot.to = to;
      slot.entry = entry;
    }
    this.itemCount++;
  }

  /**
   * Whether a static-gazetteer phrase (the longest) or a model designator ("Su-34") starts at `index`, put in
   * `match`: asked of every word of every chunk, so no match object is made for it.
   */
  private matchPhrase(index: number): boolean {
    const { tokens, match } = this;
    if (longestMatchInto(this.phraseStarts.at(index), tokens, index, match)) return true;
    if (tokens.isCapitalised(index) && this.isDesignator.at(index)) {
      match.to = index + 1;
      match.entry = MODEL_DESIGNATOR;
      return true;
    }
    return false;
  }

  /**
   * Length of the connector run at `j` ("of", "of the", "&", "von der") when a capitalised word follows it,
   * else 0: connectors join capitalised words ("Bank of England", "Ursula von der Leyen").
   */
  private connectorLengthAt(j: number): number {
    const { tokens } = this;
    const line = tokens.line(j);
    let k = j;
    for (; k < tokens.length && tokens.line(k) === line; k++) {
      const role = this.roleAt(k);
      if (role === CONNECTOR || role === OF) continue;
      if (role === THE && k > j && this.roleAt(k - 1) === OF) continue;
      break;
    }
    const joins = k > j && k < tokens.length && tokens.line(k) === line && tokens.isCapitalised(k) && this.roleAt(k) !== FUNCTION_CAP;
    return joins ? k - j : 0;
  }
}

export function isFunctionCap(word: string): boolean {
  return FUNCTION_CAPS.has(word);
}
