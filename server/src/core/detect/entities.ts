/**
 * Named-entity suggestions (OntoNotes labels) for English news captured from the web.
 *
 * Two passes over the tokens: the first finds entities from gazetteers and context; the second repeats it
 * knowing the names this document has already established ("Umerov" after "Rustem Umerov"), so later
 * surname-only mentions, headlines and captions are labelled consistently.
 */
import type { Span } from '../detection';
import { tokenize } from './entities/tokenize';
import { classifyLines } from './entities/boilerplate';
import { isKnownName } from './entities/lexicon';
import { recognise, type Finding } from './entities/recognise';
import { learnDocumentNames } from './entities/document-names';
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
  const lowercaseWords = new Set<string>();
  for (const token of tokens) {
    if (token.isWord && !token.isCapitalised && lines[token.line] === 'prose') lowercaseWords.add(token.text);
  }
  const scan: Scan = { tokens, lines, lowercaseWords, documentIndex: null };
  const firstPass = recognise(scan);
  const secondPass = recognise({ ...scan, documentIndex: learnDocumentNames(firstPass, tokens) });
  return withoutOverlaps(secondPass);
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
