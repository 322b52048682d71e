import type { ArticleViewItem } from '../server/src/api/protocol';

/**
 * Where a reviewer starts in an article: the first tag in the text nobody has reviewed (proposed,
 * accepted, in conflict), else the first untagged suggestion.
 */
export function firstToReview(items: readonly ArticleViewItem[]): ArticleViewItem | undefined {
  const byPosition = [...items].sort((a, b) => a.start - b.start || b.end - a.end);
  return byPosition.find((item) => item.state === 'proposed' || item.state === 'tagged' || item.state === 'conflict') ?? byPosition.find((item) => item.state === 'suggested');
}
