import { dirname, relative, resolve, sep } from 'node:path';
import { Lexicon } from '../core/lexicon/lexicon';
import { applyLessons, lessonsOf } from '../core/lexicon/lessons';
import { LexiconError, lexiconPathIn } from '../core/lexicon/lexiconFile';
import { LexiconStore } from './lexiconStore';
import type { LearnedRule } from '../core/lexicon/lexicon';
import type { TagChange } from '../core/sidecar/tagEdits';

/** What the lexicons need of the workspace: where an article's corpus is, the open articles, and how to tell. */
export interface LexiconHost<A extends { path: string }> {
  /** The folder of the article's marginalia.json, else the workspace folder holding it; undefined outside both. */
  corpusFolderOf(articlePath: string): string | undefined;
  openArticles(): A[];
  /** The article's suggestions changed: redraw it. */
  articleChanged(article: A): void;
  /** Something the annotator must know (a broken lexicon file). */
  warn(message: string): void;
  /** Texts the corpus learnt (all of its lexicon when read, then each lesson's): the corpus index keeps where they stand. */
  learnt?(texts: readonly string[]): void;
}

/** One corpus's lexicon: as last read or written, or why its file could not be read. */
interface CorpusLexicon {
  path: string;
  lexicon?: Lexicon;
  /** The file's problem: nothing is learnt or suggested from it, and it is never written, until it is fixed. */
  problem?: string;
  /** The revision of `lexicon` last drawn (the store changes it in place): a watcher event for our own write changes nothing. */
  revision?: number;
  loading?: Promise<void>;
}

/**
 * The lexicon of each corpus with open articles (marginalia.lexicon.json beside its marginalia.json, or
 * in the workspace folder): loaded when an article of the corpus opens, taught by every applied tag
 * action (lessonsOf), reloaded when the file changes on disk, and asked for learnt suggestions.
 */
export class CorpusLexicons<A extends { path: string }> {
  private readonly store = new LexiconStore();
  private readonly corpora = new Map<string, CorpusLexicon>();
  private readonly views = new WeakMap<Lexicon, { revision: number; byAnnotator: Map<string, Lexicon> }>();

  constructor(private readonly host: LexiconHost<A>) {
    this.store.onCompacted((path, error) => {
      if (error !== undefined) this.host.warn(`Marginalia: what was learnt lately could not be folded into ${path} (${error instanceof Error ? error.message : String(error)}); it is kept in its journal (.marginalia/lexicon.journal.jsonl beside it) and read from there`);
    });
  }

  /** Folds the journal of the lexicon at `path` into the file, so that the file says everything learnt. */
  compact(path: string): Promise<void> {
    return this.store.compact(path);
  }

  /** Folds every journal written into its lexicon file: when the server stops. */
  close(): Promise<void> {
    return this.store.close();
  }

  /** Reads the lexicon of the article's corpus if it is not known yet; a broken file is reported, never thrown. */
  async load(articlePath: string): Promise<void> {
    const corpus = this.corpusOf(articlePath);
    if (!corpus) return;
    if (!corpus.lexicon && !corpus.problem) corpus.loading ??= this.read(corpus);
    await corpus.loading;
  }

  /**
   * The lexicon learnt in the article's corpus, once loaded and readable; with `onlyBy` (blind double
   * annotation), only what that annotator taught, so that nobody is shown another's decisions.
   */
  lexiconFor(articlePath: string, onlyBy?: string): Lexicon | undefined {
    const folder = this.host.corpusFolderOf(articlePath);
    const lexicon = folder === undefined ? undefined : this.corpora.get(lexiconPathIn(folder))?.lexicon;
    return lexicon && onlyBy !== undefined ? this.taughtBy(lexicon, onlyBy) : lexicon;
  }

  /** The lexicon file of the article's corpus, if the article is in one. */
  pathFor(articlePath: string): string | undefined {
    const folder = this.host.corpusFolderOf(articlePath);
    return folder === undefined ? undefined : lexiconPathIn(folder);
  }

  /**
   * Teaches the corpus what an applied tag action changed in an article (`text`: the article text its
   * tags' offsets refer to). Never fails the action: a lexicon that cannot be written is reported.
   */
  async learnFrom(articlePath: string, text: string, changes: readonly TagChange[], by: string): Promise<void> {
    const corpus = this.corpusOf(articlePath);
    if (!corpus) return;
    await this.load(articlePath);
    if (corpus.problem) return;
    const article = relative(dirname(corpus.path), articlePath).split(sep).join('/');
    const updates = lessonsOf(changes, { by, article, at: new Date().toISOString(), articleText: text });
    if (updates.length === 0) return;
    try {
      // The article acting is redrawn by its action: only the corpus's other open articles are redrawn here.
      await this.change(corpus, (lexicon) => applyLessons(lexicon, updates), articlePath);
      this.host.learnt?.(updates.flatMap((update) => (update.type === 'learn' ? [update.lesson.text] : [])));
    } catch (error) {
      if (!corpus.problem) this.host.warn(`Marginalia: what this tag action taught could not be saved in ${corpus.path} (${error instanceof Error ? error.message : String(error)}); the tags are saved`);
    }
  }

  /** The learnt rules of the article's corpus, in words, with the file they are kept in. */
  async rules(articlePath: string, onlyBy?: string): Promise<{ path: string; rules: LearnedRule[] }> {
    const corpus = this.readableCorpusOf(articlePath);
    await this.load(articlePath);
    if (corpus.problem) throw new Error(`${corpus.problem} — the learnt rules cannot be listed until it is fixed.`);
    return { path: corpus.path, rules: this.lexiconFor(articlePath, onlyBy)?.rules() ?? [] };
  }

  /** Forgets rules by id; answers how many there were to forget. */
  async forget(articlePath: string, ids: readonly string[]): Promise<number> {
    const corpus = this.readableCorpusOf(articlePath);
    await this.load(articlePath);
    if (corpus.problem) throw new Error(`${corpus.problem} — nothing can be forgotten until it is fixed.`);
    let forgotten = 0;
    await this.change(corpus, (lexicon) => {
      forgotten = ids.filter((id) => lexicon.forget(id)).length;
    });
    return forgotten;
  }

  /** A lexicon file changed on disk (git, another window, a hand edit): read it again and redraw its corpus. */
  async fileChanged(path: string): Promise<void> {
    const corpus = this.corpora.get(resolve(path));
    if (!corpus) return;
    await this.read(corpus);
  }

  /** The project files changed: which corpus an article belongs to may have too, so every lexicon is read again. */
  async reloadAll(): Promise<void> {
    this.corpora.clear();
    const articles = this.host.openArticles();
    await Promise.all(articles.map((article) => this.load(article.path)));
    for (const article of articles) this.host.articleChanged(article);
  }

  /** One annotator's part of a lexicon, made once per revision of the lexicon. */
  private taughtBy(lexicon: Lexicon, by: string): Lexicon {
    let known = this.views.get(lexicon);
    if (!known || known.revision !== lexicon.revision) this.views.set(lexicon, (known = { revision: lexicon.revision, byAnnotator: new Map() }));
    const views = known.byAnnotator;
    let view = views.get(by);
    if (!view) {
      const file = lexicon.toFile();
      views.set(by, (view = new Lexicon({ ...file, entries: file.entries.filter((entry) => entry.by === by), suppressions: file.suppressions.filter((suppression) => suppression.by === by) })));
    }
    return view;
  }

  private corpusOf(articlePath: string): CorpusLexicon | undefined {
    const path = this.pathFor(articlePath);
    if (path === undefined) return undefined;
    let corpus = this.corpora.get(path);
    if (!corpus) this.corpora.set(path, (corpus = { path }));
    return corpus;
  }

  private readableCorpusOf(articlePath: string): CorpusLexicon {
    const corpus = this.corpusOf(articlePath);
    if (!corpus) throw new Error(`${articlePath} is in no corpus (a folder with a marginalia.json, or a workspace folder), so nothing is learnt for it`);
    return corpus;
  }

  private async read(corpus: CorpusLexicon): Promise<void> {
    try {
      const lexicon = await this.store.read(corpus.path);
      this.settle(corpus, lexicon);
      this.host.learnt?.(lexicon.toFile().entries.map((entry) => entry.text));
    } catch (error) {
      this.fail(corpus, error);
    }
  }

  /**
   * Changes the lexicon file (read afresh under its lock) and takes what was written. When that fails, the
   * file is read again: a file broken meanwhile stops learning, a write that failed alone (a lock held
   * too long, a full disk) leaves the lexicon as it is on disk. Throws what failed.
   */
  private async change(corpus: CorpusLexicon, change: (lexicon: Lexicon) => void, notRedrawn?: string): Promise<void> {
    try {
      this.settle(corpus, await this.store.update(corpus.path, change), notRedrawn);
    } catch (error) {
      await this.read(corpus);
      throw error;
    }
  }

  /**
   * The lexicon as now read or written; its corpus's open articles are redrawn if it says anything new.
   * Not on the first read: articles wait for it before they are first drawn (ArticleWorkspace.open).
   */
  private settle(corpus: CorpusLexicon, lexicon: Lexicon, notRedrawn?: string): void {
    const known = corpus.lexicon !== undefined || corpus.problem !== undefined;
    // Our own write seen again by the watcher: the store answers its lexicon unchanged, and what was matched with it stays.
    const unchanged = corpus.lexicon === lexicon && corpus.revision === lexicon.revision;
    if (unchanged) return;
    corpus.problem = undefined;
    corpus.revision = lexicon.revision;
    corpus.lexicon = lexicon;
    if (known) this.redraw(corpus, notRedrawn);
  }

  private fail(corpus: CorpusLexicon, error: unknown): void {
    const message = error instanceof LexiconError ? error.message : `${corpus.path}: ${error instanceof Error ? error.message : String(error)}`;
    const wasWorking = corpus.lexicon !== undefined;
    corpus.problem = `Marginalia: the learnt lexicon ${message}. Tags are still saved, but nothing is learnt or suggested from it until it is fixed; the file is left as it is`;
    corpus.lexicon = undefined;
    corpus.revision = undefined;
    this.host.warn(corpus.problem);
    if (wasWorking) this.redraw(corpus);
  }

  private redraw(corpus: CorpusLexicon, except?: string): void {
    for (const article of this.host.openArticles()) if (article.path !== except && this.pathFor(article.path) === corpus.path) this.host.articleChanged(article);
  }
}
