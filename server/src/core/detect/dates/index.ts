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
 * references.ts, sets.ts), triggers.ts (where triggers can match) and resolution.ts (overlaps, modifiers, bounds,
 * lengths joined, dates with times).
 */
import type { Span } from '../shared/detection';
import { unitsOf } from '../shared/utf16Units';
import { parseIsoDay } from './calendar';
import { type Candidate, Scan } from './reading';
import { attachBounds, attachModifiers, dateTimes, joinLengths, outsideRanges, resolveOverlaps, urlRanges } from './resolution';
import { forEachTrigger, RULES, triggerStarts } from './triggers';

/**
 * Dates, times and durations in `text`, sorted by start and never overlapping. `anchor` is the
 * article's own date ("YYYY-MM-DD"); without it relative dates ("Monday", "last year") get no value.
 * `units`, the text's utf16Units, saves a caller that runs several detectors a copy of the text each.
 */
export function findDates(text: string, anchor?: string, units?: Uint16Array): Span[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  return spansOf(text, collect(text, new Scan(text, parseIsoDay(anchor)), units));
}

/** The dates of a text read once without an anchor, and with an anchor that the dates found without one may decide. */
export interface DatesBeforeAnchor {
  /** findDates(text). */
  readonly spans: Span[];
  /** findDates(text, anchor), reading again only the triggers whose readers asked for the anchor. */
  anchoredTo(anchor: string | undefined): Span[];
}

/**
 * findDates(text) now and findDates(text, anchor) later for a cost little above one: the article date is found among
 * a text's dates, and most of a text's dates (a year, "2023-10-26", "three weeks") read the same whatever the anchor.
 */
export function findDatesBeforeAnchor(text: string, units?: Uint16Array): DatesBeforeAnchor {
  if (typeof text !== 'string' || text.length === 0) return { spans: [], anchoredTo: () => [] };
  const asked: AskedTrigger[] = [];
  const candidates = collect(text, new Scan(text, undefined), units, asked);
  // Resolution moves and revalues the candidates it keeps: it works on copies, so that they can be resolved again.
  const spans = spansOf(text, candidates.map((found) => ({ ...found })));
  return {
    spans,
    anchoredTo: (anchor) => {
      const day = parseIsoDay(anchor);
      // Without an anchor, or where no reader asked for it, the spans are those found without one.
      return day === undefined || asked.length === 0 ? spans : spansOf(text, readAgain(candidates, asked, new Scan(text, day)));
    },
  };
}

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The rules whose readers may give a full date without an anchor, by index in RULES. */
const FULL_DATE_RULES = RULES.flatMap((rule, index) => (rule.fullDates ? [index] : []));

/**
 * False when findDates(text) holds no full date ("YYYY-MM-DD"), found by the few rules that can give one: an article
 * date is looked for among all of a head's dates only when this holds, which most heads without a dateline do not.
 */
export function mayHoldFullDate(text: string, units?: Uint16Array): boolean {
  if (typeof text !== 'string' || text.length === 0) return false;
  const candidates = collect(text, new Scan(text, undefined), units, undefined, FULL_DATE_RULES);
  return candidates.some(({ value }) => value?.type === 'date' && FULL_DATE.test(value.iso));
}

/** A trigger whose readers asked for the anchor, and the candidates they read without one: candidates[from, to). */
interface AskedTrigger {
  rule: number;
  trigger: RegExpExecArray;
  from: number;
  to: number;
}

const ALL_RULES = RULES.map((_, index) => index);

/** Every rule's candidates (or those of `rules`), in the order of RULES (which decides between equal candidates); `asked` collects the triggers that asked for the anchor. */
function collect(text: string, scan: Scan, units: Uint16Array | undefined, asked?: AskedTrigger[], rules: readonly number[] = ALL_RULES): Candidate[] {
  const candidates: Candidate[] = [];
  const starts = triggerStarts(text, unitsOf(text, units));
  for (const rule of rules) {
    const { readers } = RULES[rule]!;
    forEachTrigger(rule, text, starts, (trigger) => {
      const from = candidates.length;
      scan.anchorAsked = false;
      readTrigger(readers, trigger, scan, candidates);
      if (asked !== undefined && scan.anchorAsked) asked.push({ rule, trigger, from, to: candidates.length });
    });
  }
  return candidates;
}

function readTrigger(readers: (typeof RULES)[number]['readers'], trigger: RegExpExecArray, scan: Scan, candidates: Candidate[]): void {
  for (const read of readers) {
    const found = read(trigger, scan);
    if (found && found.end > found.start) candidates.push(found);
  }
}

/** The candidates, with those of the triggers that asked for the anchor read again with `scan`'s, in the same order. */
function readAgain(candidates: readonly Candidate[], asked: readonly AskedTrigger[], scan: Scan): Candidate[] {
  const again: Candidate[] = [];
  let next = 0;
  for (const { rule, trigger, from, to } of asked) {
    for (; next < from; next++) again.push({ ...candidates[next]! });
    readTrigger(RULES[rule]!.readers, trigger, scan, again);
    next = to;
  }
  for (; next < candidates.length; next++) again.push({ ...candidates[next]! });
  return again;
}

/** From candidates to spans: none inside a URL, the best wherever they overlap, lengths joined, modifiers, bounds and days attached. */
function spansOf(text: string, candidates: Candidate[]): Span[] {
  const spans = joinLengths(text, resolveOverlaps(outsideRanges(candidates, urlRanges(text))));
  attachModifiers(text, spans);
  attachBounds(text, spans);
  dateTimes(text, spans);
  return spans.map(({ start, end, label, confidence, value }) => (value === undefined ? { start, end, label, confidence } : { start, end, label, confidence, value }));
}
