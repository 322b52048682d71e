/**
 * Document-level memory: once "Rustem Umerov" is found, later "Umerov" and "Umerov's" are the same person,
 * and a product or organisation found from context is recognised again in headlines and captions.
 */
import type { Token } from './tokenize';
import type { Finding } from './recognise';
import { addPhrase, emptyIndex, firstNameStrength, type PhraseIndex } from './lexicon';
import { isCommonWord } from './curated/common-words';

const MIN_CONFIDENCE_TO_LEARN = 0.65;

export function learnDocumentNames(findings: readonly Finding[], tokens: readonly Token[]): PhraseIndex {
  const index = emptyIndex();
  let t = 0;
  for (const finding of findings) {
    if (!finding.fromContext || finding.confidence < MIN_CONFIDENCE_TO_LEARN) continue;
    // Findings come in text order, so one forward walk over the tokens finds each finding's words.
    while (t < tokens.length && tokens[t]!.start < finding.start) t++;
    const words: string[] = [];
    for (let i = t; i < tokens.length && tokens[i]!.end <= finding.end; i++) words.push(tokens[i]!.text);
    if (words.length === 0) continue;
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
