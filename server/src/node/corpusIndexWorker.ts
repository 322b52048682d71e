/**
 * The worker thread's side of the corpus index: it lists and reads the workspace's articles and
 * sidecars, keeps the word index (core/corpusIndex/wordIndex.ts) and each article's tags, and answers
 * the server's questions in the order they come, so that an answer always follows the updates sent
 * before it. Runs in the bundle it was started from (dist/server.js, dist/cli.js), as the
 * pre-annotation workers do; the server's thread never waits on a disk walk or a million words.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { isAbsolute, relative } from 'node:path';
import { eachWithProgress } from '../core/base/progress';
import { WordIndex, type PhrasePlaces } from '../core/corpusIndex/wordIndex';
import { FolderTree, type FolderPage } from '../core/corpusIndex/folderTree';
import { corpusNameOf } from './corpusNames';
import { CodePointIndex } from '../core/base/offsets';
import { misplacedTagIds, reviewSummaryOf, type ReviewSummary } from '../core/review/corpusSummary';
import { emptyReviewCounts, reviewStateOf } from '../core/review/reviewState';
import { occurrencesOf } from '../core/lexicon/matching';
import { isSidecarPath, sidecarPathFor } from '../core/sidecar/paths';
import { PROJECT_FILE_NAME } from '../core/project/projectFile';
import type { Tag } from '../core/sidecar';
import { findArticleFiles } from './corpusFiles';
import { articleSelectorFor } from './projectFiles';
import { statSync } from 'node:fs';
import { setPriority } from 'node:os';
import { readArticleFileSync } from './regularFile';
import { SidecarStore } from './sidecarStore';

const WORKER_ROLE = 'marginalia-corpus-index';

export interface IndexSetup {
  role: typeof WORKER_ROLE;
  folders: string[];
  /** The `marginalia.articles` setting's globs, if set. */
  articles?: string[];
}

/** Whose tags count: everyone's, or in blind mode one annotator's (and proposals and conflicts, as canSee says). */
export interface Viewer {
  blindAs?: string;
}

export type IndexQuestion =
  | { type: 'build' }
  | { type: 'update'; paths: string[] }
  | { type: 'count'; phrase: string; folder: string; exclude: string[]; viewer: Viewer }
  | { type: 'holding'; phrase: string; folder: string; exclude: string[]; viewer: Viewer }
  | { type: 'list'; viewer: Viewer }
  | { type: 'page'; folder: string; offset: number; limit: number; viewer: Viewer };

export interface PhraseCount {
  occurrences: number;
  articles: number;
}

export interface IndexedArticle {
  path: string;
  summary: ReviewSummary;
  problem?: string;
}

/** A page of one folder's children (folderTree.ts), and the index's version: a change between two pages shows as a new version. */
export type IndexedPage = FolderPage<{ path: string; problem?: string }> & { version: number };

export type IndexMessage = { id: number; result: unknown } | { id: number; error: string } | { progress: { done: number; total: number } };

export function indexSetup(folders: string[], articles: string[] | undefined): IndexSetup {
  return { role: WORKER_ROLE, folders, ...(articles ? { articles } : {}) };
}

export function isCorpusIndexWorker(): boolean {
  return !isMainThread && (workerData as { role?: unknown } | null)?.role === WORKER_ROLE;
}

/** A tag as the index keeps it: where it stands (UTF-16), and what visibility and review counts need. */
interface KeptTag {
  start: number;
  end: number;
  annotator: string;
  status: Tag['status'];
  orphaned: boolean;
}

interface Doc {
  path: string;
  /** Size and modification time of the article and of its sidecar ('' for none) when read. */
  stamps: [string, string];
  corpus: string | undefined;
  tags: KeptTag[];
  problem?: string;
}

export class CorpusIndexState {
  private words = new WordIndex();
  private docs: Array<Doc | undefined> = [];
  private byPath = new Map<string, number>();
  private readonly store = new SidecarStore();
  private selector;

  constructor(private readonly setup: IndexSetup) {
    this.selector = articleSelectorFor(setup.folders, setup.articles);
  }

  async answer(question: IndexQuestion, progress: (done: number, total: number) => void): Promise<unknown> {
    if (question.type === 'build' || question.type === 'update') {
      this.counted.clear();
      this.trees.clear();
      this.version++;
    }
    switch (question.type) {
      case 'build':
        return this.build(progress);
      case 'update':
        return this.update(question.paths);
      case 'count':
        return this.count(question.phrase, question.folder, new Set(question.exclude), question.viewer);
      case 'holding':
        return this.holding(question.phrase, question.folder, new Set(question.exclude), question.viewer);
      case 'list':
        return this.list(question.viewer);
      case 'page':
        return this.page(question.folder, question.offset, question.limit, question.viewer);
    }
  }

  private async build(progress: (done: number, total: number) => void): Promise<number> {
    this.words = new WordIndex();
    this.docs = [];
    this.byPath = new Map();
    this.selector = articleSelectorFor(this.setup.folders, this.setup.articles);
    const { paths } = await findArticleFiles(this.setup.folders, (path) => this.selector.isArticle(path), Infinity);
    // Each text is indexed as soon as read and then dropped: only the index stays in memory.
    await eachWithProgress(paths, async (path) => {
      const article = await this.read(path);
      if (article) this.add(article.doc, article.text);
    }, { progress: { report: progress } });
    this.words.trim();
    return this.byPath.size;
  }

  private async update(paths: readonly string[]): Promise<void> {
    if (paths.some((path) => path.endsWith(PROJECT_FILE_NAME))) {
      // Which files are articles, and of which corpus, may have changed anywhere below it.
      await this.build(() => {});
      return;
    }
    for (const changed of paths) {
      const path = isSidecarPath(changed) ? changed.replace(/\.annotations\.json$/, '.txt') : changed;
      const known = this.byPath.get(path) ?? this.byPath.get(changed.replace(/\.annotations\.json$/, '.TXT'));
      const article = this.selector.isArticle(path) ? await this.read(path) : undefined;
      if (known !== undefined) {
        this.words.remove(known);
        this.byPath.delete(this.docs[known]!.path);
        this.docs[known] = undefined;
      }
      if (article) this.add(article.doc, article.text);
    }
  }

  private add(doc: Doc, text: string): void {
    const id = this.docs.length;
    this.docs.push(doc);
    this.byPath.set(doc.path, id);
    this.words.add(id, text);
  }

  /** An article and its tags as on disk now; undefined when it is gone or unreadable (then nothing can be found in it). */
  private async read(path: string): Promise<{ doc: Doc; text: string } | undefined> {
    let text: string;
    const stamps: Doc['stamps'] = [stampOf(path), stampOf(sidecarPathFor(path))];
    try {
      // Blocking this thread only: asynchronous reads would queue in the pool the server's thread reads the open articles with.
      text = readArticleFileSync(path);
    } catch {
      return undefined;
    }
    const doc: Doc = { path, stamps, corpus: this.corpusOf(path), tags: [] };
    // Most articles have no sidecar yet: nothing to read.
    if (stamps[1] === '') return { doc, text };
    try {
      const { sidecar } = await this.store.read(path);
      const tags = sidecar.annotations;
      if (tags.length > 0) {
        const misplaced = misplacedTagIds(text, tags);
        const index = new CodePointIndex(text);
        doc.tags = tags.map((tag) => ({ start: index.toUtf16(Math.min(tag.start, index.length)), end: index.toUtf16(Math.min(tag.end, index.length)), annotator: tag.annotator, status: tag.status, orphaned: misplaced.has(tag.id) }));
      }
    } catch (error) {
      doc.problem = error instanceof Error ? error.message : String(error);
    }
    return { doc, text };
  }

  private corpusOf(path: string): string | undefined {
    const project = this.selector.projectOf(path).project;
    if (project) return project.folder;
    const holding = this.setup.folders.filter((folder) => isInsideFolder(folder, path));
    return holding.sort((a, b) => b.length - a.length)[0];
  }

  /** Counts answered since the index last changed: Ctrl+. at the same name again costs nothing. */
  private readonly counted = new Map<string, PhraseCount>();

  private count(phrase: string, folder: string, exclude: ReadonlySet<string>, viewer: Viewer): PhraseCount | Promise<PhraseCount> {
    const key = JSON.stringify([phrase, folder, [...exclude].sort(), viewer.blindAs ?? null]);
    const known = this.counted.get(key);
    if (known) return known;
    const counting = this.countNow(phrase, folder, exclude, viewer);
    if (counting instanceof Promise) return counting;
    this.counted.set(key, counting);
    return counting;
  }

  private countNow(phrase: string, folder: string, exclude: ReadonlySet<string>, viewer: Viewer): PhraseCount | Promise<PhraseCount> {
    const accept = (id: number) => {
      const doc = this.docs[id];
      return doc !== undefined && doc.corpus === folder && !doc.problem && !exclude.has(doc.path);
    };
    // Straight from the places: most articles have no tag, and nothing is gathered for them.
    let occurrences = 0;
    const articles = new Set<number>();
    const placed = this.words.each(phrase, accept, (id, start, end) => {
      const tags = this.docs[id]!.tags;
      if (tags.length > 0 && tags.some((tag) => !tag.orphaned && canSee(viewer, tag) && tag.start < end && start < tag.end)) return;
      occurrences++;
      articles.add(id);
    });
    if (!placed) return this.countInTexts(phrase, [...this.words.candidates(phrase, accept)], viewer);
    return { occurrences, articles: articles.size };
  }

  /** How many of an article's places no tag the viewer sees covers (a tag whose text moved away covers nothing). */
  private untaggedAmong(id: number, places: PhrasePlaces, viewer: Viewer): number {
    const tags = this.docs[id]!.tags.filter((tag) => !tag.orphaned && canSee(viewer, tag));
    if (tags.length === 0) return places.starts.length;
    return places.starts.filter((start, n) => !tags.some((tag) => tag.start < places.ends[n]! && start < tag.end)).length;
  }

  /** A phrase the words alone cannot place ("Yahoo!"): the articles holding its words are read and searched. */
  private async countInTexts(phrase: string, ids: number[], viewer: Viewer): Promise<PhraseCount> {
    let occurrences = 0;
    let articles = 0;
    for (const id of ids) {
      const doc = this.docs[id]!;
      let text = '';
      try {
        text = readArticleFileSync(doc.path);
      } catch {
        // Gone since it was indexed: nothing to find in it.
      }
      const tags = doc.tags.filter((tag) => !tag.orphaned && canSee(viewer, tag));
      const untagged = occurrencesOf(text, phrase).filter((place) => !tags.some((tag) => tag.start < place.end && place.start < tag.end)).length;
      occurrences += untagged;
      if (untagged > 0) articles++;
    }
    return { occurrences, articles };
  }

  /**
   * The articles of corpus `folder` where `phrase` stands untagged (for a name; for another phrase,
   * those holding its words), sorted by path: the only ones a search must read, and pages of them stay
   * put while the places tagged leave.
   */
  private holding(phrase: string, folder: string, exclude: ReadonlySet<string>, viewer: Viewer): string[] {
    const accept = (id: number) => {
      const doc = this.docs[id];
      return doc !== undefined && doc.corpus === folder && !exclude.has(doc.path);
    };
    const found = this.words.find(phrase, accept);
    const ids = found ? [...found].filter(([id, places]) => this.untaggedAmong(id, places, viewer) > 0).map(([id]) => id) : [...this.words.candidates(phrase, accept)];
    return ids.map((id) => this.docs[id]!.path).sort();
  }

  /** Bumped by every build and update. */
  private version = 0;
  /** The folders as each viewer counts them, made at the first page asked for since the index last changed. */
  private readonly trees = new Map<string, FolderTree<{ path: string; problem?: string }>>();

  private page(folder: string, offset: number, limit: number, viewer: Viewer): IndexedPage {
    const key = viewer.blindAs ?? '';
    let tree = this.trees.get(key);
    if (!tree) {
      tree = new FolderTree();
      for (const { path, summary, problem } of this.list(viewer)) tree.add({ name: corpusNameOf(this.setup.folders, path), counts: summary.counts, value: { path, ...(problem ? { problem } : {}) } });
      this.trees.set(key, tree.seal());
    }
    return { ...tree.page(folder, offset, limit), version: this.version };
  }

  private list(viewer: Viewer): IndexedArticle[] {
    const listed: IndexedArticle[] = [];
    for (const doc of this.docs) {
      if (!doc) continue;
      const counts = emptyReviewCounts();
      for (const tag of doc.tags) if (canSee(viewer, tag)) counts[reviewStateOf(tag, tag.orphaned)]++;
      listed.push({ path: doc.path, summary: reviewSummaryOf(counts), ...(doc.problem ? { problem: doc.problem } : {}) });
    }
    return listed.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
}

/** Size and modification time of a file, '' when there is none: what tells that it changed since it was read. */
function stampOf(path: string): string {
  try {
    const { size, mtimeMs } = statSync(path);
    return `${size}:${mtimeMs}`;
  } catch {
    return '';
  }
}

/** canSee (core/tagging/actor.ts) over what the index keeps of a tag. */
function canSee(viewer: Viewer, tag: Pick<KeptTag, 'annotator' | 'status'>): boolean {
  return viewer.blindAs === undefined || tag.annotator === viewer.blindAs || tag.status === 'proposed' || tag.status === 'conflict';
}

function isInsideFolder(folder: string, path: string): boolean {
  const inside = relative(folder, path);
  return !inside.startsWith('..') && !isAbsolute(inside);
}

/** Answers the server's questions one after another, for as long as the thread lives. */
export function serveCorpusIndexWorker(): void {
  // On Linux a priority set for "this process" (pid 0) applies to the calling thread only: the index
  // then yields the cores to the server's thread, whose tokens and hovers never wait on it. Elsewhere
  // it would lower the whole server, so it is left alone there.
  if (process.platform === 'linux') {
    try {
      setPriority(0, 19);
    } catch {
      // Not allowed here: the index runs at the server's priority.
    }
  }
  const state = new CorpusIndexState(workerData as IndexSetup);
  const port = parentPort!;
  let queue = Promise.resolve();
  port.on('message', ({ id, question }: { id: number; question: IndexQuestion }) => {
    queue = queue.then(async () => {
      try {
        // One message a percent, not one an article: the server's thread has articles to serve.
        let shown = -1;
        const result = await state.answer(question, (done, total) => {
          const percent = total === 0 ? 100 : Math.floor((done * 100) / total);
          if (percent === shown) return;
          shown = percent;
          port.postMessage({ progress: { done, total } } satisfies IndexMessage);
        });
        port.postMessage({ id, result } satisfies IndexMessage);
      } catch (error) {
        port.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies IndexMessage);
      }
    });
  });
}
