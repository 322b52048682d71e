/**
 * The article's own date, which anchors its relative dates ("Monday", "last year").
 */
import { findDates } from './dates';
import { isCalendarDate } from '../base/calendarDate';

/** Sidecar convention: the capture tool writes "date YYYY-MM-DD" on the first line. */
const DATE_LINE = /^\s*date[:\s]\s*(\d{4}-\d{2}-\d{2})(?!\d)/i;
const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A dateline sits in the byline area; later dates are the story's own. Nothing after the head decides the article date. */
export const HEAD_LENGTH = 3000;
const PUBLISHED_LABEL = /\b(?:published|posted|updated|first published|date)\s*(?:on|at)?\s*[:|-]?\s*$/i;
/** "on Feb. 24, 2022" inside a sentence is an event; a dateline stands alone. */
const PREPOSITION_BEFORE = /\b(?:on|since|until|by|from|before|after|in|of|between|and|to)\s+$/i;

/** "YYYY-MM-DD", or undefined when the article states no full date near its top. */
export function findArticleDate(text: string): string | undefined {
  if (typeof text !== 'string' || text.length === 0) return undefined;
  const dateLine = DATE_LINE.exec(text.slice(0, 64));
  if (dateLine && isCalendarDate(dateLine[1]!)) return dateLine[1];

  const head = text.slice(0, HEAD_LENGTH);
  let fallback: string | undefined;
  for (const span of findDates(head)) {
    if (span.label !== 'DATE' || span.value?.type !== 'date' || !FULL_DATE.test(span.value.iso)) continue;
    const before = head.slice(Math.max(0, span.start - 40), span.start);
    if (PUBLISHED_LABEL.test(before)) return span.value.iso;
    if (fallback === undefined && !PREPOSITION_BEFORE.test(before)) fallback = span.value.iso;
  }
  return fallback;
}
