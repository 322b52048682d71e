/** Review: where each tag stands, what still needs a person, and where annotators disagree. */
export { countReviewStates, emptyReviewCounts, needsReview, REVIEW_STATES, reviewProgress, reviewStateOf, totalTags, type ReviewCounts, type ReviewState } from './reviewState';
export { findDisagreements, type Disagreement, type DisagreementKind } from './disagreements';
export { describeHistoryEntry, describeSpan, formatTime, reviewedTag, type ReviewStep } from './reviewLog';
