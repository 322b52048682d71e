/** Re-anchoring 10,000 tags in a 1 MB article: nothing moved (the fast path), and a paragraph moved. */
import { reanchorTags } from '../../server/src/core/anchoring/reanchor';
import { SeededRandom } from '../../server/src/core/base/seededRandom';
import { largeArticle, tagsOn, withParagraphMoved } from '../../test/support/largeArticle';
import { report } from './figures';
import { median, round, timeRuns } from './statistics';

export function benchReanchor(short: boolean): void {
  const text = largeArticle(new SeededRandom(7));
  const tags = tagsOn(text);
  const moved = withParagraphMoved(text);
  const runs = short ? 1 : 5;
  report('re-anchoring 10k tags, nothing moved', round(median(timeRuns(runs, () => reanchorTags(text, tags)))), 'ms', { comparison: '<=', limit: 500 });
  report('re-anchoring 10k tags, a paragraph moved', round(median(timeRuns(runs, () => reanchorTags(moved, tags)))), 'ms', { comparison: '<=', limit: 5000 });
}
