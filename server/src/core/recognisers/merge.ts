import type { Kind, Label } from '../base/labels';
import type { CodePointIndex } from '../base/offsets';
import type { KindedSpan } from '../detect';
import { textChange } from '../detect/textChange';
import { mergeRuleFor, type MergeRule, type RecogniserConfig } from './config';
import type { ModelSpan, RecognisedSpan } from './protocol';

/** Which recogniser suggested a span, and how sure it was: what the hover says ("from spacy-lg, score 0.91"). */
export interface RecognisedBy {
  name: string;
  score?: number;
}

/** A suggestion from the detector, a recogniser, or both (the detector's span with `recognisedBy`). */
export interface MergedSpan extends KindedSpan {
  recognisedBy?: RecognisedBy;
}

/** One recogniser's answer for an article, mapped to the project's labels. */
export interface RecogniserAnswer {
  config: Pick<RecogniserConfig, 'name' | 'merge'>;
  /** Code points of the article, as the recogniser and the sidecars count. */
  spans: readonly RecognisedSpan[];
}

/**
 * The model's labels as the project's: through the recogniser's "labels" map, else as they are; a
 * label the project does not have (kindOf answers undefined) is left out and named in `unknown`.
 */
export function mapLabels(spans: readonly ModelSpan[], labels: Readonly<Record<string, string>> | undefined, kindOf: (label: string) => Kind | undefined): { spans: RecognisedSpan[]; unknown: string[] } {
  const mapped: RecognisedSpan[] = [];
  const unknown = new Set<string>();
  for (const span of spans) {
    const label = labels && Object.hasOwn(labels, span.label) ? labels[span.label]! : span.label;
    const kind = kindOf(label);
    if (kind === undefined) unknown.add(span.label);
    else mapped.push({ ...span, label, kind });
  }
  return { spans: mapped, unknown: [...unknown].sort() };
}

/**
 * Merges the detector's suggestions (UTF-16, sorted by start) with each recogniser's answer in turn
 * (converted with `index`, the code point index of the same text), label by label, by the
 * recogniser's rule for that label (config "merge", default "both"):
 * - "detector": the model's spans of that label are ignored;
 * - "model": the detector's spans of that label are dropped, and the model's replace them, along with
 *   any other suggestion of their kind they overlap (the model decides that label);
 * - "both": the model's span is added, unless a suggestion of its kind overlaps it: on exactly the same
 *   span and label the two are one suggestion (the detector's, with its value, saying the model agrees),
 *   on the same span with another label both are offered ("Denver" GPE and ORG), and across other
 *   boundaries the detector's stays and the model's is left out, so that suggestions never cut across
 *   each other.
 * Returns the suggestions sorted by start; the detector's own objects are kept where nothing changed.
 */
export function mergeRecognised(detected: readonly KindedSpan[], answers: readonly RecogniserAnswer[], index: Pick<CodePointIndex, 'toUtf16'>): MergedSpan[] {
  let merged: MergedSpan[] = [...detected];
  for (const answer of answers) merged = mergeOne(merged, answer, index);
  return merged;
}

function mergeOne(current: readonly MergedSpan[], { config, spans }: RecogniserAnswer, index: Pick<CodePointIndex, 'toUtf16'>): MergedSpan[] {
  const rule = new Map<string, MergeRule>();
  const ruleOf = (label: string) => {
    let found = rule.get(label);
    if (found === undefined) rule.set(label, (found = mergeRuleFor(config, label)));
    return found;
  };
  // The labels this recogniser decides drop the detector's spans of theirs, found or not.
  const kept = current.filter((span) => span.recognisedBy !== undefined || ruleOf(span.label) !== 'model');
  const dropped = new Uint8Array(kept.length);
  const replaced = new Map<number, MergedSpan>();
  // The furthest end up to each span: walking back from a place stops where none can reach it.
  const reach = new Int32Array(kept.length);
  for (let n = 0, furthest = -1; n < kept.length; n++) reach[n] = furthest = Math.max(furthest, kept[n]!.end);
  const added: MergedSpan[] = [];
  const sorted = spans.map((span) => ({ span, start: index.toUtf16(span.start), end: index.toUtf16(span.end) })).sort((a, b) => a.start - b.start || a.end - b.end);
  for (const { span, start, end } of sorted) {
    const how = ruleOf(span.label);
    if (how === 'detector') continue;
    const by: RecognisedBy = { name: config.name, ...(span.score !== undefined && { score: span.score }) };
    const suggestion: MergedSpan = { start, end, label: span.label as Label, kind: span.kind, confidence: span.score ?? 1, recognisedBy: by };
    const overlapping: number[] = [];
    for (let n = firstStartingAtOrAfter(kept, end) - 1; n >= 0 && reach[n]! > start; n--) {
      const other = kept[n]!;
      if (!dropped[n] && other.kind === span.kind && other.end > start) overlapping.push(n);
    }
    if (how === 'model') {
      for (const n of overlapping) dropped[n] = 1;
      added.push(suggestion);
      continue;
    }
    const same = overlapping.find((n) => kept[n]!.start === start && kept[n]!.end === end && kept[n]!.label === span.label);
    if (same !== undefined) {
      if (!replaced.has(same) && kept[same]!.recognisedBy === undefined) replaced.set(same, { ...kept[same]!, recognisedBy: by });
      continue;
    }
    const acrossBoundaries = overlapping.some((n) => kept[n]!.start !== start || kept[n]!.end !== end);
    if (!acrossBoundaries && !added.some((other) => other.start === start && other.end === end && other.label === span.label)) added.push(suggestion);
  }
  const result: MergedSpan[] = [];
  kept.forEach((span, n) => {
    if (!dropped[n]) result.push(replaced.get(n) ?? span);
  });
  if (added.length === 0) return result;
  // Stable: on one start the detector's come first, then the model's, as offered in the quick fixes.
  return [...result, ...added].sort((a, b) => a.start - b.start);
}

/** The first span starting at or after `offset` (spans sorted by start). */
function firstStartingAtOrAfter(spans: readonly MergedSpan[], offset: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (spans[mid]!.start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Offsets already in UTF-16: for answers converted once (see inUtf16) and merged at every redraw. */
export const UTF16_OFFSETS: Pick<CodePointIndex, 'toUtf16'> = { toUtf16: (offset) => offset };

/** Answers with their spans in UTF-16 offsets of the text `index` indexes (the editor counts so). */
export function inUtf16(answers: readonly RecogniserAnswer[], index: CodePointIndex): RecogniserAnswer[] {
  return answers.map(({ config, spans }) => ({ config, spans: spans.map((span) => ({ ...span, start: index.toUtf16(span.start), end: index.toUtf16(span.end) })) }));
}

/**
 * Answers (UTF-16) given for `before`, moved onto `after`: spans before the edited stretch stay,
 * those after it move with it, those it touches are dropped until the recogniser is asked again —
 * its answer for the new text arrives later, and meanwhile a span over changed words would be a guess.
 */
export function shiftedAnswers(answers: readonly RecogniserAnswer[], before: string, after: string): RecogniserAnswer[] {
  if (before === after) return [...answers];
  const { start, oldEnd, newEnd } = textChange(before, after);
  const delta = newEnd - oldEnd;
  return answers.map(({ config, spans }) => ({
    config,
    spans: spans.flatMap((span) => (span.end <= start ? [span] : span.start >= oldEnd && (span.start > start || oldEnd > start) ? [{ ...span, start: span.start + delta, end: span.end + delta }] : [])),
  }));
}
