import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readArticleFile } from '../regularFile';
import { SidecarError } from '../sidecar/errors';
import { sidecarPathFor } from '../sidecar/paths';
import { SidecarStore } from '../sidecar/store';
import type { Tag } from '../sidecar/schema';
import { emptyReviewCounts } from './reviewState';
import { summarizeArticle, reviewSummaryOf, type ReviewSummary } from './corpusSummary';

/** One article's review summary as its files on disk say, or why its sidecar could not be read. */
export interface ArticleFileSummary {
  path: string;
  summary: ReviewSummary;
  /** The sidecar's problem (invalid, unreadable): its tags are unknown, so counted as none. */
  problem?: string;
}

/** Which tags a person may count (blind double annotation hides other annotators'), and a key naming that choice. */
export interface TagVisibility {
  key: string;
  isVisible: (tag: Tag) => boolean;
}

export const EVERY_TAG: TagVisibility = { key: 'everyone', isVisible: () => true };

/** Files read at once: enough to keep the disk busy, few enough not to run out of file handles. */
const CONCURRENT_READS = 16;

/**
 * Review summaries of articles read from disk, remembered until the article or its sidecar changes
 * (size or modification time), so that refreshing a corpus of thousands of articles after one tag
 * action reads one sidecar, not all of them. Never runs the detector: suggestions are not counted.
 */
export class ArticleSummaryCache {
  private readonly remembered = new Map<string, { stamp: string; summary: ArticleFileSummary }>();
  private readonly store = new SidecarStore();

  summarize(paths: readonly string[], visibility: TagVisibility = EVERY_TAG): Promise<ArticleFileSummary[]> {
    return mapConcurrently(paths, CONCURRENT_READS, (path) => this.summarizeOne(path, visibility));
  }

  /** Forgets every article but these (the corpus as just listed), so that memory stays bounded. */
  retainOnly(paths: readonly string[]): void {
    const kept = new Set(paths);
    for (const path of this.remembered.keys()) if (!kept.has(path)) this.remembered.delete(path);
  }

  private async summarizeOne(path: string, visibility: TagVisibility): Promise<ArticleFileSummary> {
    const sidecarPath = sidecarPathFor(path);
    const [article, sidecar] = await Promise.all([stampOf(path), stampOf(sidecarPath)]);
    // No sidecar: nothing tagged yet, and nothing to read.
    if (sidecar === undefined) return { path, summary: reviewSummaryOf(emptyReviewCounts()) };
    const stamp = `${article}|${sidecar}|${visibility.key}`;
    const known = this.remembered.get(path);
    if (known?.stamp === stamp) return known.summary;
    const summary = await this.read(path, visibility);
    this.remembered.set(path, { stamp, summary });
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

/** Size and modification time, which change whenever the file does; undefined when there is no file. */
async function stampOf(path: string): Promise<string | undefined> {
  try {
    const { size, mtimeMs } = await stat(path);
    return `${size}:${mtimeMs}`;
  } catch {
    return undefined;
  }
}

export interface FoundArticles {
  /** Sorted by folder, then name; at most the limit asked for. */
  paths: string[];
  /** Articles found beyond the limit, left out. */
  omitted: number;
}

/**
 * The articles below `folders`: .txt files that `isArticle` accepts. Folders named node_modules or
 * starting with "." are skipped, as `marginalia check` skips them.
 */
export async function findArticleFiles(folders: readonly string[], isArticle: (path: string) => boolean, limit: number): Promise<FoundArticles> {
  const found: FoundArticles = { paths: [], omitted: 0 };
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        // Dot folders hold git's objects, editors' settings and caches; node_modules holds other people's files.
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) await walk(path);
      } else if (entry.isFile() && /\.txt$/i.test(entry.name) && isArticle(path)) {
        if (found.paths.length < limit) found.paths.push(path);
        else found.omitted++;
      }
    }
  };
  for (const folder of folders) await walk(folder);
  return found;
}

/** `run` over every item, at most `limit` at a time; results in the items' order. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
