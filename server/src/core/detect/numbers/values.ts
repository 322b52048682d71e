/** What a matched phrase is worth: its span, label, value and confidence; two phrases merged into a range. */
import type { NormalizedValue, Span } from '../shared/detection';
import type { NumberLabel } from '../../base/labels';
import { type Core, scaleByPowerOfTen } from './amounts';
import type { Measure } from './measures';
import type { TokenView } from './view';

/** One amount with its modifier, currency or unit: tokens [start, next). */
export interface Phrase {
  start: number;
  next: number;
  core: Core;
  measure: Measure;
  /** The modifier as written in lower case ("more than"), if any (always set, so that phrases share one shape). */
  modifier: string | undefined;
}

/** What the scan found at a token: a span, or nothing (past a date's number), and the token to go on from. */
export interface Match {
  span?: Span;
  next: number;
}

/** The span of a phrase with its label, value and confidence. */
export function toMatch(view: TokenView, phrase: Phrase): Match {
  const { core, measure } = phrase;
  const start = view.tokens[phrase.start].start;
  const end = view.tokens[phrase.next - 1].end;
  const approximate = phrase.modifier !== undefined || core.form === 'vague';
  const ranged = core.min !== undefined && core.max !== undefined;
  let label: NumberLabel;
  let value: NormalizedValue | undefined;
  let confidence: number;
  const byDigits = core.form === 'digits';
  // Optional fields are set one by one rather than spread in: a spread costs every number an object copy. The key
  // order is the one the sidecars and goldens have always had.
  switch (measure.kind) {
    case 'percent': {
      label = 'PERCENT';
      const percent: NormalizedValue & { type: 'percent' } = { type: 'percent', value: scaleByPowerOfTen(core.value, measure.power) };
      if (ranged) {
        percent.min = scaleByPowerOfTen(core.min!, measure.power);
        percent.max = scaleByPowerOfTen(core.max!, measure.power);
      }
      value = percent;
      confidence = byDigits ? 0.95 : 0.9;
      break;
    }
    case 'money': {
      label = 'MONEY';
      const power = measure.hundredths ? -2 : 0;
      // Without a currency there is no value to write: the span is still money.
      if (measure.currency !== undefined) {
        const money: NormalizedValue & { type: 'money' } = { type: 'money', amount: scaleByPowerOfTen(core.value, power), currency: measure.currency };
        if (ranged) {
          money.min = scaleByPowerOfTen(core.min!, power);
          money.max = scaleByPowerOfTen(core.max!, power);
        }
        if (approximate) money.approximate = true;
        value = money;
      }
      confidence = byDigits ? 0.95 : core.form === 'words' ? 0.9 : 0.75;
      break;
    }
    case 'unit': {
      label = 'QUANTITY';
      const quantity: NormalizedValue & { type: 'quantity' } = { type: 'quantity', value: core.value, unit: measure.unit };
      if (ranged) {
        quantity.min = core.min;
        quantity.max = core.max;
      }
      value = quantity;
      confidence = byDigits ? 0.9 : 0.85;
      break;
    }
    case 'plain':
      label = 'CARDINAL';
      if (!core.tally) {
        const number: NormalizedValue & { type: 'number' } = { type: 'number', value: core.value };
        if (ranged) {
          number.min = core.min;
          number.max = core.max;
        }
        if (approximate) number.approximate = true;
        value = number;
      }
      confidence = core.tally ? 0.75 : byDigits ? (core.yearLike ? 0.55 : core.power > 0 ? 0.9 : 0.85) : core.form === 'vague' ? 0.65 : core.bareOne ? 0.6 : 0.75;
      break;
  }
  const span: Span = { start, end, label, confidence };
  if (value !== undefined) span.value = value;
  return { span, next: phrase.next };
}

/** Two amounts as one range, if they agree. The first borrows what it lacks: "10 to 15%", "$10 to 15 million". */
export function mergeRange(first: Phrase, second: Phrase): Omit<Phrase, 'start'> | undefined {
  if (first.core.tally || second.core.tally || first.core.min !== undefined || second.core.min !== undefined) return undefined;
  if (first.core.yearLike && second.core.yearLike) return undefined;
  const borrowsScale = first.core.form === 'digits' && first.core.power === 0 && second.core.power > 0;
  let measure: Measure;
  if (first.measure.kind === 'plain') measure = second.measure;
  else if (sameMeasure(first.measure, second.measure)) measure = first.measure;
  // "$10 to 15 million" lends its currency to the second half; "rose 1.2% to 4,783" is no range.
  else if (second.measure.kind === 'plain' && borrowsScale) measure = first.measure;
  else return undefined;
  const low = borrowsScale ? scaleByPowerOfTen(first.core.value, second.core.power) : first.core.value;
  const high = second.core.value;
  if (!(low < high)) return undefined;
  const core: Core = {
    next: second.core.next, value: low, min: low, max: high,
    form: first.core.form === 'digits' && second.core.form === 'digits' ? 'digits' : 'words',
    power: Math.max(first.core.power, second.core.power), tally: false, yearLike: false, bareOne: false,
  };
  return { next: second.next, core, measure: { ...measure, next: second.next }, modifier: first.modifier };
}

function sameMeasure(a: Measure, b: Measure): boolean {
  if (a.kind === 'money' && b.kind === 'money') return a.currency === b.currency && a.hundredths === b.hundredths;
  if (a.kind === 'unit' && b.kind === 'unit') return a.unit === b.unit;
  if (a.kind === 'percent' && b.kind === 'percent') return a.power === b.power;
  return false;
}
