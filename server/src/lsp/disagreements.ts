import { findDisagreements, type Disagreement } from '../core/review/disagreements';
import type { ArticleModel, PlacedTag } from './article';

/** A disagreement between two placed tags (UTF-16 offsets of the open document). */
export type PlacedDisagreement = Disagreement<PlacedTag>;

const found = new WeakMap<ArticleModel, PlacedDisagreement[]>();

/**
 * The annotators' disagreements in an article as it is now, computed once per model (the model is
 * rebuilt whenever the text or the tags change). Orphaned tags are not where they claim to be, so
 * they take no part.
 */
export function disagreementsIn(model: ArticleModel): PlacedDisagreement[] {
  let disagreements = found.get(model);
  if (!disagreements) {
    const live = model.placed.filter((placed) => !placed.orphaned);
    const claims = findDisagreements(live.map((placed) => ({ ...placed.tag, placed })));
    disagreements = claims.map(({ kind, first, second }) => ({ kind, first: first.placed, second: second.placed }));
    found.set(model, disagreements);
  }
  return disagreements;
}

/** The two tags' extent together: where the disagreement is shown and where its quick fixes are offered. */
export function extentOf({ first, second }: PlacedDisagreement): { start: number; end: number } {
  return { start: Math.min(first.start, second.start), end: Math.max(first.end, second.end) };
}

/** "ann's PERSON "Volodymyr Zelensky"". */
export function describeClaim({ tag }: PlacedTag): string {
  return `${tag.annotator}'s ${tag.label} "${tag.text}"`;
}
