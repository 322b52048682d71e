/** Days relative to the article: "today", "the day before yesterday", "last Friday", "Wednesday night", holidays. */
import { weekdayOf } from './calendar';
import { before, candidate, pointsForward, readBefore, type Rule, type Scan, tokenBefore, triggerEnd } from './reading';
import { dayWithPart, monthDayValue, PART_OF_DAY_CODES, setValue } from './values';
import { PARTS_OF_DAY, RELATIVE_WEEKDAY_TOKENS, SP, WEEKDAY, WEEKDAY_NAMES, weekdayNumber } from './vocabulary';

const RELATIVE_DAY_OFFSETS: Readonly<Record<string, number>> = { today: 0, yesterday: -1, tomorrow: 1 };
const DAY_BEFORE_OR_AFTER = before(`(?<![\\w])[Tt]he${SP}day${SP}(?<direction>before|after)${SP}`);

export const relativeDayRule: Rule = {
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
/** The first letters of the words of WEEKDAY_TITLE_AFTER. */
const TITLE_FIRST_LETTERS = 'TMEPHISNB';

/** Whether WEEKDAY_TITLE_AFTER may match after `end`, by its first letters: most weekdays need no slice and no regex. */
function mayBeTitle(text: string, end: number): boolean {
  let word = end;
  while (word < end + 16 && (text.charCodeAt(word) === 32 || text.charCodeAt(word) === 9)) word++;
  return word > end && word < end + 16 && TITLE_FIRST_LETTERS.includes(text.charAt(word));
}

const RELATIVE_BEFORE_WEEKDAY = before(`(?<![\\w])(?<relative>[Ll]ast|[Nn]ext|[Tt]his|[Ee]very|[Ee]ach)${SP}`);

function weekdayDay(scan: Scan, weekday: number, relative: string | undefined, start: number, end: number): number | undefined {
  if (scan.anchor === undefined) return undefined;
  const today = weekdayOf(scan.anchor);
  const forward = relative === 'next' || (relative !== 'last' && pointsForward(scan.text, start, end));
  if (forward) {
    const ahead = (weekday - today + 7) % 7;
    return scan.anchor + (relative === 'next' && ahead === 0 ? 7 : ahead);
  }
  // News reports the past: "on Monday" is the latest Monday up to the article date.
  const back = (today - weekday + 7) % 7;
  return scan.anchor - (relative === 'last' && back === 0 ? 7 : back);
}

export const weekdayRule: Rule = {
  // "Monday", "last Friday", "Wednesday night" (TIME), "every Sunday", "Mondays"
  trigger: new RegExp(`\\b(?<weekday>${WEEKDAY})(?<plural>s)?(?:${SP}(?<part>${PARTS_OF_DAY}))?(?![\\w])`, 'g'),
  startWords: WEEKDAY_NAMES.flatMap((day) => [day, `${day}s`]),
  readers: [
    (trigger, scan) => {
      if (mayBeTitle(scan.text, triggerEnd(trigger)) && WEEKDAY_TITLE_AFTER.test(scan.text.slice(triggerEnd(trigger), triggerEnd(trigger) + 16))) return undefined;
      const relativeBefore = RELATIVE_WEEKDAY_TOKENS.has(tokenBefore(scan, trigger.index)) ? readBefore(scan.text, trigger.index, RELATIVE_BEFORE_WEEKDAY) : undefined;
      const relative = relativeBefore?.groups['relative']?.toLowerCase();
      const { weekday, plural, part } = trigger.groups!;
      const recurring = plural !== undefined || relative === 'every' || relative === 'each';
      const start = relativeBefore?.start ?? trigger.index;
      const label = part === undefined ? 'DATE' : 'TIME';
      if (recurring) {
        // TimeML SET: "every Monday" is XXXX-WXX-1 (ISO weekday, Monday 1 to Sunday 7), "Monday nights" XXXX-WXX-1TNI.
        const isoWeekday = weekdayNumber(weekday!) === 0 ? 7 : weekdayNumber(weekday!);
        const partCode = part === undefined ? '' : `T${PART_OF_DAY_CODES[part]}`;
        const quant = relative === 'every' || relative === 'each' ? relative : undefined;
        return candidate(label, start, triggerEnd(trigger), 0.75, setValue(`XXXX-WXX-${isoWeekday}${partCode}`, quant), true);
      }
      const day = weekdayDay(scan, weekdayNumber(weekday!), relative, start, triggerEnd(trigger));
      return candidate(label, start, triggerEnd(trigger), 0.75, dayWithPart(day, part), true);
    },
  ],
};

const HOLIDAY_DATES: Readonly<Record<string, string>> = {
  'Christmas': '12-25', 'Christmas Day': '12-25', 'Christmas Eve': '12-24', "New Year's Day": '01-01', "New Year's Eve": '12-31', 'Halloween': '10-31',
};

export const holidayRule: Rule = {
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
