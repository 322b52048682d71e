import { CodePointIndex } from '../base/offsets';
import type { Tag } from '../sidecar/schema';
import { countReviewStates, emptyReviewCounts, REVIEW_STATES, reviewProgress, totalTags, type ReviewCounts } from './reviewState';

/** Where an article, a folder or a whole corpus stands in review. */
export interface ReviewSummary {
  counts: ReviewCounts;
  /** Tags in all, whatever their state. */
  total: number;
  /** Tags a person has had the last word on: approved or rejected. */
  reviewed: number;
}

/**
 * Ids of the tags whose text is no longer at their offsets in `text` (the article was edited since):
 * orphaned until someone opens the article and they are found again or re-attached.
 */
export function misplacedTagIds(text: string, tags: readonly Tag[]): Set<string> {
  const misplaced = new Set<string>();
  if (tags.length === 0) return misplaced;
  const index = new CodePointIndex(text);
  for (const tag of tags) {
    if (tag.end > index.length || text.slice(index.toUtf16(tag.start), index.toUtf16(tag.end)) !== tag.text) misplaced.add(tag.id);
  }
  return misplaced;
}

/** The review summary of one article's tags; `orphanedIds` are those its text no longer holds. */
export function summarizeTags(tags: readonly Tag[], orphanedIds: ReadonlySet<string> = new Set()): ReviewSummary {
  return reviewSummaryOf(countReviewStates(tags, (tag) => orphanedIds.has(tag.id)));
}

/** An article read from disk: its tags counted, orphaned being those not at their offsets in `text`. */
export function summarizeArticle(text: string, tags: readonly Tag[]): ReviewSummary {
  return summarizeTags(tags, misplacedTagIds(text, tags));
}

/** Several articles as one: counts added up. */
export function addSummaries(summaries: Iterable<ReviewSummary>): ReviewSummary {
  const counts = emptyReviewCounts();
  for (const summary of summaries) for (const state of REVIEW_STATES) counts[state] += summary.counts[state];
  return reviewSummaryOf(counts);
}

export function reviewSummaryOf(counts: ReviewCounts): ReviewSummary {
  return { counts, total: totalTags(counts), reviewed: counts.approved + counts.rejected };
}

/**
 * Whole percent reviewed, rounded down so that 100% means nothing is left (199 of 200 shows 99%, not
 * 100%). An article without tags is at 0%: nobody has worked on it yet.
 */
export function percentReviewed(summary: ReviewSummary): number {
  return Math.floor(reviewProgress(summary.counts) * 100);
}

/**
 * "30% · 12/40 reviewed", or "no tags yet": how the corpus view and the status bar say it. The
 * percentage first, so that it survives when a narrow view cuts the end off.
 */
export function describeProgress(summary: ReviewSummary): string {
  if (summary.total === 0) return 'no tags yet';
  return `${percentReviewed(summary)}% · ${summary.reviewed}/${summary.total} reviewed`;
}

/** Which tags a person may count (blind double annotation hides other annotators'), and a key naming that choice. */
export interface TagVisibility {
  key: string;
  isVisible: (tag: Tag) => boolean;
}

export const EVERY_TAG: TagVisibility = { key: 'everyone', isVisible: () => true };
