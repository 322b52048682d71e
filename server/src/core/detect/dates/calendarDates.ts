/** Calendar dates: triggered by a month name ("November 4", "4 November 2023", "in May"), or written in digits ("2023-10-26", "10/26/2023"). */
import type { NormalizedValue } from '../shared/detection';
import { daysInMonth, epochDay, isoDay, isoMonth, isValidDay, nearestYearOfMonth, pad } from './calendar';
import { after, before, beforeWithStarts, candidate, charBefore, NUMBER_GLUE_BEFORE, optionalNumber, readAfter, readBefore, type Reader, type Rule, type Scan, tokenBefore, triggerEnd } from './reading';
import { tenseAround } from './tense';
import { dateValue, monthDayValue, setValue } from './values';
import { ANY_YEAR, ATTACHED_MODIFIER, DATE_CONTEXT, DATE_CONTEXT_TOKENS, DAY, MONTH_ABBREVIATED, MONTH_ABBREVIATIONS, MONTH_FULL, MONTH_FULL_NAMES, monthNumber, SP, WEEKDAY } from './vocabulary';

// --- Triggered by a month name ---------------------------------------------------------------------

function isPlausibleDay(month: number, day: number, year: number | undefined): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year ?? 2000, month);
}

const WEEKDAY_BEFORE = before(`(?<![\\w])${WEEKDAY},?${SP}`);
/** What every weekday name holds (WEEKDAY has them in title case and in capitals). */
const WEEKDAY_ENDINGS = ['day', 'DAY'];
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
  const start = readBefore(scan.text, trigger.index, WEEKDAY_BEFORE, WEEKDAY_ENDINGS)?.start ?? trigger.index;
  const confidence = year !== undefined ? 0.95 : trigger[0] === 'May' ? 0.85 : 0.9;
  return candidate('DATE', start, rest.index + rest[0].length, confidence, monthDayValue(scan, month, day, year, endDay, yearFromTense(scan, year) ? tenseAround(scan.text, start, rest.index + rest[0].length) : undefined));
};

/** A month and day without a year take it from the clause's tense, and only with an anchor (see monthDayValue): else no tense is read. */
function yearFromTense(scan: Scan, year: number | undefined): boolean {
  return year === undefined && scan.anchor !== undefined;
}

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
  const end = rest.index + rest[0].length;
  const tense = yearFromTense(scan, year) ? tenseAround(scan.text, dayBefore.start, end) : undefined;
  return candidate('DATE', dayBefore.start, end, year !== undefined ? 0.95 : 0.85, monthDayValue(scan, month, day, year, undefined, tense));
};

const YEAR_AFTER_MONTH = after(`,?${SP}(?:of${SP})?(?<year>${ANY_YEAR})(?![\\w]|[.,]\\d)`);

/** "November 2023", "Nov. 2023", "March of 2022" */
const readMonthYear: Reader = (trigger, scan) => {
  const rest = readAfter(scan.text, triggerEnd(trigger), YEAR_AFTER_MONTH);
  if (!rest) return undefined;
  const iso = isoMonth(Number(rest.groups!['year']), monthNumber(trigger[0]));
  return candidate('DATE', trigger.index, rest.index + rest[0].length, 0.9, dateValue(iso), true);
};

const MONTH_CONTEXT_BEFORE = beforeWithStarts(
  `(?:(?:(?<![\\w])(?<context>${DATE_CONTEXT})${SP})?(?:(?<![\\w])(?<relative>[Ll]ast|[Nn]ext|[Tt]his|[Ee]very|[Ee]ach)${SP})?|(?<![\\w-])(?<attached>${ATTACHED_MODIFIER}))`,
);
/** "May-June" is one span, a range; "May and June", "from May to July" two dates, as TimeML tags them (readRangeEndMonth). */
const END_MONTH_AFTER = after(`\\s?[-–]\\s?(?<endMonth>${MONTH_FULL})(?![\\w])`);
const CAPITALIZED_WORD_AFTER = /^[ \t]+[A-Z]/;
const AMBIGUOUS_MONTHS = new Set(['May', 'March', 'June', 'April']);

/** "in May", "since March", "last November", "May-June"; not "Ukraine may" nor "by June Carter". */
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
    const year = nearestYearOfMonth(scan.anchor, month, relative === 'last' ? 'previous' : relative === 'next' ? 'following' : (tenseAround(scan.text, trigger.index, end) ?? 'nearest'));
    const endMonth = rangeEnd ? monthNumber(rangeEnd.groups!['endMonth']!) : undefined;
    const endIso = endMonth === undefined ? undefined : isoMonth(endMonth < month ? year + 1 : year, endMonth);
    value = dateValue(isoMonth(year, month), endIso);
  } else if (relative === 'every' || relative === 'each') {
    // TimeML SET: "every May" recurs each year, XXXX-05.
    value = rangeEnd ? undefined : setValue(`XXXX-${pad(month)}`, relative);
  } else if (scan.anchor === undefined && relative === undefined && !rangeEnd) {
    value = dateValue(`--${pad(month)}`);
  }
  const start = context.startOf('relative') ?? trigger.index;
  return candidate('DATE', start, end, AMBIGUOUS_MONTHS.has(name) ? 0.7 : 0.85, value, true);
};

const MONTH_JOINED_BEFORE = before(`(?<![\\w])(?<first>${MONTH_FULL})${SP}(?:and|or|to|through|until)${SP}`);
const RANGE_JOINERS = new Set(['and', 'or', 'to', 'through', 'until']);

/** The second month of "between May and June", "from March to July": a date of its own, read like the first. */
const readRangeEndMonth: Reader = (trigger, scan) => {
  const name = trigger[0];
  if (!MONTH_FULL_NAMES.has(name) || !RANGE_JOINERS.has(tokenBefore(scan, trigger.index))) return undefined;
  const joined = readBefore(scan.text, trigger.index, MONTH_JOINED_BEFORE);
  if (!joined || !DATE_CONTEXT_TOKENS.has(tokenBefore(scan, joined.start))) return undefined;
  const end = triggerEnd(trigger);
  const month = monthNumber(name);
  const first = monthNumber(joined.groups['first']!);
  let value: NormalizedValue | undefined;
  if (scan.anchor !== undefined) {
    const firstYear = nearestYearOfMonth(scan.anchor, first, tenseAround(scan.text, joined.start, end) ?? 'nearest');
    value = dateValue(isoMonth(month < first ? firstYear + 1 : firstYear, month));
  } else value = dateValue(`--${pad(month)}`);
  return candidate('DATE', trigger.index, end, AMBIGUOUS_MONTHS.has(name) ? 0.7 : 0.85, value);
};

export const monthRule: Rule = {
  trigger: new RegExp(`\\b(?:${MONTH_FULL}|${MONTH_ABBREVIATED}\\.?)(?![A-Za-z])`, 'g'),
  startWords: [...MONTH_FULL_NAMES, ...MONTH_ABBREVIATIONS],
  fullDates: true,
  readers: [readMonthDay, readDayMonth, readMonthYear, readBareMonth, readRangeEndMonth],
};

// --- Numeric dates --------------------------------------------------------------------------------

export const isoDateRule: Rule = {
  // "2023-10-26", "2023/10/26"
  trigger: /\b(?<year>[12]\d{3})(?<separator>[-/.])(?<month>\d{2})\k<separator>(?<day>\d{2})\b(?![/]|[.-]\d)/g,
  startsWithDigit: true,
  fullDates: true,
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

export const numericDateRule: Rule = {
  // "10/26/2023" (US, month first unless the first number cannot be a month), "26.10.2023" (day first)
  trigger: new RegExp(`\\b(?<first>\\d{1,2})(?<separator>[/.])(?<second>\\d{1,2})\\k<separator>(?<year>${ANY_YEAR})\\b(?![/]|[.-]\\d)`, 'g'),
  startsWithDigit: true,
  fullDates: true,
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
