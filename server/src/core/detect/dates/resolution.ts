/** From candidates to spans: none inside a URL, the best wherever they overlap, modifiers joined, times given their day. */
import type { Candidate } from './reading';
import type { TimexMod } from '../shared/detection';
import { joinDurations } from './units';
import { timexMod } from './values';
import { isSpaceOfSP, SP } from './vocabulary';

/** A URL, tried only where a word starts with "http", "https" or "www" (see triggerStarts): a regex scan would try every position. */
const URL_AT = /\b(?:https?:\/\/|www\.)[^\s<>"'()]+/y;

/** Where URLs are, as a global scan for URL_AT would find them; `starts`, the ascending offsets where one may start. */
export function urlRanges(text: string, starts: readonly number[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let resumeAt = 0;
  for (const position of starts) {
    if (position < resumeAt) continue;
    URL_AT.lastIndex = position;
    const match = URL_AT.exec(text);
    if (match === null) continue;
    resumeAt = position + match[0].length;
    ranges.push([position, resumeAt]);
  }
  return ranges;
}

/** Candidates that touch none of the ranges (which are sorted and disjoint), sorted by start. */
export function outsideRanges(candidates: Candidate[], ranges: ReadonlyArray<[number, number]>): Candidate[] {
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  if (ranges.length === 0) return candidates;
  let next = 0;
  return candidates.filter((option) => {
    while (next < ranges.length && ranges[next]![1] <= option.start) next++;
    return next === ranges.length || option.end <= ranges[next]![0];
  });
}

/** Keeps, wherever candidates overlap, the longest, then the most confident, then the earliest. */
export function resolveOverlaps(candidates: readonly Candidate[]): Candidate[] {
  const kept: Candidate[] = [];
  // Clusters of overlapping candidates are runs of the (sorted) list: candidates[clusterStart, i).
  let clusterStart = 0;
  let clusterEnd = -1;
  for (let i = 0; i < candidates.length; i++) {
    const option = candidates[i]!;
    if (option.start >= clusterEnd && i > clusterStart) {
      keepBest(candidates, clusterStart, i, kept);
      clusterStart = i;
    }
    clusterEnd = Math.max(clusterEnd, option.end);
  }
  if (candidates.length > clusterStart) keepBest(candidates, clusterStart, candidates.length, kept);
  return kept;
}

/** Adds to `kept` the best of candidates[from, to) that do not overlap each other, by start. */
function keepBest(candidates: readonly Candidate[], from: number, to: number, kept: Candidate[]): void {
  // Most candidates overlap no other.
  if (to - from === 1) {
    kept.push(candidates[from]!);
    return;
  }
  const best = candidates.slice(from, to).sort((a, b) => b.end - b.start - (a.end - a.start) || b.confidence - a.confidence || a.start - b.start);
  const chosen: Candidate[] = [];
  for (const option of best) {
    if (chosen.every((other) => option.end <= other.start || other.end <= option.start)) chosen.push(option);
  }
  kept.push(...chosen.sort((a, b) => a.start - b.start));
}

/** "early", "the end of", "the first half of", "mid-" before a date make one span with it: "the end of this year". */
const MODIFIER_BEFORE = new RegExp(
  `(?:(?<![\\w])(?:(?:[Tt]he${SP})?(?<part>end|beginning|start|middle|rest|remainder|turn|close|first half|second half|first quarter|second quarter|third quarter|fourth quarter)${SP}of|(?<word>[Ee]arly|[Ee]arlier|[Ll]ate|[Ll]ater|[Mm]id))${SP}|(?<![\\w-])(?<attached>[Mm]id|[Ee]nd|[Ee]arly|[Ll]ate)-)$`,
);

/**
 * The last letters of the words MODIFIER_BEFORE ends with before its spaces: "of", "early", "earlier", "late", "later",
 * "mid". Its other ending is a hyphen ("mid-").
 */
const MODIFIER_LAST_LETTERS = 'fyred';

/**
 * Whether text[from, end) can end as a pattern "…word SP$" does: spaces that SP matches, after one of `lastLetters`.
 * Such patterns are tried at every start in their window, so this test of a few characters comes first.
 */
function mayEndWithWordAndSpaces(text: string, from: number, end: number, lastLetters: string): boolean {
  let wordEnd = end;
  while (wordEnd > from && isSpaceOfSP(text.charCodeAt(wordEnd - 1))) wordEnd--;
  return wordEnd < end && wordEnd > from && lastLetters.includes(text.charAt(wordEnd - 1));
}

const PART_CODES: Readonly<Record<string, string>> = {
  'first half': 'H1', 'second half': 'H2', 'first quarter': 'Q1', 'second quarter': 'Q2', 'third quarter': 'Q3', 'fourth quarter': 'Q4',
};

export function attachModifiers(text: string, spans: Candidate[]): void {
  let previousEnd = 0;
  for (const span of spans) {
    // A recurring time has no part to narrow: "close early every Monday" is early on each Monday.
    if (span.modifiable && span.value?.type !== 'set') {
      const windowStart = Math.max(previousEnd, span.start - 40);
      const mayEndWithModifier = text.charCodeAt(span.start - 1) === 0x2d ? span.start > windowStart : mayEndWithWordAndSpaces(text, windowStart, span.start, MODIFIER_LAST_LETTERS);
      const modifier = mayEndWithModifier ? MODIFIER_BEFORE.exec(text.slice(windowStart, span.start)) : null;
      if (modifier) {
        span.start = windowStart + modifier.index;
        span.confidence = Math.min(span.confidence, 0.85);
        const { part, word, attached } = modifier.groups ?? {};
        const partCode = PART_CODES[part ?? ''];
        // "the first half of 2024" is the half-year "2024-H1"; "late 2023" keeps the value of the period it narrows with TimeML's MOD END.
        if (partCode !== undefined && span.value?.type === 'date' && /^\d{4}$/.test(span.value.iso)) {
          span.value = { type: 'date', iso: `${span.value.iso}-${partCode}` };
        } else if (span.value?.type === 'date') {
          const mod = timexMod(part ?? word ?? attached);
          if (mod !== undefined) span.value = { ...span.value, mod };
        }
      }
    }
    previousEnd = span.end;
  }
}

const DATE_TIME_GAP = /^[ \t\u00a0\u202f]*(?:,|at|-|–|—)?[ \t\u00a0\u202f]*$/;

/** "January 5, 2024 6:04 PM": the time is on that day. The two stay separate spans. */
export function dateTimes(text: string, spans: readonly Candidate[]): void {
  for (let index = 0; index < spans.length; index++) {
    const time = spans[index]!;
    if (time.label !== 'TIME' || time.value?.type !== 'time' || !time.value.iso.startsWith('T')) continue;
    const neighbours = [spans[index - 1], spans[index + 1]];
    for (const date of neighbours) {
      if (!date || date.label !== 'DATE' || date.value?.type !== 'date' || !/^\d{4}-\d{2}-\d{2}$/.test(date.value.iso)) continue;
      const gap = date.end <= time.start ? text.slice(date.end, time.start) : text.slice(time.end, date.start);
      if (gap.length > 8 || !DATE_TIME_GAP.test(gap)) continue;
      time.value = { type: 'time', iso: `${date.value.iso}${time.value.iso}` };
      break;
    }
  }
}

/** Bounds and approximators before a length or a clock time, and TimeML's MOD for each. */
const BOUND_MODS: Readonly<Record<string, TimexMod>> = {
  'no more than': 'EQUAL_OR_LESS', 'not more than': 'EQUAL_OR_LESS', 'at most': 'EQUAL_OR_LESS', 'up to': 'EQUAL_OR_LESS',
  'no less than': 'EQUAL_OR_MORE', 'no fewer than': 'EQUAL_OR_MORE', 'at least': 'EQUAL_OR_MORE',
  'more than': 'MORE_THAN', 'just over': 'MORE_THAN', 'well over': 'MORE_THAN',
  'less than': 'LESS_THAN', 'fewer than': 'LESS_THAN', 'under': 'LESS_THAN', 'just under': 'LESS_THAN', 'nearly': 'LESS_THAN', 'almost': 'LESS_THAN',
  about: 'APPROX', around: 'APPROX', roughly: 'APPROX', approximately: 'APPROX',
};
// "over three years" is as often "during" as "more than", so "over" alone is left out.
/** The last letters of the bounds ("than", "up to", "about"…): BOUND_BEFORE ends with one, then spaces. */
const BOUND_LAST_LETTERS = Object.keys(BOUND_MODS).map((words) => words[words.length - 1]!).join('');
const BOUND_BEFORE = new RegExp(
  `(?<![\\w])(?<bound>${Object.keys(BOUND_MODS).sort((a, b) => b.length - a.length).map((words) => `[${words[0]!.toUpperCase()}${words[0]}]${words.slice(1).replace(/ /g, SP)}`).join('|')})${SP}$`,
);

/**
 * "more than three decades", "about 1 a.m.": a bound or an approximator belongs to the span of a length or a clock
 * time (as it does to a number's), with its TimeML MOD on the value.
 */
export function attachBounds(text: string, spans: Candidate[]): void {
  let previousEnd = 0;
  for (const span of spans) {
    const value = span.value;
    const bounded = value?.type === 'duration' && span.label === 'DURATION' ? value : value?.type === 'time' && /T\d{2}:\d{2}$/.test(value.iso) ? value : undefined;
    if (bounded !== undefined && bounded.mod === undefined) {
      const windowStart = Math.max(previousEnd, span.start - 24);
      const bound = mayEndWithWordAndSpaces(text, windowStart, span.start, BOUND_LAST_LETTERS) ? BOUND_BEFORE.exec(text.slice(windowStart, span.start)) : null;
      if (bound) {
        span.start = windowStart + bound.index;
        span.value = { ...bounded, mod: BOUND_MODS[bound.groups!['bound']!.toLowerCase().replace(/\s+/g, ' ')]! };
      }
    }
    previousEnd = span.end;
  }
}

const LENGTH_JOINER = /^(?:,?[ \t\u00a0\u202f]+and[ \t\u00a0\u202f]+|,?[ \t\u00a0\u202f]+)$/;

/** "two hours and 51 minutes", "three years and six months": one length of time, PT2H51M, where the units go down. */
export function joinLengths(text: string, spans: Candidate[]): Candidate[] {
  const joined: Candidate[] = [];
  for (const span of spans) {
    const previous = joined[joined.length - 1];
    const a = previous?.value;
    const b = span.value;
    if (previous && previous.label === 'DURATION' && span.label === 'DURATION' && a?.type === 'duration' && b?.type === 'duration'
      && !a.maxIso && !b.maxIso && !a.approximate && !b.approximate && a.mod === undefined && b.mod === undefined
      && LENGTH_JOINER.test(text.slice(previous.end, span.start))) {
      const iso = joinDurations(a.iso, b.iso);
      if (iso !== undefined) {
        joined[joined.length - 1] = { ...previous, end: span.end, confidence: Math.min(previous.confidence, span.confidence), value: { type: 'duration', iso } };
        continue;
      }
    }
    joined.push(span);
  }
  return joined;
}
