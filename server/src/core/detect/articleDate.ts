/**
 * The article's own date, which anchors its relative dates ("Monday", "last year").
 */
import type { Span } from './shared/detection';
import { DatesOfText, type TriggerStarts } from './dates';
import { isCalendarDate } from '../base/calendarDate';

/** Sidecar convention: the capture tool writes "date YYYY-MM-DD" on the first line. */
const DATE_LINE = /^\s*date[:\s]\s*(\d{4}-\d{2}-\d{2})(?!\d)/i;
const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A dateline sits in the byline area; later dates are the story's own. Nothing after the head decides the article date. */
export const HEAD_LENGTH = 3000;
const PUBLISHED_LABEL = /\b(?:published|posted|updated|first published|date)\s*(?:on|at)?\s*[:|-]?\s*$/i;
/** "on Feb. 24, 2022" inside a sentence is an event; a dateline stands alone. */
const PREPOSITION_BEFORE = /\b(?:on|since|until|by|from|before|after|in|of|between|and|to)\s+$/i;

/**
 * "YYYY-MM-DD", or undefined when the article states no full date near its top. `units`, the text's utf16Units,
 * saves a copy of its head.
 */
export function findArticleDate(text: string, units?: Uint16Array): string | undefined {
  if (typeof text !== 'string' || text.length === 0) return undefined;
  return dateLineOf(text) ?? articleDateOfHead(new DatesOfText(text.slice(0, HEAD_LENGTH), units?.subarray(0, HEAD_LENGTH)));
}

/**
 * The article date (else `reference`) and the text's dates resolved against it: findDates(text, findArticleDate(text)
 * ?? reference), for little more than one reading of the text (`starts`, its triggerStarts, when already found). The head's trigger positions are the text's; a text no
 * longer than the head is read once, without an anchor, then again only where a value depends on the anchor.
 */
export function findArticleDates(text: string, reference: string | undefined, units?: Uint16Array, starts?: TriggerStarts): { anchor: string | undefined; dates: Span[] } {
  if (typeof text !== 'string' || text.length === 0) return { anchor: reference, dates: [] };
  const dates = new DatesOfText(text, units, starts);
  const dateLine = dateLineOf(text);
  if (dateLine !== undefined) return { anchor: dateLine, dates: dates.anchoredTo(dateLine) };
  if (text.length > HEAD_LENGTH) {
    const anchor = articleDateOfHead(dates.head(HEAD_LENGTH)) ?? reference;
    return { anchor, dates: dates.anchoredTo(anchor) };
  }
  const unanchored = dates.beforeAnchor();
  const anchor = articleDateAmong(text, unanchored.spans) ?? reference;
  return { anchor, dates: unanchored.anchoredTo(anchor) };
}

/** The article date among the dates of the head: read whole only when the rules that can state a full date find one. */
function articleDateOfHead(head: DatesOfText): string | undefined {
  return head.mayHoldFullDate() ? articleDateAmong(head.text, head.anchoredTo(undefined)) : undefined;
}

function dateLineOf(text: string): string | undefined {
  const dateLine = DATE_LINE.exec(text.slice(0, 64));
  return dateLine && isCalendarDate(dateLine[1]!) ? dateLine[1] : undefined;
}

/** The full date labelled "Published" or the like, else the first that no preposition puts inside a sentence, among the dates of `head`. */
function articleDateAmong(head: string, dates: readonly Span[]): string | undefined {
  let fallback: string | undefined;
  for (const span of dates) {
    if (span.label !== 'DATE' || span.value?.type !== 'date' || !FULL_DATE.test(span.value.iso)) continue;
    const before = head.slice(Math.max(0, span.start - 40), span.start);
    if (PUBLISHED_LABEL.test(before)) return span.value.iso;
    if (fallback === undefined && !PREPOSITION_BEFORE.test(before)) fallback = span.value.iso;
  }
  return fallback;
}
