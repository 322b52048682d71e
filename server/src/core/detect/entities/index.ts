/**
 * Named-entity suggestions (OntoNotes labels) for English news captured from the web.
 *
 * One pass over the tokens finds entities from gazetteers and context; then the names this document has
 * established ("Umerov" after "Rustem Umerov") are found again wherever they recur, so surname-only mentions,
 * headlines and captions are labelled consistently.
 *
 * The stages are exported separately so that incremental re-analysis (incremental.ts) can run them on parts of
 * a document with the document-wide facts (the vocabulary, the names learnt) supplied from outside.
 */
import type { Span } from '../shared/detection';
import { tokenize, type TokenList } from './tokenize';
import { classifyLines, type LineKind } from './boilerplate';
import { isKnownName } from './knownNames';
import { recognise, type Finding } from './recognise';
import { byPosition, indexOfNames, isInOrder, namesLearntFrom, propagateDocumentNames } from './document-names';
import type { Scan } from './chunks';
import { foldCapitals } from './wordCase';
import { keepShape } from '../../base/shapes';
import { CAPITALISED, LOWERCASE_IN_PROSE, findTokenStarts } from './ruleStarts';

/** `units`, the text's utf16Units, saves a caller that runs several detectors a copy of the text each. */
export function findEntities(text: string, units?: Uint16Array): Span[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  try {
    return detect(text, units);
  } catch {
    // Suggestions are optional help for annotators: a bug on odd input must not break the whole document.
    return [];
  }
}

function detect(text: string, units: Uint16Array | undefined): Span[] {
  const read = readEntityText(text, units);
  const all = { from: 0, to: read.tokens.length };
  // One walk over the tokens finds where each rule starts and the words' cases (ruleStarts.ts).
  const starts = findTokenStarts(read.tokens, read.lines);
  // Written out rather than spread: an object spread takes a slow path that a short article's detection felt.
  const scan: Scan = { tokens: read.tokens, lines: read.lines, lowercaseWords: lowercaseFormsOf(read.tokens, starts.wordMarks) };
  const findings = recognise(scan, starts);
  const names = indexOfNames(namesLearntFrom(scan.tokens, findings));
  return dropOverlaps(propagateDocumentNames(scan, findings, names, all, starts.names));
}

/** What the entity rules read of a text: its tokens and what kind of line each is on. */
export interface EntityText {
  tokens: TokenList;
  lines: readonly LineKind[];
}

/** Tokens and line kinds depend on each line alone, so a run of whole lines reads the same on its own. */
export function readEntityText(text: string, units?: Uint16Array): EntityText {
  const tokens = tokenize(text, { isKnownCompound: isKnownName }, units);
  return { tokens, lines: classifyLines(text, tokens) };
}

/** Tokens [from, to) of a token list. */
export interface TokenRange {
  from: number;
  to: number;
}

/** The words a stretch of text uses, as far as the document-wide lowercase vocabulary is concerned. */
export interface WordUsage {
  /** Capitalised words as written ("Drones"), and shouted ones also as names are written ("KOVAC" as "Kovac"). */
  capitalised: ReadonlySet<string>;
  /** The same, lowercased ("drones"). */
  capitalisedLowered: ReadonlySet<string>;
  /** Words written in lowercase on prose lines ("drones"). */
  lowercaseInProse: ReadonlySet<string>;
}

/** The word usage of each range, each distinct word looked at once per range. */
export function wordUsages(read: EntityText, ranges: readonly TokenRange[]): WordUsage[] {
  const { tokens, lines } = read;
  // Per word id, the last range that recorded it: marks are never cleared between ranges.
  const capitalisedIn = new Int32Array(tokens.vocabulary.length).fill(-1);
  const lowercaseIn = new Int32Array(tokens.vocabulary.length).fill(-1);
  return ranges.map(({ from, to }, range) => {
    const capitalised = new Set<string>();
    const lowercaseInProse = new Set<string>();
    for (let i = from; i < to; i++) {
      const id = tokens.wordId(i);
      if (tokens.isCapitalised(i)) {
        if (capitalisedIn[id] === range) continue;
        capitalisedIn[id] = range;
        const word = tokens.vocabulary[id]!;
        capitalised.add(word);
        // A learnt "Kovac" is found in "KOVAC" too, so a block using "KOVAC" uses the name "Kovac".
        if (tokens.isShoutedWord(id)) capitalised.add(foldCapitals(word));
      } else if (tokens.isWord(i) && lines[tokens.line(i)] === 'prose' && lowercaseIn[id] !== range) {
        lowercaseIn[id] = range;
        lowercaseInProse.add(tokens.vocabulary[id]!);
      }
    }
    const capitalisedLowered = new Set<string>();
    for (const word of capitalised) capitalisedLowered.add(word.toLowerCase());
    return { capitalised, capitalisedLowered, lowercaseInProse };
  });
}

/** The capitalised words of a text that also occur in lowercase in its prose ("Drones" / "drones"). */
export function lowercaseFormsOfCapitalisedWords(usage: WordUsage): Set<string> {
  const found = new Set<string>();
  for (const word of usage.lowercaseInProse) if (usage.capitalisedLowered.has(word)) found.add(word);
  return found;
}

/**
 * What lowercaseFormsOfCapitalisedWords gives for the word usage of a whole text, from the marks of its words
 * (TokenStarts.wordMarks), found without a set of every word: the lowercase form of each distinct capitalised word is
 * looked up among the words the text uses (by the units of an ASCII word, without lower-casing it into a string), and
 * kept when the text's prose uses it.
 */
export function lowercaseFormsOf(tokens: TokenList, marks: Uint8Array): Set<string> {
  const { vocabulary } = tokens;
  const found = new Set<string>();
  for (let id = 0; id < marks.length; id++) {
    if ((marks[id]! & CAPITALISED) === 0) continue;
    let lowercase = tokens.lowercaseWordId(id);
    if (lowercase >= 0 && (marks[lowercase]! & LOWERCASE_IN_PROSE) !== 0) found.add(vocabulary[lowercase]!);
    // "KOVAC" is also used as "Kovac", whose lowercase form differs from the word's own only outside ASCII.
    if (!tokens.isShoutedWord(id)) continue;
    lowercase = tokens.idOfWord(foldCapitals(vocabulary[id]!).toLowerCase());
    if (lowercase >= 0 && (marks[lowercase]! & LOWERCASE_IN_PROSE) !== 0) found.add(vocabulary[lowercase]!);
  }
  return found;
}

/** Sorted by start; where findings overlap, the longer (then more confident) one stays. */
export function withoutOverlaps(findings: readonly Finding[]): Span[] {
  // propagateDocumentNames gives them sorted already: a copy is sorted only for other callers (a stable sort of
  // sorted findings leaves them as they are).
  const sorted = isInOrder(findings) ? findings : [...findings].sort(byPosition);
  const spans: Span[] = [];
  for (const { start, end, label, confidence } of sorted) {
    const previous = spans[spans.length - 1];
    if (previous && start < previous.end) continue;
    spans.push({ start, end, label, confidence });
  }
  return spans;
}

/**
 * withoutOverlaps for findings this detection alone holds, sorted by byPosition (as propagateDocumentNames gives
 * them): the findings kept are the spans, compacted in the same array. A copy of each (tens of thousands in a long
 * text) was garbage the caller, which builds its own output objects, never needed; incremental.ts, which moves its
 * spans, keeps withoutOverlaps' copies.
 */
function dropOverlaps(findings: Finding[]): Span[] {
  let kept = 0;
  let end = -1;
  for (let n = 0; n < findings.length; n++) {
    const finding = findings[n]!;
    if (kept > 0 && finding.start < end) continue;
    findings[kept++] = finding;
    end = finding.end;
  }
  findings.length = kept;
  return findings;
}

// One small object of each kind this file makes per document, kept so that their maps outlive every document
// (base/shapes.ts): the text read, and a span.
keepShape(readEntityText('Anna Kovac'));
keepShape<Span>({ start: 0, end: 4, label: 'PERSON', confidence: 0.85 });
