/**
 * Groups capitalised words into chunks ("US Ambassador to NATO Matthew Whitaker" gives "US Ambassador" and
 * "NATO Matthew Whitaker") and segments each chunk into items: gazetteer phrases, titles, free words and
 * connectors. The rules in recognise.ts then read items rather than raw tokens.
 */
import type { TokenList } from './tokenize';
import type { LineKind } from './boilerplate';
import { STATIC_INDEX, type LexiconEntry, type PhraseIndex } from './lexicon';
import { TITLES } from './curated/titles';
import { isModelDesignator } from './products';
import { NAME_PARTICLES } from './persons';

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

/** Longest static-gazetteer match starting at `index`, or a model designator ("Su-34"). */
export function matchPhrase(scan: Scan, index: number): { to: number; entry: LexiconEntry } | null {
  const match = longestMatch(STATIC_INDEX, scan.tokens, index);
  if (match) return match;
  const { tokens } = scan;
  if (tokens.isCapitalised(index) && isModelDesignator(tokens.text(index))) {
    return { to: index + 1, entry: { label: 'PRODUCT', source: 'curated', needsContext: false } };
  }
  return null;
}

export function longestMatch(index: PhraseIndex, tokens: TokenList, at: number): { to: number; entry: LexiconEntry } | null {
  let node = index.byFirstWord.get(tokens.text(at));
  const line = tokens.line(at);
  // One match object at the end, none for the shorter entries the walk passes on its way.
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
  return bestEntry === undefined ? null : { to: bestTo, entry: bestEntry };
}

/**
 * Reads the chunk that starts at `start` (a capitalised word or a phrase start). Returns its items and the
 * index after it; the items are empty when nothing there can be a name.
 */
export function readChunk(scan: Scan, start: number): { items: Item[]; next: number } {
  const { tokens } = scan;
  const items: Item[] = [];
  let j = start;
  const line = tokens.line(start);
  while (j < tokens.length && tokens.line(j) === line) {
    const phrase = matchPhrase(scan, j);
    if (phrase) {
      items.push({ kind: 'phrase', from: j, to: phrase.to, entry: phrase.entry });
      j = phrase.to;
      continue;
    }
    if (!tokens.isWord(j)) break;
    if (tokens.isCapitalised(j)) {
      const word = tokens.text(j);
      if (FUNCTION_CAPS.has(word)) {
        if (items.length > 0) break;
        return { items, next: j + 1 };
      }
      items.push({ kind: TITLES.has(word) ? 'title' : 'free', from: j, to: j + 1 });
      j++;
      continue;
    }
    const connectorLength = items.length > 0 ? connectorLengthAt(tokens, j) : 0;
    if (connectorLength > 0) {
      items.push({ kind: 'connector', from: j, to: j + connectorLength });
      j += connectorLength;
      continue;
    }
    break;
  }
  return { items, next: Math.max(j, start + 1) };
}

/**
 * Length of the connector run at `j` ("of", "of the", "&", "von der") when a capitalised word follows it,
 * else 0: connectors join capitalised words ("Bank of England", "Ursula von der Leyen").
 */
function connectorLengthAt(tokens: TokenList, j: number): number {
  const line = tokens.line(j);
  let k = j;
  while (k < tokens.length && tokens.line(k) === line && (CONNECTORS.has(tokens.text(k)) || (k > j && tokens.text(k) === 'the' && tokens.text(k - 1) === 'of'))) k++;
  const joins = k > j && k < tokens.length && tokens.line(k) === line && tokens.isCapitalised(k) && !FUNCTION_CAPS.has(tokens.text(k));
  return joins ? k - j : 0;
}

export function isFunctionCap(word: string): boolean {
  return FUNCTION_CAPS.has(word);
}
