import { basename, isAbsolute, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { looksBinary } from '../core/detect/binary';
import type { ArticleSelector, ProjectProblem } from '../core/project/articleSelector';
import { articleSelectorFor } from '../node/projectFiles';
import { PROJECT_FILE_NAME, type ProjectFile } from '../core/project/projectFile';
import { readArticleFile } from '../node/regularFile';
import type { TagVisibility } from '../core/review/corpusSummary';
import { resolveLabelSet, type LabelDefinition } from '../core/project/labelSet';
import { reanchorTags } from '../core/anchoring/reanchor';
import { SidecarError, type Sidecar, type Tag } from '../core/sidecar';
import { SidecarStore } from '../node/sidecarStore';
import { markedOrphaned, placedAt, samePlacement } from '../core/sidecar/tags';
import { CodePointIndex } from '../core/base/offsets';
import { appliedChanges, appliedEdit, applyEdit, outcomeOf, type RelationChange, type TagChange, type TagEdit } from '../core/sidecar/tagEdits';
import { resolveRelationTypes, type RelationType } from '../core/project/relationTypes';
import { referenceDateOf } from '../core/project/referenceDate';
import { UndoStack } from '../core/tagging/undoStack';
import { canSee, type Actor } from '../core/tagging/actor';
import { Article } from './article';
import { CorpusLexicons } from '../node/corpusLexicons';
import { pathOfUri as pathOf } from '../node/uris';
import { DEFAULT_SETTINGS, type Settings } from './settings';

export interface WorkspaceEvents {
  /** An article's tags or analysis changed: refresh tokens, diagnostics and the client's view. */
  articleChanged(article: Article): void;
  /** Something the annotator must know (a broken sidecar or project file); said once per distinct message. */
  warn(message: string): void;
  /** The project files governing these paths may have been read anew: report the broken ones, clear the fixed ones. */
  projectsLookedUp(paths: readonly string[]): void;
  /** Texts a corpus learnt (see LexiconHost.learnt). */
  learnt?(texts: readonly string[]): void;
}

/**
 * The open articles of the workspace and everything tag actions need: which files are articles, the
 * label set, the sidecar store, and one undo history per article.
 */
export class ArticleWorkspace {
  private readonly articles = new Map<string, Article>();
  private readonly undoStacks = new Map<string, UndoStack>();
  private readonly lastActions = new Map<string, number>();
  private readonly loading = new Map<string, Promise<void>>();
  /** The hash of the sidecar file each article's tags were last placed from: our own writes come back through the file watcher. */
  private readonly placedFrom = new Map<string, string | null>();
  private readonly store = new SidecarStore();
  private selector: ArticleSelector;
  settings: Settings = DEFAULT_SETTINGS;
  /** Who acts, once the editor's settings told (see `actor`). */
  private acting?: Actor;
  /** The reviewer's filter: highlight only what still needs review. */
  private onlyToReview = false;
  /** What each corpus learnt from its tags: suggested in its articles, taught by every tag action. */
  readonly lexicons: CorpusLexicons<Article>;
  /** Settled once the editor's settings are known: until then, blind mode or the annotator's name may be wrong. */
  readonly settingsKnown: Promise<void>;
  private settingsArrived!: () => void;
  /** Whether `settingsKnown` has settled: nothing about an article is published before. */
  settingsAreKnown = false;

  constructor(
    private workspaceFolders: string[],
    readonly events: WorkspaceEvents,
  ) {
    this.settingsKnown = new Promise((resolve) => (this.settingsArrived = resolve));
    this.selector = articleSelectorFor(workspaceFolders, DEFAULT_SETTINGS.articles);
    this.lexicons = new CorpusLexicons({
      corpusFolderOf: (path) => this.corpusFolderOf(path),
      openArticles: () => this.all(),
      articleChanged: (article) => events.articleChanged(article),
      warn: (message) => events.warn(message),
      learnt: (texts) => events.learnt?.(texts),
    });
  }

  /** The workspace folders the editor opened, before its settings are known. */
  setWorkspaceFolders(workspaceFolders: string[]): void {
    this.workspaceFolders = workspaceFolders;
    this.selector = articleSelectorFor(workspaceFolders, this.settings.articles);
  }

  configure(settings: Settings, annotator: string, workspaceFolders = this.workspaceFolders): void {
    this.settings = settings;
    this.acting = { annotator, blind: settings.blind };
    this.workspaceFolders = workspaceFolders;
    this.selector = articleSelectorFor(workspaceFolders, settings.articles);
    this.redisplayAll();
  }

  setReviewFilter(onlyToReview: boolean): void {
    this.onlyToReview = onlyToReview;
    this.redisplayAll();
  }

  get reviewFilter(): boolean {
    return this.onlyToReview;
  }

  /** Whether this person sees other annotators' tags (and so their disagreements): not in blind mode. */
  get seesEveryone(): boolean {
    return !this.settings.blind;
  }

  private redisplayAll(): void {
    for (const article of this.articles.values()) {
      this.display(article);
      this.events.articleChanged(article);
    }
  }

  /** In blind mode, one's own tags, tools' proposals and merge conflicts; otherwise everyone's. */
  private readonly isVisible = (tag: Pick<Tag, 'annotator' | 'status'>): boolean => this.acting === undefined || canSee(this.acting, tag);

  /**
   * Who acts: the annotator the settings name (default: git user.name) and blind mode. Handed to every
   * tag operation as an argument; requests wait for the settings, so an action never records a default.
   */
  get actor(): Actor {
    if (!this.acting) throw new Error('Marginalia does not know who you are yet: the editor has not sent its settings. Try again in a moment.');
    return this.acting;
  }

  /** Who sees what: `isVisible`, and a key that changes whenever it would answer differently. */
  get visibility(): TagVisibility {
    return { key: this.acting?.blind ? `blind:${this.acting.annotator}` : 'everyone', isVisible: this.isVisible };
  }

  private display(article: Article): void {
    article.setDisplay(this.isVisible, this.onlyToReview);
  }

  /** Project files changed on disk: forget them, so the next lookups read them again. */
  projectFilesChanged(): void {
    this.selector.forgetProjects();
    void this.lexicons.reloadAll();
  }

  /**
   * The state of the project file governing each path (none, sound, or broken with its issues): what
   * the editor shows on the file. A broken file keeps its last good version in force, if it had one.
   */
  projectFileStatus(path: string): { file: string; broken?: ProjectProblem } | undefined {
    const lookup = this.selector.projectOf(path);
    if (lookup.broken) return { file: lookup.broken.file, broken: lookup.broken };
    return lookup.project ? { file: join(lookup.project.folder, PROJECT_FILE_NAME) } : undefined;
  }

  /** The project (marginalia.json) governing an article, if any: its folder and what the file says. */
  projectOf(path: string): { folder: string; file: ProjectFile } | undefined {
    return this.selector.projectOf(path).project;
  }

  isArticlePath(path: string): boolean {
    return this.selector.isArticle(path);
  }

  /** The corpus an article belongs to: the folder of its marginalia.json, else the workspace folder holding it. */
  corpusFolderOf(path: string): string | undefined {
    const project = this.selector.projectOf(path).project;
    if (project) return project.folder;
    const holding = this.workspaceFolders.filter((folder) => isInside(folder, path));
    return holding.sort((a, b) => b.length - a.length)[0];
  }

  /** The editor's settings are in (or the editor cannot give any): requests waiting in `ready` go on. */
  settingsLoaded(): void {
    this.settingsAreKnown = true;
    this.settingsArrived();
  }

  /**
   * The article once the settings are known and its tags are loaded: requests right after opening see
   * its tags, not bare suggestions, and in blind mode never another annotator's.
   */
  async ready(uri: string): Promise<Article | undefined> {
    await this.settingsKnown;
    await this.loading.get(uri);
    return this.articles.get(uri);
  }

  get(uri: string): Article | undefined {
    return this.articles.get(uri);
  }

  all(): Article[] {
    return [...this.articles.values()];
  }

  /** Starts tracking a document if it is an article; returns it, or undefined for other files. */
  async open(document: TextDocument): Promise<Article | undefined> {
    // Opening twice (didOpen racing the end of initialisation) must not replace the article and its tags.
    const known = this.articles.get(document.uri);
    if (known) {
      known.document = document;
      return known;
    }
    const path = pathOf(document.uri);
    if (!path || !this.selector.isArticle(path)) {
      // A project file opened in the editor, or a file of a corpus whose project file is broken.
      if (path) this.events.projectsLookedUp([path]);
      return undefined;
    }
    if (looksBinary(document.getText())) {
      this.events.warn(`Marginalia: ${basename(path)} looks like a binary file, not an article; it is left alone.`);
      return undefined;
    }
    // In blind mode only one's own lessons are suggested: another annotator's would tell their decisions.
    const article = new Article(
      path,
      document,
      () => this.settings.maxAnalysedCharacters,
      () => this.lexicons.lexiconFor(path, this.acting?.blind ? this.acting.annotator : undefined),
      () => referenceDateOf(this.selector.projectOf(path).project, path),
    );
    this.display(article);
    this.articles.set(document.uri, article);
    this.events.projectsLookedUp([path]);
    // The lexicon first: the article's first drawing shows what its corpus learnt.
    const loaded = this.lexicons.load(path).then(() => this.reloadTags(article));
    this.loading.set(document.uri, loaded);
    await loaded;
    this.loading.delete(document.uri);
    return article;
  }

  close(uri: string): void {
    const article = this.articles.get(uri);
    if (article) this.placedFrom.delete(article.path);
    this.articles.delete(uri);
  }

  /** Every open article's label set: OntoNotes, the project file's, then the user's settings. */
  labelsFor(article: Article): LabelDefinition[] {
    const project = this.selector.projectOf(article.path).project;
    const { labels, problems } = resolveLabelSet(project?.file.labels, this.settings.labels);
    for (const problem of problems) this.events.warn(`Marginalia: ${problem}`);
    return labels;
  }

  /** The relation types of the article's corpus: its project file's "relations", else the built-in set. */
  relationTypesFor(article: Article): RelationType[] {
    return resolveRelationTypes(this.selector.projectOf(article.path).project?.file.relations);
  }

  /**
   * Tags whose removal the annotator was told would take relations with it, by article: the next
   * quick-fix list offers to confirm. Forgotten once confirmed or when the article's tags change.
   */
  readonly pendingRemovals = new Map<string, string>();

  guidelineOf(article: Article, label: string): string | undefined {
    return this.labelsFor(article).find((definition) => definition.name === label)?.guideline;
  }

  /**
   * Reads the sidecar again (opened, or changed on disk by another program) and finds each tag in the
   * article as it is now: exact place, else its quote and context, else a bounded fuzzy match;
   * what cannot be found is orphaned, never guessed. Moved tags are saved when the article is.
   */
  async reloadTags(article: Article): Promise<void> {
    try {
      const { sidecar, hash } = await this.store.read(article.path);
      // The file as we last placed it (our own write, seen again by the watcher): nothing to redo, and
      // redrawing anyway would make the editor drop a quick-fix list the person has just opened.
      if (!article.sidecarProblem && this.placedFrom.has(article.path) && this.placedFrom.get(article.path) === hash) return;
      article.sidecarProblem = undefined;
      this.placedFrom.set(article.path, hash);
      this.placeTags(article, sidecar);
      if (article.positionsDirty && (await this.matchesDisk(article))) await this.savePositions(article);
    } catch (error) {
      this.placedFrom.delete(article.path);
      article.sidecarProblem = messageOf(error);
      article.setTags([]);
      article.setRelations([]);
      this.events.warn(article.sidecarProblem);
    }
    article.tagsLoaded = true;
    this.events.articleChanged(article);
  }

  /**
   * Applies a tag action to the article's sidecar (queued, locked, validated, atomic), records what it
   * changed for undo and refreshes the editor. Refuses to touch a sidecar that could not be read.
   * The answer is worded from what was written: an action none of whose changes could be made (its
   * tags changed elsewhere meanwhile) throws, saying so, after the article shows the sidecar as it is.
   */
  async applyTagEdit(article: Article, edit: TagEdit, actor: Actor, record: 'record' | 'replay' = 'record'): Promise<string> {
    if (article.sidecarProblem) throw new Error(`${article.sidecarProblem} — fix or move that file; Marginalia will not overwrite it.`);
    let skipped: TagChange[] = [];
    let skippedRelations: RelationChange[] = [];
    const text = article.document.getText();
    const { sidecar, hash } = await this.store.updateTags(article.path, (current, relations) => {
      const applied = applyEdit(current, edit, relations);
      ({ skipped, skippedRelations } = applied);
      return applied;
    });
    this.placedFrom.set(article.path, hash);
    this.pendingRemovals.delete(article.uri);
    const applied = appliedEdit(edit, skipped, skippedRelations);
    await this.lexicons.learnFrom(article.path, text, applied.changes, actor.annotator);
    // The sidecar may hold offsets of the saved text while the editor holds unsaved edits: place them anew.
    this.placeTags(article, sidecar);
    // A tag restored by undo stands where it stood then: once found again in the saved text, its place is written.
    if (article.positionsDirty && (await this.matchesDisk(article))) await this.savePositions(article);
    if (record === 'record') this.undoStackOf(article).record(applied);
    this.lastActions.set(article.uri, Date.now());
    this.events.articleChanged(article);
    const outcome = outcomeOf(edit, skipped, skippedRelations);
    if (!outcome.done) throw new Error(outcome.message);
    return outcome.message;
  }

  /**
   * A tag action on an article that is not open (tag all in the workspace): written to its sidecar,
   * recorded for undo when the article is opened, and taught to the lexicon. `text` is the article on
   * disk, which the edit's offsets refer to. Answers the changes applied.
   */
  async applyTagEditToFile(path: string, text: string, edit: TagEdit, actor: Actor): Promise<TagChange[]> {
    let skipped: TagChange[] = [];
    let skippedRelations: RelationChange[] = [];
    await this.store.updateTags(path, (current, relations) => {
      const applied = applyEdit(current, edit, relations);
      ({ skipped, skippedRelations } = applied);
      return applied;
    });
    const applied = appliedChanges(edit, skipped);
    this.undoStackAt(path).record(appliedEdit(edit, skipped, skippedRelations));
    // Ctrl+Z in that article, once opened, undoes this before any text edit.
    this.lastActions.set(pathToFileURL(path).href, Date.now());
    await this.lexicons.learnFrom(path, text, applied, actor.annotator);
    return applied;
  }

  /** The article was saved: tags that moved with the edits get their new offsets in the sidecar. */
  async saved(article: Article): Promise<void> {
    if (!article.positionsDirty || article.sidecarProblem) return;
    try {
      await this.savePositions(article);
    } catch (error) {
      this.events.warn(messageOf(error));
    }
  }

  private placeTags(article: Article, sidecar: Sidecar): void {
    const stored = sidecar.annotations;
    // Relations follow their tags by id: placing the tags places them.
    article.setRelations(sidecar.relations ?? []);
    const text = article.document.getText();
    const results = reanchorTags(text, stored);
    const orphaned = new Set(results.filter((result) => result.outcome === 'orphaned').map((result) => result.tag.id));
    article.setTags(results.map((result) => result.tag), orphaned);
    // Moved, only its context refreshed, or orphaned and not marked so: the sidecar should say where the tag stands now.
    article.positionsDirty = results.some((result, i) => (result.outcome === 'orphaned' ? result.tag.anchor !== 'orphaned' : !samePlacement(result.tag, stored[i]!)));
  }

  /**
   * Writes where placed tags stand in the article as saved: offsets, text and context, so that the
   * sidecar matches the article on disk (a stale context would make the next re-anchoring search).
   * Orphans keep where they last stood, for a person to re-attach, and are marked orphaned, so that no
   * reader of the sidecar takes their offsets for sound; a tag found again loses the mark.
   */
  private async savePositions(article: Article): Promise<void> {
    const placed = new Map(article.getTags().filter((tag) => !article.isOrphaned(tag.id)).map((tag) => [tag.id, tag]));
    const text = article.document.getText();
    const index = new CodePointIndex(text);
    const { sidecar, hash } = await this.store.updateTags(article.path, (current) => {
      const put: Tag[] = [];
      for (const tag of current.values()) {
        const now = placed.get(tag.id);
        if (!now) {
          if (article.isOrphaned(tag.id) && tag.anchor !== 'orphaned') put.push(markedOrphaned(tag));
          continue;
        }
        const fresh = placedAt(tag, text, now.start, now.end, index);
        if (!samePlacement(fresh, tag)) put.push(fresh);
      }
      return { put, remove: [] };
    });
    this.placedFrom.set(article.path, hash);
    this.placeTags(article, sidecar);
    article.positionsDirty = false;
  }

  /** Whether the editor's text is what is on disk (offsets written now will match the saved article). */
  private async matchesDisk(article: Article): Promise<boolean> {
    try {
      return (await readArticleFile(article.path)) === article.document.getText();
    } catch {
      return false;
    }
  }

  undoStackOf(article: Article): UndoStack {
    return this.undoStackAt(article.path);
  }

  private undoStackAt(path: string): UndoStack {
    let history = this.undoStacks.get(path);
    if (!history) this.undoStacks.set(path, (history = new UndoStack()));
    return history;
  }

  lastTagAction(article: Article): number | undefined {
    return this.lastActions.get(article.uri);
  }
}

function isInside(folder: string, path: string): boolean {
  const inside = relative(folder, path);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside);
}

function messageOf(error: unknown): string {
  if (error instanceof SidecarError) return error.message;
  return error instanceof Error ? error.message : String(error);
}
