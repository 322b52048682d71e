import type { Tag } from '../sidecar/schema';
import { ArticleText } from './articleText';
import { findFuzzy } from './fuzzyMatch';
import { contextScore, needleFor, requiredContextScore, type Match } from './needle';
import { normalise } from './normalisedText';
import { findQuote } from './quoteMatch';

/**
 * - unchanged: the tag's text is still at its offsets (its context may have been refreshed).
 * - moved: the same text elsewhere, found by its context.
 * - fuzzy: text that differs a little (whitespace, quote style, case, a small edit); `tag.text` is the new text.
 * - orphaned: not found, or found in two places equally well; the tag is returned as it was.
 */
export type AnchorOutcome = 'unchanged' | 'moved' | 'fuzzy' | 'orphaned';

export interface AnchorResult {
  /** The tag with start, end, text and context updated for the new article (as it was when orphaned). */
  tag: Tag;
  outcome: AnchorOutcome;
  /** Why a tag was orphaned or how its text changed, for the annotator. */
  reason?: string;
}

/** A result with what supports it, to settle two tags landing on one place. */
interface Placement {
  result: AnchorResult;
  /** Context score at the new place (Infinity for a tag that kept its text and context). */
  evidence: number;
  /** The new place is exactly where the preceding tag's shift put it. */
  asExpected: boolean;
}

const LOST = 'its text was not found next to its context: deleted or rewritten';

/**
 * Finds each tag again in an article changed outside the editor, in code points:
 * 1. at its offsets, if its text is there and its context agrees (the fast path);
 * 2. the same text, ignoring whitespace and quote style, where the stored context matches best
 *    (two places that fit equally well are a tie, settled only by one exactly where the tag lands
 *    if it moved with the tag before it);
 * 3. a bounded fuzzy match between its surviving context;
 * 4. at its offsets after all, if its text is there and nothing better was found.
 * Ambiguous or lost tags are orphaned, never guessed. A place whose tag kept its text and context
 * is not up for grabs, and when two tags still land on one place the weaker one is orphaned. Each
 * result's `tag` covers exactly its `text` in `text`.
 */
export function reanchorTags(text: string, tags: readonly Tag[]): AnchorResult[] {
  const article = new ArticleText(text);
  const placements = tags.map((tag) => inPlace(article, tag));
  if (placements.every((placement) => placement !== undefined)) return placements.map((placement) => placement.result);

  // Normalised spans of the places whose tag kept its text and context.
  const held = new Set<string>();
  for (const placement of placements) {
    if (placement?.evidence === Infinity) held.add(spanKey(article.normalisedOffset(placement.result.tag.start), article.normalisedOffset(placement.result.tag.end)));
  }
  const isHeld = (start: number, end: number) => held.has(spanKey(start, end));

  // In document order, so that each tag is expected to have moved with the one before it.
  const order = tags.map((_, index) => index).sort((a, b) => tags[a].start - tags[b].start || tags[a].end - tags[b].end);
  let previous: Neighbour = { oldEnd: 0, newEnd: 0 };
  for (const index of order) {
    const tag = tags[index];
    const { result } = (placements[index] ??= search(article, tag, expectedOffset(article, tag, previous), isHeld));
    if (result.outcome !== 'orphaned') previous = { oldEnd: tag.end, newEnd: result.tag.end };
  }
  return orphanCollisions(tags, placements as Placement[]);
}

/** The last tag placed, in document order, in code points of the old and the new text; at first the article's start. */
interface Neighbour {
  oldEnd: number;
  newEnd: number;
}

/**
 * The normalised offset where `tag` starts if it moved with its neighbour. When the stored prefix
 * spans the gap between them, the gap is measured normalised, so whitespace edits in it do not matter.
 */
function expectedOffset(article: ArticleText, tag: Tag, neighbour: Neighbour): number {
  const gap = tag.start - neighbour.oldEnd;
  const prefix = [...tag.context.prefix];
  if (gap < 0 || gap > prefix.length) return article.normalisedOffset(tag.start + neighbour.newEnd - neighbour.oldEnd);
  return article.normalisedOffset(neighbour.newEnd) + normalise(prefix.slice(prefix.length - gap).join('')).length;
}

/**
 * Step 1: the tag's text at its offsets, with context that agrees. Unchanged context is certain;
 * changed context is only as strong as its score, since "US" may now stand where another "US" was.
 */
function inPlace(article: ArticleText, tag: Tag): Placement | undefined {
  if (!textInPlace(article, tag)) return undefined;
  const context = article.contextAround(tag.start, tag.end);
  if (context.prefix === tag.context.prefix && context.suffix === tag.context.suffix) return { result: { tag, outcome: 'unchanged' }, evidence: Infinity, asExpected: true };
  const needle = needleFor(tag, article.normalisedOffset(tag.start));
  const score = contextScore(article.normalised.text, needle, needle.expected, article.normalisedOffset(tag.end));
  if (score < requiredContextScore(needle)) return undefined;
  return { result: { tag: { ...tag, context }, outcome: 'unchanged' }, evidence: score, asExpected: true };
}

/** Steps 2 to 4. */
function search(article: ArticleText, tag: Tag, expected: number, isHeld: (start: number, end: number) => boolean): Placement {
  const needle = needleFor(tag, expected);
  const quote = findQuote(article, needle, isHeld);
  // An ambiguous quote is not looked for fuzzily: a near match cannot settle what exact ones could not.
  const match = quote.kind === 'none' ? findFuzzy(article, needle, isHeld) : quote;
  if (match.kind === 'found') return attach(article, tag, match, expected);
  if (textInPlace(article, tag)) {
    const context = article.contextAround(tag.start, tag.end);
    const start = article.normalisedOffset(tag.start);
    const score = contextScore(article.normalised.text, needle, start, article.normalisedOffset(tag.end));
    return { result: { tag: { ...tag, context }, outcome: 'unchanged' }, evidence: score, asExpected: start === expected };
  }
  if (match.kind === 'none') return orphan(tag, LOST);
  const [first, second] = match.starts.map((start) => article.codePointSpan(start, start).start);
  return orphan(tag, `ambiguous: found equally well at ${first} and ${second}`);
}

function textInPlace(article: ArticleText, tag: Tag): boolean {
  return tag.start < tag.end && tag.end <= article.length && article.slice(tag.start, tag.end) === tag.text;
}

function attach(article: ArticleText, tag: Tag, match: Extract<Match, { kind: 'found' }>, expected: number): Placement {
  const { start, end } = article.codePointSpan(match.start, match.end);
  if (end <= start) return orphan(tag, LOST);
  const text = article.slice(start, end);
  const moved: Tag = { ...tag, start, end, text, context: article.contextAround(start, end) };
  const support = { evidence: match.context, asExpected: match.start === expected };
  if (text === tag.text) return { result: { tag: moved, outcome: start === tag.start ? 'unchanged' : 'moved' }, ...support };
  return { result: { tag: moved, outcome: 'fuzzy', reason: `its text changed from ${JSON.stringify(tag.text)} to ${JSON.stringify(text)}` }, ...support };
}

function orphan(tag: Tag, reason: string): Placement {
  return { result: { tag, outcome: 'orphaned', reason }, evidence: 0, asExpected: false };
}

/**
 * Two tags that came from different places cannot both be right about one new place (a deleted
 * sentence's tag finding the same words that kept their own tag): the one with more context keeps
 * it, or on a tie the one that moved as far as its neighbour; otherwise neither does.
 */
function orphanCollisions(tags: readonly Tag[], placements: readonly Placement[]): AnchorResult[] {
  const claims = new Map<string, number[]>();
  placements.forEach(({ result }, index) => {
    if (result.outcome === 'orphaned') return;
    const key = spanKey(result.tag.start, result.tag.end);
    claims.set(key, [...(claims.get(key) ?? []), index]);
  });
  const results = placements.map(({ result }) => result);
  for (const claimants of claims.values()) {
    if (sameOrigin(tags, claimants)) continue;
    const strongest = Math.max(...claimants.map((index) => placements[index].evidence));
    let winners = claimants.filter((index) => placements[index].evidence === strongest);
    if (!sameOrigin(tags, winners)) winners = winners.filter((index) => placements[index].asExpected);
    const keepers = sameOrigin(tags, winners) ? winners : [];
    for (const index of claimants) {
      if (!keepers.includes(index)) results[index] = { tag: tags[index], outcome: 'orphaned', reason: 'another tag fits the place its text was found better' };
    }
  }
  return results;
}

/** Whether the tags came from one place (several labels on one span): they are not rivals. */
function sameOrigin(tags: readonly Tag[], indices: readonly number[]): boolean {
  return new Set(indices.map((index) => spanKey(tags[index].start, tags[index].end))).size <= 1;
}

function spanKey(start: number, end: number): string {
  return `${start}:${end}`;
}
