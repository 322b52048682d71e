import type { NormalizedValue } from '../detect/shared/detection';
import { detectSpans, type KindedSpan } from '../detect';
import type { Kind } from '../base/labels';
import { LearntSuggestions, type Lexicon } from '../lexicon';
import { CodePointIndex } from '../base/offsets';
import { mergeRecognised, type MergedSpan, type RecogniserAnswer } from '../recognisers/merge';

/** What pre-annotation would propose at one place: code point offsets (end exclusive), as tags store them. */
export interface Candidate {
  start: number;
  end: number;
  label: string;
  kind: Kind;
  value?: NormalizedValue;
  /** Who found it: the detector, the project lexicon (text an annotator tagged before), or a recogniser (`recogniser`). */
  origin: 'detector' | 'lexicon' | 'model';
  /** The recogniser that suggested it (origin model): its proposal's source is "model:" and this name. */
  recogniser?: string;
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
  /** The project's recognisers' answers for `text`, merged with the detector's by each one's rules (see mergeRecognised). */
  recognised?: readonly RecogniserAnswer[];
  /** YYYY-MM-DD: relative dates' reference when the article states no date (unused when `detections` are given). */
  referenceDate?: string;
}

/**
 * Everything worth proposing in an article, sorted by start: exactly the suggestions the editor shows
 * before any tag (LearntSuggestions) — the detector's spans and the lexicon's learnt matches,
 * places rejected in their context by neither, a learnt match in place of the detections it overlaps
 * unless a longer one contains it.
 */
export function candidatesFor(text: string, options: CandidateOptions = {}): Candidate[] {
  const { lexicon, labels } = options;
  const index = options.index ?? new CodePointIndex(text);
  const detected = options.detections ?? detectSpans(text, { referenceDate: options.referenceDate });
  const detections: readonly MergedSpan[] = options.recognised?.length ? mergeRecognised(detected, options.recognised, index) : detected;
  const suggestions = new LearntSuggestions().suggest(text, detections, lexicon);
  const candidates: Candidate[] = [];
  for (const suggestion of suggestions) {
    if (labels !== undefined && !labels.has(suggestion.label)) continue;
    candidates.push({
      start: index.toCodePoint(suggestion.start),
      end: index.toCodePoint(suggestion.end),
      label: suggestion.label,
      kind: suggestion.kind,
      ...(suggestion.value && { value: suggestion.value }),
      ...originOf(suggestion),
    });
  }
  return candidates.sort((a, b) => a.start - b.start || a.end - b.end);
}

function originOf(suggestion: MergedSpan & { learnt?: unknown }): Pick<Candidate, 'origin' | 'recogniser'> {
  if (suggestion.learnt) return { origin: 'lexicon' };
  return suggestion.recognisedBy ? { origin: 'model', recogniser: suggestion.recognisedBy.name } : { origin: 'detector' };
}
