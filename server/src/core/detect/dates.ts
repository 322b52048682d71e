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
 * Each rule scans for a selective trigger word (a month, a unit of time, a weekday, a year) with a
 * case-sensitive regex compiled once, then reads the words around it; "May" and "March" only count
 * as months when capitalised and in a date-like context. Wherever candidates overlap, the longest,
 * then the most confident, wins. Values follow ISO 8601 and, where ISO has no form, TIMEX3:
 * "2024-Q3", "2024-H1", "2024-SU" (seasons), "2025-W44-WE", "2025-11-04TNI" (parts of the day).
 */
import type { NormalizedValue, Span } from '../detection';
import type { DateLabel } from '../labels';
import { parseWordNumber } from './wordNumbers';
import { utf16Units } from './utf16Units';

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
const MONTH_FULL_NAMES = new Set(MONTHS.flatMap((month) => [titleCase(month), month.toUpperCase()]));
const MONTH_FULL = anyOf([...MONTH_FULL_NAMES]);
const MONTH_ABBREVIATIONS = ['Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec'].flatMap((month) => [month, month.toUpperCase()]);
const MONTH_ABBREVIATED = anyOf(MONTH_ABBREVIATIONS);
const WEEKDAY_NAMES = WEEKDAYS.flatMap((day) => [titleCase(day), day.toUpperCase()]);
const WEEKDAY = anyOf(WEEKDAY_NAMES);

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

const TIME_ZONE = anyOf(['GMT', 'UTC', 'BST', 'CET', 'CEST', 'EET', 'EEST', 'MSK', 'ET', 'EST', 'EDT', 'CT', 'CST', 'CDT', 'MT', 'MST', 'MDT',
  'PT', 'PST', 'PDT', 'IST', 'JST', 'KST', 'AEST', 'AEDT', 'local time', 'Kyiv time', 'Kiev time', 'Moscow time']);
const OPTIONAL_TIME_ZONE = `(?:${SP}${TIME_ZONE}(?:[+-]\\d{1,2}(?::?\\d{2})?)?(?![\\w]))?`;

/** Words before a bare month or year that make it read as a date ("in May", "since 2022"). */
const DATE_CONTEXT = anyOf(['in', 'since', 'until', 'till', 'through', 'throughout', 'during', 'from', 'before', 'after', 'by', 'of',
  'early', 'late', 'mid', 'between', 'around', 'as of', 'starting', 'beginning', 'ending'], { sentenceCase: true });
const ATTACHED_MODIFIER = anyOf(['mid-', 'end-', 'early-', 'late-'], { sentenceCase: true });

// The tokens that can end the phrases above, for cheap checks before a lookback regex runs.
const DATE_CONTEXT_TOKENS = new Set(['in', 'since', 'until', 'till', 'through', 'throughout', 'during', 'from', 'before', 'after', 'by', 'of',
  'early', 'late', 'mid', 'between', 'around', 'starting', 'beginning', 'ending', 'mid-', 'end-', 'early-', 'late-', 'last', 'next', 'this', 'every', 'each']);
const FROM_TOKENS = new Set(['from', 'between']);
const PERIOD_MODIFIER_TOKENS = new Set(['the', 'early', 'late', 'mid', 'mid-', 'early-', 'late-']);
const SEASON_CONTEXT_TOKENS = new Set(['in', 'during', 'since', 'until', 'by', 'over', 'through', 'throughout', 'this', 'last', 'next', 'every',
  'each', 'the', 'early', 'late', 'mid', 'mid-']);
const RELATIVE_WEEKDAY_TOKENS = new Set(['last', 'next', 'this', 'every', 'each']);
const CLOCK_CONTEXT_TOKENS = new Set(['at', 'by', 'until', 'till', 'from', 'before', 'after', 'around', 'about', 'since', 'between', 'and', 'to']);
const TWILIGHT_CONTEXT_TOKENS = new Set(['at', 'before', 'after', 'until', 'by', 'from', 'since', 'till']);
const BARE_PLURAL_CONTEXT_TOKENS = new Set(['for', 'over', 'in', 'within', 'after', 'take', 'takes', 'took', 'lasted', 'spent', 'spanning']);
const EARLY_TOKENS = new Set(['early', 'small', 'wee']);
/** Last words of a count ("24", "three", "a", "a few", "dozens of", "two and a half", "three more"). */
const COUNT_END_TOKENS = new Set(['a', 'an', 'few', 'couple', 'several', 'many', 'of', 'half', 'dozen', 'hundred', 'more', 'additional',
  'extra', 'consecutive', 'straight', 'full']);

const NUMBER_TOKEN = new RegExp(`^(?:\\d|${WORD_NUMBER}$)`, 'i');

function mayEndCount(token: string): boolean {
  return COUNT_END_TOKENS.has(token) || NUMBER_TOKEN.test(token);
}

const PARTS_OF_DAY = anyOf(['morning', 'afternoon', 'evening', 'night']);
const SEASON_WORDS = ['spring', 'summer', 'autumn', 'fall', 'winter', 'Spring', 'Summer', 'Autumn', 'Fall', 'Winter'];
const SEASONS = anyOf(SEASON_WORDS);

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
// Rules: a trigger regex finds a selective word (a month, a unit, a weekday, a year…); readers then
// look at the words around it. Starting every scan on a selective word keeps the scan fast, and one
// trigger pass can serve several readers.
// ---------------------------------------------------------------------------------------------

interface Candidate extends Span {
  /** A modifier just before it ("early", "the end of", "mid-") may join the span. */
  modifiable: boolean;
}

interface Scan {
  text: string;
  /** The article date as a day number, when known. */
  anchor: number | undefined;
  /** The last token read by tokenBefore and where, since every reader of one trigger asks for it. */
  previousPosition: number;
  previousToken: string;
}

type Reader = (trigger: RegExpExecArray, scan: Scan) => Candidate | undefined;

interface Rule {
  trigger: RegExp;
  readers: readonly Reader[];
  /**
   * The letters every match starts with, up to the first other character, when the match starts a word (as a
   * regex \b sees it): the trigger is then tried only where such a word starts, not at every position of the text.
   */
  startWords?: readonly string[];
  /** Every match starts a word (as a regex \b sees it) with a digit: the trigger can be tried only there. */
  startsWithDigit?: true;
}

/** How far back the words before a trigger are read ("the past couple of hundred " is the longest). */
const LOOKBACK = 64;

interface Before {
  /** Where the words read before the trigger start. */
  start: number;
  groups: Readonly<Record<string, string | undefined>>;
  /** Start offset of a named group, when it matched. */
  startOf(name: string): number | undefined;
}

/**
 * Reads the words just before `position` with `pattern`, which must end in `$` and use the `d` flag.
 * The window starts at a word boundary so that lookbehinds never see half a word.
 */
function readBefore(text: string, position: number, pattern: RegExp): Before | undefined {
  let offset = Math.max(0, position - LOOKBACK);
  if (offset > 0) {
    while (offset < position && !isWhitespace(text.charCodeAt(offset))) offset++;
    if (offset === position) return undefined;
    offset++;
  }
  const match = pattern.exec(text.slice(offset, position));
  if (!match) return undefined;
  const indices = match.indices?.groups;
  return {
    start: offset + match.index,
    groups: match.groups ?? {},
    startOf: (name) => {
      const range = indices?.[name];
      return range ? offset + range[0] : undefined;
    },
  };
}

/** Reads the words from `position` on with a sticky pattern. */
function readAfter(text: string, position: number, pattern: RegExp): RegExpExecArray | null {
  pattern.lastIndex = position;
  return pattern.exec(text);
}

/** What a regex \s matches (without the u flag): white space and line terminators. */
function isWhitespace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

const TOKEN_CHARACTER = /[\p{L}\p{N}'’.,-]/u;
const IS_TOKEN_CHARACTER = 1;
const NOT_TOKEN_CHARACTER = 2;
/** TOKEN_CHARACTER's verdict on each UTF-16 unit, worked out on first sight: a regex per character is slow. */
const tokenCharacters = new Uint8Array(65536);

function isTokenCharacter(code: number): boolean {
  let known = tokenCharacters[code]!;
  if (known === 0) {
    known = TOKEN_CHARACTER.test(String.fromCharCode(code)) ? IS_TOKEN_CHARACTER : NOT_TOKEN_CHARACTER;
    tokenCharacters[code] = known;
  }
  return known === IS_TOKEN_CHARACTER;
}

/**
 * The token just before `position`, across spaces, lowercased: "in", "mid-", "three-", "1,000", "19th".
 * Readers check it against a set of words before running a lookback regex, which keeps them cheap.
 */
function tokenBefore(scan: Scan, position: number): string {
  if (scan.previousPosition === position) return scan.previousToken;
  const { text } = scan;
  let end = position;
  while (end > 0 && end > position - 8 && isHorizontalSpace(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && end - start < 24 && isTokenCharacter(text.charCodeAt(start - 1))) start--;
  const token = text.slice(start, end).toLowerCase().replace(/^[.,'’]+/, '');
  scan.previousPosition = position;
  scan.previousToken = token;
  return token;
}

/** A space, tab or no-break space. */
function isHorizontalSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0;
}

const before = (source: string): RegExp => new RegExp(`${source}$`, 'd');
const after = (source: string): RegExp => new RegExp(source, 'y');

function charBefore(text: string, position: number): string {
  return position > 0 ? text[position - 1]! : '';
}

const triggerEnd = (trigger: RegExpExecArray): number => trigger.index + trigger[0].length;

function monthNumber(name: string): number {
  return MONTHS.findIndex((month) => month.startsWith(name.slice(0, 3).toLowerCase())) + 1;
}

function weekdayNumber(name: string): number {
  return WEEKDAYS.indexOf(name.toLowerCase());
}

function dateValue(iso: string | undefined, endIso?: string): NormalizedValue | undefined {
  if (iso === undefined) return undefined;
  return endIso === undefined ? { type: 'date', iso } : { type: 'date', iso, endIso };
}

function candidate(label: DateLabel, start: number, end: number, confidence: number, value?: NormalizedValue, modifiable = false): Candidate {
  // Every candidate has the same fields, so that code reading them sees one shape.
  return { start, end, label, confidence, value, modifiable };
}

/** "will meet on Monday", "planned for Thursday": the sentence so far talks about the future. */
const FUTURE_CUE = /\b(?:will|won['’]t|shall|going to|is due|are due|set to|scheduled|planned|plans? to|expects?|expected to|is to|are to)\b|['’]ll\b/i;

function pointsForward(text: string, start: number): boolean {
  const preceding = text.slice(Math.max(0, start - 120), start);
  const sentenceStart = Math.max(preceding.lastIndexOf('. '), preceding.lastIndexOf('!'), preceding.lastIndexOf('?'), preceding.lastIndexOf('\n')) + 1;
  return FUTURE_CUE.test(preceding.slice(sentenceStart));
}

/** "the third quarter" of a game is not a quarter of the year. */
const SPORTS_CONTEXT = /\b(?:\w*scor(?:e|es|ed|ing)|goals?|touchdowns?|game|match|innings?|halftime|half-time|overtime|rebounds|assists|yards|field goal|free throws?|quarterback|penalty|kick-?off|whistle|\d{1,3}-\d{1,3})\b/i;

function inSportsContext(text: string, start: number, end: number): boolean {
  return SPORTS_CONTEXT.test(text.slice(Math.max(0, start - 150), Math.min(text.length, end + 150)));
}

// --- Calendar dates, triggered by a month name --------------------------------------------------

/** A month and day with or without year; without one, the year is the one that puts it nearest the anchor. */
function monthDayValue(scan: Scan, month: number, day: number, year: number | undefined, endDay?: number): NormalizedValue | undefined {
  if (year === undefined && scan.anchor === undefined) {
    // ISO 8601 recurring month-day: the year is unknown.
    return dateValue(`--${pad(month)}-${pad(day)}`, endDay === undefined ? undefined : `--${pad(month)}-${pad(endDay)}`);
  }
  const nearestDay = year === undefined && scan.anchor !== undefined ? nearestYearOfMonthDay(scan.anchor, month, day) : undefined;
  const resolvedYear = year ?? (nearestDay === undefined ? undefined : calendarOf(nearestDay).year);
  if (resolvedYear === undefined || !isValidDay(resolvedYear, month, day)) return undefined;
  const endIso = endDay !== undefined && isValidDay(resolvedYear, month, endDay) ? isoDay(epochDay(resolvedYear, month, endDay)) : undefined;
  return dateValue(isoDay(epochDay(resolvedYear, month, day)), endIso);
}

function isPlausibleDay(month: number, day: number, year: number | undefined): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year ?? 2000, month);
}

const optionalNumber = (text: string | undefined): number | undefined => (text === undefined ? undefined : Number(text));

const WEEKDAY_BEFORE = before(`(?<![\\w])${WEEKDAY},?${SP}`);
const DAY_AFTER_MONTH = after(`${SP}${DAY}(?:\\s?[-–]\\s?(?<endDay>[0-3]?\\d)(?!\\d))?(?:(?:,${SP}|,|${SP})(?<year>${ANY_YEAR}))?(?![\\w]|[.,:]\\d)`);

/** "November 4", "Nov. 4, 2023", "Monday, January 5, 2024", "June 1-5" */
const readMonthDay: Reader = (trigger, scan) => {
  const rest = readAfter(scan.text, triggerEnd(trigger), DAY_AFTER_MONTH);
  if (!rest) return undefined;
  const month = monthNumber(trigger[0]);
  const day = Number(rest.groups!['day']);
  const year = optionalNumber(rest.groups!['year']);
  const endDay = optionalNumber(rest.groups!['endDay']);
  if (!isPlausibleDay(month, day, year)) return undefined;
  if (endDay !== undefined && (endDay <= day || !isPlausibleDay(month, endDay, year))) return undefined;
  const start = readBefore(scan.text, trigger.index, WEEKDAY_BEFORE)?.start ?? trigger.index;
  const confidence = year !== undefined ? 0.95 : trigger[0] === 'May' ? 0.85 : 0.9;
  return candidate('DATE', start, rest.index + rest[0].length, confidence, monthDayValue(scan, month, day, year, endDay));
};

const DAY_BEFORE_MONTH = before(`(?<![\\w$€£.,/-])(?:${WEEKDAY},?${SP})?(?:[Tt]he${SP})?${DAY}${SP}(?:of${SP})?`);
const YEAR_AFTER_DAY_MONTH = after(`(?:,?${SP}(?<year>${ANY_YEAR}))?(?![\\w]|[.,]\\d)`);

/** "4 November 2023", "12 March", "the 5th of November", "Tuesday 5 November" */
const readDayMonth: Reader = (trigger, scan) => {
  const previous = tokenBefore(scan, trigger.index);
  if (previous !== 'of' && !/^[0-3]?\d(?:st|nd|rd|th)?$/.test(previous)) return undefined;
  const dayBefore = readBefore(scan.text, trigger.index, DAY_BEFORE_MONTH);
  const rest = dayBefore && readAfter(scan.text, triggerEnd(trigger), YEAR_AFTER_DAY_MONTH);
  if (!dayBefore || !rest) return undefined;
  const month = monthNumber(trigger[0]);
  const day = Number(dayBefore.groups['day']);
  const year = optionalNumber(rest.groups!['year']);
  if (!isPlausibleDay(month, day, year)) return undefined;
  return candidate('DATE', dayBefore.start, rest.index + rest[0].length, year !== undefined ? 0.95 : 0.85, monthDayValue(scan, month, day, year));
};

const YEAR_AFTER_MONTH = after(`,?${SP}(?:of${SP})?(?<year>${ANY_YEAR})(?![\\w]|[.,]\\d)`);

/** "November 2023", "Nov. 2023", "March of 2022" */
const readMonthYear: Reader = (trigger, scan) => {
  const rest = readAfter(scan.text, triggerEnd(trigger), YEAR_AFTER_MONTH);
  if (!rest) return undefined;
  const iso = isoMonth(Number(rest.groups!['year']), monthNumber(trigger[0]));
  return candidate('DATE', trigger.index, rest.index + rest[0].length, 0.9, dateValue(iso), true);
};

const MONTH_CONTEXT_BEFORE = before(
  `(?:(?:(?<![\\w])(?<context>${DATE_CONTEXT})${SP})?(?:(?<![\\w])(?<relative>[Ll]ast|[Nn]ext|[Tt]his|[Ee]very|[Ee]ach)${SP})?|(?<![\\w-])(?<attached>${ATTACHED_MODIFIER}))`,
);
const END_MONTH_AFTER = after(`(?:${SP}(?:and|or|to|through|until)${SP}|\\s?[-–]\\s?)(?<endMonth>${MONTH_FULL})(?![\\w])`);
const CAPITALIZED_WORD_AFTER = /^[ \t]+[A-Z]/;
const AMBIGUOUS_MONTHS = new Set(['May', 'March', 'June', 'April']);

/** "in May", "since March", "last November", "between May and June"; not "Ukraine may" nor "by June Carter". */
const readBareMonth: Reader = (trigger, scan) => {
  const name = trigger[0];
  if (!MONTH_FULL_NAMES.has(name) || !DATE_CONTEXT_TOKENS.has(tokenBefore(scan, trigger.index))) return undefined;
  const context = readBefore(scan.text, trigger.index, MONTH_CONTEXT_BEFORE);
  const { context: contextWord, relative: relativeWord, attached } = context?.groups ?? {};
  if (!context || (contextWord === undefined && relativeWord === undefined && attached === undefined)) return undefined;
  const rangeEnd = readAfter(scan.text, triggerEnd(trigger), END_MONTH_AFTER);
  const end = rangeEnd ? rangeEnd.index + rangeEnd[0].length : triggerEnd(trigger);
  if (contextWord?.toLowerCase() === 'by' && CAPITALIZED_WORD_AFTER.test(scan.text.slice(end, end + 2))) return undefined;
  const relative = relativeWord?.toLowerCase();
  const month = monthNumber(name);
  let value: NormalizedValue | undefined;
  if (scan.anchor !== undefined && relative !== 'every' && relative !== 'each') {
    const year = nearestYearOfMonth(scan.anchor, month, relative === 'last' ? 'past' : relative === 'next' ? 'future' : 'nearest');
    const endMonth = rangeEnd ? monthNumber(rangeEnd.groups!['endMonth']!) : undefined;
    const endIso = endMonth === undefined ? undefined : isoMonth(endMonth < month ? year + 1 : year, endMonth);
    value = dateValue(isoMonth(year, month), endIso);
  } else if (scan.anchor === undefined && relative === undefined && !rangeEnd) {
    value = dateValue(`--${pad(month)}`);
  }
  const start = context.startOf('relative') ?? trigger.index;
  return candidate('DATE', start, end, AMBIGUOUS_MONTHS.has(name) ? 0.7 : 0.85, value, true);
};

const monthRule: Rule = {
  trigger: new RegExp(`\\b(?:${MONTH_FULL}|${MONTH_ABBREVIATED}\\.?)(?![A-Za-z])`, 'g'),
  startWords: [...MONTH_FULL_NAMES, ...MONTH_ABBREVIATIONS],
  readers: [readMonthDay, readDayMonth, readMonthYear, readBareMonth],
};

// --- Numeric dates --------------------------------------------------------------------------------

/** Numbers glued to these are amounts, paths, versions or ranges, not dates. */
const NUMBER_GLUE_BEFORE = new Set(['$', '€', '£', '.', ',', '/', '-', '#', ':']);

const isoDateRule: Rule = {
  // "2023-10-26", "2023/10/26"
  trigger: /\b(?<year>[12]\d{3})(?<separator>[-/.])(?<month>\d{2})\k<separator>(?<day>\d{2})\b(?![/]|[.-]\d)/g,
  startsWithDigit: true,
  readers: [
    (trigger, scan) => {
      if (NUMBER_GLUE_BEFORE.has(charBefore(scan.text, trigger.index))) return undefined;
      const [year, month, day] = [Number(trigger.groups!['year']), Number(trigger.groups!['month']), Number(trigger.groups!['day'])];
      if (!isValidDay(year, month, day)) return undefined;
      return candidate('DATE', trigger.index, triggerEnd(trigger), 0.95, dateValue(isoDay(epochDay(year, month, day))));
    },
  ],
};

const VERSION_BEFORE = /(?:version|ver\.?|v|release|build)\s*$/i;

const numericDateRule: Rule = {
  // "10/26/2023" (US, month first unless the first number cannot be a month), "26.10.2023" (day first)
  trigger: new RegExp(`\\b(?<first>\\d{1,2})(?<separator>[/.])(?<second>\\d{1,2})\\k<separator>(?<year>${ANY_YEAR})\\b(?![/]|[.-]\\d)`, 'g'),
  startsWithDigit: true,
  readers: [
    (trigger, scan) => {
      const start = trigger.index;
      if (NUMBER_GLUE_BEFORE.has(charBefore(scan.text, start)) || VERSION_BEFORE.test(scan.text.slice(Math.max(0, start - 10), start))) return undefined;
      const [first, second, year] = [Number(trigger.groups!['first']), Number(trigger.groups!['second']), Number(trigger.groups!['year'])];
      const dayFirst = trigger.groups!['separator'] === '.' || first > 12;
      const [month, day] = dayFirst ? [second, first] : [first, second];
      if (!isValidDay(year, month, day)) return undefined;
      const unambiguous = first > 12 || second > 12 || first === second;
      return candidate('DATE', start, triggerEnd(trigger), unambiguous ? 0.9 : 0.8, dateValue(isoDay(epochDay(year, month, day))));
    },
  ],
};

// --- Years, decades, centuries, quarters, seasons --------------------------------------------------

const TRAILING_YEAR_GUARD = `(?![\\w%]|[.,]\\d|\\s?[-–/]\\s?\\d)`;
/** After these, a number is as often a count as a year: "a total of 2000 drones", "by 2000 votes". */
const WEAK_YEAR_CONTEXTS = new Set(['of', 'by', 'from', 'between', 'around', 'as of']);
/** Words that may follow a year without making it a count of something. */
const AFTER_YEAR_WORDS = new Set(['and', 'or', 'to', 'through', 'until', 'till', 'when', 'while', 'as', 'with', 'the', 'in', 'on', 'at',
  'for', 'but', 'was', 'were', 'is', 'are', 'had', 'has', 'have', 'will', 'would', 'could', 'after', 'before', 'levels', 'figures', 'onwards',
  'onward', 'amid', 'despite', 'compared', 'because', 'if', 'that', 'which', 'it', 'he', 'she', 'they', 'we', 'a', 'an']);

const YEAR_CONTEXT_BEFORE = before(`(?:(?<![\\w])(?<context>${DATE_CONTEXT})${SP}|(?<![\\w-])(?<attached>${ATTACHED_MODIFIER}))`);
const AFTER_YEAR = after(`${TRAILING_YEAR_GUARD}(?:${SP}(?<next>[a-z]+))?`);

/** "in 2024", "since 2022", "by 2030", "mid-2025", "the end of 2023" */
const readYearInContext: Reader = (trigger, scan) => {
  if (!DATE_CONTEXT_TOKENS.has(tokenBefore(scan, trigger.index))) return undefined;
  const context = readBefore(scan.text, trigger.index, YEAR_CONTEXT_BEFORE);
  const rest = context && readAfter(scan.text, triggerEnd(trigger), AFTER_YEAR);
  if (!context || !rest) return undefined;
  const contextWord = context.groups['context']?.toLowerCase();
  const next = rest.groups!['next'];
  if (contextWord !== undefined && WEAK_YEAR_CONTEXTS.has(contextWord) && next !== undefined && !AFTER_YEAR_WORDS.has(next)) return undefined;
  return candidate('DATE', trigger.index, triggerEnd(trigger), 0.75, dateValue(trigger[0]), true);
};

const EVENT_NOUN_AFTER_YEAR = after(`(?=['’]s\\b|${SP}${YEAR_NOUNS}(?![\\w]))`);

/** "the 2024 election", "Ukraine's 2023 budget", "2022's invasion" */
const readYearBeforeNoun: Reader = (trigger, scan) => {
  if (NUMBER_GLUE_BEFORE.has(charBefore(scan.text, trigger.index))) return undefined;
  if (!readAfter(scan.text, triggerEnd(trigger), EVENT_NOUN_AFTER_YEAR)) return undefined;
  return candidate('DATE', trigger.index, triggerEnd(trigger), 0.65, dateValue(trigger[0]), true);
};

const SHORT_RANGE_AFTER_YEAR = after(`\\s?[-–/]\\s?(?<to>(?:19|20)?\\d{2})${TRAILING_YEAR_GUARD}`);
const FROM_BEFORE_YEAR = before(`(?<![\\w])(?:[Ff]rom|[Bb]etween)${SP}`);
const WORD_RANGE_AFTER_YEAR = after(`${SP}(?:to|and|until|through)${SP}(?<to>${YEAR})${TRAILING_YEAR_GUARD}`);

/** "2022-2024", "2024-25", "1939–45", "from 2022 to 2024", "between 2020 and 2022" */
const readYearRange: Reader = (trigger, scan) => {
  if (NUMBER_GLUE_BEFORE.has(charBefore(scan.text, trigger.index))) return undefined;
  const rest = readAfter(scan.text, triggerEnd(trigger), SHORT_RANGE_AFTER_YEAR)
    ?? (FROM_TOKENS.has(tokenBefore(scan, trigger.index)) && readBefore(scan.text, trigger.index, FROM_BEFORE_YEAR) ? readAfter(scan.text, triggerEnd(trigger), WORD_RANGE_AFTER_YEAR) : null);
  if (!rest) return undefined;
  const from = Number(trigger[0]);
  const toText = rest.groups!['to']!;
  const to = toText.length === 2 ? Math.floor(from / 100) * 100 + Number(toText) : Number(toText);
  if (to <= from || to - from > 100) return undefined;
  return candidate('DATE', trigger.index, rest.index + rest[0].length, 0.8, dateValue(String(from), String(to)));
};

const FISCAL_BEFORE_YEAR = before(`(?<![\\w])[Ff]iscal(?:${SP}[Yy]ear)?${SP}`);

/** "fiscal 2024", "fiscal year 2023" */
const readFiscalYear: Reader = (trigger, scan) => {
  const previous = tokenBefore(scan, trigger.index);
  if (previous !== 'fiscal' && previous !== 'year') return undefined;
  const fiscal = readBefore(scan.text, trigger.index, FISCAL_BEFORE_YEAR);
  return fiscal && candidate('DATE', fiscal.start, triggerEnd(trigger), 0.85, dateValue(trigger[0]));
};

const yearRule: Rule = {
  trigger: new RegExp(`\\b${YEAR}\\b`, 'g'),
  startsWithDigit: true,
  readers: [readYearInContext, readYearBeforeNoun, readYearRange, readFiscalYear],
};

const shortFiscalYearRule: Rule = {
  // "FY2024", "FY 2024", "FY24"
  trigger: new RegExp(`\\bFY ?(?<year>${YEAR}|\\d{2})\\b`, 'g'),
  startWords: ['FY'],
  readers: [(trigger) => candidate('DATE', trigger.index, triggerEnd(trigger), 0.85, dateValue(`20${trigger.groups!['year']!}`.slice(-4)))],
};

const THE_BEFORE_PERIOD = before(`(?<![\\w])[Tt]he${SP}(?:(?:[Ee]arly|[Ll]ate|[Mm]id)(?:-|${SP}))?`);

const decadeRule: Rule = {
  // "the 1990s", "the early 2000s", "the '90s", "the 1800s" (a century); not "in their 30s", an age
  trigger: /(?:\b(?<century>1[5-9]|20)(?<decade>\d)0s|\b(?<bare>\d)0s|['’](?<apostrophe>\d)0s)(?![\w'’])/g,
  readers: [
    (trigger, scan) => {
      const the = PERIOD_MODIFIER_TOKENS.has(tokenBefore(scan, trigger.index)) ? readBefore(scan.text, trigger.index, THE_BEFORE_PERIOD) : undefined;
      const { century, decade, bare, apostrophe } = trigger.groups!;
      if (bare !== undefined && !the) return undefined;
      const decadeDigit = decade ?? apostrophe ?? bare!;
      let iso: string;
      if (century !== undefined) iso = decadeDigit === '0' && Number(century) < 20 ? century : `${century}${decadeDigit}X`;
      // Two-digit decades: the '30s to '90s are last century's, the '00s to '20s this one's.
      else iso = `${Number(decadeDigit) >= 3 ? '19' : '20'}${decadeDigit}X`;
      return candidate('DATE', the?.start ?? trigger.index, triggerEnd(trigger), century !== undefined ? 0.85 : 0.7, dateValue(iso), true);
    },
  ],
};

const ORDINAL_WORDS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12,
  thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20,
  'twenty-first': 21, 'twenty-second': 22,
};
const ORDINAL_BEFORE_CENTURY = before(
  `(?:(?<![\\w])[Tt]he${SP}(?:(?:[Ee]arly|[Ll]ate|[Mm]id)[- ])?)?(?<![\\w-])(?<ordinal>\\d{1,2}(?:st|nd|rd|th)|${anyOf(Object.keys(ORDINAL_WORDS), { sentenceCase: true })})[- ]`,
);

const centuryRule: Rule = {
  // "the 19th century", "the twenty-first century", "21st-century"
  trigger: /\bcentury\b/g,
  startWords: ['century'],
  readers: [
    (trigger, scan) => {
      if (!/(?:st|nd|rd|th)-?$/.test(tokenBefore(scan, trigger.index))) return undefined;
      const ordinalBefore = readBefore(scan.text, trigger.index, ORDINAL_BEFORE_CENTURY);
      if (!ordinalBefore) return undefined;
      const ordinalText = ordinalBefore.groups['ordinal']!.toLowerCase();
      const ordinal = ORDINAL_WORDS[ordinalText] ?? Number.parseInt(ordinalText, 10);
      if (!(ordinal >= 1 && ordinal <= 30)) return undefined;
      // ISO 8601 century: "18" is 1800–1899, which is how "the 19th century" is used.
      return candidate('DATE', ordinalBefore.start, triggerEnd(trigger), 0.85, dateValue(pad(ordinal - 1)));
    },
  ],
};

const QUARTER_ORDINALS: Readonly<Record<string, number>> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, final: 4 };

/** A quarter without a year is the latest one begun by the anchor date (results are reported after), or the next one when the sentence looks ahead. */
function quarterValue(scan: Scan, quarter: number, year: number | undefined, forward: boolean): NormalizedValue | undefined {
  if (year !== undefined) return dateValue(`${pad(year, 4)}-Q${quarter}`);
  if (scan.anchor === undefined) return undefined;
  const anchor = calendarOf(scan.anchor);
  const anchorQuarter = Math.ceil(anchor.month / 3);
  const resolvedYear = forward ? (quarter >= anchorQuarter ? anchor.year : anchor.year + 1) : quarter <= anchorQuarter ? anchor.year : anchor.year - 1;
  return isPlainYear(resolvedYear) ? dateValue(`${pad(resolvedYear, 4)}-Q${quarter}`) : undefined;
}

function relativeYear(scan: Scan, relative: string | undefined): number | undefined {
  if (relative === undefined || scan.anchor === undefined) return undefined;
  const year = calendarOf(scan.anchor).year;
  return relative === 'last' ? year - 1 : relative === 'next' ? year + 1 : year;
}

const YEAR_AFTER_QUARTER_CODE = after(`${SP}(?<year>${YEAR})(?![\\w])`);
const ORDINAL_BEFORE_QUARTER = before(`(?:(?<![\\w])[Tt]he${SP})?(?<![\\w])(?<ordinal>${anyOf(Object.keys(QUARTER_ORDINALS), { sentenceCase: true })})(?:${SP}|-)`);
const YEAR_AFTER_QUARTER = after(`(?:(?:${SP}of)?${SP}(?<year>${YEAR})|${SP}of${SP}(?<relative>this|last|next)${SP}year)(?![\\w])`);
const RELATIVE_BEFORE_QUARTER = before(`(?<![\\w])(?<relative>[Tt]his|[Ll]ast|[Nn]ext|[Cc]urrent)${SP}`);

/** "Q3 2024", "Q3", "H1 2024"; "H1" alone is a heading or a visa. */
const readQuarterCode: Reader = (trigger, scan) => {
  const code = trigger[0];
  if (code === 'quarter') return undefined;
  const yearAfter = readAfter(scan.text, triggerEnd(trigger), YEAR_AFTER_QUARTER_CODE);
  const end = yearAfter ? yearAfter.index + yearAfter[0].length : triggerEnd(trigger);
  const year = optionalNumber(yearAfter?.groups!['year']);
  if (code.startsWith('H')) return year === undefined ? undefined : candidate('DATE', trigger.index, end, 0.85, dateValue(`${year}-${code}`));
  const value = quarterValue(scan, Number(code[1]), year, pointsForward(scan.text, trigger.index));
  return candidate('DATE', trigger.index, end, year !== undefined ? 0.9 : 0.75, value);
};

/** "the third quarter (of 2024)", "third-quarter profit", "the fourth quarter of last year"; not a game's third quarter. */
const readOrdinalQuarter: Reader = (trigger, scan) => {
  if (trigger[0] !== 'quarter' || !(tokenBefore(scan, trigger.index).replace(/-$/, '') in QUARTER_ORDINALS)) return undefined;
  const ordinalBefore = readBefore(scan.text, trigger.index, ORDINAL_BEFORE_QUARTER);
  if (!ordinalBefore) return undefined;
  const yearAfter = readAfter(scan.text, triggerEnd(trigger), YEAR_AFTER_QUARTER);
  const end = yearAfter ? yearAfter.index + yearAfter[0].length : triggerEnd(trigger);
  if (!yearAfter && inSportsContext(scan.text, ordinalBefore.start, end)) return undefined;
  const quarter = QUARTER_ORDINALS[ordinalBefore.groups['ordinal']!.toLowerCase()]!;
  const yearText = yearAfter?.groups!['year'];
  const relative = yearAfter?.groups!['relative'];
  const year = yearText !== undefined ? Number(yearText) : relativeYear(scan, relative);
  const value = relative !== undefined && year === undefined ? undefined : quarterValue(scan, quarter, year, pointsForward(scan.text, ordinalBefore.start));
  return candidate('DATE', ordinalBefore.start, end, yearAfter ? 0.9 : 0.7, value);
};

/** "this quarter", "last quarter", "next quarter" */
const readRelativeQuarter: Reader = (trigger, scan) => {
  if (trigger[0] !== 'quarter' || !(tokenBefore(scan, trigger.index) in RELATIVE_SHIFTS)) return undefined;
  const relativeBefore = readBefore(scan.text, trigger.index, RELATIVE_BEFORE_QUARTER);
  if (!relativeBefore) return undefined;
  const shift = RELATIVE_SHIFTS[relativeBefore.groups['relative']!.toLowerCase()]!;
  return candidate('DATE', relativeBefore.start, triggerEnd(trigger), 0.8, relativePeriodValue(scan, 'quarter', shift));
};

const quarterRule: Rule = {
  trigger: /\b(?:Q[1-4]|H[12]|quarter)\b/g,
  startWords: ['Q', 'H', 'quarter'],
  readers: [readQuarterCode, readOrdinalQuarter, readRelativeQuarter],
};

const SEASON_CODES: Readonly<Record<string, string>> = { spring: 'SP', summer: 'SU', autumn: 'FA', fall: 'FA', winter: 'WI' };
/** Order of the seasons within a year, winter last: "last winter" in March is the one just ended. */
const SEASON_ORDER = ['SP', 'SU', 'FA', 'WI'];

function currentSeasonIndex(month: number): number {
  return month >= 3 && month <= 5 ? 0 : month >= 6 && month <= 8 ? 1 : month >= 9 && month <= 11 ? 2 : 3;
}

const SEASON_CONTEXT_BEFORE = before(
  `(?:(?<![\\w])(?<context>[Ii]n|[Dd]uring|[Ss]ince|[Uu]ntil|[Bb]y|[Oo]ver|[Tt]hrough|[Tt]hroughout)${SP})?(?:(?<![\\w])(?<determiner>[Tt]his|[Ll]ast|[Nn]ext|[Ee]very|[Ee]ach|[Tt]he)${SP})?(?:(?<![\\w])(?<modifier>[Ee]arly|[Ll]ate|[Mm]id)(?:-|${SP}))?`,
);
const YEAR_AFTER_SEASON = after(`(?:${SP}of)?${SP}(?<year>${YEAR})(?![\\w])`);
const OF_AFTER = after(`${SP}of${SP}`);

function seasonYear(scan: Scan, season: string, determiner: string): number | undefined {
  if (scan.anchor === undefined || determiner === 'every' || determiner === 'each' || determiner === 'the') return undefined;
  const anchor = calendarOf(scan.anchor);
  const now = currentSeasonIndex(anchor.month);
  const baseYear = anchor.month <= 2 ? anchor.year - 1 : anchor.year; // January's winter began last December
  const wanted = SEASON_ORDER.indexOf(season);
  if (determiner === 'this') return baseYear;
  if (determiner === 'last') return wanted < now ? baseYear : baseYear - 1;
  return wanted > now ? baseYear : baseYear + 1;
}

const seasonRule: Rule = {
  // "this summer", "last winter", "spring 2024", "the summer of 2023", "in the fall"; not "prices fall", "the fall of Bakhmut", "the Arab Spring"
  trigger: new RegExp(`\\b${SEASONS}\\b`, 'g'),
  startWords: SEASON_WORDS,
  readers: [
    (trigger, scan) => {
      const previous = tokenBefore(scan, trigger.index);
      const context = SEASON_CONTEXT_TOKENS.has(previous) ? readBefore(scan.text, trigger.index, SEASON_CONTEXT_BEFORE) : undefined;
      const yearAfter = readAfter(scan.text, triggerEnd(trigger), YEAR_AFTER_SEASON);
      const determiner = context?.groups['determiner']?.toLowerCase();
      const hasRelative = determiner !== undefined && determiner !== 'the';
      if (!yearAfter && !hasRelative && context?.groups['context'] === undefined) return undefined;
      const name = trigger[0];
      if (!yearAfter && !hasRelative && name[0] !== name[0]!.toLowerCase()) return undefined;
      if (!yearAfter && readAfter(scan.text, triggerEnd(trigger), OF_AFTER)) return undefined;
      const season = SEASON_CODES[name.toLowerCase()]!;
      const year = yearAfter ? Number(yearAfter.groups!['year']) : determiner === undefined ? undefined : seasonYear(scan, season, determiner);
      const start = context?.startOf('determiner') ?? context?.startOf('modifier') ?? trigger.index;
      const end = yearAfter ? yearAfter.index + yearAfter[0].length : triggerEnd(trigger);
      return candidate('DATE', start, end, yearAfter || hasRelative ? 0.85 : 0.65, year === undefined ? undefined : dateValue(`${pad(year, 4)}-${season}`));
    },
  ],
};

// --- Days relative to the article ----------------------------------------------------------------

const PART_OF_DAY_CODES: Readonly<Record<string, string>> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI' };

/** A day, or as a TIME a part of it: "2025-11-04TNI" (TIMEX3 part-of-day codes MO, AF, EV, NI). */
function dayWithPart(day: number | undefined, part: string | undefined): NormalizedValue | undefined {
  const iso = day === undefined ? undefined : isoDay(day);
  if (iso === undefined) return undefined;
  return part === undefined ? dateValue(iso) : { type: 'time', iso: `${iso}T${PART_OF_DAY_CODES[part]}` };
}

const RELATIVE_DAY_OFFSETS: Readonly<Record<string, number>> = { today: 0, yesterday: -1, tomorrow: 1 };
const DAY_BEFORE_OR_AFTER = before(`(?<![\\w])[Tt]he${SP}day${SP}(?<direction>before|after)${SP}`);

const relativeDayRule: Rule = {
  // "today", "yesterday", "tomorrow morning", "the day before yesterday"
  trigger: new RegExp(`\\b(?<word>[Tt]oday|[Yy]esterday|[Tt]omorrow)(?:${SP}(?<part>${PARTS_OF_DAY}))?(?![\\w])`, 'g'),
  startWords: ['today', 'Today', 'yesterday', 'Yesterday', 'tomorrow', 'Tomorrow'],
  readers: [
    (trigger, scan) => {
      let offset = RELATIVE_DAY_OFFSETS[trigger.groups!['word']!.toLowerCase()]!;
      const previous = tokenBefore(scan, trigger.index);
      const dayBeforeOrAfter = previous === 'before' || previous === 'after' ? readBefore(scan.text, trigger.index, DAY_BEFORE_OR_AFTER) : undefined;
      const direction = dayBeforeOrAfter?.groups['direction'];
      const compound = (direction === 'before' && offset === -1) || (direction === 'after' && offset === 1);
      if (compound) offset *= 2;
      const part = trigger.groups!['part'];
      const day = scan.anchor === undefined ? undefined : scan.anchor + offset;
      const start = compound ? dayBeforeOrAfter!.start : trigger.index;
      return candidate(part === undefined ? 'DATE' : 'TIME', start, triggerEnd(trigger), 0.85, dayWithPart(day, part));
    },
  ],
};

/** Newspapers and shows named after weekdays. */
const WEEKDAY_TITLE_AFTER = /^[ \t]+(?:Times|Telegraph|Mirror|Express|People|Post|Herald|Independent|Sport|Night|Morning|Bloody)\b/;
const RELATIVE_BEFORE_WEEKDAY = before(`(?<![\\w])(?<relative>[Ll]ast|[Nn]ext|[Tt]his|[Ee]very|[Ee]ach)${SP}`);

function weekdayDay(scan: Scan, weekday: number, relative: string | undefined, start: number): number | undefined {
  if (scan.anchor === undefined) return undefined;
  const today = weekdayOf(scan.anchor);
  const forward = relative === 'next' || (relative !== 'last' && pointsForward(scan.text, start));
  if (forward) {
    const ahead = (weekday - today + 7) % 7;
    return scan.anchor + (relative === 'next' && ahead === 0 ? 7 : ahead);
  }
  // News reports the past: "on Monday" is the latest Monday up to the article date.
  const back = (today - weekday + 7) % 7;
  return scan.anchor - (relative === 'last' && back === 0 ? 7 : back);
}

const weekdayRule: Rule = {
  // "Monday", "last Friday", "Wednesday night" (TIME), "every Sunday", "Mondays"
  trigger: new RegExp(`\\b(?<weekday>${WEEKDAY})(?<plural>s)?(?:${SP}(?<part>${PARTS_OF_DAY}))?(?![\\w])`, 'g'),
  startWords: WEEKDAY_NAMES.flatMap((day) => [day, `${day}s`]),
  readers: [
    (trigger, scan) => {
      if (WEEKDAY_TITLE_AFTER.test(scan.text.slice(triggerEnd(trigger), triggerEnd(trigger) + 16))) return undefined;
      const relativeBefore = RELATIVE_WEEKDAY_TOKENS.has(tokenBefore(scan, trigger.index)) ? readBefore(scan.text, trigger.index, RELATIVE_BEFORE_WEEKDAY) : undefined;
      const relative = relativeBefore?.groups['relative']?.toLowerCase();
      const { weekday, plural, part } = trigger.groups!;
      const recurring = plural !== undefined || relative === 'every' || relative === 'each';
      const start = relativeBefore?.start ?? trigger.index;
      const day = recurring ? undefined : weekdayDay(scan, weekdayNumber(weekday!), relative, start);
      return candidate(part === undefined ? 'DATE' : 'TIME', start, triggerEnd(trigger), 0.75, dayWithPart(day, part), true);
    },
  ],
};

const HOLIDAY_DATES: Readonly<Record<string, string>> = {
  'Christmas': '12-25', 'Christmas Day': '12-25', 'Christmas Eve': '12-24', "New Year's Day": '01-01', "New Year's Eve": '12-31', 'Halloween': '10-31',
};

const holidayRule: Rule = {
  // Holidays are dates in OntoNotes; the fixed ones get a value.
  trigger: /\b(?:Christmas(?: Day| Eve)?|New Year['’]s(?: Day| Eve)|Easter(?: Sunday| Monday)?|Thanksgiving(?: Day)?|Halloween|Ramadan)\b/g,
  startWords: ['Christmas', 'New', 'Easter', 'Thanksgiving', 'Halloween', 'Ramadan'],
  readers: [
    (trigger, scan) => {
      const monthDay = HOLIDAY_DATES[trigger[0].replace('’', "'")];
      const value = monthDay === undefined ? undefined : monthDayValue(scan, Number(monthDay.slice(0, 2)), Number(monthDay.slice(3)), undefined);
      return candidate('DATE', trigger.index, triggerEnd(trigger), 0.7, value);
    },
  ],
};

// --- Times ------------------------------------------------------------------------------------

function timeValue(hour: number, minute: number): NormalizedValue {
  return { type: 'time', iso: `T${pad(hour)}:${pad(minute)}` };
}

const clockWithMeridiemRule: Rule = {
  // "6:04 PM", "10 a.m.", "10.30am", "11pm GMT"
  trigger: new RegExp(
    `\\b(?<hour>\\d{1,2})(?:[:.](?<minute>[0-5]\\d))?(?::[0-5]\\d)?[ \\t\\u00a0\\u202f]?(?<meridiem>[ap]\\.m\\.|[AP]\\.M\\.|[ap]\\.m|[AP]\\.M|[ap]m|[AP]M)(?![\\w])${OPTIONAL_TIME_ZONE}`,
    'g',
  ),
  startsWithDigit: true,
  readers: [
    (trigger, scan) => {
      const hour = Number(trigger.groups!['hour']);
      if (hour < 1 || hour > 12 || NUMBER_GLUE_BEFORE.has(charBefore(scan.text, trigger.index))) return undefined;
      const minute = Number(trigger.groups!['minute'] ?? '0');
      const afternoon = trigger.groups!['meridiem']!.toLowerCase().startsWith('p');
      return candidate('TIME', trigger.index, triggerEnd(trigger), 0.95, timeValue((hour % 12) + (afternoon ? 12 : 0), minute));
    },
  ],
};

/** A bare "10:30" is a time only after a word that introduces one, or with a time zone. */
const CLOCK_CONTEXT_BEFORE = before(`(?<![\\w])${anyOf(['at', 'by', 'until', 'till', 'from', 'before', 'after', 'around', 'about', 'since', 'between', 'and', 'to'], { sentenceCase: true })}${SP}`);

const twentyFourHourClockRule: Rule = {
  // "at 10:30", "18:04 GMT", "1800 GMT"
  trigger: new RegExp(
    `\\b(?:(?<hour>[01]?\\d|2[0-3]):(?<minute>[0-5]\\d)(?![\\w:]|[.,]\\d)(?<zone>${OPTIONAL_TIME_ZONE})|(?<militaryHour>[01]\\d|2[0-3])(?<militaryMinute>[0-5]\\d)${SP}(?:GMT|UTC|hours|hrs)(?![\\w]))`,
    'g',
  ),
  startsWithDigit: true,
  readers: [
    (trigger, scan) => {
      if (NUMBER_GLUE_BEFORE.has(charBefore(scan.text, trigger.index))) return undefined;
      const { hour, minute, zone, militaryHour, militaryMinute } = trigger.groups!;
      const military = militaryHour !== undefined;
      if (!military && !zone && !(CLOCK_CONTEXT_TOKENS.has(tokenBefore(scan, trigger.index)) && readBefore(scan.text, trigger.index, CLOCK_CONTEXT_BEFORE))) return undefined;
      const value = timeValue(Number(military ? militaryHour : hour), Number(military ? militaryMinute : minute));
      return candidate('TIME', trigger.index, triggerEnd(trigger), military ? 0.75 : 0.8, value);
    },
  ],
};

const O_CLOCK_HOURS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const HOUR_BEFORE_O_CLOCK = before(`(?<![\\w])(?<hour>1[0-2]|[1-9]|${anyOf(O_CLOCK_HOURS, { sentenceCase: true })})${SP}`);

const oClockRule: Rule = {
  trigger: /\bo['’]clock\b/g,
  startWords: ['o'],
  readers: [
    (trigger, scan) => {
      const hourBefore = readBefore(scan.text, trigger.index, HOUR_BEFORE_O_CLOCK);
      if (!hourBefore) return undefined;
      const hourText = hourBefore.groups['hour']!;
      const hour = /\d/.test(hourText) ? Number(hourText) : O_CLOCK_HOURS.indexOf(hourText.toLowerCase()) + 1;
      return candidate('TIME', hourBefore.start, triggerEnd(trigger), 0.85, timeValue(hour, 0));
    },
  ],
};

type NamedTime = { hour: number } | { dayOffset: number; part: string } | null;
const NAMED_TIMES: Readonly<Record<string, NamedTime>> = {
  noon: { hour: 12 }, midday: { hour: 12 }, midnight: { hour: 0 }, tonight: { dayOffset: 0, part: 'NI' }, overnight: null,
};
const DAY_PART_BEFORE = before(`(?<![\\w])(?<relative>[Tt]his|[Ll]ast|[Tt]hat)${SP}`);
const DAY_PART_TIMES: Readonly<Record<string, number | null>> = { this: 0, last: -1, that: null };
const TWILIGHT_CONTEXT_BEFORE = before(`(?<![\\w])(?:[Aa]t|[Bb]efore|[Aa]fter|[Uu]ntil|[Bb]y|[Ff]rom|[Ss]ince|[Tt]ill)${SP}`);
const TWILIGHT = new Set(['dawn', 'dusk', 'daybreak', 'nightfall', 'sunrise', 'sunset']);

/** "noon", "midnight", "tonight", "overnight" */
const readNamedTime: Reader = (trigger, scan) => {
  const word = trigger[0].toLowerCase();
  if (!(word in NAMED_TIMES) || (trigger[0] !== word && word !== 'tonight' && word !== 'overnight')) return undefined; // "Midnight Hammer"
  const meaning = NAMED_TIMES[word]!;
  let value: NormalizedValue | undefined;
  if (meaning && 'hour' in meaning) value = timeValue(meaning.hour, 0);
  else if (meaning && scan.anchor !== undefined) value = dayWithPart(scan.anchor + meaning.dayOffset, 'night');
  return candidate('TIME', trigger.index, triggerEnd(trigger), 0.8, value);
};

/** "this morning", "last night", "that evening" */
const readDayPart: Reader = (trigger, scan) => {
  if (!(trigger[0] in PART_OF_DAY_CODES) || !(tokenBefore(scan, trigger.index) in DAY_PART_TIMES)) return undefined;
  const relativeBefore = readBefore(scan.text, trigger.index, DAY_PART_BEFORE);
  if (!relativeBefore) return undefined;
  const offset = DAY_PART_TIMES[relativeBefore.groups['relative']!.toLowerCase()];
  const value = offset === null || offset === undefined || scan.anchor === undefined ? undefined : dayWithPart(scan.anchor + offset, trigger[0]);
  return candidate('TIME', relativeBefore.start, triggerEnd(trigger), 0.8, value);
};

/** "at dawn", "before dusk"; "the dawn of an era" is not a time. */
const readTwilight: Reader = (trigger, scan) => {
  if (!TWILIGHT.has(trigger[0]) || !TWILIGHT_CONTEXT_TOKENS.has(tokenBefore(scan, trigger.index)) || !readBefore(scan.text, trigger.index, TWILIGHT_CONTEXT_BEFORE)) return undefined;
  return candidate('TIME', trigger.index, triggerEnd(trigger), 0.75);
};

const timeOfDayRule: Rule = {
  trigger: /\b(?:[Tt]onight|[Oo]vernight|noon|midnight|Midnight|midday|morning|afternoon|evening|night|dawn|dusk|daybreak|nightfall|sunrise|sunset)\b/g,
  startWords: ['tonight', 'Tonight', 'overnight', 'Overnight', 'noon', 'midnight', 'Midnight', 'midday', 'morning', 'afternoon', 'evening',
    'night', 'dawn', 'dusk', 'daybreak', 'nightfall', 'sunrise', 'sunset'],
  readers: [readNamedTime, readDayPart, readTwilight],
};

const matchMinuteRule: Rule = {
  // "the 90th minute" of a match
  trigger: new RegExp(`\\b\\d{1,3}(?:st|nd|rd|th)(?:-|${SP})minute\\b`, 'g'),
  startsWithDigit: true,
  readers: [(trigger, scan) => candidate('TIME', readBefore(scan.text, trigger.index, THE_BEFORE_PERIOD)?.start ?? trigger.index, triggerEnd(trigger), 0.7)],
};

// --- Durations and periods, triggered by a unit of time ---------------------------------------------

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
const isPlural = (unitText: string): boolean => unitText.endsWith('s') || unitText === 'centuries' || unitText === 'millennia';

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
  'serving', 'wait', 'waited', 'waiting', 'under', 'least', 'barely', 'some', 'another', 'extra', 'additional']);
const PREVIOUS_WORD = /([A-Za-z]+)[^A-Za-z\n]*$/;

function previousWord(text: string, start: number): string | undefined {
  return PREVIOUS_WORD.exec(text.slice(Math.max(0, start - 30), start))?.[1]?.toLowerCase();
}

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

const COUNT_BEFORE_UNIT = before(
  `(?<![\\w$€£.,/-])(?<count>${COUNT})(?:(?:${SP}(?:to|or|and)${SP}|[ \\t]?[-–][ \\t]?)(?<countMax>${COUNT}))?${SP}(?:(?:more|additional|extra|consecutive|straight|full)${SP})?`,
);
const HALF_AFTER_UNIT = after(`(?:${SP}and${SP}a${SP}half)?(?![\\w-])`);
const IN_BEFORE = /(?:^|[^\w])[Ii]n[ \t]+$/;

/** "24 hours", "two weeks", "one to five years", "3-5 years", "a decade", "several months", "two and a half years", "2 min" */
const readCountedDuration: Reader = (trigger, scan) => {
  const unitText = trigger.groups!['unit'];
  const countBefore = unitText !== undefined && mayEndCount(tokenBefore(scan, trigger.index)) ? readBefore(scan.text, trigger.index, COUNT_BEFORE_UNIT) : undefined;
  const rest = countBefore && readAfter(scan.text, triggerEnd(trigger), HALF_AFTER_UNIT);
  if (!countBefore || !rest || unitText === undefined) return undefined;
  const countText = countBefore.groups['count']!;
  const count = parseCount(countText);
  const countMaxText = countBefore.groups['countMax'];
  const countMax = countMaxText === undefined ? undefined : parseCount(countMaxText);
  if (!count || (countMaxText !== undefined && (!countMax || countMax.value <= count.value))) return undefined;
  const unit = canonicalUnit(unitText);
  if (UNIT_ABBREVIATIONS.includes(unitText) && !count.digits) return undefined;
  const start = countBefore.start;
  // "a second night" is an ordinal, and "$500 a month" a rate.
  if (/^an?$/i.test(countText) && (unit === 'second' || !ARTICLE_COUNT_CONTEXT.has(previousWord(scan.text, start) ?? ''))) return undefined;
  const amount = count.value + (rest[0].length > 0 ? 0.5 : 0);
  const iso = durationIso(amount, unit);
  if (iso === undefined) return undefined;
  const end = rest.index + rest[0].length;

  // "in two weeks" said of the future points at a date (OntoNotes DATE); said of the past it is a length.
  if (countMax === undefined && !count.approximate && !isTimeUnit(unit) && IN_BEFORE.test(scan.text.slice(Math.max(0, start - 4), start)) && pointsForward(scan.text, start)) {
    return candidate('DATE', start, end, 0.7, shiftedDateValue(scan, amount, unit, 1));
  }
  const value: NormalizedValue = { type: 'duration', iso };
  const maxIso = countMax === undefined ? undefined : durationIso(countMax.value + (rest[0].length > 0 ? 0.5 : 0), unit);
  if (maxIso !== undefined) value.maxIso = maxIso;
  if (count.approximate) value.approximate = true;
  return candidate('DURATION', start, end, count.approximate ? 0.65 : count.digits ? 0.9 : 0.85, value);
};

const COUNT_HYPHEN_BEFORE_UNIT = before(`(?<![\\w$€£.,/-])(?<count>${DIGITS}|${WORD_NUMBER}|[Hh]alf)-`);
const COMPOUND_SUFFIX = after(`(?:-(?:old|long))?(?![\\w-])`);
const LONG_SUFFIX = after(`-?long(?![\\w-])`);

/** "three-year contract", "24-hour", "one-year deferment", "20-month-old war" */
const readCompoundDuration: Reader = (trigger, scan) => {
  const unitText = trigger.groups!['unit'];
  if (unitText === undefined || isPlural(unitText) || charBefore(scan.text, trigger.index) !== '-') return undefined;
  const countBefore = readBefore(scan.text, trigger.index, COUNT_HYPHEN_BEFORE_UNIT);
  const rest = countBefore && readAfter(scan.text, triggerEnd(trigger), COMPOUND_SUFFIX);
  if (!countBefore || !rest) return undefined;
  const countText = countBefore.groups['count']!;
  const count = countText.toLowerCase() === 'half' ? 0.5 : parseCount(countText)?.value;
  const iso = count === undefined ? undefined : durationIso(count, canonicalUnit(unitText));
  return iso === undefined ? undefined : candidate('DURATION', countBefore.start, rest.index + rest[0].length, 0.85, { type: 'duration', iso });
};

/** "decade-long", "year-long", "yearlong", "months-long" (vague: two of the unit) */
const readLongDuration: Reader = (trigger, scan) => {
  const fused = trigger.groups!['fused'];
  const unitText = fused ?? trigger.groups!['unit']!;
  const suffix = fused === undefined ? readAfter(scan.text, triggerEnd(trigger), LONG_SUFFIX) : null;
  if (fused === undefined && !suffix) return undefined;
  const plural = isPlural(unitText);
  const iso = durationIso(plural ? VAGUE_PLURAL_COUNT : 1, canonicalUnit(unitText));
  if (iso === undefined) return undefined;
  const end = suffix ? suffix.index + suffix[0].length : triggerEnd(trigger);
  return candidate('DURATION', trigger.index, end, 0.75, plural ? { type: 'duration', iso, approximate: true } : { type: 'duration', iso });
};

/** Bare plural units are vague; they count as two of the unit, approximately ("decades" → P20Y). */
const VAGUE_PLURAL_COUNT = 2;
const BARE_PLURAL_CONTEXT = before(`(?<![\\w])${anyOf(['for', 'over', 'in', 'within', 'after', 'take', 'takes', 'took', 'lasted', 'spent', 'spanning'], { sentenceCase: true })}${SP}`);
const RELATIVE_AFTER_UNIT = after(`${SP}(?<direction>ago|later|earlier)(?![\\w])`);
const OF_AFTER_UNIT = after(`${SP}of${SP}`);

/** "for years", "in decades", "within hours", "decades of war" */
const readBarePluralDuration: Reader = (trigger, scan) => {
  const unitText = trigger.groups!['unit'];
  if (unitText === undefined || !isPlural(unitText) || UNIT_ABBREVIATIONS.includes(unitText)) return undefined;
  if (readAfter(scan.text, triggerEnd(trigger), RELATIVE_AFTER_UNIT)) return undefined;
  const hasContext = (BARE_PLURAL_CONTEXT_TOKENS.has(tokenBefore(scan, trigger.index)) && readBefore(scan.text, trigger.index, BARE_PLURAL_CONTEXT) !== undefined)
    || ((unitText === 'decades' || unitText === 'centuries') && readAfter(scan.text, triggerEnd(trigger), OF_AFTER_UNIT) !== null);
  const iso = hasContext ? durationIso(VAGUE_PLURAL_COUNT, canonicalUnit(unitText)) : undefined;
  return iso === undefined ? undefined : candidate('DURATION', trigger.index, triggerEnd(trigger), 0.6, { type: 'duration', iso, approximate: true });
};

const COUNT_BEFORE_AGO = before(`(?<![\\w$€£.,/-])(?<count>${COUNT})${SP}(?:more${SP})?`);

/** "two days ago", "a year ago", "three years later", "decades ago", "4 hours ago" (TIME) */
const readAgo: Reader = (trigger, scan) => {
  const unitText = trigger.groups!['unit'];
  const rest = unitText === undefined ? null : readAfter(scan.text, triggerEnd(trigger), RELATIVE_AFTER_UNIT);
  if (!rest || unitText === undefined) return undefined;
  const countBefore = mayEndCount(tokenBefore(scan, trigger.index)) ? readBefore(scan.text, trigger.index, COUNT_BEFORE_AGO) : undefined;
  const count = countBefore ? parseCount(countBefore.groups['count']!) : undefined;
  if (countBefore ? !count : !isPlural(unitText)) return undefined;
  if (UNIT_ABBREVIATIONS.includes(unitText) && !count?.digits) return undefined;
  const unit = canonicalUnit(unitText);
  const label: DateLabel = isTimeUnit(unit) ? 'TIME' : 'DATE';
  const exact = count !== undefined && !count.approximate && label === 'DATE' && rest.groups!['direction'] === 'ago';
  const value = exact ? shiftedDateValue(scan, count.value, unit, -1) : undefined;
  return candidate(label, countBefore?.start ?? trigger.index, rest.index + rest[0].length, count && !count.approximate ? 0.85 : 0.7, value);
};

const ANCHORED_DIRECTIONS: Readonly<Record<string, -1 | 1 | 0>> = { past: -1, last: -1, next: 1, coming: 1, previous: 0, following: 0, recent: 0 };
const DIRECTION_BEFORE_UNIT = before(
  `(?:(?<![\\w])(?<determiner>[Tt]he|[Tt]his)${SP})?(?<![\\w])(?<direction>${anyOf(Object.keys(ANCHORED_DIRECTIONS), { sentenceCase: true })})${SP}(?:(?<count>${COUNT}|few|couple${SP}of)${SP})?`,
);

/** The range from the anchor back (or forward) N units, at the precision of the unit. */
function anchoredPeriodValue(scan: Scan, count: number, unit: string, direction: -1 | 1): NormalizedValue | undefined {
  const far = shiftedDateValue(scan, count, unit, direction);
  const near = shiftedDateValue(scan, 0, unit, direction);
  if (far?.type !== 'date' || near?.type !== 'date') return undefined;
  return direction < 0 ? dateValue(far.iso, near.iso) : dateValue(near.iso, far.iso);
}

/** "the past three years", "the last two decades", "the next five years", "recent weeks", "the coming days", "the past 24 hours" (TIME) */
const readAnchoredPeriod: Reader = (trigger, scan) => {
  const unitText = trigger.groups!['unit'];
  if (unitText === undefined || UNIT_ABBREVIATIONS.includes(unitText)) return undefined;
  const previous = tokenBefore(scan, trigger.index);
  if (!(previous in ANCHORED_DIRECTIONS) && !mayEndCount(previous)) return undefined;
  const directionBefore = readBefore(scan.text, trigger.index, DIRECTION_BEFORE_UNIT);
  if (!directionBefore) return undefined;
  const { determiner, count: countText } = directionBefore.groups;
  const directionWord = directionBefore.groups['direction']!.toLowerCase();
  const plural = isPlural(unitText);
  if (directionWord === 'recent' && (!plural || countText !== undefined)) return undefined;
  // "last year" and "next week" are points (the relative-period reader), and "could last three years" is a verb.
  if (determiner === undefined && (directionWord === 'last' || directionWord === 'next')) return undefined;
  const count = countText === undefined ? (plural ? undefined : { value: 1, approximate: false, digits: false }) : parseCount(countText);
  if (countText !== undefined && !count) return undefined;
  const unit = canonicalUnit(unitText);
  const label: DateLabel = isTimeUnit(unit) ? 'TIME' : 'DATE';
  const direction = ANCHORED_DIRECTIONS[directionWord]!;
  const value = label === 'DATE' && direction !== 0 && count && !count.approximate ? anchoredPeriodValue(scan, count.value, unit, direction) : undefined;
  return candidate(label, directionBefore.start, triggerEnd(trigger), 0.8, value);
};

const RELATIVE_SHIFTS: Readonly<Record<string, number>> = { this: 0, current: 0, last: -1, next: 1, coming: 1 };
const RELATIVE_BEFORE_UNIT = before(`(?<![\\w])(?<relative>${anyOf(Object.keys(RELATIVE_SHIFTS), { sentenceCase: true })})${SP}(?:(?<fiscal>fiscal|financial)${SP})?`);
const RELATIVE_PERIOD_UNITS = new Set(['week', 'weekend', 'month', 'year', 'decade', 'century', 'season']);

/** "this year", "last week", "next month", "this weekend", "last season", "next fiscal year" */
const readRelativePeriod: Reader = (trigger, scan) => {
  const unitText = trigger.groups!['unit'];
  if (unitText === undefined || !RELATIVE_PERIOD_UNITS.has(unitText) || charBefore(scan.text, trigger.index) === '-') return undefined;
  const previous = tokenBefore(scan, trigger.index);
  if (!(previous in RELATIVE_SHIFTS) && previous !== 'fiscal' && previous !== 'financial') return undefined;
  const relativeBefore = readBefore(scan.text, trigger.index, RELATIVE_BEFORE_UNIT);
  if (!relativeBefore) return undefined;
  const shift = RELATIVE_SHIFTS[relativeBefore.groups['relative']!.toLowerCase()]!;
  // Fiscal years and seasons start at different times for different bodies: no calendar value.
  const value = relativeBefore.groups['fiscal'] === undefined ? relativePeriodValue(scan, unitText, shift) : undefined;
  return candidate('DATE', relativeBefore.start, triggerEnd(trigger), 0.85, value, true);
};

const PART_OF_THE_UNIT_BEFORE = before(`(?<![\\w])(?:[Tt]he${SP})?(?:end|beginning|start|middle|rest|remainder|close|first half|second half)${SP}of${SP}the${SP}`);

/** "the end of the year", "the beginning of the month", "the rest of the week" */
const readPartOfPeriod: Reader = (trigger, scan) => {
  const unitText = trigger.groups!['unit'];
  if (unitText !== 'year' && unitText !== 'month' && unitText !== 'week' && unitText !== 'decade') return undefined;
  if (tokenBefore(scan, trigger.index) !== 'the') return undefined;
  const partBefore = readBefore(scan.text, trigger.index, PART_OF_THE_UNIT_BEFORE);
  return partBefore && candidate('DATE', partBefore.start, triggerEnd(trigger), 0.8, relativePeriodValue(scan, unitText, 0));
};

const END_SUFFIX = after(`-end(?![\\w-])`);

/** "year-end", "by year-end", "month-end" */
const readPeriodEnd: Reader = (trigger, scan) => {
  const unitText = trigger.groups!['unit'];
  if ((unitText !== 'year' && unitText !== 'month') || charBefore(scan.text, trigger.index) === '-') return undefined;
  const suffix = readAfter(scan.text, triggerEnd(trigger), END_SUFFIX);
  return suffix ? candidate('DATE', trigger.index, suffix.index + suffix[0].length, 0.75, relativePeriodValue(scan, unitText, 0)) : undefined;
};

const EVERY_BEFORE_UNIT = before(`(?<![\\w])(?:[Ee]very|[Ee]ach)${SP}(?:(?:${DIGITS}|${WORD_NUMBER}|other)${SP})?`);

/** "every month", "each year", "every two weeks" */
const readRecurring: Reader = (trigger, scan) => {
  const unitText = trigger.groups!['unit'];
  if (unitText === undefined || isTimeUnit(canonicalUnit(unitText)) || UNIT_ABBREVIATIONS.includes(unitText)) return undefined;
  const previous = tokenBefore(scan, trigger.index);
  if (previous !== 'every' && previous !== 'each' && previous !== 'other' && !mayEndCount(previous)) return undefined;
  const every = readBefore(scan.text, trigger.index, EVERY_BEFORE_UNIT);
  return every && candidate('DATE', every.start, triggerEnd(trigger), 0.6);
};

const EARLY_BEFORE_HOURS = before(`(?<![\\w])(?:[Tt]he${SP})?(?:early|small|wee)${SP}`);

/** "the early hours" (of Monday) */
const readEarlyHours: Reader = (trigger, scan) => {
  if (trigger.groups!['unit'] !== 'hours' || !EARLY_TOKENS.has(tokenBefore(scan, trigger.index))) return undefined;
  const early = readBefore(scan.text, trigger.index, EARLY_BEFORE_HOURS);
  return early && candidate('TIME', early.start, triggerEnd(trigger), 0.7);
};

const unitRule: Rule = {
  trigger: new RegExp(`\\b(?:(?<unit>${UNIT}|weekend|season)|(?<fused>year|week|day|month)long)(?![\\w])`, 'g'),
  startWords: [...UNIT_WORDS, ...UNIT_ABBREVIATIONS, 'weekend', 'season', 'yearlong', 'weeklong', 'daylong', 'monthlong'],
  readers: [readCountedDuration, readCompoundDuration, readLongDuration, readBarePluralDuration, readAgo, readAnchoredPeriod,
    readRelativePeriod, readPartOfPeriod, readPeriodEnd, readRecurring, readEarlyHours],
};

const attachedUnitRule: Rule = {
  // "24h", "48hrs", "15min"
  trigger: /\b(?<count>\d+(?:\.\d+)?)(?<unit>h|hrs?|mins?|secs?)\b/g,
  startsWithDigit: true,
  readers: [
    (trigger, scan) => {
      if (NUMBER_GLUE_BEFORE.has(charBefore(scan.text, trigger.index))) return undefined;
      const iso = durationIso(Number(trigger.groups!['count']), canonicalUnit(trigger.groups!['unit']!));
      return iso === undefined ? undefined : candidate('DURATION', trigger.index, triggerEnd(trigger), 0.8, { type: 'duration', iso });
    },
  ],
};

const RULES: readonly Rule[] = [
  monthRule, isoDateRule, numericDateRule, yearRule, shortFiscalYearRule, decadeRule, centuryRule, quarterRule, seasonRule,
  relativeDayRule, weekdayRule, holidayRule, clockWithMeridiemRule, twentyFourHourClockRule, oClockRule, timeOfDayRule, matchMinuteRule,
  unitRule, attachedUnitRule,
];

// ---------------------------------------------------------------------------------------------
// Where triggers can match: one pass over the words instead of one regex scan of the text per rule
// ---------------------------------------------------------------------------------------------

/** The trigger of each rule tried at chosen positions, as a sticky regex that matches at one position only. */
const STICKY_TRIGGERS = RULES.map((rule) =>
  rule.startWords === undefined && rule.startsWithDigit === undefined ? undefined : new RegExp(rule.trigger.source, 'y'),
);

/** The indices in RULES of the rules a start word may start. */
const RULES_BY_START_WORD = new Map<string, number[]>();
RULES.forEach((rule, index) => {
  for (const word of rule.startWords ?? []) RULES_BY_START_WORD.set(word, [...(RULES_BY_START_WORD.get(word) ?? []), index]);
});

function hashLetter(hash: number, code: number): number {
  return (Math.imul(hash, 31) + code) | 0;
}

const HASH_FILTER_MASK = 0xffff;
/** Set at the (masked) hash of every start word, so that most words are never sliced out of the text. */
const START_WORD_HASHES = new Uint8Array(HASH_FILTER_MASK + 1);
for (const word of RULES_BY_START_WORD.keys()) {
  let hash = 0;
  for (let k = 0; k < word.length; k++) hash = hashLetter(hash, word.charCodeAt(k));
  START_WORD_HASHES[hash & HASH_FILTER_MASK] = 1;
}

/** Word characters to a regex \b without the u flag, by UTF-16 unit: ASCII letters, digits and "_". */
const NOT_WORD = 0;
const LETTER = 1;
const DIGIT = 2;
const UNDERSCORE = 3;
const WORD_CHARACTERS = new Uint8Array(65536);
for (let code = 0; code < 128; code++) {
  if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) WORD_CHARACTERS[code] = LETTER;
  else if (code >= 48 && code <= 57) WORD_CHARACTERS[code] = DIGIT;
}
WORD_CHARACTERS[95] = UNDERSCORE;

/** Where the triggers of rules with start words or a leading digit can match, found in one pass over the text. */
interface TriggerStarts {
  /** For each rule with start words (by index in RULES), the ascending offsets where a word starts with one. */
  byStartWord: (number[] | undefined)[];
  /** The ascending offsets where a word starts with a digit, unless there are too many to try each. */
  digits: number[] | undefined;
}

/**
 * Trying a trigger at one position costs about as much as a regex scan of this many characters: on digit-dense
 * text (tables, scores), the rules that start with a digit scan the whole text instead.
 */
const CHARACTERS_PER_TRY = 100;

function triggerStarts(text: string, units: Uint16Array): TriggerStarts {
  const byStartWord = RULES.map((rule): number[] | undefined => (rule.startWords === undefined ? undefined : []));
  const length = units.length;
  const mostDigitStarts = Math.floor(length / CHARACTERS_PER_TRY);
  let digits: number[] | undefined = [];
  let i = 0;
  while (i < length) {
    const kind = WORD_CHARACTERS[units[i]!];
    if (kind === NOT_WORD) {
      i++;
      continue;
    }
    // A regex \b holds here: the unit before is no word character.
    const start = i;
    if (kind === DIGIT && digits !== undefined) {
      if (digits.length < mostDigitStarts) digits.push(start);
      else digits = undefined;
    }
    let hash = 0;
    for (; i < length && WORD_CHARACTERS[units[i]!] === LETTER; i++) hash = hashLetter(hash, units[i]!);
    if (i > start && START_WORD_HASHES[hash & HASH_FILTER_MASK] === 1) {
      const rules = RULES_BY_START_WORD.get(text.slice(start, i));
      if (rules !== undefined) for (const rule of rules) byStartWord[rule]!.push(start);
    }
    while (i < length && WORD_CHARACTERS[units[i]!] !== NOT_WORD) i++;
  }
  return { byStartWord, digits };
}

/** Calls `found` with every match of RULES[index]'s trigger in order, as a global regex scan would find them. */
function forEachTrigger(index: number, text: string, starts: TriggerStarts, found: (trigger: RegExpExecArray) => void): void {
  const rule = RULES[index]!;
  const positions = rule.startWords !== undefined ? starts.byStartWord[index] : rule.startsWithDigit ? starts.digits : undefined;
  if (positions === undefined) {
    const { trigger } = rule;
    trigger.lastIndex = 0;
    for (let match = trigger.exec(text); match; match = trigger.exec(text)) found(match);
    return;
  }
  const sticky = STICKY_TRIGGERS[index]!;
  // Like the global scan, the next match is looked for after the end of the last one.
  let resumeAt = 0;
  for (const start of positions) {
    if (start < resumeAt) continue;
    sticky.lastIndex = start;
    const match = sticky.exec(text);
    if (match === null) continue;
    found(match);
    resumeAt = start + match[0].length;
  }
}

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
  // Clusters of overlapping candidates are runs of the (sorted) list: candidates[clusterStart, i).
  let clusterStart = 0;
  let clusterEnd = -1;
  for (let i = 0; i < candidates.length; i++) {
    const option = candidates[i]!;
    if (option.start >= clusterEnd && i > clusterStart) {
      keepBest(candidates, clusterStart, i, kept);
      clusterStart = i;
    }
    clusterEnd = Math.max(clusterEnd, option.end);
  }
  if (candidates.length > clusterStart) keepBest(candidates, clusterStart, candidates.length, kept);
  return kept;
}

/** Adds to `kept` the best of candidates[from, to) that do not overlap each other, by start. */
function keepBest(candidates: readonly Candidate[], from: number, to: number, kept: Candidate[]): void {
  // Most candidates overlap no other.
  if (to - from === 1) {
    kept.push(candidates[from]!);
    return;
  }
  const best = candidates.slice(from, to).sort((a, b) => b.end - b.start - (a.end - a.start) || b.confidence - a.confidence || a.start - b.start);
  const chosen: Candidate[] = [];
  for (const option of best) {
    if (chosen.every((other) => option.end <= other.start || other.end <= option.start)) chosen.push(option);
  }
  kept.push(...chosen.sort((a, b) => a.start - b.start));
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
  const scan: Scan = { text, anchor: parseIsoDay(anchor), previousPosition: -1, previousToken: '' };
  const candidates: Candidate[] = [];
  const starts = triggerStarts(text, utf16Units(text));
  RULES.forEach(({ readers }, index) => {
    forEachTrigger(index, text, starts, (match) => {
      for (const read of readers) {
        const found = read(match, scan);
        if (found && found.end > found.start) candidates.push(found);
      }
    });
  });
  const spans = resolveOverlaps(outsideRanges(candidates, urlRanges(text)));
  attachModifiers(text, spans);
  dateTimes(text, spans);
  return spans.map(({ start, end, label, confidence, value }) => (value === undefined ? { start, end, label, confidence } : { start, end, label, confidence, value }));
}
