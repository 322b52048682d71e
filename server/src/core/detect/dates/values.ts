/** Normalized values that several rules give: dates relative to the article date, parts of days, clock times. */
import type { NormalizedValue, TimexMod } from '../shared/detection';
import { calendarOf, epochDay, isoDay, isoMonth, isoWeek, isoYear, isPlainYear, isValidDay, pad, yearOfMonthDay } from './calendar';
import type { Tense } from './tense';
import type { Scan } from './reading';

/** A DATE value, a range when `endIso` is given; none when the day could not be worked out. */
export function dateValue(iso: string | undefined, endIso?: string, mod?: TimexMod): NormalizedValue | undefined {
  if (iso === undefined) return undefined;
  const value: NormalizedValue = endIso === undefined ? { type: 'date', iso } : { type: 'date', iso, endIso };
  if (mod !== undefined) value.mod = mod;
  return value;
}

/** The part of a period a modifier word names, as TimeML's MOD: "early" START, "mid" MID, "late" and "the end of" END. */
const PART_MODS: Readonly<Record<string, TimexMod>> = {
  early: 'START', beginning: 'START', start: 'START', mid: 'MID', middle: 'MID', late: 'END', end: 'END', close: 'END',
};

export function timexMod(word: string | undefined): TimexMod | undefined {
  return word === undefined ? undefined : PART_MODS[word.toLowerCase().replace(/-$/, '')];
}

/**
 * A month and day with or without year; without one, the year the clause's tense points at from the anchor (the
 * latest up to it in the past tense, the next in the future tense), else the one that puts it nearest the anchor.
 */
export function monthDayValue(scan: Scan, month: number, day: number, year: number | undefined, endDay?: number, tense?: Tense): NormalizedValue | undefined {
  if (year === undefined && scan.anchor === undefined) {
    // ISO 8601 recurring month-day: the year is unknown.
    return dateValue(`--${pad(month)}-${pad(day)}`, endDay === undefined ? undefined : `--${pad(month)}-${pad(endDay)}`);
  }
  const nearestDay = year === undefined && scan.anchor !== undefined ? yearOfMonthDay(scan.anchor, month, day, tense ?? 'nearest') : undefined;
  const resolvedYear = year ?? (nearestDay === undefined ? undefined : calendarOf(nearestDay).year);
  if (resolvedYear === undefined || !isValidDay(resolvedYear, month, day)) return undefined;
  const endIso = endDay !== undefined && isValidDay(resolvedYear, month, endDay) ? isoDay(epochDay(resolvedYear, month, endDay)) : undefined;
  return dateValue(isoDay(epochDay(resolvedYear, month, day)), endIso);
}

/** A TimeML SET value: "P1W" with quant "EVERY" for "every week", with freq "2X" for "twice a week". */
export function setValue(iso: string | undefined, quant?: string, freq?: string): NormalizedValue | undefined {
  if (iso === undefined) return undefined;
  const value: NormalizedValue = { type: 'set', iso };
  if (quant !== undefined) value.quant = quant.toUpperCase();
  if (freq !== undefined) value.freq = freq;
  return value;
}

export const PART_OF_DAY_CODES: Readonly<Record<string, string>> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI' };

/** A day, or as a TIME a part of it: "2025-11-04TNI" (TIMEX3 part-of-day codes MO, AF, EV, NI). */
export function dayWithPart(day: number | undefined, part: string | undefined): NormalizedValue | undefined {
  const iso = day === undefined ? undefined : isoDay(day);
  if (iso === undefined) return undefined;
  return part === undefined ? dateValue(iso) : { type: 'time', iso: `${iso}T${PART_OF_DAY_CODES[part]}` };
}

export function timeValue(hour: number, minute: number): NormalizedValue {
  return { type: 'time', iso: `T${pad(hour)}:${pad(minute)}` };
}

/** The day, month or year N units away from the anchor, at the precision of the unit. */
export function shiftedDateValue(scan: Scan, count: number, unit: string, direction: 1 | -1): NormalizedValue | undefined {
  if (scan.anchor === undefined || !Number.isInteger(count)) return undefined;
  const shift = count * direction;
  const anchor = calendarOf(scan.anchor);
  switch (unit) {
    case 'day':
      return dateValue(isoDay(scan.anchor + shift));
    case 'week':
      return dateValue(isoDay(scan.anchor + 7 * shift));
    case 'fortnight':
      return dateValue(isoDay(scan.anchor + 14 * shift));
    case 'month':
      return dateValue(isoMonth(anchor.year, anchor.month + shift));
    case 'year':
      return dateValue(isoYear(anchor.year + shift));
    case 'decade':
      return dateValue(isoYear(anchor.year + 10 * shift));
    default:
      return undefined;
  }
}

/** The week, weekend, month, year, decade, century or quarter `shift` of them away from the anchor's ("last week", "this quarter"). */
export function relativePeriodValue(scan: Scan, unit: string, shift: number): NormalizedValue | undefined {
  if (scan.anchor === undefined) return undefined;
  const anchor = calendarOf(scan.anchor);
  switch (unit) {
    case 'week':
      return dateValue(isoWeek(scan.anchor + 7 * shift));
    case 'weekend': {
      const week = isoWeek(scan.anchor + 7 * shift);
      return week === undefined ? undefined : dateValue(`${week}-WE`);
    }
    case 'month':
      return dateValue(isoMonth(anchor.year, anchor.month + shift));
    case 'year':
      return dateValue(isoYear(anchor.year + shift));
    case 'decade': {
      const decade = Math.floor(anchor.year / 10) + shift;
      return decade >= 0 && decade <= 999 ? dateValue(pad(decade, 3)) : undefined;
    }
    case 'century': {
      const century = Math.floor(anchor.year / 100) + shift;
      return century >= 0 && century <= 99 ? dateValue(pad(century)) : undefined;
    }
    case 'quarter': {
      const quarterIndex = anchor.year * 4 + Math.floor((anchor.month - 1) / 3) + shift;
      const year = Math.floor(quarterIndex / 4);
      return isPlainYear(year) ? dateValue(`${pad(year, 4)}-Q${(quarterIndex % 4) + 1}`) : undefined;
    }
    default:
      return undefined;
  }
}
