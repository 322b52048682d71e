import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { looksBinary } from '../core/detect/binary';
import { ArticleSelector } from '../core/project/articleSelector';
import { resolveLabelSet, type LabelDefinition } from '../core/project/labelSet';
import { SidecarError, SidecarStore } from '../core/sidecar';
import { applyEdit, type TagEdit } from '../core/tagEdits';
import { TagHistory } from '../core/tagHistory';
import { Article } from './article';
import { DEFAULT_SETTINGS, type Settings } from './settings';

export interface WorkspaceEvents {
  /** An article's tags or analysis changed: refresh tokens, diagnostics and the client's view. */
  articleChanged(article: Article): void;
  /** Something the annotator must know (a broken sidecar or project file); said once per distinct message. */
  warn(message: string): void;
}

/**
 * The open articles of the workspace and everything tag actions need: which files are articles, the
 * label set, the sidecar store, and one undo history per article.
 */
export class ArticleWorkspace {
  private readonly articles = new Map<string, Article>();
  private readonly histories = new Map<string, TagHistory>();
  private readonly lastActions = new Map<string, number>();
  private readonly store = new SidecarStore();
  private selector: ArticleSelector;
  settings: Settings = DEFAULT_SETTINGS;
  annotator = 'annotator';

  constructor(
    private workspaceFolders: string[],
    private readonly events: WorkspaceEvents,
  ) {
    this.selector = new ArticleSelector(workspaceFolders, DEFAULT_SETTINGS.articles);
  }

  configure(settings: Settings, annotator: string, workspaceFolders = this.workspaceFolders): void {
    this.settings = settings;
    this.annotator = annotator;
    this.workspaceFolders = workspaceFolders;
    this.selector = new ArticleSelector(workspaceFolders, settings.articles);
  }

  /** Project files changed on disk: forget them, so the next lookups read them again. */
  projectFilesChanged(): void {
    this.selector.forgetProjects();
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
      const problem = path ? this.selector.projectOf(path).problem : undefined;
      if (problem) this.events.warn(problem);
      return undefined;
    }
    if (looksBinary(document.getText())) {
      this.events.warn(`Marginalia: ${basename(path)} looks like a binary file, not an article; it is left alone.`);
      return undefined;
    }
    const article = new Article(path, document, () => this.settings.maxAnalysedCharacters);
    this.articles.set(document.uri, article);
    await this.reloadTags(article);
    return article;
  }

  close(uri: string): void {
    this.articles.delete(uri);
  }

  /** Every open article's label set: OntoNotes, the project file's, then the user's settings. */
  labelsFor(article: Article): LabelDefinition[] {
    const project = this.selector.projectOf(article.path).project;
    const { labels, problems } = resolveLabelSet(project?.file.labels, this.settings.labels);
    for (const problem of problems) this.events.warn(`Marginalia: ${problem}`);
    return labels;
  }

  guidelineOf(article: Article, label: string): string | undefined {
    return this.labelsFor(article).find((definition) => definition.name === label)?.guideline;
  }

  /** Reads the sidecar again (opened, or changed on disk by another program). */
  async reloadTags(article: Article): Promise<void> {
    try {
      const { sidecar } = await this.store.read(article.path);
      article.sidecarProblem = undefined;
      article.setTags(sidecar.annotations);
    } catch (error) {
      article.sidecarProblem = messageOf(error);
      article.setTags([]);
      this.events.warn(article.sidecarProblem);
    }
    this.events.articleChanged(article);
  }

  /**
   * Applies a tag action to the article's sidecar (queued, validated, atomic), records it for undo
   * and refreshes the editor. Refuses to touch a sidecar that could not be read.
   */
  async applyTagEdit(article: Article, edit: TagEdit, record: 'record' | 'replay' = 'record'): Promise<string> {
    if (article.sidecarProblem) throw new Error(`${article.sidecarProblem} — fix or move that file; Marginalia will not overwrite it.`);
    let skipped = 0;
    const { sidecar } = await this.store.update(article.path, (current) => {
      skipped = applyEdit(current, edit).length;
    });
    article.setTags(sidecar.annotations);
    if (record === 'record') this.historyOf(article).record(edit);
    this.lastActions.set(article.uri, Date.now());
    this.events.articleChanged(article);
    return skipped === 0 ? edit.description : `${edit.description} (${skipped} tag${skipped === 1 ? ' was' : 's were'} changed elsewhere meanwhile and left as they are)`;
  }

  historyOf(article: Article): TagHistory {
    let history = this.histories.get(article.path);
    if (!history) this.histories.set(article.path, (history = new TagHistory()));
    return history;
  }

  lastTagAction(article: Article): number | undefined {
    return this.lastActions.get(article.uri);
  }
}

function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function messageOf(error: unknown): string {
  if (error instanceof SidecarError) return error.message;
  return error instanceof Error ? error.message : String(error);
}
