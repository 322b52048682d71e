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
 * Everything worth proposing in an article, sorted by start — the editor's suggestions, as the
 * lexicon shapes them:
 * - a place someone rejected in this context (the lexicon's suppressions) is proposed by neither;
 * - where a learnt match overlaps detections, the match wins (a person taught that text; the detector
 *   only guessed), unless a longer detection contains it ("Rustem Umerov" around a learnt "Umerov"):
 *   that one saw more of the name. A match on exactly a detection's span and label keeps the
 *   detection, which carries a normalised value.
 */
export function candidatesFor(text: string, options: CandidateOptions = {}): Candidate[] {
  const { lexicon, labels } = options;
  const index = options.index ?? new CodePointIndex(text);
  const detections = (options.detections ?? detectSpans(text)).filter((span) => !lexicon?.isSuppressed(text, span.start, span.end, span.label));
  const matches = lexicon?.matches(text) ?? [];
  const dropped = new Set<KindedSpan>();
  const learnt: Candidate[] = [];
  const overlappingDetections = overlapFinder(detections);
  for (const match of matches) {
    const overlapping = overlappingDetections(match);
    if (overlapping.some((span) => span.start === match.start && span.end === match.end && span.label === match.label)) continue;
    if (overlapping.some((span) => span.start <= match.start && match.end <= span.end && span.end - span.start > match.end - match.start)) continue;
    for (const span of overlapping) dropped.add(span);
    learnt.push({ start: match.start, end: match.end, label: match.label, kind: match.kind, origin: 'lexicon' });
  }
  const detected: Candidate[] = detections
    .filter((span) => !dropped.has(span))
    .map((span) => ({ start: span.start, end: span.end, label: span.label, kind: span.kind, ...(span.value && { value: span.value }), origin: 'detector' as const }));
  return [...detected, ...learnt]
    .filter((candidate) => labels === undefined || labels.has(candidate.label))
    .map((candidate) => ({ ...candidate, start: index.toCodePoint(candidate.start), end: index.toCodePoint(candidate.end) }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * The spans of `sorted` (sorted by start) overlapping a given span: those starting before its end and
 * less than the longest span's length before its start, found by binary search, so an article with
 * thousands of detections and matches costs no more than a sweep.
 */
function overlapFinder(sorted: readonly KindedSpan[]): (span: { start: number; end: number }) => KindedSpan[] {
  const longest = sorted.reduce((length, span) => Math.max(length, span.end - span.start), 0);
  return ({ start, end }) => {
    const found: KindedSpan[] = [];
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (sorted[middle].start <= start - longest) low = middle + 1;
      else high = middle;
    }
    for (let n = low; n < sorted.length && sorted[n].start < end; n++) if (sorted[n].end > start) found.push(sorted[n]);
    return found;
  };
}
