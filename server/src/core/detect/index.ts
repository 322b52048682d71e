import type { DetectOptions, Detection, Span } from './shared/detection';
import type { Kind } from '../base/labels';
import { CodePointIndex } from '../base/offsets';
import { findArticleDate, findArticleDates } from './articleDate';
import { findDates, triggerStarts, type TriggerStarts } from './dates';
import { findEntities } from './entities/index';
import { findNumbers } from './numbers';
import { looksBinary } from './binary';
import { combineKinds, type OutputMaker } from './combineKinds';
import { utf16Units } from './shared/utf16Units';
import { keepShape } from '../base/shapes';

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
  return detectInto(text, options, KINDED_SPANS);
}

/** The span of a kind, moved by `offset`. */
export function kindedSpan(span: Span, kind: Kind, offset = 0): KindedSpan {
  return { start: span.start + offset, end: span.end + offset, label: span.label, confidence: span.confidence, value: span.value, kind };
}

/** detectSpans' output: each span with its kind, in UTF-16 offsets. */
export const KINDED_SPANS: OutputMaker<KindedSpan> = {
  make: (span, kind) => kindedSpan(span, kind),
};

/** detect's output: each span in code point offsets of `text`, with the text it covers. */
class Detections implements OutputMaker<Detection> {
  constructor(
    private readonly text: string,
    private readonly index: CodePointIndex,
  ) {}

  make(span: Span, kind: Kind): Detection {
    const detection: Detection = {
      start: this.index.toCodePoint(span.start),
      end: this.index.toCodePoint(span.end),
      text: this.text.slice(span.start, span.end),
      kind,
      label: span.label,
      confidence: span.confidence,
    };
    if (span.value !== undefined) detection.value = span.value;
    return detection;
  }
}

/** Same as detectSpans, in code point offsets with the covered text, as the CLI and sidecars store them. */
export function detect(text: string, options: DetectOptions = {}): Detection[] {
  if (typeof text !== 'string') return [];
  return detectInto(text, options, new Detections(text, new CodePointIndex(text)));
}

/** Runs the detectors and combines their spans, building each output object once with `output`. */
function detectInto<T>(text: string, options: DetectOptions, output: OutputMaker<T>): T[] {
  if (typeof text !== 'string' || text.length === 0 || looksBinary(text)) return [];
  // One copy of the text's UTF-16 units for the three scanners, instead of one each.
  const units = utf16Units(text);
  const entities = guarded(() => findEntities(text, units), []);
  // One pass over the words finds where date rules trigger and where numbers may stand, for both detectors.
  const starts = guarded(() => triggerStarts(text, units, true), undefined);
  const dates = articleDates(text, options, units, starts);
  const numbers = guarded(() => findNumbers(text, units, starts?.numberAnchors), []);
  return combineKinds(entities, dates, numbers, output);
}

/** The date relative dates are resolved against: the article's own, else the caller's reference date. */
export function articleAnchor(text: string, options: DetectOptions): string | undefined {
  return guarded(() => findArticleDate(text), undefined) ?? referenceOf(options);
}

function referenceOf(options: DetectOptions): string | undefined {
  return options.referenceDate && ISO_DAY.test(options.referenceDate) ? options.referenceDate : undefined;
}

/** findDates(text, articleAnchor(text, options)), the article date found among the dates read for the text (see findArticleDates). */
function articleDates(text: string, options: DetectOptions, units: Uint16Array, starts: TriggerStarts | undefined): Span[] {
  try {
    return findArticleDates(text, referenceOf(options), units, starts).dates;
  } catch {
    // As the two steps fail apart: a failure finding the article date leaves the reference date.
    return guarded(() => findDates(text, articleAnchor(text, options), units), []);
  }
}

function guarded<T>(find: () => T, fallback: T): T {
  try {
    return find();
  } catch {
    return fallback;
  }
}

// The results of a sample detection, kept so that the maps of spans, detections and values outlive every document
// (base/shapes.ts).
const SAMPLE_ARTICLE = 'KYIV, May 5, 2024 (Reuters) - Anna Kovac said on Tuesday that Norvex Systems Inc. paid $5 million, up 4%, for 3 km of road every week for three years.';
keepShape(detect(SAMPLE_ARTICLE));
keepShape(detectSpans(SAMPLE_ARTICLE));
keepShape(new Detections('', new CodePointIndex('')));
