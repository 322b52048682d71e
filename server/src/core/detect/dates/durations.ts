/**
 * Durations and periods triggered by a unit of time: "24 hours", "three-year", "decade-long", "for years",
 * "two days ago", "the past three years", "last week", "the end of the year", "year-end", "every month", "24h".
 */
import type { NormalizedValue } from '../shared/detection';
import type { DateLabel } from '../../base/labels';
import { readRecurring } from './sets';
import { canonicalUnit, durationIso, isPlural, isTimeUnit, parseCount } from './units';
import { after, before, candidate, charBefore, countMayEndBefore, NUMBER_GLUE_BEFORE, pointsForward, readAfter, readBefore, type Reader, type Rule, tailsOf, tokenBefore, triggerEnd } from './reading';
import { dateValue, relativePeriodValue, shiftedDateValue } from './values';
import { anyOf, BARE_PLURAL_CONTEXT_TOKENS, COUNT, DIGITS, EARLY_TOKENS, RELATIVE_SHIFTS, SP, UNIT, UNIT_ABBREVIATIONS, UNIT_WORDS, WORD_NUMBER } from './vocabulary';

/** Words after which "a year" or "an hour" is a length of time, not a rate ("$500 a month", "twice a week"). */
const ARTICLE_COUNT_CONTEXT = new Set(['for', 'over', 'in', 'within', 'after', 'than', 'about', 'around', 'almost', 'nearly', 'roughly',
  'only', 'just', 'past', 'take', 'takes', 'took', 'taking', 'lasted', 'lasting', 'lasts', 'spent', 'spend', 'spending', 'served', 'serve',
  'serving', 'wait', 'waited', 'waiting', 'under', 'least', 'barely', 'some', 'another', 'extra', 'additional']);
/** The word just before, across spaces and punctuation but not across a number: in "about 12% a year" there is none. */
const PREVIOUS_WORD = /([A-Za-z]+)[^A-Za-z0-9%$€£\n]*$/;

function previousWord(text: string, start: number): string | undefined {
  return PREVIOUS_WORD.exec(text.slice(Math.max(0, start - 30), start))?.[1]?.toLowerCase();
}


const COUNT_BEFORE_UNIT = before(
  `(?<![\\w$€£.,/-])(?<count>${COUNT})(?:(?:${SP}(?:to|or|and)${SP}|[ \\t]?[-–][ \\t]?)(?<countMax>${COUNT}))?${SP}(?:(?:more|additional|extra|consecutive|straight|full)${SP})?`,
);
const HALF_AFTER_UNIT = after(`(?:${SP}and${SP}a${SP}half)?(?![\\w-])`);
const IN_BEFORE = /(?:^|[^\w])[Ii]n[ \t]+$/;

/** "24 hours", "two weeks", "one to five years", "3-5 years", "a decade", "several months", "two and a half years", "2 min" */
const readCountedDuration: Reader = (trigger, scan) => {
  const unitText = trigger.groups!['unit'];
  const countBefore = unitText !== undefined && countMayEndBefore(scan, trigger.index) ? readBefore(scan.text, trigger.index, COUNT_BEFORE_UNIT) : undefined;
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
const HYPHEN = 0x2d;
const LOWER_L = 0x6c;

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
  // LONG_SUFFIX starts with "-" or "l": most units are followed by neither, and need no regex.
  const next = scan.text.charCodeAt(triggerEnd(trigger));
  const suffix = fused === undefined && (next === HYPHEN || next === LOWER_L) ? readAfter(scan.text, triggerEnd(trigger), LONG_SUFFIX) : null;
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
  const countBefore = countMayEndBefore(scan, trigger.index) ? readBefore(scan.text, trigger.index, COUNT_BEFORE_AGO) : undefined;
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
/** The direction words in any case of their first letter, as DIRECTION_BEFORE_UNIT has them: every match holds one. */
const DIRECTION_TAILS = tailsOf(Object.keys(ANCHORED_DIRECTIONS));
const DIRECTION_BEFORE_UNIT = before(
  `(?:(?<![\\w])(?<determiner>[Tt]he|[Tt]his)${SP})?(?<![\\w])(?<direction>${anyOf(Object.keys(ANCHORED_DIRECTIONS), { sentenceCase: true })})${SP}(?:(?<count>${COUNT}|few|couple${SP}of)${SP})?`,
);

/** "the past three years", "the last two decades", "the next five years", "recent weeks", "the coming days", "the past 24 hours" (TIME) */
const readAnchoredPeriod: Reader = (trigger, scan) => {
  const unitText = trigger.groups!['unit'];
  if (unitText === undefined || UNIT_ABBREVIATIONS.includes(unitText)) return undefined;
  const previous = tokenBefore(scan, trigger.index);
  if (!(previous in ANCHORED_DIRECTIONS) && !countMayEndBefore(scan, trigger.index)) return undefined;
  const directionBefore = readBefore(scan.text, trigger.index, DIRECTION_BEFORE_UNIT, DIRECTION_TAILS);
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
  // TimeML: "the past three months" is a length of time (P3M) anchored to now, not the range of dates it covers, and
  // "the coming years" or "recent weeks", with no count, are the vague FUTURE_REF and PAST_REF.
  let value: NormalizedValue | undefined;
  const iso = count ? durationIso(count.value, unit) : undefined;
  if (iso !== undefined) value = count!.approximate ? { type: 'duration', iso, approximate: true } : { type: 'duration', iso };
  else if (count === undefined && direction !== 0) value = dateValue(direction < 0 ? 'PAST_REF' : 'FUTURE_REF');
  else if (count === undefined && directionWord === 'recent') value = dateValue('PAST_REF');
  return candidate(label, directionBefore.start, triggerEnd(trigger), 0.8, value);
};


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
  const suffix = scan.text.charCodeAt(triggerEnd(trigger)) === HYPHEN ? readAfter(scan.text, triggerEnd(trigger), END_SUFFIX) : null;
  return suffix ? candidate('DATE', trigger.index, suffix.index + suffix[0].length, 0.75, relativePeriodValue(scan, unitText, 0)) : undefined;
};

const EARLY_BEFORE_HOURS = before(`(?<![\\w])(?:[Tt]he${SP})?(?:early|small|wee)${SP}`);

/** "the early hours" (of Monday) */
const readEarlyHours: Reader = (trigger, scan) => {
  if (trigger.groups!['unit'] !== 'hours' || !EARLY_TOKENS.has(tokenBefore(scan, trigger.index))) return undefined;
  const early = readBefore(scan.text, trigger.index, EARLY_BEFORE_HOURS);
  return early && candidate('TIME', early.start, triggerEnd(trigger), 0.7);
};

export const unitRule: Rule = {
  trigger: new RegExp(`\\b(?:(?<unit>${UNIT}|weekend|season)|(?<fused>year|week|day|month)long)(?![\\w])`, 'g'),
  startWords: [...UNIT_WORDS, ...UNIT_ABBREVIATIONS, 'weekend', 'season', 'yearlong', 'weeklong', 'daylong', 'monthlong'],
  readers: [readCountedDuration, readCompoundDuration, readLongDuration, readBarePluralDuration, readAgo, readAnchoredPeriod,
    readRelativePeriod, readPartOfPeriod, readPeriodEnd, readRecurring, readEarlyHours],
};

export const attachedUnitRule: Rule = {
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
