/** Calendar arithmetic on days counted from 1970-01-01 (UTC, so no time-zone surprises), and ISO 8601 forms of days, months, years and weeks. */
const MS_PER_DAY = 86_400_000;

export function epochDay(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** A Date holds days up to this many either way of 1970-01-01. */
const MOST_DAYS = 100_000_000;
/** Days from 1 March of year 0 to 1970-01-01, and in a 400-year cycle of the Gregorian calendar. */
const DAYS_BEFORE_EPOCH = 719_468;
const DAYS_PER_ERA = 146_097;

/**
 * The year, month and day of a day number, as a Date gives them (the proleptic Gregorian calendar). Whole days are
 * worked out by arithmetic (Howard Hinnant's civil_from_days): every date a text holds comes here, and a Date each
 * costs an allocation. Anything else (a fraction, NaN, a day past a Date's range) still goes through a Date.
 */
export function calendarOf(day: number): { year: number; month: number; day: number } {
  if (!Number.isInteger(day) || Math.abs(day) > MOST_DAYS) {
    const date = new Date(day * MS_PER_DAY);
    return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
  }
  // Years counted from March, so that the leap day ends a year: eras of 400 years, years of the era, days of the year.
  const shifted = day + DAYS_BEFORE_EPOCH;
  const era = Math.floor(shifted / DAYS_PER_ERA);
  const dayOfEra = shifted - era * DAYS_PER_ERA;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day: dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1 };
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The days of a month, as Date.UTC(year, month, 0) gives them: by table for a whole month 1–12 of a whole year that
 * Date.UTC takes as written; a Date for the rest (Date.UTC reads the years 0–99 as 1900–1999 and rolls months over).
 */
export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12 || (year >= 0 && year <= 99) || Math.abs(year) > 200_000) {
    return new Date(Date.UTC(year, month, 0)).getUTCDate();
  }
  if (month !== 2) return MONTH_LENGTHS[month - 1]!;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** Years outside 1..9999 have no plain ISO form; such values are dropped rather than mangled. */
export const isPlainYear = (year: number): boolean => Number.isInteger(year) && year >= 1 && year <= 9999;

export function isoDay(day: number): string | undefined {
  const date = calendarOf(day);
  return isPlainYear(date.year) ? `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}` : undefined;
}

export function isoMonth(year: number, month: number): string | undefined {
  const normalized = calendarOf(epochDay(year, month, 1));
  return isPlainYear(normalized.year) ? `${pad(normalized.year, 4)}-${pad(normalized.month)}` : undefined;
}

export function isoYear(year: number): string | undefined {
  return isPlainYear(year) ? pad(year, 4) : undefined;
}

export function isoWeek(day: number): string | undefined {
  const mondayBased = (weekdayOf(day) + 6) % 7;
  const thursday = day - mondayBased + 3;
  const year = calendarOf(thursday).year;
  const week = Math.floor((thursday - epochDay(year, 1, 1)) / 7) + 1;
  return isPlainYear(year) ? `${pad(year, 4)}-W${pad(week)}` : undefined;
}

export function parseIsoDay(iso: string | undefined): number | undefined {
  const match = iso === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidDay(year, month, day) ? epochDay(year, month, day) : undefined;
}

export function isValidDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Of last year, this year and next, the day of the month-day that the tense points at: the latest up to the anchor
 * in the past tense, the earliest from it in the future tense, else the nearest (ties go to the past).
 */
export function yearOfMonthDay(anchor: number, month: number, day: number, direction: 'nearest' | 'past' | 'future' = 'nearest'): number | undefined {
  const anchorYear = calendarOf(anchor).year;
  let best: { day: number; distance: number } | undefined;
  for (const year of [anchorYear - 1, anchorYear, anchorYear + 1]) {
    if (!isValidDay(year, month, day)) continue;
    const candidate = epochDay(year, month, day);
    if ((direction === 'past' && candidate > anchor) || (direction === 'future' && candidate < anchor)) continue;
    const distance = Math.abs(candidate - anchor);
    if (!best || distance < best.distance) best = { day: candidate, distance };
  }
  return best?.day;
}

/**
 * The year of a bare month: "last"/"next" exclude the anchor's month ('previous', 'following'); the past and
 * future tenses include it ('past', 'future'); without either, the nearest (six months either way: the past wins).
 */
export function nearestYearOfMonth(anchor: number, month: number, direction: 'nearest' | 'past' | 'future' | 'previous' | 'following'): number {
  const { year, month: anchorMonth } = calendarOf(anchor);
  if (direction === 'previous') return month < anchorMonth ? year : year - 1;
  if (direction === 'following') return month > anchorMonth ? year : year + 1;
  if (direction === 'past') return month <= anchorMonth ? year : year - 1;
  if (direction === 'future') return month >= anchorMonth ? year : year + 1;
  const monthsAhead = month - anchorMonth;
  if (monthsAhead >= 6) return year - 1; // six months either way: the past wins
  if (monthsAhead < -6) return year + 1;
  return year;
}
