/**
 * Whether a date's value hangs on the reference date ("on Tuesday", "last week") or stands on its
 * own ("March 2023", "recently"): a hover says what a value is relative to only where it is.
 */
import { DatesOfText } from './dates';

/** Context the date detector reads around a date (its sentence decides the tense); a line is plenty. */
const WINDOW = 1000;
/** Any two different days do: a value that changes between them was resolved against the reference. */
const PROBES = ['2001-02-07', '2010-08-18'] as const;

/** Whether the date at [start, end) of `text` (UTF-16 offsets) gets its value from the reference date. */
export function dependsOnReference(text: string, start: number, end: number): boolean {
  const from = Math.max(0, text.lastIndexOf('\n', start - 1) + 1, start - WINDOW);
  const lineEnd = text.indexOf('\n', end);
  const to = Math.min(lineEnd < 0 ? text.length : lineEnd, end + WINDOW);
  // Read once without an anchor; each probe reads again only the triggers whose values asked for one.
  const dates = new DatesOfText(text.slice(from, to)).beforeAnchor();
  const valueWith = (anchor: string | undefined) => {
    const found = dates.anchoredTo(anchor).find((span) => span.start === start - from && span.end === end - from);
    return JSON.stringify(found?.value ?? null);
  };
  const [first, second] = PROBES.map(valueWith);
  return first !== second || valueWith(undefined) !== first;
}
