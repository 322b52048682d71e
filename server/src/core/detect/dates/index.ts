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
 *
 * Values are TimeML's (TIMEX3): decades "197", MOD on a value ("the late 1970s" END), vague references
 * (PAST_REF, PRESENT_REF, FUTURE_REF), recurring times as SET values ("every week" P1W, quant EVERY).
 *
 * The folder, by concept: vocabulary.ts (words and regex pieces), calendar.ts (day arithmetic, ISO forms),
 * units.ts (units of time, counts, ISO durations), reading.ts (what a rule is and how it reads around its
 * trigger), tense.ts (which way a date without a year or week resolves), values.ts (values relative to the
 * article date), the rules by what triggers them (calendarDates.ts, periods.ts, days.ts, times.ts, durations.ts,
 * references.ts, sets.ts), triggers.ts (where triggers can match, found by one pass over the words that also
 * finds where URLs and numbers may start), resolution.ts (overlaps, modifiers, bounds, lengths joined, dates with
 * times) and texts.ts (one text's dates, its trigger positions found once for every reading of it).
 */
import type { Span } from '../shared/detection';
import { DatesOfText } from './texts';

export { DatesOfText } from './texts';
export { triggerStarts, type TriggerStarts } from './triggers';
export type { DatesBeforeAnchor } from './texts';

/**
 * Dates, times and durations in `text`, sorted by start and never overlapping. `anchor` is the
 * article's own date ("YYYY-MM-DD"); without it relative dates ("Monday", "last year") get no value.
 * `units`, the text's utf16Units, saves a caller that runs several detectors a copy of the text each.
 */
export function findDates(text: string, anchor?: string, units?: Uint16Array): Span[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  return new DatesOfText(text, units).anchoredTo(anchor);
}
