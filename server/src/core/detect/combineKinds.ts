/** How the three detectors' findings become one list: what one kind finds inside another is not a finding of its own. */
import type { Span } from './shared/detection';
import type { Kind } from '../base/labels';

/**
 * What builds the output object of a span of a kind, once per span. An object rather than a closure made per
 * document: optimised code that called one document's closure was thrown away once that closure was garbage
 * (see base/shapes.ts).
 */
export interface OutputMaker<T> {
  make(span: Span, kind: Kind): T;
}

/**
 * Drops dates inside names and numbers overlapping dates or names ("November 4", "F-16", "Leopard 2"), then
 * merges the three lists (each sorted by start) into one, building each output object once with `output`.
 */
export function combineKinds<T>(entities: readonly Span[], dates: readonly Span[], numbers: readonly Span[], output: OutputMaker<T>): T[] {
  const keptDates = dates.filter((date) => !insideAny(date, entities));
  const keptNumbers = numbers.filter((number) => !overlapsAny(number, keptDates) && !overlapsAny(number, entities));
  return mergeSorted([entities, keptNumbers, keptDates], ['entity', 'number', 'date'], output);
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

/** Merges lists already sorted by start in one pass: start, then longest first. */
function mergeSorted<T>(lists: readonly (readonly Span[])[], kinds: readonly Kind[], output: OutputMaker<T>): T[] {
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
    merged.push(output.make(current, kinds[best]!));
  }
}
