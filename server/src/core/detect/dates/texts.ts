/**
 * One text's dates, read as its callers need them: with an anchor, without one and then with the one those dates
 * decide, or only as far as telling whether it states a full date; and its head's, read with the trigger positions
 * found for the whole text. An article's date is found among the dates of its head, then anchors all of its dates.
 */
import type { Span } from '../shared/detection';
import { unitsOf } from '../shared/utf16Units';
import { keepShape } from '../../base/shapes';
import { parseIsoDay } from './calendar';
import { type Candidate, Scan } from './reading';
import { attachBounds, attachModifiers, dateTimes, joinLengths, outsideRanges, resolveOverlaps, urlRanges } from './resolution';
import { forEachTrigger, RULES, type TriggerSink, type TriggerStarts, triggerStarts, triggerStartsOfHead } from './triggers';

/** The dates of a text read once without an anchor, and with an anchor that the dates found without one may decide. */
export interface DatesBeforeAnchor {
  /** findDates(text). */
  readonly spans: Span[];
  /** findDates(text, anchor), reading again only the triggers whose readers asked for the anchor. */
  anchoredTo(anchor: string | undefined): Span[];
}

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ALL_RULES = RULES.map((_, index) => index);
/** The rules whose readers may give a full date without an anchor, by index in RULES. */
const FULL_DATE_RULES = RULES.flatMap((rule, index) => (rule.fullDates ? [index] : []));

export class DatesOfText {
  private readonly units: Uint16Array;
  private starts: TriggerStarts | undefined;

  /**
   * `units`, the text's utf16Units, saves a caller that runs several detectors a copy of the text each; `starts`, the
   * text's triggerStarts, a caller that found them along with the number detector's anchors.
   */
  constructor(
    readonly text: string,
    units?: Uint16Array,
    starts?: TriggerStarts,
  ) {
    this.units = unitsOf(text, units);
    this.starts = starts;
  }

  /** findDates(text, anchor). */
  anchoredTo(anchor: string | undefined): Span[] {
    const candidates = this.collect(new Scan(this.text, parseIsoDay(anchor)));
    return spansOf(this.text, candidates, this.triggerStarts().urls);
  }

  /**
   * findDates(text) now and findDates(text, anchor) later for a cost little above one: most of a text's dates (a year,
   * "2023-10-26", "three weeks") read the same whatever the anchor.
   */
  beforeAnchor(): DatesBeforeAnchor {
    const { text } = this;
    const asked: AskedTrigger[] = [];
    const candidates = this.collect(new Scan(text, undefined), asked);
    // Resolution moves and revalues the candidates it keeps: it works on copies, so that they can be resolved again.
    const { urls } = this.triggerStarts();
    const spans = spansOf(text, candidates.map((found) => ({ ...found })), urls);
    return {
      spans,
      anchoredTo: (anchor) => {
        const day = parseIsoDay(anchor);
        // Without an anchor, or where no reader asked for it, the spans are those found without one.
        return day === undefined || asked.length === 0 ? spans : spansOf(text, readAgain(candidates, asked, new Scan(text, day)), urls);
      },
    };
  }

  /**
   * False when findDates(text) holds no full date ("YYYY-MM-DD"), found by the few rules that can give one: an article
   * date is looked for among all of a head's dates only when this holds, which most heads without a dateline do not.
   */
  mayHoldFullDate(): boolean {
    const candidates = this.collect(new Scan(this.text, undefined), undefined, FULL_DATE_RULES);
    return candidates.some(({ value }) => value?.type === 'date' && FULL_DATE.test(value.iso));
  }

  /** The dates of text.slice(0, length), read with this text's trigger positions, for a caller that reads the whole text too. */
  head(length: number): DatesOfText {
    if (length >= this.text.length) return this;
    const head = new DatesOfText(this.text.slice(0, length), this.units.subarray(0, length));
    head.starts = triggerStartsOfHead(this.triggerStarts(), head.text, head.units);
    return head;
  }

  private triggerStarts(): TriggerStarts {
    return (this.starts ??= triggerStarts(this.text, this.units));
  }

  /** Every rule's candidates (or those of `rules`), in the order of RULES (which decides between equal candidates); `asked` collects the triggers that asked for the anchor. */
  private collect(scan: Scan, asked?: AskedTrigger[], rules: readonly number[] = ALL_RULES): Candidate[] {
    const { text } = this;
    const starts = this.triggerStarts();
    const reader = new TriggerReader(scan, asked);
    for (const rule of rules) {
      reader.rule = rule;
      forEachTrigger(rule, text, starts, reader);
    }
    return reader.candidates;
  }
}

/** Reads the candidates at each trigger of one rule after another, noting the triggers that asked for the anchor. */
class TriggerReader implements TriggerSink {
  readonly candidates: Candidate[] = [];
  /** The rule whose triggers are read now, by index in RULES. */
  rule = 0;

  constructor(
    private readonly scan: Scan,
    private readonly asked: AskedTrigger[] | undefined,
  ) {}

  found(trigger: RegExpExecArray): void {
    const { candidates, scan, rule } = this;
    const from = candidates.length;
    scan.anchorAsked = false;
    readTrigger(RULES[rule]!.readers, trigger, scan, candidates);
    if (this.asked !== undefined && scan.anchorAsked) this.asked.push({ rule, trigger, from, to: candidates.length });
  }
}

/** A trigger whose readers asked for the anchor, and the candidates they read without one: candidates[from, to). */
interface AskedTrigger {
  rule: number;
  trigger: RegExpExecArray;
  from: number;
  to: number;
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

/**
 * From candidates to spans: none inside a URL (`urlStarts`, where one may start), the best wherever they overlap,
 * lengths joined, modifiers, bounds and days attached.
 */
function spansOf(text: string, candidates: Candidate[], urlStarts: readonly number[]): Span[] {
  const spans = joinLengths(text, resolveOverlaps(outsideRanges(candidates, urlRanges(text, urlStarts))));
  attachModifiers(text, spans);
  attachBounds(text, spans);
  dateTimes(text, spans);
  return spans.map(({ start, end, label, confidence, value }) => (value === undefined ? { start, end, label, confidence } : { start, end, label, confidence, value }));
}

// One small object of each kind this file makes per text, kept so that their maps outlive every text (base/shapes.ts).
// The sample holds a date of each rule, so that the values and candidates of each kind keep their maps too.
const SAMPLE_DATES = keepShape(
  new DatesOfText(
    'On 5 May 2024, last Tuesday, for three years, at 10:30 a.m. and 21:00, in the 1990s and the 21st century, in Q3 2023 and ' +
      'fiscal 2024, every week, twice a month, weekly, this spring, two days ago, from 2020 to 2022, mid-March, the past three ' +
      'months, early next year, 24 hours, one to five years, at 9pm, noon, 2023-10-26, 10/26/2023, at Christmas, recently, now, ' +
      "in the coming years, the '90s, 90 minutes, a 10-year plan, the 2023-24 season, on March 3-5, tomorrow, yesterday.",
  ),
);
keepShape(SAMPLE_DATES.beforeAnchor().anchoredTo('2024-05-08'));
keepShape(SAMPLE_DATES.anchoredTo('2024-05-08'));
keepShape(new TriggerReader(new Scan('', undefined), undefined));
