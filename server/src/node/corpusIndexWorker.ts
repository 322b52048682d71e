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
import { TrackedPhrases } from '../core/corpusIndex/trackedPhrases';
import { CodePointIndex } from '../core/base/offsets';
import { misplacedTagIds, reviewSummaryOf, type ReviewSummary } from '../core/review/corpusSummary';
import { emptyReviewCounts, reviewStateOf } from '../core/review/reviewState';
import { isSidecarPath, sidecarPathFor } from '../core/sidecar/paths';
import { PROJECT_FILE_NAME } from '../core/project/projectFile';
import { findArticleFiles } from './corpusFiles';
import { articleSelectorFor } from './projectFiles';
import { statSync } from 'node:fs';
import { setPriority } from 'node:os';
import { readArticleFileSync } from './regularFile';
import { SidecarStore } from './sidecarStore';
import { IndexCacheProblem, indexCachePathFor, readIndexCache, wordIndexOf, writeIndexCache, type CachedArticle, type IndexCacheContents, type KeptTag } from './corpusIndexCache';

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
  | { type: 'track'; phrases: string[] }
  | { type: 'save' }
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

export type IndexMessage = { id: number; result: unknown } | { id: number; error: string } | { progress: { done: number; total: number } } | { log: string };

export function indexSetup(folders: string[], articles: string[] | undefined): IndexSetup {
  return { role: WORKER_ROLE, folders, ...(articles ? { articles } : {}) };
}

export function isCorpusIndexWorker(): boolean {
  return !isMainThread && (workerData as { role?: unknown } | null)?.role === WORKER_ROLE;
}

/** An article as the index keeps it: as read (and cached), and the corpus it belongs to now. */
interface Doc extends CachedArticle {
  corpus: string | undefined;
}

/** Read again at the next start when modified this close to being read (see CachedArticle.racy): more than a coarse clock's tick. */
const RACY_MS = 3000;

export class CorpusIndexState {
  private words = new WordIndex();
  private phrases = new TrackedPhrases();
  private docs: Array<Doc | undefined> = [];
  private byPath = new Map<string, number>();
  private readonly store = new SidecarStore();
  private selector;
  private readonly cachePath: string | undefined;
  /** Whether the index changed since the cache was last written (or read). */
  dirty = false;
  /** The write of the cache under way: the next one starts after it, so that the newest lands last. */
  private writing: Promise<void> = Promise.resolve();

  /** `log`: a line for the server's log (what the cache did, and why it was not used). */
  constructor(
    private readonly setup: IndexSetup,
    private readonly log: (line: string) => void = () => {},
  ) {
    this.selector = articleSelectorFor(setup.folders, setup.articles);
    this.cachePath = indexCachePathFor(setup.folders);
  }

  async answer(question: IndexQuestion, progress: (done: number, total: number) => void): Promise<unknown> {
    if (question.type === 'build' || question.type === 'update') {
      this.counted.clear();
      this.trees.clear();
      this.version++;
    }
    if (question.type === 'track') this.counted.clear();
    switch (question.type) {
      case 'build':
        return this.build(progress);
      case 'update':
        return this.update(question.paths);
      case 'track':
        return this.track(question.phrases);
      case 'save':
        return this.save();
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

  /**
   * Builds the index: from the cache when there is a usable one, reading again only the articles whose
   * file or sidecar changed since (and those it marks racy), forgetting those gone, reading the new;
   * else (`fresh`, or no usable cache) from every file.
   */
  private async build(progress: (done: number, total: number) => void, fresh = false): Promise<number> {
    this.words = new WordIndex();
    this.docs = [];
    this.byPath = new Map();
    this.selector = articleSelectorFor(this.setup.folders, this.setup.articles);
    const cached = fresh ? undefined : await this.readCache();
    if (cached) this.restore(cached);
    else this.phrases.clearPlaces();
    const { paths } = await findArticleFiles(this.setup.folders, (path) => this.selector.isArticle(path), Infinity);
    const found = new Set(paths);
    let gone = 0;
    this.docs.forEach((doc, id) => {
      if (!doc || found.has(doc.path)) return;
      this.remove(id);
      gone++;
    });
    let read = 0;
    // Each text is indexed as soon as read and then dropped: only the index stays in memory.
    await eachWithProgress(paths, async (path) => {
      const known = this.byPath.get(path);
      if (known !== undefined) {
        const doc = this.docs[known]!;
        // Unchanged since the cache was written: its corpus is found again (a marginalia.json may have come or gone).
        if (!doc.racy && doc.stamps[0] === stampOf(path) && doc.stamps[1] === stampOf(sidecarPathFor(path))) {
          doc.corpus = this.corpusOf(path);
          return;
        }
        this.remove(known);
      }
      read++;
      const article = await this.read(path);
      if (article) this.add(article.doc, article.text);
    }, { progress: { report: progress } });
    this.words.trim();
    if (cached) this.log(`corpus index loaded from the cache: ${this.byPath.size} articles, ${read} read again (changed or new), ${gone} gone`);
    else this.log(`corpus index built from the files: ${this.byPath.size} articles read`);
    if (!cached || read > 0 || gone > 0) this.dirty = true;
    return this.byPath.size;
  }

  /** The cache as written last, when it can be used; else undefined, with one line in the log saying why. */
  private async readCache(): Promise<IndexCacheContents | undefined> {
    if (!this.cachePath) return undefined;
    try {
      const contents = await readIndexCache(this.cachePath, { folders: this.setup.folders, ...(this.setup.articles ? { articles: this.setup.articles } : {}) });
      // Checked whole before anything of it is used.
      this.words = wordIndexOf(contents);
      return contents;
    } catch (error) {
      this.words = new WordIndex();
      const why = error instanceof IndexCacheProblem ? error.message : `it could not be read (${error instanceof Error ? error.message : String(error)})`;
      this.log(`corpus index cache ${this.cachePath} not used: ${why}; the index is built from the files`);
      return undefined;
    }
  }

  /** Takes the articles and phrases of a cache (its word index is already taken). */
  private restore(cached: IndexCacheContents): void {
    this.docs = cached.docs.map((doc) => (doc ? { ...doc, corpus: undefined } : undefined));
    this.docs.forEach((doc, id) => doc && this.byPath.set(doc.path, id));
    this.phrases = TrackedPhrases.fromImage(cached.phrases, (id) => this.docs[id] !== undefined);
  }

  /**
   * Writes the index to its cache: the arrays are copied now (the index may change during the write),
   * and written while questions are answered. A cache that cannot be written is said in the log once
   * a write; the index works on, and is built from the files at the next start.
   */
  save(): Promise<void> {
    if (!this.cachePath || !this.dirty) return this.writing;
    this.dirty = false;
    const path = this.cachePath;
    const contents: IndexCacheContents = {
      setup: { folders: this.setup.folders, ...(this.setup.articles ? { articles: this.setup.articles } : {}) },
      docs: this.docs.map((doc) => (doc ? { path: doc.path, stamps: doc.stamps, ...(doc.racy ? { racy: true as const } : {}), tags: doc.tags, ...(doc.problem !== undefined ? { problem: doc.problem } : {}) } : null)),
      words: this.words.image(),
      phrases: this.phrases.image(),
    };
    const count = this.byPath.size;
    this.writing = this.writing.then(() =>
      writeIndexCache(path, contents).then(
        () => this.log(`corpus index cache written: ${count} articles (${path})`),
        (error: unknown) => this.log(`corpus index cache ${path} could not be written (${error instanceof Error ? error.message : String(error)}); the index is built from the files at the next start`),
      ),
    );
    return this.writing;
  }

  private async update(paths: readonly string[]): Promise<void> {
    this.dirty = true;
    if (paths.some((path) => path.endsWith(PROJECT_FILE_NAME))) {
      // Which files are articles, and of which corpus, may have changed anywhere below it.
      await this.build(() => {}, true);
      return;
    }
    for (const changed of paths) {
      const path = isSidecarPath(changed) ? changed.replace(/\.annotations\.json$/, '.txt') : changed;
      const known = this.byPath.get(path) ?? this.byPath.get(changed.replace(/\.annotations\.json$/, '.TXT'));
      const article = this.selector.isArticle(path) ? await this.read(path) : undefined;
      if (known !== undefined) this.remove(known);
      if (article) this.add(article.doc, article.text);
    }
  }

  /**
   * Keeps the places of phrases the word places cannot tell (learnt texts, sent as they are learnt):
   * the articles holding their words are read now, in the background, so that no count reads them.
   */
  private track(phrases: readonly string[]): void {
    const fresh = phrases.filter((phrase) => !this.phrases.has(phrase) && phrase.length > 0 && this.words.find(phrase, () => false) === undefined);
    if (fresh.length === 0) return;
    let read = 0;
    for (const phrase of fresh) {
      const holding = this.words.candidates(phrase, () => true);
      read += holding.size;
      this.phrases.track(phrase, holding, (id) => this.textOf(id));
    }
    this.dirty = true;
    this.log(`corpus index keeps ${fresh.length === 1 ? `"${fresh[0]}"` : `${fresh.length} texts`} by its text: ${read} article${read === 1 ? '' : 's'} holding its words read`);
  }

  /** An article's text as on disk now, undefined when it cannot be read (then nothing is found in it). */
  private textOf(id: number): string | undefined {
    try {
      return readArticleFileSync(this.docs[id]!.path);
    } catch {
      return undefined;
    }
  }

  private add(doc: Doc, text: string): void {
    const id = this.docs.length;
    this.docs.push(doc);
    this.byPath.set(doc.path, id);
    this.words.add(id, text);
    this.phrases.added(id, text, this.words);
  }

  private remove(id: number): void {
    this.words.remove(id);
    this.phrases.removed(id);
    this.byPath.delete(this.docs[id]!.path);
    this.docs[id] = undefined;
  }

  /** An article and its tags as on disk now; undefined when it is gone or unreadable (then nothing can be found in it). */
  private async read(path: string): Promise<{ doc: Doc; text: string } | undefined> {
    let text: string;
    const readAt = Date.now();
    const stamps: Doc['stamps'] = [stampOf(path), stampOf(sidecarPathFor(path))];
    try {
      // Blocking this thread only: asynchronous reads would queue in the pool the server's thread reads the open articles with.
      text = readArticleFileSync(path);
    } catch {
      return undefined;
    }
    const doc: Doc = { path, stamps, corpus: this.corpusOf(path), tags: [] };
    if (stamps.some((stamp) => stamp !== '' && Number(stamp.slice(stamp.indexOf(':') + 1)) > readAt - RACY_MS)) doc.racy = true;
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

  private count(phrase: string, folder: string, exclude: ReadonlySet<string>, viewer: Viewer): PhraseCount {
    const key = JSON.stringify([phrase, folder, [...exclude].sort(), viewer.blindAs ?? null]);
    const known = this.counted.get(key);
    if (known) return known;
    const counting = this.countNow(phrase, folder, exclude, viewer);
    this.counted.set(key, counting);
    return counting;
  }

  private countNow(phrase: string, folder: string, exclude: ReadonlySet<string>, viewer: Viewer): PhraseCount {
    const accept = (id: number) => {
      const doc = this.docs[id];
      return doc !== undefined && doc.corpus === folder && !doc.problem && !exclude.has(doc.path);
    };
    // Straight from the places: most articles have no tag, and nothing is gathered for them.
    let occurrences = 0;
    const articles = new Set<number>();
    const visit = (id: number, start: number, end: number) => {
      const tags = this.docs[id]!.tags;
      if (tags.length > 0 && tags.some((tag) => !tag.orphaned && canSee(viewer, tag) && tag.start < end && start < tag.end)) return;
      occurrences++;
      articles.add(id);
    };
    if (!this.words.each(phrase, accept, visit)) this.trackedPhrase(phrase).each(phrase, accept, visit);
    return { occurrences, articles: articles.size };
  }

  /**
   * The phrases kept by their text, `phrase` among them: a phrase neither learnt nor asked before
   * ("Yahoo!" at a detector's suggestion) is tracked now, reading the articles holding its words once.
   */
  private trackedPhrase(phrase: string): TrackedPhrases {
    this.track([phrase]);
    return this.phrases;
  }

  /** How many of an article's places no tag the viewer sees covers (a tag whose text moved away covers nothing). */
  private untaggedAmong(id: number, places: PhrasePlaces, viewer: Viewer): number {
    const tags = this.docs[id]!.tags.filter((tag) => !tag.orphaned && canSee(viewer, tag));
    if (tags.length === 0) return places.starts.length;
    return places.starts.filter((start, n) => !tags.some((tag) => tag.start < places.ends[n]! && start < tag.end)).length;
  }

  /**
   * The articles of corpus `folder` where `phrase` stands untagged, sorted by path: the only ones a
   * search must read, and pages of them stay put while the places tagged leave.
   */
  private holding(phrase: string, folder: string, exclude: ReadonlySet<string>, viewer: Viewer): string[] {
    const accept = (id: number) => {
      const doc = this.docs[id];
      return doc !== undefined && doc.corpus === folder && !exclude.has(doc.path);
    };
    let found = this.words.find(phrase, accept);
    if (!found) {
      const gathered = new Map<number, PhrasePlaces>();
      this.trackedPhrase(phrase).each(phrase, accept, (id, start, end) => {
        let places = gathered.get(id);
        if (!places) gathered.set(id, (places = { doc: id, starts: [], ends: [] }));
        places.starts.push(start);
        places.ends.push(end);
      });
      found = gathered;
    }
    const ids = [...found].filter(([id, places]) => this.untaggedAmong(id, places, viewer) > 0).map(([id]) => id);
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
    // No exception for a missing file (most articles have no sidecar before pre-annotation): at 100,000
    // articles, building and throwing 100,000 errors cost seconds of the index build.
    const stats = statSync(path, { throwIfNoEntry: false });
    return stats ? `${stats.size}:${stats.mtimeMs}` : '';
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
  const port = parentPort!;
  const state = new CorpusIndexState(workerData as IndexSetup, (line) => port.postMessage({ log: line } satisfies IndexMessage));
  let queue = Promise.resolve();
  let quiet: NodeJS.Timeout | undefined;
  /** The pause the pending write of the cache waits for, if one is pending. */
  let waitFor: number | undefined;
  const enqueue = (work: () => Promise<void>) => (queue = queue.then(work));
  const saveAfterQuiet = (ms: number) => {
    clearTimeout(quiet);
    waitFor = ms;
    quiet = setTimeout(() => {
      waitFor = undefined;
      // The arrays are copied in turn with the questions; the write itself goes on beside them.
      enqueue(async () => void state.save());
    }, ms);
  };
  port.on('message', ({ id, question }: { id: number; question: IndexQuestion }) => {
    // Questions keep coming (Ctrl+. after Ctrl+.): the pending write waits until they pause.
    if (waitFor !== undefined) saveAfterQuiet(waitFor);
    enqueue(async () => {
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
      // After the build, once the first questions pause; after changes, once they pause for longer (a git pull is one write, not a thousand).
      // A question that changes nothing (a count, a page) keeps the pause already awaited: a Ctrl+. right after the build
      // once turned the build's 2 s into a minute, and a server stopped within it wrote the cache only as it stopped.
      if (state.dirty && CHANGES_INDEX.has(question.type)) saveAfterQuiet(question.type === 'build' ? BUILT_QUIET_MS : CACHE_QUIET_MS);
      // A count may still keep a text it searched for the first time: written after the longer pause, unless a write waits already.
      else if (state.dirty && waitFor === undefined && question.type !== 'save') saveAfterQuiet(CACHE_QUIET_MS);
    });
  });
}

/** The questions after which the index differs from the cache written last. */
const CHANGES_INDEX: ReadonlySet<IndexQuestion['type']> = new Set(['build', 'update', 'track']);

/** How long questions must pause after the build before the cache is first written: Ctrl+. right after start-up does not wait on it. */
const BUILT_QUIET_MS = 2000;

/**
 * How long changes must pause before the cache is written again: a minute, as a 100,000-article cache
 * is a few hundred MB and an annotator saves a sidecar every few seconds. The server also writes it
 * when it stops; changes not yet written only cost reading those articles again at the next start.
 */
const CACHE_QUIET_MS = 60_000;
