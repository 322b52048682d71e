import type { NormalizedValue } from '../detection';
import { detectSpans, type KindedSpan } from '../detect';
import type { Kind } from '../labels';
import type { Lexicon } from '../lexicon';
import { CodePointIndex } from '../offsets';

/** What pre-annotation would propose at one place: code point offsets (end exclusive), as tags store them. */
export interface Candidate {
  start: number;
  end: number;
  label: string;
  kind: Kind;
  value?: NormalizedValue;
  /** Who found it: the detector, or the project lexicon (text an annotator tagged before). */
  origin: 'detector' | 'lexicon';
}

export interface CandidateOptions {
  /** The corpus lexicon: its matches are proposed, and win where they overlap a detection; its rejections suppress detections. */
  lexicon?: Lexicon;
  /** Labels the project uses; others (disabled in marginalia.json) are not proposed. All when absent. */
  labels?: ReadonlySet<string>;
  /** The detector's spans of `text` (UTF-16), when the caller has them already (the simulation detects each article once). */
  detections?: readonly KindedSpan[];
  /** The code point index of `text`, when the caller has one. */
  index?: CodePointIndex;
}

/**
 * Everything worth proposing in an article, sorted by start: the detector's spans, minus those the
 * lexicon's rejections rule out where they stand, with the lexicon's matches in place of the
 * detections they overlap (a person taught that text; the detector only guessed). A match on exactly
 * a detection's span and label keeps the detection, which carries a normalised value.
 */
export function candidatesFor(text: string, options: CandidateOptions = {}): Candidate[] {
  const { lexicon, labels } = options;
  const index = options.index ?? new CodePointIndex(text);
  const detections = options.detections ?? detectSpans(text);
  const matches = lexicon?.matches(text) ?? [];
  const found: Array<{ start: number; end: number; label: string; kind: Kind; value?: NormalizedValue; origin: Candidate['origin'] }> = [];

  // Both lists are sorted by start and the matches never overlap each other: one sweep pairs them.
  const sameAsDetection = new Set<number>();
  let first = 0;
  for (const detection of detections) {
    while (first < matches.length && matches[first].end <= detection.start) first++;
    let overlapped = false;
    for (let m = first; m < matches.length && matches[m].start < detection.end; m++) {
      const match = matches[m];
      if (match.start === detection.start && match.end === detection.end && match.label === detection.label) sameAsDetection.add(m);
      else overlapped = true;
    }
    if (overlapped) continue;
    if (lexicon?.isSuppressed(text, detection.start, detection.end, detection.label)) continue;
    found.push({ start: detection.start, end: detection.end, label: detection.label, kind: detection.kind, ...(detection.value && { value: detection.value }), origin: 'detector' });
  }
  matches.forEach((match, m) => {
    if (!sameAsDetection.has(m)) found.push({ start: match.start, end: match.end, label: match.label, kind: match.kind, origin: 'lexicon' });
  });

  return found
    .filter((candidate) => labels === undefined || labels.has(candidate.label))
    .map((candidate) => ({ ...candidate, start: index.toCodePoint(candidate.start), end: index.toCodePoint(candidate.end) }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
}
