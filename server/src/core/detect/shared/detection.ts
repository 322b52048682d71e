import type { Kind, Label } from '../../base/labels';

/**
 * A normalised value, so that "$50 billion", "Monday" or "three-year" can be compared, sorted and
 * exported as data rather than as strings.
 */
/**
 * TimeML's MOD on a TIMEX3: the part of a period meant ("the late 1970s" END, "early 2024" START, "mid-2025" MID)
 * or a bound on it ("more than three decades" MORE_THAN, "no more than five years" EQUAL_OR_LESS, "about 1 a.m." APPROX).
 */
export const TIMEX_MODS = ['BEFORE', 'AFTER', 'ON_OR_BEFORE', 'ON_OR_AFTER', 'LESS_THAN', 'MORE_THAN', 'EQUAL_OR_LESS', 'EQUAL_OR_MORE',
  'START', 'MID', 'END', 'APPROX'] as const;
export type TimexMod = (typeof TIMEX_MODS)[number];

/**
 * A normalised value, so that "$50 billion", "Monday" or "three-year" can be compared, sorted and
 * exported as data rather than as strings.
 */
export type NormalizedValue =
  /**
   * The TIMEX3 value of a date: ISO 8601, possibly reduced precision ("2023-11-04", "2023-11", "2023", "2025-W10",
   * decades as TimeML writes them, "197" for the 1970s), or TimeML's vague references PAST_REF, PRESENT_REF, FUTURE_REF.
   */
  | { type: 'date'; iso: string; /** inclusive end of a date range ("June 1-5"). */ endIso?: string; mod?: TimexMod }
  /** ISO 8601 time, with the date when known: "2024-01-05T18:04", or "T18:04". */
  | { type: 'time'; iso: string; mod?: TimexMod }
  /** ISO 8601 duration ("P3Y", "PT24H"); a range ("one to five years") adds maxIso. */
  | { type: 'duration'; iso: string; maxIso?: string; approximate?: boolean; mod?: TimexMod }
  /**
   * A TimeML SET, a recurring time: `iso` its TIMEX3 value (the period "P1W" for "every week", "weekly", "twice a week";
   * the recurring point "XXXX-WXX-1" for "every Monday"), `quant` the quantifier as written ("EVERY", "EACH"), `freq`
   * how often in each period ("2X" for "twice a week").
   */
  | { type: 'set'; iso: string; quant?: string; freq?: string }
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
