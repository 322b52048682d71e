import { isWholeWordsAt, occurrencesOf } from '../lexicon/matching';
import { CodePointIndex } from '../base/offsets';
import { firstAtLeast } from '../base/sortedSearch';
import type { LabelDefinition } from '../project/labelSet';
import type { TagVisibility } from '../review/corpusSummary';
import { newTag, type Tag } from '../sidecar';
import type { TagChange } from '../sidecar/tagEdits';

/**
 * "Tag all occurrences": where a text stands untagged in an article, and the tags that put a label on
 * those places. Over text and tags only: the editor's open articles and the articles read from disk
 * are searched alike.
 */

/** Characters of the line shown on either side of an occurrence in the preview. */
const EXCERPT_REACH = 40;

/** UTF-16 starts of `needle` in `text` where it stands as whole words (not inside a longer word). */
export function wholeWordOccurrences(text: string, needle: string): number[] {
  const starts: number[] = [];
  const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}_]/u.test(char);
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
    const wordStart = !isWordChar(needle[0]) || !isWordChar(text[at - 1]);
    const wordEnd = !isWordChar(needle[needle.length - 1]) || !isWordChar(text[at + needle.length]);
    if (wordStart && wordEnd) starts.push(at);
  }
  return starts;
}

/** An article as the search sees it: its text and every tag, anyone's, whatever its status. */
export interface SearchedArticle {
  path: string;
  uri: string;
  text: string;
  tags: readonly Tag[];
  /** Where the tags this person sees are, worked out for the search that first needed them. */
  spans?: { visibility: string; tagged: TaggedSpans };
  /** Why its sidecar cannot be read: it can be neither searched nor tagged. */
  problem?: string;
}

/**
 * Where an article's tags stand that this person sees: in blind double annotation another
 * annotator's tag neither hides a place nor tells that it was tagged, each tags on their own.
 * Remembered in the article for the next search by the same eyes.
 */
export function taggedSpansOf(article: SearchedArticle, seen: TagVisibility): TaggedSpans {
  if (article.spans?.visibility !== seen.key) article.spans = { visibility: seen.key, tagged: new TaggedSpans(article.text, article.tags.filter(seen.isVisible)) };
  return article.spans.tagged;
}

/** An untagged place of a text in an article: UTF-16 offsets, the text found there, and the line around it. */
export interface UntaggedPlace {
  start: number;
  end: number;
  text: string;
  /** 0-based. */
  line: number;
  excerpt: string;
}

/**
 * The places where `phrase` (in any of its forms, see occurrencesOf) stands in `article` untagged by
 * any tag this person sees; none in an article whose sidecar cannot be read (it cannot be tagged).
 */
export function untaggedPlaces(article: SearchedArticle, phrase: string, seen: TagVisibility): UntaggedPlace[] {
  const places = occurrencesOf(article.text, phrase);
  if (places.length === 0 || article.problem) return [];
  // Where its tags are is worked out only for an article holding the text.
  const tagged = taggedSpansOf(article, seen);
  return places
    .filter((place) => !tagged.overlaps(place.start, place.end))
    .map((place) => ({ start: place.start, end: place.end, text: article.text.slice(place.start, place.end), ...lineAround(article.text, place.start, place.end) }));
}

/** A place asked to be tagged, as the search found it. */
export interface PlaceToTag {
  start: number;
  end: number;
  text: string;
}

/**
 * Tags (accepted, `annotator`'s, source manual) for the places that still stand as they were found
 * — one of the `forms` searched, whole words, untagged — each checked against the others too; the
 * rest are passed to `skip` with why.
 */
export function tagsForPlaces<P extends PlaceToTag>(article: SearchedArticle, places: readonly P[], forms: ReadonlySet<string>, label: LabelDefinition, annotator: string, seen: TagVisibility, skip: (place: P, reason: string) => void): TagChange[] {
  const index = new CodePointIndex(article.text);
  const taken: Array<{ start: number; end: number }> = [];
  const changes: TagChange[] = [];
  for (const place of [...places].sort((a, b) => a.start - b.start)) {
    if (!forms.has(place.text) || article.text.slice(place.start, place.end) !== place.text || !isWholeWordsAt(article.text, place.start, place.end)) {
      skip(place, `"${place.text}" is no longer there`);
      continue;
    }
    if (taggedSpansOf(article, seen).overlaps(place.start, place.end) || taken.some((span) => span.start < place.end && place.start < span.end)) {
      skip(place, 'tagged meanwhile');
      continue;
    }
    const tag = newTag({ text: article.text, start: index.toCodePoint(place.start), end: index.toCodePoint(place.end), label: label.name, kind: label.kind, source: 'manual', status: 'accepted', annotator, index });
    taken.push({ start: place.start, end: place.end });
    changes.push({ after: tag });
  }
  return changes;
}

/** The reasons places were skipped, each once, with how many when more than one: "2: tagged meanwhile; …". */
export function describeSkipped(skipped: ReadonlyArray<{ reason: string }>): string {
  const reasons = new Map<string, number>();
  for (const { reason } of skipped) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  return [...reasons].map(([reason, count]) => (count > 1 ? `${count}: ${reason}` : reason)).join('; ');
}

/** Where an article's tags are (UTF-16), worked out when first asked, sorted so that a check reads only the tags near a place. */
export class TaggedSpans {
  private spans?: { starts: Int32Array; ends: Int32Array; longest: number };

  constructor(
    private readonly text: string,
    private readonly tags: readonly Tag[],
  ) {}

  overlaps(start: number, end: number): boolean {
    const { starts, ends, longest } = this.sorted();
    // The tags starting before `end`, and no longer ago than the longest tag is long.
    const low = firstAtLeast(starts, end);
    for (let n = low - 1; n >= 0 && starts[n]! > start - longest; n--) if (ends[n]! > start) return true;
    return false;
  }

  private sorted(): { starts: Int32Array; ends: Int32Array; longest: number } {
    if (!this.spans) {
      const index = this.tags.length > 0 ? new CodePointIndex(this.text) : undefined;
      const spans = this.tags.map((tag) => ({ start: index!.toUtf16(tag.start), end: index!.toUtf16(tag.end) })).sort((a, b) => a.start - b.start);
      this.spans = { starts: Int32Array.from(spans, (span) => span.start), ends: Int32Array.from(spans, (span) => span.end), longest: spans.reduce((most, span) => Math.max(most, span.end - span.start), 0) };
    }
    return this.spans;
  }
}

/** The 0-based line of an occurrence and the line's text around it, white space collapsed, cut with "…". */
export function lineAround(text: string, start: number, end: number): { line: number; excerpt: string } {
  let line = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < start; at = text.indexOf('\n', at + 1)) line++;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineFeed = text.indexOf('\n', end);
  const lineEnd = lineFeed < 0 ? text.length : lineFeed;
  let from = Math.max(lineStart, start - EXCERPT_REACH);
  let to = Math.min(lineEnd, end + EXCERPT_REACH);
  // Cut between words, never inside one.
  if (from > lineStart) from = Math.min(start, nextSpace(text, from, start) + 1);
  if (to < lineEnd) to = Math.max(end, text.lastIndexOf(' ', to));
  const excerpt = `${from > lineStart ? '…' : ''}${text.slice(from, to)}${to < lineEnd ? '…' : ''}`.replace(/\s+/g, ' ').trim();
  return { line, excerpt };
}

function nextSpace(text: string, from: number, limit: number): number {
  const at = text.indexOf(' ', from);
  return at < 0 || at >= limit ? limit - 1 : at;
}
