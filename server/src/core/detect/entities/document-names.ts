/**
 * Document-level memory: once "Rustem Umerov" is found, later "Umerov" and "Umerov's" are the same person
 * (also in headlines and captions), and a product or organisation found from context is found again.
 */
import type { EntityLabel } from '../../base/labels';
import type { Finding } from './recognise';
import type { Scan } from './chunks';
import { longestMatch } from './chunks';
import type { TokenList } from './tokenize';
import type { TokenRange } from './index';
import { addPhrase, emptyIndex, firstNameStrength, type PhraseIndex } from './knownNames';
import { isCommonWord } from './curated/common-words';

const MIN_CONFIDENCE_TO_LEARN = 0.65;
const DOCUMENT_CONFIDENCE = 0.85;
const HEADLINE_PENALTY = 0.05;

/** A name this document established, in the order it was found: later ones override earlier ones of the same words. */
export interface LearntName {
  phrase: string;
  label: EntityLabel;
}

/** The names confident findings establish, in order: the full name, then a person's surname on its own. */
export function namesLearntFrom(tokens: TokenList, findings: readonly Finding[]): LearntName[] {
  const names: LearntName[] = [];
  for (const finding of findings) {
    if (finding.evidence !== 'context' || finding.confidence < MIN_CONFIDENCE_TO_LEARN) continue;
    const words: string[] = [];
    for (let t = finding.fromToken; t < finding.toToken; t++) words.push(tokens.text(t));
    names.push({ phrase: words.join(' '), label: finding.label });
    const surname = words[words.length - 1]!;
    if (finding.label === 'PERSON' && words.length > 1 && isSurnameWorthRemembering(surname)) names.push({ phrase: surname, label: finding.label });
  }
  return names;
}

/** The learnt names as a phrase index; of names with the same words, the last one found gives the label. */
export function indexOfNames(names: Iterable<LearntName>): PhraseIndex {
  const index = emptyIndex();
  for (const { phrase, label } of names) addPhrase(index, phrase, { label, source: 'document', needsContext: false });
  return index;
}

/**
 * The first words of the names whose label differs between two indexes, or that only one has: only
 * mentions starting with one of these words can be found differently.
 */
export function firstWordsOfChangedNames(before: PhraseIndex, after: PhraseIndex): Set<string> {
  const changed = new Set<string>();
  const firstWord = (key: string) => key.slice(0, (key.indexOf(' ') + 1 || key.length + 1) - 1);
  for (const [key, entry] of after.entries) if (before.entries.get(key)?.label !== entry.label) changed.add(firstWord(key));
  for (const key of before.entries.keys()) if (!after.entries.has(key)) changed.add(firstWord(key));
  return changed;
}

/** A surname alone is remembered unless it is also a word or a first name ("Grace", "Will"). */
function isSurnameWorthRemembering(word: string): boolean {
  return word.length >= 3 && !isCommonWord(word) && firstNameStrength(word) === null;
}

/**
 * Adds later mentions of learnt names wherever no finding covers them yet, among the tokens of `range` (whole
 * lines; `findings` are those on them). A learnt person also replaces a city finding of exactly the same words
 * ("Kamyshin" the minister, not the Russian town). Returns all findings sorted by start.
 */
export function propagateDocumentNames(scan: Scan, findings: readonly Finding[], index: PhraseIndex, range: TokenRange): Finding[] {
  const { tokens, lines } = scan;
  const { from, to } = range;
  const result = [...findings];
  if (index.entries.size === 0) return result;
  // Finding covering each token of the range, by token - from.
  const coveredBy = new Int32Array(to - from).fill(-1);
  result.forEach((finding, n) => coveredBy.fill(n, finding.fromToken - from, finding.toToken - from));
  const isCovered = (t: number) => coveredBy[t - from]! >= 0;

  for (let i = from; i < to; i++) {
    if (!tokens.isCapitalised(i) || !index.byFirstWord.has(tokens.text(i))) continue;
    const lineKind = lines[tokens.line(i)] ?? 'prose';
    if (lineKind === 'junk') continue;
    const match = longestMatch(index, tokens, i);
    if (!match) continue;
    let replaced = -1;
    let blocked = false;
    for (let t = i; t < match.to && !blocked; t++) {
      const n = coveredBy[t - from]!;
      if (n < 0) continue;
      const covering = result[n]!;
      const sameWords = covering.fromToken === i && covering.toToken === match.to;
      if (match.entry.label === 'PERSON' && covering.evidence === 'city' && sameWords) replaced = n;
      else blocked = true;
    }
    // A learnt surname followed by another unexplained capitalised word is part of some other name.
    const next = match.to;
    const continuesName = next < tokens.length && tokens.isCapitalised(next) && tokens.line(next) === tokens.line(i) && !isCovered(next);
    if (blocked || continuesName) continue;
    const confidence = lineKind === 'headline' ? DOCUMENT_CONFIDENCE - HEADLINE_PENALTY : DOCUMENT_CONFIDENCE;
    const finding: Finding = {
      start: tokens.start(i),
      end: tokens.end(match.to - 1),
      label: match.entry.label,
      confidence,
      fromToken: i,
      toToken: match.to,
      evidence: 'document',
    };
    if (replaced >= 0) result[replaced] = finding;
    else result.push(finding);
    i = match.to - 1;
  }
  return result.sort((a, b) => a.start - b.start);
}
