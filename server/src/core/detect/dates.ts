/**
 * Dates, times and durations in English news text, with OntoNotes-style spans:
 *
 * - DATE: calendar dates and anchored periods ("November 4", "2023-10-26", "last week", "in 2024",
 *   "the 1990s", "Q3 2024", "two days ago", "the past three years", "recent weeks").
 * - TIME: times of day ("6:04 PM", "noon", "tonight", "Monday night", "the past 24 hours").
 * - DURATION: bare lengths of time ("three-year", "one to five years", "24 hours", "decades").
 *
 * The DATE/DURATION rule: a length of time that is tied to the calendar ("the past three years",
 * "two days ago", "in two weeks" said of the future) is a DATE; a length on its own ("a three-year
 * contract", "for 10 days", "in two weeks" said of the past) is a DURATION.
 *
 * Prepositions ("on", "in", "by", "for") are never part of a span; determiners and modifiers are
 * ("the 1990s", "last year", "the end of this year", "mid-2025").
 *
 * Every rule is a case-sensitive regex compiled once, so "May" and "March" only count as months
 * when capitalised and in a date-like context. Candidates from all rules are then resolved so that
 * the longest, then most confident, wins wherever two overlap.
 */
import type { NormalizedValue, Span } from '../detection';
import type { DateLabel } from '../labels';
import { parseWordNumber } from './wordNumbers';

// ---------------------------------------------------------------------------------------------
// Regex building blocks
// ---------------------------------------------------------------------------------------------

/** Horizontal space only: a date never runs across a line break. */
const SP = '[ \\t\\u00a0\\u202f]+';

/** "last" → "[Ll]ast": a lowercase word, or the same word opening a sentence. */
function capitalizable(word: string): string {
  const first = word[0]!;
  return `[${first.toUpperCase()}${first}]${word.slice(1)}`;
}

function anyOf(words: readonly string[], { sentenceCase = false } = {}): string {
  const longestFirst = [...words].sort((a, b) => b.length - a.length);
  return `(?:${longestFirst.map((word) => (sentenceCase ? capitalizable(word) : word)).join('|')})`;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const titleCase = (word: string): string => word[0]!.toUpperCase() + word.slice(1);
/** Months are only recognised in Title Case or ALL CAPS: "may" and "march" are verbs. */
const MONTH_FULL = anyOf(MONTHS.flatMap((month) => [titleCase(month), month.toUpperCase()]));
const MONTH_ABBREVIATED = anyOf(
  ['Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec'].flatMap((month) => [month, month.toUpperCase()]),
);
const MONTH = `(?:${MONTH_FULL}|${MONTH_ABBREVIATED}\\.?)(?![A-Za-z])`;
const WEEKDAY = anyOf(WEEKDAYS.flatMap((day) => [titleCase(day), day.toUpperCase()]));

const DAY = '(?<day>[0-3]?\\d)(?:st|nd|rd|th)?';
const YEAR = '(?:19|20)\\d{2}';
/** Years in full dates may be historical or far ahead; bare years are kept to 1900–2099. */
const ANY_YEAR = '[12]\\d{3}';

const SMALL_NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS_WORDS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const WORD_NUMBER = `(?:${anyOf(TENS_WORDS, { sentenceCase: true })}(?:[- ]${anyOf(SMALL_NUMBER_WORDS.slice(1, 10))})?|${anyOf(SMALL_NUMBER_WORDS, { sentenceCase: true })})(?:[- ]hundred)?`;
const DIGITS = '(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?';
const VAGUE_COUNT = anyOf(['a few', 'a couple of', 'a couple', 'several', 'many', 'dozens of', 'hundreds of', 'thousands of', 'tens of'], { sentenceCase: true });
/** A count of units: "24", "three", "twenty-five", "two and a half", "a dozen", "several", "a". */
const COUNT = `(?:(?:${DIGITS}|${WORD_NUMBER})${SP}and${SP}a${SP}half|${DIGITS}|${WORD_NUMBER}|${capitalizable('a')}${SP}dozen|${capitalizable('half')}${SP}an?|${VAGUE_COUNT}|${capitalizable('an')}|${capitalizable('a')})`;

const UNIT_WORDS = ['second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks', 'fortnight', 'fortnights',
  'month', 'months', 'year', 'years', 'decade', 'decades', 'century', 'centuries', 'millennium', 'millennia'];
const UNIT_ABBREVIATIONS = ['sec', 'secs', 'min', 'mins', 'hr', 'hrs', 'yr', 'yrs'];
const UNIT = anyOf([...UNIT_WORDS, ...UNIT_ABBREVIATIONS]);
const UNIT_SINGULAR = anyOf(['second', 'minute', 'hour', 'day', 'week', 'fortnight', 'month', 'year', 'decade', 'century']);
const PLURAL_UNIT = anyOf(['seconds', 'minutes', 'hours', 'days', 'weeks', 'months', 'years', 'decades', 'centuries']);

const TIME_ZONE = anyOf(['GMT', 'UTC', 'BST', 'CET', 'CEST', 'EET', 'EEST', 'MSK', 'ET', 'EST', 'EDT', 'CT', 'CST', 'CDT', 'MT', 'MST', 'MDT',
  'PT', 'PST', 'PDT', 'IST', 'JST', 'KST', 'AEST', 'AEDT', 'local time', 'Kyiv time', 'Kiev time', 'Moscow time']);
const OPTIONAL_TIME_ZONE = `(?:${SP}${TIME_ZONE}(?:[+-]\\d{1,2}(?::?\\d{2})?)?(?![\\w]))?`;

/** Words before a bare month or year that make it read as a date ("in May", "since 2022"). */
const DATE_CONTEXT = anyOf(['in', 'since', 'until', 'till', 'through', 'throughout', 'during', 'from', 'before', 'after', 'by', 'of',
  'early', 'late', 'mid', 'between', 'around', 'as of', 'starting', 'beginning', 'ending'], { sentenceCase: true });
const ATTACHED_MODIFIER = anyOf(['mid-', 'end-', 'early-', 'late-'], { sentenceCase: true });

const PARTS_OF_DAY = anyOf(['morning', 'afternoon', 'evening', 'night']);
const SEASONS = anyOf(['spring', 'summer', 'autumn', 'fall', 'winter', 'Spring', 'Summer', 'Autumn', 'Fall', 'Winter']);

/** Nouns after which a bare year names an event or period: "the 2024 election", "2023 budget". */
const YEAR_NOUNS = anyOf(['election', 'elections', 'vote', 'ballot', 'campaign', 'race', 'primary', 'primaries', 'midterm', 'midterms',
  'census', 'budget', 'season', 'championship', 'tournament', 'final', 'finals', 'draft', 'edition', 'summit', 'invasion', 'war', 'crisis',
  'report', 'survey', 'referendum', 'presidential', 'parliamentary', 'general', 'local', 'annual', 'fiscal', 'financial', 'calendar',
  'Olympics', 'Olympic', 'Games', 'World Cup', 'Euro', 'Euros', 'Super Bowl', 'Oscars', 'Grammys', 'Paralympics']);

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic on days counted from 1970-01-01 (UTC, so no time-zone surprises)
// ---------------------------------------------------------------------------------------------

const MS_PER_DAY = 86_400_000;

function epochDay(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function calendarOf(day: number): { year: number; month: number; day: number } {
  const date = new Date(day * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** Years outside 1..9999 have no plain ISO form; such values are dropped rather than mangled. */
const isPlainYear = (year: number): boolean => Number.isInteger(year) && year >= 1 && year <= 9999;

function isoDay(day: number): string | undefined {
  const date = calendarOf(day);
  return isPlainYear(date.year) ? `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}` : undefined;
}

function isoMonth(year: number, month: number): string | undefined {
  const normalized = calendarOf(epochDay(year, month, 1));
  return isPlainYear(normalized.year) ? `${pad(normalized.year, 4)}-${pad(normalized.month)}` : undefined;
}

function isoYear(year: number): string | undefined {
  return isPlainYear(year) ? pad(year, 4) : undefined;
}

function isoWeek(day: number): string | undefined {
  const mondayBased = (weekdayOf(day) + 6) % 7;
  const thursday = day - mondayBased + 3;
  const year = calendarOf(thursday).year;
  const week = Math.floor((thursday - epochDay(year, 1, 1)) / 7) + 1;
  return isPlainYear(year) ? `${pad(year, 4)}-W${pad(week)}` : undefined;
}

function parseIsoDay(iso: string | undefined): number | undefined {
  const match = iso === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidDay(year, month, day) ? epochDay(year, month, day) : undefined;
}

function isValidDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Of last year, this year and next, the one whose month-day lies closest to the anchor; ties go to the past. */
function nearestYearOfMonthDay(anchor: number, month: number, day: number): number | undefined {
  const anchorYear = calendarOf(anchor).year;
  let best: { day: number; distance: number } | undefined;
  for (const year of [anchorYear - 1, anchorYear, anchorYear + 1]) {
    if (!isValidDay(year, month, day)) continue;
    const candidate = epochDay(year, month, day);
    const distance = Math.abs(candidate - anchor);
    if (!best || distance < best.distance) best = { day: candidate, distance };
  }
  return best?.day;
}

function nearestYearOfMonth(anchor: number, month: number, direction: 'nearest' | 'past' | 'future'): number {
  const { year, month: anchorMonth } = calendarOf(anchor);
  if (direction === 'past') return month < anchorMonth ? year : year - 1;
  if (direction === 'future') return month > anchorMonth ? year : year + 1;
  const monthsAhead = month - anchorMonth;
  if (monthsAhead >= 6) return year - 1; // six months either way: the past wins
  if (monthsAhead < -6) return year + 1;
  return year;
}

// ---------------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------------

interface Candidate extends Span {
  /** A modifier just before it ("early", "the end of", "mid-") may join the span. */
  modifiable?: boolean;
}

interface Scan {
  text: string;
  /** The article date as a day number, when known. */
  anchor: number | undefined;
}

interface Rule {
  pattern: RegExp;
  build(match: RegExpExecArray, scan: Scan): Candidate | undefined;
}

function group(match: RegExpExecArray, name: string): string | undefined {
  return match.groups?.[name];
}

/** Offsets of the named group "span" when the regex has one (context words stay outside), else the whole match. */
function spanOf(match: RegExpExecArray): { start: number; end: number } {
  const indices = match.indices?.groups?.['span'];
  return indices ? { start: indices[0], end: indices[1] } : { start: match.index, end: match.index + match[0].length };
}

function monthNumber(name: string): number {
  return MONTHS.findIndex((month) => month.startsWith(name.slice(0, 3).toLowerCase())) + 1;
}

function weekdayNumber(name: string): number {
  return WEEKDAYS.findIndex((weekday) => weekday === name.toLowerCase());
}

function dateValue(iso: string | undefined, endIso?: string): NormalizedValue | undefined {
  if (iso === undefined) return undefined;
  return endIso === undefined ? { type: 'date', iso } : { type: 'date', iso, endIso };
}

/** A month and day with or without year; without one, the year is the one that puts it nearest the anchor. */
function monthDayValue(scan: Scan, month: number, day: number, year: number | undefined, endDay?: number): NormalizedValue | undefined {
  if (year !== undefined) {
    if (!isValidDay(year, month, day)) return undefined;
    const end = endDay !== undefined && isValidDay(year, month, endDay) ? isoDay(epochDay(year, month, endDay)) : undefined;
    return dateValue(isoDay(epochDay(year, month, day)), end);
  }
  if (scan.anchor === undefined) {
    // ISO 8601 recurring month-day: the year is unknown.
    const end = endDay !== undefined ? `--${pad(month)}-${pad(endDay)}` : undefined;
    return dateValue(`--${pad(month)}-${pad(day)}`, end);
  }
  const resolved = nearestYearOfMonthDay(scan.anchor, month, day);
  if (resolved === undefined) return undefined;
  const resolvedYear = calendarOf(resolved).year;
  const end = endDay !== undefined && isValidDay(resolvedYear, month, endDay) ? isoDay(epochDay(resolvedYear, month, endDay)) : undefined;
  return dateValue(isoDay(resolved), end);
}

function isPlausibleDay(month: number, day: number, year: number | undefined): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year ?? 2000, month);
}

function candidate(label: DateLabel, start: number, end: number, confidence: number, value?: NormalizedValue, modifiable = false): Candidate {
  const found: Candidate = { start, end, label, confidence };
  if (value !== undefined) found.value = value;
  if (modifiable) found.modifiable = true;
  return found;
}

/** "will meet on Monday", "planned for Thursday": the sentence so far talks about the future. */
const FUTURE_CUE = /\b(?:will|won['’]t|shall|going to|is due|are due|set to|scheduled|planned|plans? to|expected to|is to|are to)\b|['’]ll\b/i;

function pointsForward(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 120), start);
  const sentenceStart = Math.max(before.lastIndexOf('. '), before.lastIndexOf('!'), before.lastIndexOf('?'), before.lastIndexOf('\n')) + 1;
  return FUTURE_CUE.test(before.slice(sentenceStart));
}

/** "the third quarter" and "the second half" of a game are not periods of the calendar. */
const SPORTS_CONTEXT = /\b(?:\w*scor(?:e|es|ed|ing)|goals?|touchdowns?|game|match|innings?|halftime|half-time|overtime|rebounds|assists|yards|field goal|free throws?|quarterback|penalty|kick-?off|whistle|\d{1,3}-\d{1,3})\b/i;

function inSportsContext(text: string, start: number, end: number): boolean {
  return SPORTS_CONTEXT.test(text.slice(Math.max(0, start - 150), Math.min(text.length, end + 150)));
}

const PREVIOUS_WORD = /([A-Za-z]+)[^A-Za-z\n]*$/;

function previousWord(text: string, start: number): string | undefined {
  return PREVIOUS_WORD.exec(text.slice(Math.max(0, start - 30), start))?.[1]?.toLowerCase();
}

// --- Calendar dates ---------------------------------------------------------------------------

const monthDayRule: Rule = {
  // "November 4", "Nov. 4, 2023", "Monday, January 5, 2024", "June 1-5"
  pattern: new RegExp(
    `(?<![\\w])(?:(?<weekday>${WEEKDAY}),?${SP})?(?<month>${MONTH})${SP}${DAY}(?:\\s?[-–]\\s?(?<endDay>[0-3]?\\d)(?!\\d))?(?:(?:,${SP}|,|${SP})(?<year>${ANY_YEAR}))?(?![\\w]|[.,:]\\d)`,
    'dg',
  ),
  build(match, scan) {
    const month = monthNumber(group(match, 'month')!);
    const day = Number(group(match, 'day'));
    const yearText = group(match, 'year');
    const year = yearText === undefined ? undefined : Number(yearText);
    const endDayText = group(match, 'endDay');
    const endDay = endDayText === undefined ? undefined : Number(endDayText);
    if (!isPlausibleDay(month, day, year)) return undefined;
    if (endDay !== undefined && (endDay <= day || !isPlausibleDay(month, endDay, year))) return undefined;
    const { start, end } = spanOf(match);
    const confidence = year !== undefined ? 0.95 : group(match, 'month') === 'May' ? 0.85 : 0.9;
    return candidate('DATE', start, end, confidence, monthDayValue(scan, month, day, year, endDay));
  },
};

const dayMonthRule: Rule = {
  // "4 November 2023", "12 March", "the 5th of November", "Tuesday 5 November"
  pattern: new RegExp(
    `(?<![\\w$€£.,/-])(?:(?<weekday>${WEEKDAY}),?${SP})?(?:[Tt]he${SP})?${DAY}${SP}(?:of${SP})?(?<month>${MONTH})(?:,?${SP}(?<year>${ANY_YEAR}))?(?![\\w]|[.,]\\d)`,
    'dg',
  ),
  build(match, scan) {
    const month = monthNumber(group(match, 'month')!);
    const day = Number(group(match, 'day'));
    const yearText = group(match, 'year');
    const year = yearText === undefined ? undefined : Number(yearText);
    if (!isPlausibleDay(month, day, year)) return undefined;
    const { start, end } = spanOf(match);
    return candidate('DATE', start, end, year !== undefined ? 0.95 : 0.85, monthDayValue(scan, month, day, year));
  },
};

const monthYearRule: Rule = {
  // "November 2023", "Nov. 2023", "March of 2022"
  pattern: new RegExp(`(?<![\\w])(?<month>${MONTH}),?${SP}(?:of${SP})?(?<year>${ANY_YEAR})(?![\\w]|[.,]\\d)`, 'dg'),
  build(match) {
    const { start, end } = spanOf(match);
    const iso = isoMonth(Number(group(match, 'year')), monthNumber(group(match, 'month')!));
    return candidate('DATE', start, end, 0.9, dateValue(iso), true);
  },
};

const bareMonthRule: Rule = {
  // "in May", "since March", "last November", "between May and June"; not "Ukraine may" nor "by June Carter".
  pattern: new RegExp(
    `(?:(?<![\\w])(?<context>${DATE_CONTEXT})${SP}|(?<![\\w-])(?<attached>${ATTACHED_MODIFIER}))(?<span>(?:(?<relative>[Ll]ast|[Nn]ext|[Tt]his|[Ee]very|[Ee]ach)${SP})?(?<month>${MONTH_FULL})(?:(?:${SP}(?:and|or|to|through|until)${SP}|\\s?[-–]\\s?)(?<endMonth>${MONTH_FULL}))?)(?![\\w])`,
    'dg',
  ),
  build(match, scan) {
    const context = group(match, 'context')?.toLowerCase();
    const { start, end } = spanOf(match);
    if (context === 'by' && /^[ \t]+[A-Z]/.test(scan.text.slice(end, end + 2))) return undefined;
    const relative = group(match, 'relative')?.toLowerCase();
    const monthName = group(match, 'month')!;
    const month = monthNumber(monthName);
    const endMonthName = group(match, 'endMonth');
    let value: NormalizedValue | undefined;
    if (scan.anchor !== undefined && relative !== 'every' && relative !== 'each') {
      const direction = relative === 'last' ? 'past' : relative === 'next' ? 'future' : 'nearest';
      const year = nearestYearOfMonth(scan.anchor, month, direction);
      const endMonth = endMonthName === undefined ? undefined : monthNumber(endMonthName);
      const endIso = endMonth === undefined ? undefined : isoMonth(endMonth < month ? year + 1 : year, endMonth);
      value = dateValue(isoMonth(year, month), endIso);
    } else if (scan.anchor === undefined && relative === undefined && endMonthName === undefined) {
      value = dateValue(`--${pad(month)}`);
    }
    const ambiguousName = monthName === 'May' || monthName === 'March' || monthName === 'June' || monthName === 'April';
    return candidate('DATE', start, end, ambiguousName ? 0.7 : 0.85, value, true);
  },
};

const isoDateRule: Rule = {
  // "2023-10-26", "2023/10/26"
  pattern: new RegExp(`(?<![\\w/.-])(?<year>${ANY_YEAR})(?<separator>[-/.])(?<month>\\d{2})\\k<separator>(?<day>\\d{2})(?![\\w/]|[.-]\\d)`, 'dg'),
  build(match) {
    const [year, month, day] = [Number(group(match, 'year')), Number(group(match, 'month')), Number(group(match, 'day'))];
    if (!isValidDay(year, month, day)) return undefined;
    const { start, end } = spanOf(match);
    return candidate('DATE', start, end, 0.95, dateValue(isoDay(epochDay(year, month, day))));
  },
};

const VERSION_BEFORE = /(?:version|ver\.?|v|release|build)\s*$/i;

const numericDateRule: Rule = {
  // "10/26/2023" (US month first unless the first number cannot be a month), "26.10.2023" (day first)
  pattern: new RegExp(`(?<![\\w/.,-])(?<first>\\d{1,2})(?<separator>[/.])(?<second>\\d{1,2})\\k<separator>(?<year>${ANY_YEAR})(?![\\w/]|[.-]\\d)`, 'dg'),
  build(match, scan) {
    const { start, end } = spanOf(match);
    if (VERSION_BEFORE.test(scan.text.slice(Math.max(0, start - 10), start))) return undefined;
    const [first, second, year] = [Number(group(match, 'first')), Number(group(match, 'second')), Number(group(match, 'year'))];
    const dayFirst = group(match, 'separator') === '.' || first > 12;
    const [month, day] = dayFirst ? [second, first] : [first, second];
    if (!isValidDay(year, month, day)) return undefined;
    const unambiguous = first > 12 || second > 12 || first === second;
    return candidate('DATE', start, end, unambiguous ? 0.9 : 0.8, dateValue(isoDay(epochDay(year, month, day))));
  },
};

// --- Years, decades, centuries, quarters, seasons --------------------------------------------------

const TRAILING_YEAR_GUARD = `(?![\\w%]|[.,]\\d|\\s?[-–/]\\s?\\d)`;

/** After these, a number is as often a count as a year: "a total of 2000 drones", "by 2000 votes". */
const WEAK_YEAR_CONTEXTS = new Set(['of', 'by', 'from', 'between', 'around', 'as of']);
/** Words that may follow a year without making it a count of something. */
const AFTER_YEAR_WORDS = new Set(['and', 'or', 'to', 'through', 'until', 'till', 'when', 'while', 'as', 'with', 'the', 'in', 'on', 'at',
  'for', 'but', 'was', 'were', 'is', 'are', 'had', 'has', 'have', 'will', 'would', 'could', 'after', 'before', 'levels', 'figures', 'onwards',
  'onward', 'amid', 'despite', 'compared', 'because', 'if', 'that', 'which', 'it', 'he', 'she', 'they', 'we', 'a', 'an']);

const yearInContextRule: Rule = {
  // "in 2024", "since 2022", "by 2030", "mid-2025", "the end of 2023"
  pattern: new RegExp(
    `(?:(?<![\\w])(?<context>${DATE_CONTEXT})${SP}|(?<![\\w-])${ATTACHED_MODIFIER})(?<span>${YEAR})${TRAILING_YEAR_GUARD}(?:${SP}(?<next>[a-z]+))?`,
    'dg',
  ),
  build(match) {
    const { start, end } = spanOf(match);
    const context = group(match, 'context')?.toLowerCase();
    const next = group(match, 'next');
    if (context !== undefined && WEAK_YEAR_CONTEXTS.has(context) && next !== undefined && !AFTER_YEAR_WORDS.has(next)) return undefined;
    return candidate('DATE', start, end, 0.75, dateValue(match.groups?.['span']), true);
  },
};

const yearBeforeNounRule: Rule = {
  // "the 2024 election", "Ukraine's 2023 budget", "2022's invasion"
  pattern: new RegExp(`(?<![\\w$€£.,/#-])(?<span>${YEAR})(?=['’]s\\b|${SP}${YEAR_NOUNS}(?![\\w]))`, 'dg'),
  build(match) {
    const { start, end } = spanOf(match);
    return candidate('DATE', start, end, 0.65, dateValue(match[0]), true);
  },
};

const yearRangeRule: Rule = {
  // "2022-2024", "2024-25", "1939–45", "from 2022 to 2024", "between 2020 and 2022"
  pattern: new RegExp(
    `(?:(?<![\\w$€£.,/-])(?<from>${YEAR})\\s?[-–/]\\s?(?<to>(?:19|20)?\\d{2})|(?<![\\w])(?:[Ff]rom|[Bb]etween)${SP}(?<span>(?<fromWord>${YEAR})${SP}(?:to|and|until|through)${SP}(?<toWord>${YEAR})))${TRAILING_YEAR_GUARD}`,
    'dg',
  ),
  build(match) {
    const from = Number(group(match, 'from') ?? group(match, 'fromWord'));
    const toText = group(match, 'to') ?? group(match, 'toWord')!;
    const to = toText.length === 2 ? Math.floor(from / 100) * 100 + Number(toText) : Number(toText);
    if (to <= from || to - from > 100) return undefined;
    const { start, end } = spanOf(match);
    return candidate('DATE', start, end, 0.8, dateValue(String(from), String(to)));
  },
};

const decadeRule: Rule = {
  // "the 1990s", "the early 2000s", "the '90s", "the 1800s" (a century)
  pattern: new RegExp(
    `(?<![\\w])(?:(?<the>[Tt]he)${SP}(?:(?:[Ee]arly|[Ll]ate|[Mm]id)[- ])?)?(?:(?<century>1[5-9]|20)(?<decade>\\d)0s|['’](?<apostrophe>\\d)0s|(?<bare>\\d)0s)(?![\\w'’])`,
    'dg',
  ),
  build(match) {
    const bare = group(match, 'bare');
    if (bare !== undefined && group(match, 'the') === undefined) return undefined; // "in their 30s" is an age
    const century = group(match, 'century');
    const decadeDigit = group(match, 'decade') ?? group(match, 'apostrophe') ?? bare!;
    let iso: string;
    if (century !== undefined) {
      iso = decadeDigit === '0' && Number(century) < 20 ? century : `${century}${decadeDigit}X`;
    } else {
      // Two-digit decades: the '30s to '90s are last century's, the '00s to '20s this one's.
      iso = `${Number(decadeDigit) >= 3 ? '19' : '20'}${decadeDigit}X`;
    }
    const { start, end } = spanOf(match);
    return candidate('DATE', start, end, century !== undefined ? 0.85 : 0.7, dateValue(iso), true);
  },
};

const ORDINAL_WORDS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12,
  thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20,
  'twenty-first': 21, 'twenty-second': 22,
};

const centuryRule: Rule = {
  // "the 19th century", "the twenty-first century", "21st-century"
  pattern: new RegExp(
    `(?<![\\w])(?:[Tt]he${SP}(?:(?:[Ee]arly|[Ll]ate|[Mm]id)[- ])?)?(?<ordinal>\\d{1,2}(?:st|nd|rd|th)|${anyOf(Object.keys(ORDINAL_WORDS), { sentenceCase: true })})[- ]century(?![\\w])`,
    'dg',
  ),
  build(match) {
    const ordinalText = group(match, 'ordinal')!.toLowerCase();
    const ordinal = ORDINAL_WORDS[ordinalText] ?? Number.parseInt(ordinalText, 10);
    if (!(ordinal >= 1 && ordinal <= 30)) return undefined;
    const { start, end } = spanOf(match);
    // ISO 8601 century: "18" is 1800–1899, which is how "the 19th century" is used.
    return candidate('DATE', start, end, 0.85, dateValue(pad(ordinal - 1)));
  },
};

const QUARTER_ORDINALS: Readonly<Record<string, number>> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, final: 4 };

/** A quarter without a year is the latest one that has started by the anchor date: news reports results. */
function quarterValue(scan: Scan, quarter: number, year: number | undefined): NormalizedValue | undefined {
  if (year !== undefined) return dateValue(`${pad(year, 4)}-Q${quarter}`);
  if (scan.anchor === undefined) return undefined;
  const anchor = calendarOf(scan.anchor);
  const anchorQuarter = Math.ceil(anchor.month / 3);
  const resolvedYear = quarter <= anchorQuarter ? anchor.year : anchor.year - 1;
  return isPlainYear(resolvedYear) ? dateValue(`${pad(resolvedYear, 4)}-Q${quarter}`) : undefined;
}

function relativeYear(scan: Scan, relative: string | undefined): number | undefined {
  if (relative === undefined || scan.anchor === undefined) return undefined;
  const year = calendarOf(scan.anchor).year;
  return relative === 'last' ? year - 1 : relative === 'next' ? year + 1 : year;
}

const quarterRule: Rule = {
  // "Q3 2024", "Q3", "H1 2024", "the third quarter (of 2024)", "third-quarter profit", "the fourth quarter of last year"
  pattern: new RegExp(
    `(?<![\\w])(?:(?<code>Q[1-4]|H[12])(?:${SP}(?<codeYear>${YEAR}))?|(?:[Tt]he${SP})?(?<ordinal>${anyOf(Object.keys(QUARTER_ORDINALS), { sentenceCase: true })})(?:${SP}|-)quarter(?:(?:${SP}of)?${SP}(?<year>${YEAR})|${SP}of${SP}(?<relative>this|last|next)${SP}year)?)(?![\\w])`,
    'dg',
  ),
  build(match, scan) {
    const { start, end } = spanOf(match);
    const code = group(match, 'code');
    if (code !== undefined) {
      const codeYear = group(match, 'codeYear');
      if (code.startsWith('H')) {
        // "H1" alone is a heading or a visa; only with a year is it a half-year.
        return codeYear === undefined ? undefined : candidate('DATE', start, end, 0.85, dateValue(`${codeYear}-${code}`));
      }
      const quarter = Number(code[1]);
      return candidate('DATE', start, end, codeYear ? 0.9 : 0.75, quarterValue(scan, quarter, codeYear ? Number(codeYear) : undefined));
    }
    const quarter = QUARTER_ORDINALS[group(match, 'ordinal')!.toLowerCase()]!;
    const yearText = group(match, 'year');
    const relative = group(match, 'relative');
    if (yearText === undefined && relative === undefined && inSportsContext(scan.text, start, end)) return undefined;
    const year = yearText !== undefined ? Number(yearText) : relativeYear(scan, relative);
    const explicit = yearText !== undefined || relative !== undefined;
    if (relative !== undefined && year === undefined) return candidate('DATE', start, end, 0.85);
    return candidate('DATE', start, end, explicit ? 0.9 : 0.7, quarterValue(scan, quarter, year));
  },
};

const fiscalYearRule: Rule = {
  // "fiscal 2024", "fiscal year 2023", "FY2024", "FY24"
  pattern: new RegExp(`(?<![\\w])(?:[Ff]iscal(?:${SP}[Yy]ear)?${SP}(?<year>${YEAR})|FY ?(?<short>${YEAR}|\\d{2}))(?![\\w])`, 'dg'),
  build(match) {
    const { start, end } = spanOf(match);
    const year = group(match, 'year') ?? `20${group(match, 'short')!}`.slice(-4);
    return candidate('DATE', start, end, 0.85, dateValue(year));
  },
};

const SEASON_CODES: Readonly<Record<string, string>> = { spring: 'SP', summer: 'SU', autumn: 'FA', fall: 'FA', winter: 'WI' };
/** Order of the seasons within a year, winter last: "last winter" in March is the one just ended. */
const SEASON_ORDER = ['SP', 'SU', 'FA', 'WI'];

function currentSeasonIndex(month: number): number {
  return month >= 3 && month <= 5 ? 0 : month >= 6 && month <= 8 ? 1 : month >= 9 && month <= 11 ? 2 : 3;
}

const seasonRule: Rule = {
  // "this summer", "last winter", "spring 2024", "the summer of 2023", "in the fall"; not "prices fall" nor "the fall of Bakhmut"
  pattern: new RegExp(
    `(?:(?<![\\w])(?<context>[Ii]n|[Dd]uring|[Ss]ince|[Uu]ntil|[Bb]y|[Oo]ver|[Tt]hrough|[Tt]hroughout)${SP})?(?<span>(?:(?<determiner>[Tt]his|[Ll]ast|[Nn]ext|[Ee]very|[Ee]ach|[Tt]he)${SP})?(?:(?:[Ee]arly|[Ll]ate|[Mm]id-?)${SP}?)?(?<season>${SEASONS})(?:(?:${SP}of)?${SP}(?<year>${YEAR}))?)(?![\\w])`,
    'dg',
  ),
  build(match, scan) {
    const { start, end } = spanOf(match);
    const determiner = group(match, 'determiner')?.toLowerCase();
    const yearText = group(match, 'year');
    const seasonName = group(match, 'season')!;
    const hasRelative = determiner !== undefined && determiner !== 'the';
    const hasContext = group(match, 'context') !== undefined;
    if (!hasRelative && yearText === undefined && !hasContext) return undefined;
    if (seasonName[0] === seasonName[0]!.toUpperCase() && yearText === undefined && !hasRelative) return undefined; // "the Arab Spring"
    if (yearText === undefined && new RegExp(`^${SP}of${SP}`).test(scan.text.slice(end, end + 6))) return undefined;
    const season = SEASON_CODES[seasonName.toLowerCase()]!;
    let year: number | undefined = yearText === undefined ? undefined : Number(yearText);
    if (year === undefined && scan.anchor !== undefined && hasRelative && determiner !== 'every' && determiner !== 'each') {
      const anchor = calendarOf(scan.anchor);
      const now = currentSeasonIndex(anchor.month);
      const baseYear = anchor.month <= 2 ? anchor.year - 1 : anchor.year; // January's winter began last December
      const wanted = SEASON_ORDER.indexOf(season);
      if (determiner === 'this') year = baseYear;
      else if (determiner === 'last') year = wanted < now ? baseYear : baseYear - 1;
      else year = wanted > now ? baseYear : baseYear + 1;
    }
    const value = year === undefined ? undefined : dateValue(`${pad(year, 4)}-${season}`);
    return candidate('DATE', start, end, yearText !== undefined || hasRelative ? 0.85 : 0.65, value);
  },
};

// --- Relative dates ---------------------------------------------------------------------------

const PART_OF_DAY_CODES: Readonly<Record<string, string>> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI' };

function dayWithPart(day: number | undefined, part: string | undefined, label: DateLabel): NormalizedValue | undefined {
  if (day === undefined) return undefined;
  const iso = isoDay(day);
  if (iso === undefined) return undefined;
  if (label === 'TIME' && part !== undefined) return { type: 'time', iso: `${iso}T${PART_OF_DAY_CODES[part]}` };
  return dateValue(iso);
}

const RELATIVE_DAY_OFFSETS: Readonly<Record<string, number>> = {
  today: 0, yesterday: -1, tomorrow: 1, 'the day before yesterday': -2, 'the day after tomorrow': 2,
};

const relativeDayRule: Rule = {
  // "today", "yesterday", "tomorrow morning", "the day before yesterday"
  pattern: new RegExp(
    `(?<![\\w])(?<word>${anyOf(Object.keys(RELATIVE_DAY_OFFSETS), { sentenceCase: true })})(?:${SP}(?<part>${PARTS_OF_DAY}))?(?![\\w])`,
    'dg',
  ),
  build(match, scan) {
    const { start, end } = spanOf(match);
    const offset = RELATIVE_DAY_OFFSETS[group(match, 'word')!.toLowerCase()]!;
    const part = group(match, 'part');
    const label: DateLabel = part === undefined ? 'DATE' : 'TIME';
    const day = scan.anchor === undefined ? undefined : scan.anchor + offset;
    return candidate(label, start, end, 0.85, dayWithPart(day, part, label));
  },
};

/** Newspapers and TV shows named after weekdays. */
const WEEKDAY_TITLE_AFTER = /^[ \t]+(?:Times|Telegraph|Mirror|Express|People|Post|Herald|Independent|Sport|Night|Morning|Bloody)\b/;

const weekdayRule: Rule = {
  // "Monday", "last Friday", "Wednesday night", "every Sunday", "Mondays"
  pattern: new RegExp(
    `(?<![\\w])(?:(?<relative>[Ll]ast|[Nn]ext|[Tt]his|[Ee]very|[Ee]ach)${SP})?(?<weekday>${WEEKDAY})(?<plural>s)?(?:${SP}(?<part>${PARTS_OF_DAY}))?(?![\\w])`,
    'dg',
  ),
  build(match, scan) {
    const { start, end } = spanOf(match);
    if (WEEKDAY_TITLE_AFTER.test(scan.text.slice(end, end + 16))) return undefined;
    const relative = group(match, 'relative')?.toLowerCase();
    const part = group(match, 'part');
    const label: DateLabel = part === undefined ? 'DATE' : 'TIME';
    const recurring = group(match, 'plural') !== undefined || relative === 'every' || relative === 'each';
    let day: number | undefined;
    if (!recurring && scan.anchor !== undefined) {
      const wanted = weekdayNumber(group(match, 'weekday')!);
      const today = weekdayOf(scan.anchor);
      const forward = relative === 'next' || (relative !== 'last' && pointsForward(scan.text, start));
      if (forward) {
        const ahead = (wanted - today + 7) % 7;
        day = scan.anchor + (relative === 'next' && ahead === 0 ? 7 : ahead);
      } else {
        // News reports the past: "on Monday" is the latest Monday up to the article date.
        const back = (today - wanted + 7) % 7;
        day = scan.anchor - (relative === 'last' && back === 0 ? 7 : back);
      }
    }
    return candidate(label, start, end, 0.75, dayWithPart(day, part, label), true);
  },
};

function relativePeriodValue(scan: Scan, unit: string, shift: number): NormalizedValue | undefined {
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
      return decade >= 0 && decade <= 999 ? dateValue(`${pad(decade, 3)}X`) : undefined;
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

const RELATIVE_SHIFTS: Readonly<Record<string, number>> = { this: 0, current: 0, last: -1, next: 1, coming: 1 };

const relativePeriodRule: Rule = {
  // "this year", "last week", "next month", "this weekend", "last season", "next fiscal year"
  pattern: new RegExp(
    `(?<![\\w])(?<relative>${anyOf(Object.keys(RELATIVE_SHIFTS), { sentenceCase: true })})${SP}(?<unit>week|weekend|month|year|decade|century|quarter|season|fiscal year|financial year)(?![\\w-])`,
    'dg',
  ),
  build(match, scan) {
    const { start, end } = spanOf(match);
    const shift = RELATIVE_SHIFTS[group(match, 'relative')!.toLowerCase()]!;
    return candidate('DATE', start, end, 0.85, relativePeriodValue(scan, group(match, 'unit')!, shift), true);
  },
};

const partOfPeriodRule: Rule = {
  // "the end of the year", "the beginning of the month", "the rest of the week"
  pattern: new RegExp(
    `(?<![\\w])(?:[Tt]he${SP})?(?:end|beginning|start|middle|rest|remainder|close|first half|second half)${SP}of${SP}the${SP}(?<unit>year|month|week|decade)(?![\\w-])`,
    'dg',
  ),
  build(match, scan) {
    const { start, end } = spanOf(match);
    return candidate('DATE', start, end, 0.8, relativePeriodValue(scan, group(match, 'unit')!, 0));
  },
};

const periodEndRule: Rule = {
  // "year-end", "by year-end", "month-end"
  pattern: /(?<![\w-])(?<unit>[Yy]ear|[Mm]onth)-end(?![\w-])/dg,
  build(match, scan) {
    const { start, end } = spanOf(match);
    return candidate('DATE', start, end, 0.75, relativePeriodValue(scan, group(match, 'unit')!.toLowerCase(), 0));
  },
};

const HOLIDAY_DATES: Readonly<Record<string, string>> = {
  'Christmas': '12-25', 'Christmas Day': '12-25', 'Christmas Eve': '12-24', "New Year's Day": '01-01', "New Year's Eve": '12-31', 'Halloween': '10-31',
};

const holidayRule: Rule = {
  // Holidays are dates in OntoNotes; the fixed ones get a value.
  pattern: /(?<![\w])(?:Christmas(?: Day| Eve)?|New Year['’]s(?: Day| Eve)|Easter(?: Sunday| Monday)?|Thanksgiving(?: Day)?|Halloween|Ramadan)(?![\w])/dg,
  build(match, scan) {
    const { start, end } = spanOf(match);
    const monthDay = HOLIDAY_DATES[match[0].replace('’', "'")];
    const value = monthDay === undefined ? undefined : monthDayValue(scan, Number(monthDay.slice(0, 2)), Number(monthDay.slice(3)), undefined);
    return candidate('DATE', start, end, 0.7, value);
  },
};

// --- Times ------------------------------------------------------------------------------------

function timeValue(hour: number, minute: number): NormalizedValue {
  return { type: 'time', iso: `T${pad(hour)}:${pad(minute)}` };
}

const clockWithMeridiemRule: Rule = {
  // "6:04 PM", "10 a.m.", "10.30am", "11pm GMT"
  pattern: new RegExp(
    `(?<![\\w:.,])(?<hour>\\d{1,2})(?:[:.](?<minute>[0-5]\\d))?(?::[0-5]\\d)?[ \\t\\u00a0\\u202f]?(?<meridiem>[ap]\\.m\\.|[AP]\\.M\\.|[ap]\\.m|[AP]\\.M|[ap]m|[AP]M)(?![\\w])${OPTIONAL_TIME_ZONE}`,
    'dg',
  ),
  build(match) {
    const hour = Number(group(match, 'hour'));
    if (hour < 1 || hour > 12) return undefined;
    const minute = Number(group(match, 'minute') ?? '0');
    const afternoon = group(match, 'meridiem')!.toLowerCase().startsWith('p');
    const hour24 = (hour % 12) + (afternoon ? 12 : 0);
    const { start, end } = spanOf(match);
    return candidate('TIME', start, end, 0.95, timeValue(hour24, minute));
  },
};

/** A bare "10:30" is a time only after a word that introduces one, or with a time zone. */
const CLOCK_CONTEXT = anyOf(['at', 'by', 'until', 'till', 'from', 'before', 'after', 'around', 'about', 'since', 'between', 'and', 'to'], { sentenceCase: true });

const twentyFourHourClockRule: Rule = {
  // "at 10:30", "18:04 GMT", "1800 GMT"
  pattern: new RegExp(
    `(?:(?<![\\w])(?<context>${CLOCK_CONTEXT})${SP})?(?<span>(?<![\\w:.,])(?:(?<hour>[01]?\\d|2[0-3]):(?<minute>[0-5]\\d)(?![\\w:]|[.,]\\d)(?<zone>${OPTIONAL_TIME_ZONE})|(?<militaryHour>[01]\\d|2[0-3])(?<militaryMinute>[0-5]\\d)${SP}(?<militaryZone>GMT|UTC|hours|hrs)(?![\\w])))`,
    'dg',
  ),
  build(match) {
    const military = group(match, 'militaryHour') !== undefined;
    if (!military && group(match, 'context') === undefined && !group(match, 'zone')) return undefined;
    const hour = Number(group(match, military ? 'militaryHour' : 'hour'));
    const minute = Number(group(match, military ? 'militaryMinute' : 'minute'));
    const { start, end } = spanOf(match);
    return candidate('TIME', start, end, military ? 0.75 : 0.8, timeValue(hour, minute));
  },
};

const O_CLOCK_HOURS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

const oClockRule: Rule = {
  pattern: new RegExp(`(?<![\\w])(?<hour>1[0-2]|[1-9]|${anyOf(O_CLOCK_HOURS, { sentenceCase: true })})${SP}o['’]clock(?![\\w])`, 'dg'),
  build(match) {
    const hourText = group(match, 'hour')!;
    const hour = /\d/.test(hourText) ? Number(hourText) : O_CLOCK_HOURS.indexOf(hourText.toLowerCase()) + 1;
    const { start, end } = spanOf(match);
    return candidate('TIME', start, end, 0.85, timeValue(hour, 0));
  },
};

const NAMED_TIMES: Readonly<Record<string, { hour: number } | { dayOffset: number; part: string } | null>> = {
  noon: { hour: 12 }, midday: { hour: 12 }, midnight: { hour: 0 },
  tonight: { dayOffset: 0, part: 'NI' }, 'this morning': { dayOffset: 0, part: 'MO' }, 'this afternoon': { dayOffset: 0, part: 'AF' },
  'this evening': { dayOffset: 0, part: 'EV' }, 'last night': { dayOffset: -1, part: 'NI' }, 'last evening': { dayOffset: -1, part: 'EV' },
  overnight: null, 'that night': null, 'that morning': null, 'that evening': null, 'that afternoon': null,
  'the early hours': null, 'early hours': null, 'the small hours': null,
};

const namedTimeRule: Rule = {
  // "noon", "midnight", "tonight", "this morning", "last night", "overnight", "the early hours"
  pattern: new RegExp(
    `(?<![\\w-])(?<word>${anyOf(Object.keys(NAMED_TIMES).filter((word) => word !== 'noon' && word !== 'midnight' && word !== 'midday'), { sentenceCase: true })}|noon|midnight|midday)(?![\\w-])`,
    'dg',
  ),
  build(match, scan) {
    const { start, end } = spanOf(match);
    const meaning = NAMED_TIMES[group(match, 'word')!.toLowerCase()];
    let value: NormalizedValue | undefined;
    if (meaning && 'hour' in meaning) value = timeValue(meaning.hour, 0);
    else if (meaning && scan.anchor !== undefined) {
      const iso = isoDay(scan.anchor + meaning.dayOffset);
      if (iso !== undefined) value = { type: 'time', iso: `${iso}T${meaning.part}` };
    }
    return candidate('TIME', start, end, 0.8, value);
  },
};

const twilightRule: Rule = {
  // "at dawn", "before dusk": these words are times only after such a preposition ("the dawn of an era" is not).
  pattern: new RegExp(`(?<![\\w])(?:[Aa]t|[Bb]efore|[Aa]fter|[Uu]ntil|[Bb]y|[Ff]rom|[Ss]ince|[Tt]ill)${SP}(?<span>dawn|dusk|daybreak|nightfall|sunrise|sunset)(?![\\w])`, 'dg'),
  build(match) {
    const { start, end } = spanOf(match);
    return candidate('TIME', start, end, 0.75);
  },
};

const matchMinuteRule: Rule = {
  // "the 90th minute" of a match
  pattern: new RegExp(`(?<![\\w])(?:[Tt]he${SP})?(?<minute>\\d{1,3})(?:st|nd|rd|th)(?:-|${SP})minute(?![\\w])`, 'dg'),
  build(match) {
    const { start, end } = spanOf(match);
    return candidate('TIME', start, end, 0.7);
  },
};

// --- Durations and periods counted in units ----------------------------------------------------------

const UNIT_DESIGNATORS: Readonly<Record<string, { designator: string; factor: number; time: boolean }>> = {
  second: { designator: 'S', factor: 1, time: true },
  minute: { designator: 'M', factor: 1, time: true },
  hour: { designator: 'H', factor: 1, time: true },
  day: { designator: 'D', factor: 1, time: false },
  week: { designator: 'W', factor: 1, time: false },
  fortnight: { designator: 'W', factor: 2, time: false },
  month: { designator: 'M', factor: 1, time: false },
  year: { designator: 'Y', factor: 1, time: false },
  decade: { designator: 'Y', factor: 10, time: false },
  century: { designator: 'Y', factor: 100, time: false },
  millennium: { designator: 'Y', factor: 1000, time: false },
};

const UNIT_ALIASES: Readonly<Record<string, string>> = {
  sec: 'second', secs: 'second', min: 'minute', mins: 'minute', hr: 'hour', hrs: 'hour', h: 'hour', yr: 'year', yrs: 'year',
  centuries: 'century', millennia: 'millennium',
};

function canonicalUnit(unit: string): string {
  const lower = unit.toLowerCase();
  return UNIT_ALIASES[lower] ?? lower.replace(/s$/, '');
}

const isTimeUnit = (unit: string): boolean => UNIT_DESIGNATORS[unit]?.time ?? false;

function durationIso(count: number, unit: string): string | undefined {
  const designator = UNIT_DESIGNATORS[unit];
  if (!designator || !Number.isFinite(count) || count < 0) return undefined;
  const amount = Math.round(count * designator.factor * 1000) / 1000;
  return `P${designator.time ? 'T' : ''}${amount}${designator.designator}`;
}

interface Count {
  value: number;
  approximate: boolean;
  /** Written as digits ("24"), which abbreviated units require ("2 min", not "two min"). */
  digits: boolean;
}

/** Vague counts get a conventional value and approximate: true. */
const VAGUE_COUNTS: Readonly<Record<string, number>> = {
  'a few': 3, few: 3, 'a couple of': 2, 'a couple': 2, 'couple of': 2, several: 3, many: 5,
  'dozens of': 24, 'hundreds of': 200, 'thousands of': 2000, 'tens of': 20,
};

function parseCount(text: string): Count | undefined {
  const normalized = text.toLowerCase().replace(/\s+/g, ' ');
  const vague = VAGUE_COUNTS[normalized];
  if (vague !== undefined) return { value: vague, approximate: true, digits: false };
  const half = normalized.endsWith(' and a half') ? 0.5 : 0;
  const whole = half ? normalized.slice(0, -' and a half'.length) : normalized;
  if (/^[\d,.]+$/.test(whole)) {
    const value = Number(whole.replace(/,/g, ''));
    return Number.isFinite(value) ? { value: value + half, approximate: false, digits: true } : undefined;
  }
  const value = whole === 'half a' || whole === 'half an' ? 0.5 : parseWordNumber(whole);
  return value === undefined ? undefined : { value: value + half, approximate: false, digits: false };
}

/** Words after which "a year" or "an hour" is a length of time, not a rate ("$500 a month", "twice a week"). */
const ARTICLE_COUNT_CONTEXT = new Set(['for', 'over', 'in', 'within', 'after', 'than', 'about', 'around', 'almost', 'nearly', 'roughly',
  'only', 'just', 'past', 'take', 'takes', 'took', 'taking', 'lasted', 'lasting', 'lasts', 'spent', 'spend', 'spending', 'served', 'serve',
  'serving', 'wait', 'waited', 'waiting', 'under', 'least', 'barely', 'nearly', 'some', 'another', 'extra', 'additional']);

function isArticleCount(text: string): boolean {
  return /^(?:an?)$/i.test(text.trim());
}

const countedDurationRule: Rule = {
  // "24 hours", "two weeks", "one to five years", "3-5 years", "a decade", "several months", "two and a half years", "2 min"
  pattern: new RegExp(
    `(?<![\\w$€£.,/-])(?<count>${COUNT})(?:(?:${SP}(?:to|or|and)${SP}|[ \\t]?[-–][ \\t]?)(?<countMax>${COUNT}))?${SP}(?:(?:more|additional|extra|consecutive|straight|full)${SP})?(?<unit>${UNIT})(?<half>${SP}and${SP}a${SP}half)?(?![\\w-])`,
    'dg',
  ),
  build(match, scan) {
    const countText = group(match, 'count')!;
    const count = parseCount(countText);
    const countMaxText = group(match, 'countMax');
    const countMax = countMaxText === undefined ? undefined : parseCount(countMaxText);
    if (!count || (countMaxText !== undefined && (!countMax || countMax.value <= count.value))) return undefined;
    const unitText = group(match, 'unit')!;
    const unit = canonicalUnit(unitText);
    if (UNIT_ABBREVIATIONS.includes(unitText) && !count.digits) return undefined;
    const { start, end } = spanOf(match);
    if (isArticleCount(countText)) {
      // "a second night" is an ordinal, and "$500 a month" a rate.
      if (unit === 'second' || !ARTICLE_COUNT_CONTEXT.has(previousWord(scan.text, start) ?? '')) return undefined;
    }
    const extraHalf = group(match, 'half') !== undefined ? 0.5 : 0;
    const iso = durationIso(count.value + extraHalf, unit);
    if (iso === undefined) return undefined;

    // "in two weeks" said of the future points at a date (OntoNotes DATE); said of the past it is a length.
    if (countMax === undefined && !count.approximate && !isTimeUnit(unit) && /(?:^|[^\w])[Ii]n[ \t]+$/.test(scan.text.slice(Math.max(0, start - 4), start)) && pointsForward(scan.text, start)) {
      return candidate('DATE', start, end, 0.7, shiftedDateValue(scan, count.value + extraHalf, unit, 1));
    }
    const value: NormalizedValue = { type: 'duration', iso };
    if (countMax !== undefined) {
      const maxIso = durationIso(countMax.value + extraHalf, unit);
      if (maxIso !== undefined) value.maxIso = maxIso;
    }
    if (count.approximate) value.approximate = true;
    const confidence = count.approximate ? 0.65 : count.digits ? 0.9 : 0.85;
    return candidate('DURATION', start, end, confidence, value);
  },
};

const compoundDurationRule: Rule = {
  // "three-year contract", "24-hour", "one-year deferment", "20-month-old war", "decade-long", "year-long", "weeklong"
  pattern: new RegExp(
    `(?<![\\w$€£.,/-])(?:(?<count>${DIGITS}|${WORD_NUMBER}|[Hh]alf)-(?<unit>${UNIT_SINGULAR})(?:-(?:old|long))?|(?<longUnit>${UNIT_SINGULAR}|${PLURAL_UNIT})-?long)(?![\\w-])`,
    'dg',
  ),
  build(match) {
    const { start, end } = spanOf(match);
    const longUnit = group(match, 'longUnit');
    if (longUnit !== undefined) {
      const plural = longUnit.endsWith('s');
      const unit = canonicalUnit(longUnit);
      const iso = durationIso(plural ? 2 : 1, unit);
      if (iso === undefined) return undefined;
      return candidate('DURATION', start, end, 0.75, plural ? { type: 'duration', iso, approximate: true } : { type: 'duration', iso });
    }
    const countText = group(match, 'count')!;
    const count = countText.toLowerCase() === 'half' ? 0.5 : parseCount(countText)?.value;
    const iso = count === undefined ? undefined : durationIso(count, canonicalUnit(group(match, 'unit')!));
    return iso === undefined ? undefined : candidate('DURATION', start, end, 0.85, { type: 'duration', iso });
  },
};

const attachedUnitRule: Rule = {
  // "24h", "48hrs", "15min"
  pattern: /(?<![\w$€£.,/-])(?<count>\d+(?:\.\d+)?)(?<unit>h|hrs?|mins?|secs?)(?![\w])/dg,
  build(match) {
    const iso = durationIso(Number(group(match, 'count')), canonicalUnit(group(match, 'unit')!));
    const { start, end } = spanOf(match);
    return iso === undefined ? undefined : candidate('DURATION', start, end, 0.8, { type: 'duration', iso });
  },
};

/** Bare plural units are vague; they count as two of the unit, approximately ("decades" → P20Y). */
const VAGUE_PLURAL_COUNT = 2;

const barePluralDurationRule: Rule = {
  // "for years", "in decades", "within hours", "after months of", "decades of war"
  pattern: new RegExp(
    `(?:(?<![\\w])(?:[Ff]or|[Oo]ver|[Ii]n|[Ww]ithin|[Aa]fter|[Tt]ake|[Tt]akes|[Tt]ook|[Ll]asted|[Ss]pent|[Ss]panning)${SP}(?<span>${PLURAL_UNIT})|(?<![\\w-])(?<span2>decades|centuries)(?=${SP}of${SP}))(?![\\w-])`,
    'dg',
  ),
  build(match, scan) {
    const indices = match.indices?.groups;
    const range = indices?.['span'] ?? indices?.['span2'];
    if (!range) return undefined;
    const [start, end] = range;
    if (new RegExp(`^${SP}(?:ago|later|earlier)\\b`).test(scan.text.slice(end, end + 10))) return undefined;
    const iso = durationIso(VAGUE_PLURAL_COUNT, canonicalUnit(scan.text.slice(start, end)));
    return iso === undefined ? undefined : candidate('DURATION', start, end, 0.6, { type: 'duration', iso, approximate: true });
  },
};

/** The day, month or year N units away from the anchor, at the precision of the unit. */
function shiftedDateValue(scan: Scan, count: number, unit: string, direction: 1 | -1): NormalizedValue | undefined {
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

const agoRule: Rule = {
  // "two days ago", "a year ago", "three years later", "decades ago", "4 hours ago" (TIME)
  pattern: new RegExp(
    `(?<![\\w$€£.,/-])(?:(?<count>${COUNT})${SP})?(?<unit>${UNIT})${SP}(?<direction>ago|later|earlier)(?![\\w])`,
    'dg',
  ),
  build(match, scan) {
    const countText = group(match, 'count');
    const unitText = group(match, 'unit')!;
    const unit = canonicalUnit(unitText);
    if (countText === undefined && !unitText.endsWith('s')) return undefined;
    const count = countText === undefined ? undefined : parseCount(countText);
    if (countText !== undefined && !count) return undefined;
    if (UNIT_ABBREVIATIONS.includes(unitText) && !count?.digits) return undefined;
    const { start, end } = spanOf(match);
    const label: DateLabel = isTimeUnit(unit) ? 'TIME' : 'DATE';
    const exact = count !== undefined && !count.approximate && label === 'DATE' && group(match, 'direction') === 'ago';
    const value = exact ? shiftedDateValue(scan, count.value, unit, -1) : undefined;
    return candidate(label, start, end, count && !count.approximate ? 0.85 : 0.7, value);
  },
};

const ANCHORED_DIRECTIONS: Readonly<Record<string, -1 | 1 | 0>> = { past: -1, last: -1, next: 1, coming: 1, previous: 0, following: 0, recent: 0 };
const ANCHORED_COUNT = `(?:${COUNT}|few|couple${SP}of)`;

/** The range from the anchor back (or forward) N units, at the precision of the unit. */
function anchoredPeriodValue(scan: Scan, count: number, unit: string, direction: -1 | 1): NormalizedValue | undefined {
  const far = shiftedDateValue(scan, count, unit, direction);
  const near = shiftedDateValue(scan, 0, unit, direction);
  if (far?.type !== 'date' || near?.type !== 'date') return undefined;
  return direction < 0 ? dateValue(far.iso, near.iso) : dateValue(near.iso, far.iso);
}

const anchoredPeriodRule: Rule = {
  // "the past three years", "the last two decades", "the next five years", "recent weeks", "the coming days", "the past 24 hours" (TIME)
  pattern: new RegExp(
    `(?<![\\w])(?:(?<determiner>[Tt]he|[Tt]his)${SP})?(?<direction>${anyOf(Object.keys(ANCHORED_DIRECTIONS), { sentenceCase: true })})${SP}(?:(?<count>${ANCHORED_COUNT})${SP})?(?<unit>${UNIT})(?![\\w-])`,
    'dg',
  ),
  build(match, scan) {
    const directionWord = group(match, 'direction')!.toLowerCase();
    const countText = group(match, 'count');
    const unitText = group(match, 'unit')!;
    const plural = unitText.endsWith('s') || unitText === 'centuries' || unitText === 'millennia';
    const determiner = group(match, 'determiner');
    if (directionWord === 'recent' && (!plural || countText !== undefined)) return undefined;
    // "last year" and "next week" are points (the relative-period rule), and "could last three years" is a verb.
    if (determiner === undefined && (directionWord === 'last' || directionWord === 'next')) return undefined;
    if (UNIT_ABBREVIATIONS.includes(unitText)) return undefined;
    const count = countText === undefined ? (plural ? undefined : { value: 1, approximate: false, digits: false }) : parseCount(countText);
    if (countText !== undefined && !count) return undefined;
    const unit = canonicalUnit(unitText);
    const { start, end } = spanOf(match);
    const label: DateLabel = isTimeUnit(unit) ? 'TIME' : 'DATE';
    const direction = ANCHORED_DIRECTIONS[directionWord]!;
    const value = label === 'DATE' && direction !== 0 && count && !count.approximate ? anchoredPeriodValue(scan, count.value, unit, direction) : undefined;
    return candidate(label, start, end, 0.8, value);
  },
};

const recurringRule: Rule = {
  // "every month", "each year", "every two weeks"
  pattern: new RegExp(`(?<![\\w])(?:[Ee]very|[Ee]ach)${SP}(?:(?:${DIGITS}|${WORD_NUMBER}|other)${SP})?(?:day|week|month|year|decade|days|weeks|months|years)(?![\\w-])`, 'dg'),
  build(match) {
    const { start, end } = spanOf(match);
    return candidate('DATE', start, end, 0.6);
  },
};

const RULES: readonly Rule[] = [
  monthDayRule, dayMonthRule, monthYearRule, bareMonthRule, isoDateRule, numericDateRule,
  yearInContextRule, yearBeforeNounRule, yearRangeRule, decadeRule, centuryRule, quarterRule, fiscalYearRule, seasonRule,
  relativeDayRule, weekdayRule, relativePeriodRule, partOfPeriodRule, periodEndRule, holidayRule,
  clockWithMeridiemRule, twentyFourHourClockRule, oClockRule, namedTimeRule, twilightRule, matchMinuteRule,
  countedDurationRule, compoundDurationRule, attachedUnitRule, barePluralDurationRule, agoRule, anchoredPeriodRule, recurringRule,
];

// ---------------------------------------------------------------------------------------------
// Resolution
// ---------------------------------------------------------------------------------------------

const URL = /\b(?:https?:\/\/|www\.)[^\s<>"'()]+/g;

function urlRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  URL.lastIndex = 0;
  for (let match = URL.exec(text); match; match = URL.exec(text)) ranges.push([match.index, match.index + match[0].length]);
  return ranges;
}

/** Candidates that touch none of the ranges (which are sorted and disjoint), sorted by start. */
function outsideRanges(candidates: Candidate[], ranges: ReadonlyArray<[number, number]>): Candidate[] {
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  if (ranges.length === 0) return candidates;
  let next = 0;
  return candidates.filter((option) => {
    while (next < ranges.length && ranges[next]![1] <= option.start) next++;
    return next === ranges.length || option.end <= ranges[next]![0];
  });
}

/** Keeps, wherever candidates overlap, the longest, then the most confident, then the earliest. */
function resolveOverlaps(candidates: readonly Candidate[]): Candidate[] {
  const kept: Candidate[] = [];
  let cluster: Candidate[] = [];
  let clusterEnd = -1;
  const flush = (): void => {
    const best = [...cluster].sort((a, b) => b.end - b.start - (a.end - a.start) || b.confidence - a.confidence || a.start - b.start);
    const chosen: Candidate[] = [];
    for (const option of best) {
      if (chosen.every((other) => option.end <= other.start || other.end <= option.start)) chosen.push(option);
    }
    kept.push(...chosen.sort((a, b) => a.start - b.start));
    cluster = [];
  };
  for (const option of candidates) {
    if (option.start >= clusterEnd && cluster.length > 0) flush();
    cluster.push(option);
    clusterEnd = Math.max(clusterEnd, option.end);
  }
  if (cluster.length > 0) flush();
  return kept;
}

/** "early", "the end of", "the first half of", "mid-" before a date make one span with it: "the end of this year". */
const MODIFIER_BEFORE = new RegExp(
  `(?:(?<![\\w])(?:(?:[Tt]he${SP})?(?<part>end|beginning|start|middle|rest|remainder|turn|close|first half|second half|first quarter|second quarter|third quarter|fourth quarter)${SP}of|[Ee]arly|[Ee]arlier|[Ll]ate|[Ll]ater|[Mm]id)${SP}|(?<![\\w-])(?:[Mm]id|[Ee]nd|[Ee]arly|[Ll]ate)-)$`,
);

const PART_CODES: Readonly<Record<string, string>> = {
  'first half': 'H1', 'second half': 'H2', 'first quarter': 'Q1', 'second quarter': 'Q2', 'third quarter': 'Q3', 'fourth quarter': 'Q4',
};

function attachModifiers(text: string, spans: Candidate[]): void {
  let previousEnd = 0;
  for (const span of spans) {
    if (span.modifiable) {
      const windowStart = Math.max(previousEnd, span.start - 40);
      const modifier = MODIFIER_BEFORE.exec(text.slice(windowStart, span.start));
      if (modifier) {
        span.start = windowStart + modifier.index;
        span.confidence = Math.min(span.confidence, 0.85);
        const partCode = PART_CODES[modifier.groups?.['part'] ?? ''];
        // "the first half of 2024" is the half-year "2024-H1"; other modifiers keep the value of the period they narrow.
        if (partCode !== undefined && span.value?.type === 'date' && /^\d{4}$/.test(span.value.iso)) {
          span.value = { type: 'date', iso: `${span.value.iso}-${partCode}` };
        }
      }
    }
    previousEnd = span.end;
  }
}

const DATE_TIME_GAP = /^[ \t\u00a0\u202f]*(?:,|at|-|–|—)?[ \t\u00a0\u202f]*$/;

/** "January 5, 2024 6:04 PM": the time is on that day. The two stay separate spans. */
function dateTimes(text: string, spans: readonly Candidate[]): void {
  for (let index = 0; index < spans.length; index++) {
    const time = spans[index]!;
    if (time.label !== 'TIME' || time.value?.type !== 'time' || !time.value.iso.startsWith('T')) continue;
    const neighbours = [spans[index - 1], spans[index + 1]];
    for (const date of neighbours) {
      if (!date || date.label !== 'DATE' || date.value?.type !== 'date' || !/^\d{4}-\d{2}-\d{2}$/.test(date.value.iso)) continue;
      const gap = date.end <= time.start ? text.slice(date.end, time.start) : text.slice(time.end, date.start);
      if (gap.length > 8 || !DATE_TIME_GAP.test(gap)) continue;
      time.value = { type: 'time', iso: `${date.value.iso}${time.value.iso}` };
      break;
    }
  }
}

/**
 * Dates, times and durations in `text`, sorted by start and never overlapping. `anchor` is the
 * article's own date ("YYYY-MM-DD"); without it relative dates ("Monday", "last year") get no value.
 */
export function findDates(text: string, anchor?: string): Span[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const scan: Scan = { text, anchor: parseIsoDay(anchor) };
  const candidates: Candidate[] = [];
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (let match = rule.pattern.exec(text); match; match = rule.pattern.exec(text)) {
      const found = rule.build(match, scan);
      if (found && found.end > found.start) candidates.push(found);
    }
  }
  const spans = resolveOverlaps(outsideRanges(candidates, urlRanges(text)));
  attachModifiers(text, spans);
  dateTimes(text, spans);
  return spans.map(({ start, end, label, confidence, value }) => (value === undefined ? { start, end, label, confidence } : { start, end, label, confidence, value }));
}
