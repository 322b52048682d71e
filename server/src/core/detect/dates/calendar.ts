/** Calendar arithmetic on days counted from 1970-01-01 (UTC, so no time-zone surprises), and ISO 8601 forms of days, months, years and weeks. */
const MS_PER_DAY = 86_400_000;

export function epochDay(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function calendarOf(day: number): { year: number; month: number; day: number } {
  const date = new Date(day * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
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
