import { firstAtLeast } from '../base/sortedSearch';
import type { ArticleText } from './articleText';
import { boundedEditDistance } from './editDistance';
import { contextScore, keepsWordBoundaries, type Match, type Needle } from './needle';

/** Characters of stored context, next to the tag, that must still be there on each side. */
const ANCHOR_LENGTH = 12;
/**
 * A shorter stored side is too common to anchor anything. The article's edge does not count either:
 * text appended after a closing tag would otherwise be swallowed into it.
 */
const MINIMUM_ANCHOR_LENGTH = 4;
/** Edits allowed, relative to the text's length: "Zelensky" → "Zelenskyy" yes, "11" → "12" no. */
const MAX_EDIT_RATIO = 0.2;
/** Places per side considered, nearest the old offset first. */
const MAX_ANCHOR_HITS = 200;

/**
 * Stage 3: the tag's text itself was edited a little. The context must still be there on both
 * sides, right next to each other: what lies between becomes the tag if it is within a few edits of
 * the old text (ignoring case). Requiring both sides keeps this from guessing; the window is bounded
 * by the text's length, so each candidate costs one small edit distance.
 */
export function findFuzzy(article: ArticleText, needle: Needle, isHeld: (start: number, end: number) => boolean): Match {
  const haystack = article.normalised.text;
  const maxDistance = Math.floor(needle.text.length * MAX_EDIT_RATIO);
  const shortest = Math.max(1, needle.text.length - maxDistance);
  const longest = needle.text.length + maxDistance;
  const target = needle.text.toLowerCase();
  const ends = suffixAnchorStarts(article, needle);

  let best: { start: number; end: number; distance: number } | undefined;
  let rival: number | undefined;
  for (const start of prefixAnchorEnds(article, needle)) {
    for (let k = firstAtLeast(ends, start + shortest); k < ends.length && ends[k] <= start + longest; k++) {
      const span = withoutInsertedEdges(haystack, needle, start, ends[k]);
      if (span.end <= span.start || isHeld(span.start, span.end)) continue;
      const distance = boundedEditDistance(haystack.slice(span.start, span.end).toLowerCase(), target, maxDistance);
      if (distance === Infinity) continue;
      if (!best || distance < best.distance) {
        best = { ...span, distance };
        rival = undefined;
      } else if (distance === best.distance) rival = span.start;
    }
  }
  if (!best) return { kind: 'none' };
  if (rival !== undefined) return { kind: 'ambiguous', starts: [best.start, rival] };
  return { kind: 'found', start: best.start, end: best.end, context: contextScore(haystack, needle, best.start, best.end) };
}

/**
 * The span between the anchors, less what was inserted at its edges: a tag never swallows a comma
 * or a space typed next to it. When the tag's exact text lies inside, that is the tag.
 */
function withoutInsertedEdges(haystack: string, needle: Needle, start: number, end: number): { start: number; end: number } {
  const exact = haystack.indexOf(needle.text, start);
  if (exact !== -1 && exact + needle.text.length <= end && keepsWordBoundaries(haystack, needle, exact, exact + needle.text.length)) {
    return { start: exact, end: exact + needle.text.length };
  }
  const trimmedStart = start < end && haystack[start] === ' ' && !needle.text.startsWith(' ') ? start + 1 : start;
  const trimmedEnd = trimmedStart < end && haystack[end - 1] === ' ' && !needle.text.endsWith(' ') ? end - 1 : end;
  return { start: trimmedStart, end: trimmedEnd };
}

/** Normalised offsets right after the stored prefix's end, ascending. */
function prefixAnchorEnds(article: ArticleText, needle: Needle): number[] {
  const anchor = needle.prefix.slice(-ANCHOR_LENGTH);
  if (anchor.length < MINIMUM_ANCHOR_LENGTH) return [];
  return nearestHits(article.findAll(anchor), needle.expected)
    .map((at) => at + anchor.length)
    .sort((a, b) => a - b);
}

/** Normalised offsets where the stored suffix's start begins, ascending. */
function suffixAnchorStarts(article: ArticleText, needle: Needle): number[] {
  const anchor = needle.suffix.slice(0, ANCHOR_LENGTH);
  if (anchor.length < MINIMUM_ANCHOR_LENGTH) return [];
  return nearestHits(article.findAll(anchor), needle.expected).sort((a, b) => a - b);
}

function nearestHits(hits: number[], expected: number): number[] {
  if (hits.length <= MAX_ANCHOR_HITS) return hits;
  return [...hits].sort((a, b) => Math.abs(a - expected) - Math.abs(b - expected)).slice(0, MAX_ANCHOR_HITS);
}

