import type { Kind, Label } from '../../base/labels';

/**
 * A normalised value, so that "$50 billion", "Monday" or "three-year" can be compared, sorted and
 * exported as data rather than as strings.
 */
export type NormalizedValue =
  /** ISO 8601 calendar date, possibly reduced precision: "2023-11-04", "2023-11", "2023", "2020s"-style decades as "202X". */
  | { type: 'date'; iso: string; /** inclusive end of a date range ("from June 1 to June 5"). */ endIso?: string }
  /** ISO 8601 time, with the date when known: "2024-01-05T18:04", or "T18:04". */
  | { type: 'time'; iso: string }
  /** ISO 8601 duration ("P3Y", "PT24H"); a range ("one to five years") adds maxIso. */
  | { type: 'duration'; iso: string; maxIso?: string; approximate?: boolean }
  /** A count. Vague amounts ("tens of thousands") carry a range and approximate: true. */
  | { type: 'number'; value: number; min?: number; max?: number; approximate?: boolean }
  | { type: 'ordinal'; value: number }
  /** ISO 4217 currency code ("USD", "EUR", "UAH"). */
  | { type: 'money'; amount: number; currency: string; min?: number; max?: number; approximate?: boolean }
  /** A fraction: "25%" is 0.25. */
  | { type: 'percent'; value: number; min?: number; max?: number }
  /** A measured amount with its unit as written in a canonical short form ("km", "kg", "t", "MW"). */
  | { type: 'quantity'; value: number; unit: string; min?: number; max?: number };

/** A finding inside one detector, in UTF-16 offsets of the JS string (end exclusive). */
export interface Span {
  start: number;
  end: number;
  label: Label;
  /** 0..1: how sure the detector is; below 0.5 is a weak guess. */
  confidence: number;
  value?: NormalizedValue;
}

/** What the core hands to the outside world: code-point offsets (end exclusive) and the covered text. */
export interface Detection {
  start: number;
  end: number;
  text: string;
  kind: Kind;
  label: Label;
  confidence: number;
  value?: NormalizedValue;
}

export interface DetectOptions {
  /** "YYYY-MM-DD": resolves relative dates when the article states no date of its own. */
  referenceDate?: string;
}
