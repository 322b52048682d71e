/**
 * The figures `npm run eval` prints for the gold set, computed from gold and predicted spans alone
 * (no detector here, so that the unit test can check them on a tiny hand-computed fixture).
 *
 * Definitions (README of test/fixtures/gold, "Scoring"):
 * - per label and per kind: P/R/F1 on exact spans and on overlap (spanScores.ts);
 * - typed entities: PER = PERSON, ORG = ORG, LOC = GPE + LOC + FAC, other labels left out; exact span and type;
 * - names in capitals: gold entity spans (any entity label) with at least two letters, all upper case;
 *   found = overlapped by a predicted entity span of any label, exact = same span and label;
 * - ORG right: of the gold ORG spans overlapped by a predicted entity span, the share where one of those is ORG;
 * - dates strict / relaxed: DATE, TIME and DURATION spans as one class (TempEval-3's way: the span
 *   alone, the type is judged apart), exact span / overlap;
 * - date value accuracy: of the gold date spans with a value overlapped by a predicted date span, the
 *   share whose predicted value (of the prediction overlapping most) equals the gold value;
 * - SET: gold spans with type SET; found = overlapped; valued = value equal, and freq/quant equal where gold has them.
 */
import type { NormalizedValue } from '../../server/src/core/detect/shared/detection';
import { isLabel, kindOf, KINDS } from '../../server/src/core/base/labels';
import { scoreSpans, type LabelledSpan, type Score, type SpanScores } from '../../server/src/core/agreement/spanScores';

/** A hand-annotated span; date-kind spans carry their TIMEX3 value and attributes. */
export interface GoldSpan extends LabelledSpan {
  text: string;
  value?: string;
  type?: 'SET';
  freq?: string;
  quant?: string;
  mod?: string;
}

export interface PredictedSpan extends LabelledSpan {
  value?: NormalizedValue;
}

export interface ScoredArticle {
  name: string;
  text: string;
  gold: readonly GoldSpan[];
  predicted: readonly PredictedSpan[];
}

export interface Ratio {
  count: number;
  of: number;
  share: number;
}

export interface GoldFigures {
  articles: number;
  goldSpans: number;
  all: SpanScores;
  byKind: Record<string, SpanScores>;
  typedEntities: { overall: Score; byType: Record<string, Score> };
  capitals: { found: Ratio; exact: Ratio };
  orgRight: Ratio;
  dates: { strict: Score; relaxed: Score };
  dateValues: Ratio;
  sets: { found: Ratio; valued: Ratio };
}

export const ENTITY_TYPES: Readonly<Record<string, string>> = { PERSON: 'PER', ORG: 'ORG', GPE: 'LOC', LOC: 'LOC', FAC: 'LOC' };

const kindOfLabel = (label: string) => (isLabel(label) ? kindOf(label) : undefined);
const overlaps = (a: LabelledSpan, b: LabelledSpan) => a.start < b.end && b.start < a.end;
const overlapLength = (a: LabelledSpan, b: LabelledSpan) => Math.min(a.end, b.end) - Math.max(a.start, b.start);
const ratio = (count: number, of: number): Ratio => ({ count, of, share: of === 0 ? 0 : count / of });
const isCapitals = (text: string) => {
  const letters = [...text].filter((character) => character.toLowerCase() !== character.toUpperCase());
  return letters.length >= 2 && letters.every((letter) => letter === letter.toUpperCase());
};

/**
 * The detector's value written the way TimeML writes TIMEX3 values, for comparison with gold:
 * a date or time's ISO form, a duration's; a range (endIso, maxIso) has no single TIMEX3 value and
 * is written "start/end", which never equals a gold value. A value type this module does not know
 * (a SET form a later detector may add) is read from its `iso` or `value` string.
 */
export function timexValue(value: NormalizedValue | undefined): { value: string; freq?: string; quant?: string } | undefined {
  if (value === undefined) return undefined;
  const loose = value as unknown as Record<string, unknown>;
  const text = typeof loose['iso'] === 'string' ? loose['iso'] : typeof loose['value'] === 'string' ? loose['value'] : undefined;
  if (text === undefined) return undefined;
  const end = typeof loose['endIso'] === 'string' ? loose['endIso'] : typeof loose['maxIso'] === 'string' ? loose['maxIso'] : undefined;
  const result: { value: string; freq?: string; quant?: string } = { value: end === undefined ? text : `${text}/${end}` };
  if (typeof loose['freq'] === 'string') result.freq = loose['freq'];
  if (typeof loose['quant'] === 'string') result.quant = loose['quant'];
  return result;
}

/** TimeML writes a decade as its three digits ("197"), SUTime-style tools as "197X": the same value. */
export function sameTimexValue(gold: string, predicted: string): boolean {
  const canonical = (value: string) => value.replace(/^(\d{2,3})X+$/, '$1');
  return canonical(gold) === canonical(predicted);
}

/** Every figure over the articles, offsets shifted so that spans of different articles never meet. */
export function scoreGold(articles: readonly ScoredArticle[]): GoldFigures {
  const gold: GoldSpan[] = [];
  const predicted: PredictedSpan[] = [];
  let shift = 0;
  for (const article of articles) {
    for (const span of article.gold) gold.push({ ...span, start: span.start + shift, end: span.end + shift });
    for (const span of article.predicted) predicted.push({ ...span, start: span.start + shift, end: span.end + shift });
    shift += article.text.length + 1;
  }
  const ofKind = (kind: string) => (span: LabelledSpan) => kindOfLabel(span.label) === kind;
  const typed = (spans: readonly LabelledSpan[]) => spans.filter((span) => ENTITY_TYPES[span.label]).map((span) => ({ start: span.start, end: span.end, label: ENTITY_TYPES[span.label]! }));
  const typedScores = scoreSpans(typed(predicted), typed(gold)).exact;
  const asOneClass = (spans: readonly LabelledSpan[]) => spans.filter(ofKind('date')).map((span) => ({ start: span.start, end: span.end, label: 'TIMEX' }));
  const dateScores = scoreSpans(asOneClass(predicted), asOneClass(gold));
  return {
    articles: articles.length,
    goldSpans: gold.length,
    all: scoreSpans(predicted, gold),
    byKind: Object.fromEntries(KINDS.map((kind) => [kind, scoreSpans(predicted.filter(ofKind(kind)), gold.filter(ofKind(kind)))])),
    typedEntities: { overall: typedScores.overall, byType: typedScores.byLabel },
    capitals: capitals(gold, predicted),
    orgRight: orgRight(gold, predicted),
    dates: { strict: dateScores.exact.overall, relaxed: dateScores.overlap.overall },
    dateValues: dateValues(gold, predicted),
    sets: sets(gold, predicted),
  };
}

function capitals(gold: readonly GoldSpan[], predicted: readonly PredictedSpan[]): GoldFigures['capitals'] {
  const names = gold.filter((span) => kindOfLabel(span.label) === 'entity' && isCapitals(span.text));
  const entities = predicted.filter((span) => kindOfLabel(span.label) === 'entity');
  const found = names.filter((name) => entities.some((span) => overlaps(span, name))).length;
  const exact = names.filter((name) => entities.some((span) => span.start === name.start && span.end === name.end && span.label === name.label)).length;
  return { found: ratio(found, names.length), exact: ratio(exact, names.length) };
}

function orgRight(gold: readonly GoldSpan[], predicted: readonly PredictedSpan[]): Ratio {
  const entities = predicted.filter((span) => kindOfLabel(span.label) === 'entity');
  let found = 0;
  let right = 0;
  for (const org of gold.filter((span) => span.label === 'ORG')) {
    const over = entities.filter((span) => overlaps(span, org));
    if (over.length === 0) continue;
    found++;
    if (over.some((span) => span.label === 'ORG')) right++;
  }
  return ratio(right, found);
}

/** The predicted date span overlapping `span` most (the first of equals), if any. */
export function bestDateMatch(span: LabelledSpan, predicted: readonly PredictedSpan[]): PredictedSpan | undefined {
  let best: PredictedSpan | undefined;
  for (const candidate of predicted) {
    if (kindOfLabel(candidate.label) !== 'date' || !overlaps(candidate, span)) continue;
    if (best === undefined || overlapLength(candidate, span) > overlapLength(best, span)) best = candidate;
  }
  return best;
}

export function valueMatches(gold: GoldSpan, predicted: PredictedSpan | undefined): boolean {
  const value = timexValue(predicted?.value);
  if (gold.value === undefined || value === undefined || !sameTimexValue(gold.value, value.value)) return false;
  return (gold.freq === undefined || gold.freq === value.freq) && (gold.quant === undefined || gold.quant === value.quant);
}

function dateValues(gold: readonly GoldSpan[], predicted: readonly PredictedSpan[]): Ratio {
  let found = 0;
  let right = 0;
  for (const span of gold) {
    if (kindOfLabel(span.label) !== 'date' || span.value === undefined) continue;
    const match = bestDateMatch(span, predicted);
    if (match === undefined) continue;
    found++;
    if (sameTimexValue(span.value, timexValue(match.value)?.value ?? '')) right++;
  }
  return ratio(right, found);
}

function sets(gold: readonly GoldSpan[], predicted: readonly PredictedSpan[]): GoldFigures['sets'] {
  const setSpans = gold.filter((span) => span.type === 'SET');
  const matches = setSpans.map((span) => ({ span, match: bestDateMatch(span, predicted) }));
  const found = matches.filter(({ match }) => match !== undefined).length;
  const valued = matches.filter(({ span, match }) => valueMatches(span, match)).length;
  return { found: ratio(found, setSpans.length), valued: ratio(valued, setSpans.length) };
}
