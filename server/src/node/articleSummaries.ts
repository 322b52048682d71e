import { eachWithProgress } from '../core/base/progress';
import { readArticleFile } from './regularFile';
import { EVERY_TAG, summarizeArticle, reviewSummaryOf, type ReviewSummary, type TagVisibility } from '../core/review/corpusSummary';
import { emptyReviewCounts } from '../core/review/reviewState';
import { SidecarError } from '../core/sidecar/errors';
import { SidecarStore } from './sidecarStore';
import { articleStamps, StampedCache } from './corpusFiles';

/** One article's review summary as its files on disk say, or why its sidecar could not be read. */
export interface ArticleFileSummary {
  path: string;
  summary: ReviewSummary;
  /** The sidecar's problem (invalid, unreadable): its tags are unknown, so counted as none. */
  problem?: string;
}

/** Files read at once: enough to keep the disk busy, few enough not to run out of file handles. */
const CONCURRENT_READS = 16;

/**
 * Review summaries of articles read from disk, remembered until the article or its sidecar changes
 * (size or modification time), so that refreshing a corpus of thousands of articles after one tag
 * action reads one sidecar, not all of them. Never runs the detector: suggestions are not counted.
 */
export class ArticleSummaryCache {
  private readonly remembered = new StampedCache<ArticleFileSummary>();
  private readonly store = new SidecarStore();

  async summarize(paths: readonly string[], visibility: TagVisibility = EVERY_TAG): Promise<ArticleFileSummary[]> {
    return (await eachWithProgress(paths, (path) => this.summarizeOne(path, visibility), { concurrency: CONCURRENT_READS })).results;
  }

  /** Forgets every article but these (the corpus as just listed), so that memory stays bounded. */
  retainOnly(paths: readonly string[]): void {
    const kept = new Set(paths);
    this.remembered.retain((path) => kept.has(path));
  }

  private async summarizeOne(path: string, visibility: TagVisibility): Promise<ArticleFileSummary> {
    const { article, sidecar } = await articleStamps(path);
    // No sidecar: nothing tagged yet, and nothing to read.
    if (sidecar === undefined) return { path, summary: reviewSummaryOf(emptyReviewCounts()) };
    const stamp = `${article}|${sidecar}|${visibility.key}`;
    const known = this.remembered.get(path, stamp);
    if (known) return known;
    const summary = await this.read(path, visibility);
    this.remembered.set(path, stamp, summary);
    return summary;
  }

  private async read(path: string, visibility: TagVisibility): Promise<ArticleFileSummary> {
    try {
      const { sidecar } = await this.store.read(path);
      const tags = sidecar.annotations.filter(visibility.isVisible);
      const text = tags.length === 0 ? '' : await readArticleFile(path);
      return { path, summary: summarizeArticle(text, tags) };
    } catch (error) {
      const problem = error instanceof SidecarError ? error.message : `cannot read ${path} (${error instanceof Error ? error.message : String(error)})`;
      return { path, summary: reviewSummaryOf(emptyReviewCounts()), problem };
    }
  }
}
