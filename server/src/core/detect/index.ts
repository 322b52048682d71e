import type { DetectOptions, Detection, Span } from '../detection';
import type { Kind } from '../labels';
import { CodePointIndex } from '../offsets';
import { findArticleDate } from './articleDate';
import { findDates } from './dates';
import { findEntities } from './entities';
import { findNumbers } from './numbers';
import { looksBinary } from './binary';

/** A detection in UTF-16 offsets, for the LSP layer, which counts the way JS strings do. */
export interface KindedSpan extends Span {
  kind: Kind;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Finds entities, numbers and dates in an article. Never throws: text that is not a string or looks
 * binary yields nothing, and a detector that fails yields nothing for its kind alone.
 */
export function detectSpans(text: string, options: DetectOptions = {}): KindedSpan[] {
  if (typeof text !== 'string' || text.length === 0 || looksBinary(text)) return [];
  const reference = options.referenceDate && ISO_DAY.test(options.referenceDate) ? options.referenceDate : undefined;
  const anchor = guarded(() => findArticleDate(text), undefined) ?? reference;

  const entities = guarded(() => findEntities(text), []);
  const dates = guarded(() => findDates(text, anchor), []).filter((date) => !insideAny(date, entities));
  // A number inside a date ("November 4") or a name ("F-16", "Leopard 2") is part of that, not a count.
  const numbers = guarded(() => findNumbers(text), []).filter((number) => !overlapsAny(number, dates) && !overlapsAny(number, entities));

  return mergeSorted([withKind(entities, 'entity'), withKind(numbers, 'number'), withKind(dates, 'date')]);
}

/** Same as detectSpans, in code point offsets with the covered text, as the CLI and sidecars store them. */
export function detect(text: string, options: DetectOptions = {}): Detection[] {
  const spans = detectSpans(text, options);
  if (spans.length === 0) return [];
  const index = new CodePointIndex(text);
  return spans.map(({ start, end, kind, label, confidence, value }) => ({
    start: index.toCodePoint(start),
    end: index.toCodePoint(end),
    text: text.slice(start, end),
    kind,
    label,
    confidence,
    ...(value === undefined ? {} : { value }),
  }));
}

function guarded<T>(find: () => T, fallback: T): T {
  try {
    return find();
  } catch {
    return fallback;
  }
}

/** Whether `span` overlaps one of `others`, which are sorted and do not overlap each other. */
function overlapsAny(span: Span, others: readonly Span[]): boolean {
  const candidate = others[firstEndingAfter(others, span.start)];
  return candidate !== undefined && candidate.start < span.end;
}

/** Whether `span` lies inside one of `others`, which are sorted and do not overlap each other. */
function insideAny(span: Span, others: readonly Span[]): boolean {
  const candidate = others[firstEndingAfter(others, span.start)];
  return candidate !== undefined && candidate.start <= span.start && span.end <= candidate.end;
}

/** Index of the first span ending after `offset` (non-overlapping sorted spans have ascending ends). */
function firstEndingAfter(spans: readonly Span[], offset: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (spans[mid].end <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

function withKind(spans: readonly Span[], kind: Kind): KindedSpan[] {
  return spans.map((span) => ({ start: span.start, end: span.end, label: span.label, confidence: span.confidence, value: span.value, kind }));
}

/** Merges lists already sorted by start (each detector sorts its own) in one pass: start, then longest first. */
function mergeSorted(lists: KindedSpan[][]): KindedSpan[] {
  const merged: KindedSpan[] = [];
  const next = lists.map(() => 0);
  for (;;) {
    let best = -1;
    for (let list = 0; list < lists.length; list++) {
      const candidate = lists[list][next[list]];
      if (candidate === undefined) continue;
      const current = best === -1 ? undefined : lists[best][next[best]];
      if (!current || candidate.start < current.start || (candidate.start === current.start && candidate.end > current.end)) best = list;
    }
    if (best === -1) return merged;
    merged.push(lists[best][next[best]++]);
  }
}
