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
  return detectInto(text, options, (span, kind) => ({ start: span.start, end: span.end, label: span.label, confidence: span.confidence, value: span.value, kind }));
}

/** Same as detectSpans, in code point offsets with the covered text, as the CLI and sidecars store them. */
export function detect(text: string, options: DetectOptions = {}): Detection[] {
  if (typeof text !== 'string') return [];
  const index = new CodePointIndex(text);
  return detectInto(text, options, (span, kind) => {
    const detection: Detection = {
      start: index.toCodePoint(span.start),
      end: index.toCodePoint(span.end),
      text: text.slice(span.start, span.end),
      kind,
      label: span.label,
      confidence: span.confidence,
    };
    if (span.value !== undefined) detection.value = span.value;
    return detection;
  });
}

/** Runs the detectors and merges their spans, building each output object once with `make`. */
function detectInto<T>(text: string, options: DetectOptions, make: (span: Span, kind: Kind) => T): T[] {
  if (typeof text !== 'string' || text.length === 0 || looksBinary(text)) return [];
  const reference = options.referenceDate && ISO_DAY.test(options.referenceDate) ? options.referenceDate : undefined;
  const anchor = guarded(() => findArticleDate(text), undefined) ?? reference;

  const entities = guarded(() => findEntities(text), []);
  const dates = guarded(() => findDates(text, anchor), []).filter((date) => !insideAny(date, entities));
  // A number inside a date ("November 4") or a name ("F-16", "Leopard 2") is part of that, not a count.
  const numbers = guarded(() => findNumbers(text), []).filter((number) => !overlapsAny(number, dates) && !overlapsAny(number, entities));

  return mergeSorted([entities, numbers, dates], ['entity', 'number', 'date'], make);
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

/** Merges lists already sorted by start (each detector sorts its own) in one pass: start, then longest first. */
function mergeSorted<T>(lists: readonly (readonly Span[])[], kinds: readonly Kind[], make: (span: Span, kind: Kind) => T): T[] {
  const merged: T[] = [];
  const next = lists.map(() => 0);
  for (;;) {
    let best = -1;
    let current: Span | undefined;
    for (let list = 0; list < lists.length; list++) {
      const candidate = lists[list]![next[list]!];
      if (candidate === undefined) continue;
      if (!current || candidate.start < current.start || (candidate.start === current.start && candidate.end > current.end)) {
        best = list;
        current = candidate;
      }
    }
    if (current === undefined) return merged;
    next[best]!++;
    merged.push(make(current, kinds[best]!));
  }
}
