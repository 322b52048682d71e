import type { Tag } from '../sidecar/schema';

/**
 * Where a tag stands in review, as the reviewer sees it: a sidecar status, or orphaned when the
 * article's text no longer holds the tag (edited since), which only the reader of the article knows.
 */
export const REVIEW_STATES = ['proposed', 'accepted', 'approved', 'rejected', 'orphaned', 'conflict'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export function reviewStateOf(tag: Pick<Tag, 'status'>, orphaned: boolean): ReviewState {
  return orphaned ? 'orphaned' : tag.status;
}

/**
 * What still waits for a person: a tool's proposal, an annotator's tag nobody reviewed, a tag whose
 * text moved away, two branches' versions. Approved and rejected tags are decided.
 */
export function needsReview(state: ReviewState): boolean {
  return state === 'proposed' || state === 'accepted' || state === 'orphaned' || state === 'conflict';
}

export type ReviewCounts = Record<ReviewState, number>;

export function emptyReviewCounts(): ReviewCounts {
  return { proposed: 0, accepted: 0, approved: 0, rejected: 0, orphaned: 0, conflict: 0 };
}

/** How many tags are in each state; `isOrphaned` says which ones the article no longer holds. */
export function countReviewStates(tags: readonly Tag[], isOrphaned: (tag: Tag) => boolean = () => false): ReviewCounts {
  const counts = emptyReviewCounts();
  for (const tag of tags) counts[reviewStateOf(tag, isOrphaned(tag))]++;
  return counts;
}

export function totalTags(counts: ReviewCounts): number {
  return REVIEW_STATES.reduce((sum, state) => sum + counts[state], 0);
}

/** Share of tags decided (approved or rejected), 0 to 1; an article nobody has tagged yet is at 0, not done. */
export function reviewProgress(counts: ReviewCounts): number {
  const total = totalTags(counts);
  return total === 0 ? 0 : (counts.approved + counts.rejected) / total;
}
