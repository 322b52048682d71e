import { eachWithProgress } from '../core/base/progress';
import { readArticleFile } from './regularFile';
import { sidecarPathFor } from '../core/sidecar/paths';
import { SidecarStore } from './sidecarStore';
import type { SearchedArticle } from '../core/tagging/occurrences';
import { articleStamps, findArticleFiles, StampedCache } from './corpusFiles';
import { uriOfPath } from './uris';

/** As many articles as the corpus view lists: the search reads each one, and holds its text in memory. */
export const MAX_SEARCHED_ARTICLES = 5000;
/** Files read at once: enough to keep the disk busy, few enough not to run out of file handles. */
const CONCURRENT_READS = 16;

/** A corpus as the editor sees it: its folder, which files are its articles, and which of them are open. */
export interface CorpusScope {
  folder: string;
  /** Whether `path` is an article the editor would open, of this corpus. */
  isArticle: (path: string) => boolean;
  /** Whether `path` lies in this corpus (its nearest project folder or workspace folder is `folder`). */
  contains: (path: string) => boolean;
  /** The open articles' paths: the editor has their text, newer than the disk's. */
  openPaths: () => readonly string[];
}

/**
 * The articles of corpora with their text and tags, read from disk for the workspace search and kept
 * while their files keep their size and time. Open articles are not read: the editor has them.
 */
export class CorpusArticles {
  private readonly store = new SidecarStore();
  /** Articles read from disk, by path. */
  private readonly onDisk = new StampedCache<SearchedArticle>();
  /** Each corpus's articles as last listed; listed again after files came or went. */
  private readonly listings = new Map<string, string[]>();
  /** The client reports files created, changed and deleted: until it does, listings and reads are trusted. */
  watching = false;
  private stale = new Set<string>();

  /** Files changed on disk (any article, sidecar or project file): read again what they touch before the next search. */
  filesChanged(paths: readonly string[], listingChanged: boolean): void {
    for (const path of paths) this.stale.add(path);
    if (listingChanged) this.listings.clear();
  }

  /** The corpus of `folder` as last listed, open articles included; undefined before it was read. */
  listed(folder: string): readonly string[] | undefined {
    return this.listings.get(folder);
  }

  /** An article as last read from disk, if it was. */
  lastRead(path: string): SearchedArticle | undefined {
    return this.onDisk.last(path);
  }

  /** Lists the corpus (unless listed and nothing came or went) and reads the articles whose files changed. */
  async read(scope: CorpusScope): Promise<void> {
    const { folder } = scope;
    let paths = this.watching ? this.listings.get(folder) : undefined;
    if (!paths) {
      ({ paths } = await findArticleFiles([folder], scope.isArticle, MAX_SEARCHED_ARTICLES));
      // Open articles are read from the editor; one not saved yet is searched too.
      for (const path of scope.openPaths()) if (!paths.includes(path) && scope.contains(path)) paths.push(path);
      this.listings.set(folder, paths);
      const kept = new Set(paths);
      this.onDisk.retain((path) => kept.has(path) || !scope.contains(path));
    }
    const open = new Set(scope.openPaths());
    const toRead = paths.filter((path) => !open.has(path) && (!this.watching || this.stale.has(path) || this.stale.has(sidecarPathFor(path)) || !this.onDisk.has(path)));
    await eachWithProgress(
      toRead,
      async (path) => {
        const { article, sidecar } = await articleStamps(path);
        const stamp = `${article ?? '-'}|${sidecar ?? '-'}`;
        if (this.onDisk.get(path, stamp)) return;
        try {
          this.onDisk.set(path, stamp, await this.readFresh(path));
        } catch {
          // Gone or unreadable since it was listed: nothing to find in it.
          this.onDisk.delete(path);
        }
      },
      { concurrency: CONCURRENT_READS },
    );
    for (const path of toRead) {
      this.stale.delete(path);
      this.stale.delete(sidecarPathFor(path));
    }
  }

  /** Read `path` again before the next search, whether or not the client reports the change (our own write). */
  markStale(path: string): void {
    this.stale.add(path);
  }

  /** An article and its tags as they are on disk now. */
  async readFresh(path: string): Promise<SearchedArticle> {
    const text = await readArticleFile(path);
    const uri = uriOfPath(path);
    try {
      const { sidecar } = await this.store.read(path);
      return { path, uri, text, tags: sidecar.annotations };
    } catch (error) {
      return { path, uri, text, tags: [], problem: error instanceof Error ? error.message : String(error) };
    }
  }
}
