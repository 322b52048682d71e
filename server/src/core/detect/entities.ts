/**
 * Named-entity suggestions (OntoNotes labels) for English news captured from the web.
 *
 * One pass over the tokens finds entities from gazetteers and context; then the names this document has
 * established ("Umerov" after "Rustem Umerov") are found again wherever they recur, so surname-only mentions,
 * headlines and captions are labelled consistently.
 */
import type { Span } from '../detection';
import { tokenize, type TokenList } from './entities/tokenize';
import { classifyLines, type LineKind } from './entities/boilerplate';
import { isKnownName } from './entities/lexicon';
import { recognise, type Finding } from './entities/recognise';
import { learnDocumentNames, propagateDocumentNames } from './entities/document-names';
import type { Scan } from './entities/chunks';

export function findEntities(text: string): Span[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  try {
    return detect(text);
  } catch {
    // Suggestions are optional help for annotators: a bug on odd input must not break the whole document.
    return [];
  }
}

function detect(text: string): Span[] {
  const tokens = tokenize(text, { isKnownCompound: isKnownName });
  const lines = classifyLines(text, tokens);
  const scan: Scan = { tokens, lines, lowercaseWords: lowercaseFormsOfCapitalisedWords(tokens, lines) };
  const findings = recognise(scan);
  return withoutOverlaps(propagateDocumentNames(scan, findings, learnDocumentNames(scan, findings)));
}

/** The capitalised words of the document that also occur in lowercase in its prose ("Drones" / "drones"). */
function lowercaseFormsOfCapitalisedWords(tokens: TokenList, lines: readonly LineKind[]): Set<string> {
  // Marked per distinct word, then compared once per word: the vocabulary is far smaller than the text.
  const { vocabulary } = tokens;
  const seenCapitalised = new Uint8Array(vocabulary.length);
  const seenLowercaseInProse = new Uint8Array(vocabulary.length);
  for (let i = 0; i < tokens.length; i++) {
    if (tokens.isCapitalised(i)) seenCapitalised[tokens.wordId(i)] = 1;
    else if (tokens.isWord(i) && lines[tokens.line(i)] === 'prose') seenLowercaseInProse[tokens.wordId(i)] = 1;
  }
  const capitalised = new Set<string>();
  for (let id = 0; id < vocabulary.length; id++) if (seenCapitalised[id]) capitalised.add(vocabulary[id]!.toLowerCase());
  const found = new Set<string>();
  for (let id = 0; id < vocabulary.length; id++) if (seenLowercaseInProse[id] && capitalised.has(vocabulary[id]!)) found.add(vocabulary[id]!);
  return found;
}

/** Sorted by start; where findings overlap, the longer (then more confident) one stays. */
function withoutOverlaps(findings: readonly Finding[]): Span[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end || b.confidence - a.confidence);
  const spans: Span[] = [];
  for (const { start, end, label, confidence } of sorted) {
    const previous = spans[spans.length - 1];
    if (previous && start < previous.end) continue;
    spans.push({ start, end, label, confidence });
  }
  return spans;
}
