import { firstAtLeast } from '../base/sortedSearch';
import type { ArticleText } from './articleText';
import { contextScore, keepsWordBoundaries, requiredContextScore, type Match, type Needle } from './needle';

/** Occurrences of a tag's text scored per tag; a text more common than that is compared only nearby (see findQuote). */
const MAX_CANDIDATES = 5000;
/** Worth less than one character of context, so that nearness alone never settles a tie. */
const MAX_PROXIMITY_BONUS = 0.5;
/** Distance, in characters, at which the proximity bonus has halved. */
const PROXIMITY_HALF_DISTANCE = 1000;
/** How far the best candidate must lead the runner-up, in characters of context. */
const MINIMUM_LEAD = 1;

interface Candidate {
  start: number;
  context: number;
  total: number;
}

/**
 * Stage 2: the tag's text, unchanged but for whitespace and quote style, somewhere else. Every
 * occurrence not held by another tag is scored by the stored context around it plus a small bonus
 * for being near where the tag is expected; the best wins only with enough context and a clear lead
 * over the runner-up.
 */
export function findQuote(article: ArticleText, needle: Needle, isHeld: (start: number, end: number) => boolean): Match {
  const occurrences = article.occurrences(needle.text);
  if (occurrences.length === 0) return { kind: 'none' };
  const starts = new Set(nearest(occurrences, needle.expected, MAX_CANDIDATES));
  if (occurrences.length > MAX_CANDIDATES) {
    // Far occurrences of a very common text are skipped, except those with the whole stored
    // context around them: they are the ones that could rival the best nearby.
    for (const at of article.findAll(needle.prefix + needle.text + needle.suffix)) starts.add(at + needle.prefix.length);
  }

  const haystack = article.normalised.text;
  let best: Candidate | undefined;
  let runnerUp: Candidate | undefined;
  for (const start of starts) {
    const end = start + needle.text.length;
    const context = contextScore(haystack, needle, start, end);
    const total = context + proximityBonus(Math.abs(start - needle.expected));
    // Most occurrences of a common name fall behind at once; only contenders get the costlier checks.
    if (runnerUp && total <= runnerUp.total) continue;
    if (!keepsWordBoundaries(haystack, needle, start, end) || isHeld(start, end)) continue;
    const candidate = { start, context, total };
    if (!best || candidate.total > best.total) [best, runnerUp] = [candidate, best];
    else if (!runnerUp || candidate.total > runnerUp.total) runnerUp = candidate;
  }

  if (!best || best.context < requiredContextScore(needle)) return { kind: 'none' };
  // A tie is settled only by a candidate exactly where the preceding tag's shift puts it: then the
  // text moved with its neighbour, as when a twin paragraph further down moved too.
  if (runnerUp && best.total - runnerUp.total < MINIMUM_LEAD && !(best.start === needle.expected && best.context >= runnerUp.context)) return { kind: 'ambiguous', starts: [best.start, runnerUp.start] };
  return { kind: 'found', start: best.start, end: best.start + needle.text.length, context: best.context };
}

function proximityBonus(distance: number): number {
  return (MAX_PROXIMITY_BONUS * PROXIMITY_HALF_DISTANCE) / (PROXIMITY_HALF_DISTANCE + distance);
}

/** The `count` values of ascending `values` nearest to `target`. */
function nearest(values: readonly number[], target: number, count: number): number[] {
  if (values.length <= count) return [...values];
  const low = firstAtLeast(values, target);
  let left = low - 1;
  let right = low;
  const chosen: number[] = [];
  while (chosen.length < count) {
    const takeLeft = right >= values.length || (left >= 0 && target - values[left] <= values[right] - target);
    chosen.push(takeLeft ? values[left--] : values[right++]);
  }
  return chosen;
}
