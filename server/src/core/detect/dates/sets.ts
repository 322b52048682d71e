/**
 * Recurring times, TimeML's SET: "every week" (P1W, quant EVERY), "each year" (P1Y, quant EACH), "every two weeks"
 * (P2W), "weekly" (P1W), "twice a month" (P1M, freq 2X), "three times a week" (P1W, freq 3X). Recurring weekdays,
 * months, seasons and parts of the day ("every Monday", "every May", "every morning") are read by their own rules.
 *
 * A SET keeps its OntoNotes label (DATE, or TIME for hours and parts of the day) and carries its TimeML value as
 * { type: 'set', iso, quant?, freq? }: iso is TIMEX3's value, quant the quantifier as written, freq the count per period.
 */
import type { DateLabel } from '../../base/labels';
import { after, before, candidate, countMayEndBefore, readAfter, readBefore, type Reader, type Rule, tailsOf, tokenBefore, triggerEnd } from './reading';
import { canonicalUnit, durationIso, isTimeUnit, parseCount } from './units';
import { setValue } from './values';
import { DIGITS, SP, UNIT_ABBREVIATIONS, WORD_NUMBER } from './vocabulary';

const EVERY_BEFORE_UNIT = before(`(?<![\\w])(?<quant>[Ee]very|[Ee]ach)${SP}(?:(?<count>${DIGITS}|${WORD_NUMBER}|other)${SP})?`);
/** "every" and "each" in either case of their first letter, as EVERY_BEFORE_UNIT has them: every match holds one. */
const EVERY_TAILS = tailsOf(['every', 'each']);

const labelOf = (unit: string): DateLabel => (isTimeUnit(unit) ? 'TIME' : 'DATE');

/** "every month", "each year", "every two weeks", "every other week", "every hour" (TIME), "every weekend" */
export const readRecurring: Reader = (trigger, scan) => {
  const unitText = trigger.groups!['unit'];
  if (unitText === undefined || UNIT_ABBREVIATIONS.includes(unitText)) return undefined;
  const previous = tokenBefore(scan, trigger.index);
  if (previous !== 'every' && previous !== 'each' && previous !== 'other' && !countMayEndBefore(scan, trigger.index)) return undefined;
  const every = readBefore(scan.text, trigger.index, EVERY_BEFORE_UNIT, EVERY_TAILS);
  if (!every) return undefined;
  const countText = every.groups['count'];
  const count = countText === undefined ? 1 : countText === 'other' ? 2 : parseCount(countText)?.value;
  const unit = canonicalUnit(unitText);
  const iso = unit === 'weekend' ? 'XXXX-WXX-WE' : count === undefined ? undefined : durationIso(count, unit);
  if (unit === 'season') return undefined;
  return candidate(labelOf(unit), every.start, triggerEnd(trigger), 0.6, setValue(iso, every.groups['quant']));
};

const FREQUENCY_WORDS: Readonly<Record<string, string>> = {
  hourly: 'PT1H', daily: 'P1D', nightly: 'XXXX-XX-XXTNI', weekly: 'P1W', fortnightly: 'P2W', monthly: 'P1M', quarterly: 'P3M',
  yearly: 'P1Y', annually: 'P1Y',
};
const FREQUENCY_WORD_NAMES = Object.keys(FREQUENCY_WORDS);
const CAPITALIZED_WORD_BEFORE = before(`(?<![\\w])[A-Z][\\w'’&.-]*${SP}`);
const CAPITALIZED_WORD_AFTER = after(`${SP}[A-Z]`);

/** "weekly", "daily", "annually"; not a title ("Entertainment Weekly", the "Daily Mail"). */
const readFrequencyWord: Reader = (trigger, scan) => {
  const word = trigger[0];
  const iso = FREQUENCY_WORDS[word.toLowerCase()];
  if (iso === undefined) return undefined;
  if (word[0] !== word[0]!.toLowerCase()
    && (readBefore(scan.text, trigger.index, CAPITALIZED_WORD_BEFORE) || readAfter(scan.text, triggerEnd(trigger), CAPITALIZED_WORD_AFTER))) return undefined;
  const label: DateLabel = iso.startsWith('PT') || iso.includes('T') ? 'TIME' : 'DATE';
  return candidate(label, trigger.index, triggerEnd(trigger), 0.6, setValue(iso));
};

const FREQUENCY_COUNTS: Readonly<Record<string, number>> = { once: 1, twice: 2, thrice: 3 };
const COUNT_BEFORE_TIMES = before(`(?<![\\w$€£.,/-])(?<count>${DIGITS}|${WORD_NUMBER})${SP}`);
const PERIOD_AFTER = after(
  `${SP}(?:(?:an?|per|each|every)${SP}(?<unit>second|minute|hour|day|week|fortnight|month|quarter|year|decade)|(?<word>${FREQUENCY_WORD_NAMES.join('|')}))(?![\\w-])`,
);

/** "twice a month" (P1M, freq 2X), "three times a week", "once a year", "twice weekly", "four times per day" */
const readFrequency: Reader = (trigger, scan) => {
  const word = trigger[0].toLowerCase();
  const period = readAfter(scan.text, triggerEnd(trigger), PERIOD_AFTER);
  if (!period) return undefined;
  let start = trigger.index;
  let count = FREQUENCY_COUNTS[word];
  if (word === 'times') {
    const countBefore = readBefore(scan.text, trigger.index, COUNT_BEFORE_TIMES);
    const parsed = countBefore ? parseCount(countBefore.groups['count']!) : undefined;
    if (!countBefore || !parsed || !Number.isInteger(parsed.value)) return undefined;
    start = countBefore.start;
    count = parsed.value;
  }
  if (count === undefined) return undefined;
  const { unit, word: frequencyWord } = period.groups!;
  const iso = frequencyWord !== undefined ? FREQUENCY_WORDS[frequencyWord] : unit === 'quarter' ? 'P3M' : durationIso(1, unit!);
  if (iso === undefined) return undefined;
  const label: DateLabel = iso.includes('T') ? 'TIME' : 'DATE';
  return candidate(label, start, period.index + period[0].length, 0.65, setValue(iso, undefined, `${count}X`));
};

export const frequencyRule: Rule = {
  trigger: new RegExp(`\\b(?:${FREQUENCY_WORD_NAMES.join('|')}|${FREQUENCY_WORD_NAMES.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('|')}|[Oo]nce|[Tt]wice|[Tt]hrice|times)\\b`, 'g'),
  startWords: [...FREQUENCY_WORD_NAMES, ...FREQUENCY_WORD_NAMES.map((w) => w[0]!.toUpperCase() + w.slice(1)), 'once', 'Once', 'twice', 'Twice', 'thrice', 'Thrice', 'times'],
  readers: [readFrequencyWord, readFrequency],
};
