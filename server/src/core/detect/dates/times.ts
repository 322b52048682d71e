/** Times of day: "6:04 PM", "at 10:30", "1800 GMT", "ten o'clock", "noon", "this morning", "at dawn", "the 90th minute". */
import type { NormalizedValue } from '../shared/detection';
import { THE_BEFORE_PERIOD } from './periods';
import { before, beforeWithStarts, candidate, charBefore, NUMBER_GLUE_BEFORE, readBefore, type Reader, type Rule, tokenBefore, triggerEnd } from './reading';
import { dayWithPart, PART_OF_DAY_CODES, setValue, timeValue } from './values';
import { anyOf, CLOCK_CONTEXT_TOKENS, OPTIONAL_TIME_ZONE, SP, TWILIGHT_CONTEXT_TOKENS } from './vocabulary';

export const clockWithMeridiemRule: Rule = {
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

export const twentyFourHourClockRule: Rule = {
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

export const oClockRule: Rule = {
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
const DAY_PART_BEFORE = before(`(?<![\\w])(?<relative>[Tt]his|[Ll]ast|[Tt]hat|[Ee]very|[Ee]ach)${SP}`);
/** Days from the anchor; null: no day ("that evening"); 'set': recurring ("every morning", TimeML XXXX-XX-XXTMO). */
const DAY_PART_TIMES: Readonly<Record<string, number | null | 'set'>> = { this: 0, last: -1, that: null, every: 'set', each: 'set' };
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
  const relative = relativeBefore.groups['relative']!.toLowerCase();
  const offset = DAY_PART_TIMES[relative];
  const value = offset === 'set' ? setValue(`XXXX-XX-XXT${PART_OF_DAY_CODES[trigger[0]]}`, relative)
    : offset === null || offset === undefined || scan.anchor === undefined ? undefined : dayWithPart(scan.anchor + offset, trigger[0]);
  return candidate('TIME', relativeBefore.start, triggerEnd(trigger), 0.8, value);
};

const THE_DAY_PART_BEFORE = beforeWithStarts(`(?<![\\w])(?:[Dd]uring|[Ii]n|[Tt]hrough|[Tt]hroughout|[Ii]nto|[Uu]ntil|[Bb]y)${SP}(?<the>the)${SP}`);
const OF_AFTER = /^[ \t]+of\b/;

/** "during the afternoon", "in the morning": a part of an unnamed day; "on the night of November 4" is left to the date. */
const readTheDayPart: Reader = (trigger, scan) => {
  if (!(trigger[0] in PART_OF_DAY_CODES) || tokenBefore(scan, trigger.index) !== 'the') return undefined;
  if (OF_AFTER.test(scan.text.slice(triggerEnd(trigger), triggerEnd(trigger) + 4))) return undefined;
  const start = readBefore(scan.text, trigger.index, THE_DAY_PART_BEFORE)?.startOf('the');
  return start === undefined ? undefined : candidate('TIME', start, triggerEnd(trigger), 0.7);
};

/** "at dawn", "before dusk"; "the dawn of an era" is not a time. */
const readTwilight: Reader = (trigger, scan) => {
  if (!TWILIGHT.has(trigger[0]) || !TWILIGHT_CONTEXT_TOKENS.has(tokenBefore(scan, trigger.index)) || !readBefore(scan.text, trigger.index, TWILIGHT_CONTEXT_BEFORE)) return undefined;
  return candidate('TIME', trigger.index, triggerEnd(trigger), 0.75);
};

export const timeOfDayRule: Rule = {
  trigger: /\b(?:[Tt]onight|[Oo]vernight|noon|midnight|Midnight|midday|morning|afternoon|evening|night|dawn|dusk|daybreak|nightfall|sunrise|sunset)\b/g,
  startWords: ['tonight', 'Tonight', 'overnight', 'Overnight', 'noon', 'midnight', 'Midnight', 'midday', 'morning', 'afternoon', 'evening',
    'night', 'dawn', 'dusk', 'daybreak', 'nightfall', 'sunrise', 'sunset'],
  readers: [readNamedTime, readDayPart, readTheDayPart, readTwilight],
};

export const matchMinuteRule: Rule = {
  // "the 90th minute" of a match
  trigger: new RegExp(`\\b\\d{1,3}(?:st|nd|rd|th)(?:-|${SP})minute\\b`, 'g'),
  startsWithDigit: true,
  readers: [(trigger, scan) => candidate('TIME', readBefore(scan.text, trigger.index, THE_BEFORE_PERIOD)?.start ?? trigger.index, triggerEnd(trigger), 0.7)],
};
