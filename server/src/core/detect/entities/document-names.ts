/**
 * Document-level memory: once "Rustem Umerov" is found, later "Umerov" and "Umerov's" are the same person
 * (also in headlines and captions), and a product or organisation found from context is found again.
 */
import type { Finding } from './recognise';
import type { Scan } from './chunks';
import { longestMatch } from './chunks';
import { addPhrase, emptyIndex, firstNameStrength, type PhraseIndex } from './lexicon';
import { isCommonWord } from './curated/common-words';

const MIN_CONFIDENCE_TO_LEARN = 0.65;
const DOCUMENT_CONFIDENCE = 0.85;
const HEADLINE_PENALTY = 0.05;

export function learnDocumentNames(scan: Scan, findings: readonly Finding[]): PhraseIndex {
  const index = emptyIndex();
  for (const finding of findings) {
    if (finding.evidence !== 'context' || finding.confidence < MIN_CONFIDENCE_TO_LEARN) continue;
    const words: string[] = [];
    for (let t = finding.fromToken; t < finding.toToken; t++) words.push(scan.tokens.text(t));
    const entry = { label: finding.label, source: 'document' as const, needsContext: false };
    addPhrase(index, words.join(' '), entry);
    const surname = words[words.length - 1]!;
    if (finding.label === 'PERSON' && words.length > 1 && isSurnameWorthRemembering(surname)) addPhrase(index, surname, entry);
  }
  return index;
}

/** A surname alone is remembered unless it is also a word or a first name ("Grace", "Will"). */
function isSurnameWorthRemembering(word: string): boolean {
  return word.length >= 3 && !isCommonWord(word) && firstNameStrength(word) === null;
}

/**
 * Adds later mentions of learnt names wherever no finding covers them yet. A learnt person also replaces a
 * city finding of exactly the same words ("Kamyshin" the minister, not the Russian town). Returns all findings
 * sorted by start.
 */
export function propagateDocumentNames(scan: Scan, findings: readonly Finding[], index: PhraseIndex): Finding[] {
  const { tokens, lines } = scan;
  const result = [...findings];
  if (index.entries.size === 0) return result;
  const coveredBy = new Int32Array(tokens.length).fill(-1);
  result.forEach((finding, n) => coveredBy.fill(n, finding.fromToken, finding.toToken));
  // Looked up once per distinct word rather than once per token.
  const startsLearntName = tokens.vocabulary.map((word) => index.byFirstWord.has(word));

  for (let i = 0; i < tokens.length; i++) {
    if (!tokens.isCapitalised(i) || !startsLearntName[tokens.wordId(i)]) continue;
    const lineKind = lines[tokens.line(i)] ?? 'prose';
    if (lineKind === 'junk') continue;
    const match = longestMatch(index, tokens, i);
    if (!match) continue;
    let replaced = -1;
    let blocked = false;
    for (let t = i; t < match.to && !blocked; t++) {
      const n = coveredBy[t]!;
      if (n < 0) continue;
      const covering = result[n]!;
      const sameWords = covering.fromToken === i && covering.toToken === match.to;
      if (match.entry.label === 'PERSON' && covering.evidence === 'city' && sameWords) replaced = n;
      else blocked = true;
    }
    // A learnt surname followed by another unexplained capitalised word is part of some other name.
    const next = match.to;
    const continuesName = next < tokens.length && tokens.isCapitalised(next) && tokens.line(next) === tokens.line(i) && coveredBy[next] === -1;
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
