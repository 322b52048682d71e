/** When a number on its own counts something: "one" as a count, bare years, days of months, list markers, names, results, "second". */
import type { TokenView } from './view';
import { COUNTED_AFTER_ONE, LIST_JOINERS, MONTHS, PRONOUN_BEFORE_ONE, YEAR_CONTEXT } from './vocabulary';

/** "one dead and 11 injured", "one soldier", "one or two", "one in five", "11 hurt and one dead". */
export function oneIsACount(view: TokenView, i: number): boolean {
  const previous = i > 0 && view.tokens[i - 1].kind === 'word' ? view.lower(i - 1) : '';
  if (PRONOUN_BEFORE_ONE.has(previous) || view.isWord(i + 1, 'of') || view.isGluedDash(i + 1)) return false;
  const nextWord = view.tokens[i + 1]?.kind === 'word' && view.continues(i + 1) ? view.lower(i + 1) : '';
  if (COUNTED_AFTER_ONE.has(nextWord)) return true;
  // A count among counts: another number a few words away, joined by "and", "or", a comma, "to", "in".
  return listedWithNumber(view, i, 1) || listedWithNumber(view, i, -1);
}

function listedWithNumber(view: TokenView, i: number, direction: 1 | -1): boolean {
  let joined = false;
  for (let step = 1; step <= 4; step++) {
    const k = i + direction * step;
    if (k < 0 || k >= view.count || !view.continues(direction === 1 ? k : k + 1)) return false;
    if (LIST_JOINERS.has(view.lower(k))) joined = true;
    else if (joined && view.isNumberToken(k)) return true;
    else if (view.tokens[k].kind !== 'word') return false;
  }
  return false;
}

/** A bare 18xx-20xx is a count only in "fired 2000 rockets", not "in 2024 drones were…". */
export function pluralNounFollowsNonYear(view: TokenView, i: number, next: number): boolean {
  const previous = i > 0 ? view.tokens[i - 1] : undefined;
  if (previous === undefined || previous.kind !== 'word' || YEAR_CONTEXT.has(view.lower(i - 1)) || MONTHS.has(previous.text)) return false;
  const following = view.tokens[next];
  if (following === undefined || following.kind !== 'word' || following.gap !== 1) return false;
  return following.text.length > 2 && following.text.endsWith('s') && !view.isCapitalised(next);
}

/** "November 4", "Sept. 6", "November 4th" ("4 November" is caught as a measure). */
export function isDayOfMonth(view: TokenView, i: number, value: number): boolean {
  if (!Number.isInteger(value) || value < 1 || value > 31 || i === 0) return false;
  const previous = view.tokens[i - 1];
  if (MONTHS.has(previous.text) && previous.kind === 'word') return true;
  return previous.text === '.' && i > 1 && MONTHS.has(view.tokens[i - 2].text);
}

/** "1. Introduction", "2) Terms" at the start of a line. */
export function isListMarker(view: TokenView, i: number): boolean {
  const marker = view.tokens[i + 1];
  return view.tokens[i].gap === 2 && marker !== undefined && marker.gap === 0 && (marker.text === '.' || marker.text === ')') && view.tokens[i + 2]?.gap !== 0;
}

/**
 * "iPhone 15", "Boeing 737", "Article 5": a bare number after a capitalised word mid-sentence names a thing.
 * Not one set apart in a column, by a tab or several spaces ("Real Madrid      59"): that is a table's figure.
 */
export function followsName(view: TokenView, i: number): boolean {
  if (i === 0 || view.tokens[i].gap !== 1 || isAligned(view, i)) return false;
  const previous = view.tokens[i - 1];
  if (previous.kind !== 'word' || !/\p{Lu}/u.test(previous.text)) return false;
  if (/['’]s$/.test(previous.text) || view.startsSentence(i - 1)) return false;
  return true;
}

/**
 * "Harbor City 3 Westport 1", "EASTON 4 Lakeside 2 (OT)": the two scores of a results line, each right after a
 * team's name. A score has one or two digits, and the line's result ends with the second one; "Boeing 737 Airbus
 * 320" and "Windows 11 and Office 365" are no results.
 */
export function isResultScore(view: TokenView, i: number): boolean {
  if (!isScore(view, i) || !view.isCapitalised(i - 1)) return false;
  const afterNames = capitalisedWordsFrom(view, i + 1, 1);
  if (afterNames > i + 1 && isScore(view, afterNames) && view.continues(afterNames) && endsResult(view, afterNames + 1)) return true;
  const beforeNames = capitalisedWordsFrom(view, i - 1, -1);
  return beforeNames < i - 1 && isScore(view, beforeNames) && view.continues(beforeNames + 1) && endsResult(view, i + 1) && view.isCapitalised(beforeNames - 1);
}

function isScore(view: TokenView, i: number): boolean {
  const token = view.tokens[i];
  return token?.kind === 'num' && !token.blocked && token.gap === 1 && token.end - token.start <= 2 && /^\d+$/.test(token.text);
}

/** The index past a run of one to three capitalised words on one line, from `i` in `direction`. */
function capitalisedWordsFrom(view: TokenView, i: number, direction: 1 | -1): number {
  let k = i;
  while (Math.abs(k - i) < 3 && view.isCapitalised(k) && (direction === 1 ? view.continues(k) : view.continues(k + 1))) k += direction;
  return k;
}

function endsResult(view: TokenView, i: number): boolean {
  const token = view.tokens[i];
  return token === undefined || token.gap === 2 || (token.kind === 'sym' && /^[,.;()]$/.test(token.text));
}

function isAligned(view: TokenView, i: number): boolean {
  const start = view.tokens[i].start;
  const before = view.units[start - 1];
  return before === TAB || (before === SPACE && view.units[start - 2] === SPACE);
}

const TAB = 9;
const SPACE = 32;

/** "a second attack" is an ordinal; "for a second." and "30 second" are time. */
export function secondIsOrdinal(view: TokenView, i: number): boolean {
  if (i > 0 && view.isNumberToken(i - 1)) return false;
  const previous = i > 0 ? view.lower(i - 1) : '';
  if (previous === 'per' || previous === 'split') return false;
  const nextIsWord = view.tokens[i + 1]?.kind === 'word' && view.continues(i + 1);
  if (previous === 'a' && (!nextIsWord || ['later', 'ago', 'or', 'and', 'before', 'after'].includes(view.lower(i + 1)))) return false;
  return true;
}
