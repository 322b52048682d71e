import { basename, resolve } from 'node:path';
import { CodeActionKind, type CodeAction, type Connection } from 'vscode-languageserver';
import { ServerCommands, type AnnotateFolderArguments, type AnnotateFolderResult } from '../api/protocol';
import type { ArticleOutcome } from '../node/annotateArticle';
import { planAnnotation } from '../node/annotatePlan';
import { annotateArticles } from '../node/annotatePool';
import { DEFAULT_PROPOSER } from '../core/annotate/proposals';
import { articleSelectorFor } from '../node/projectFiles';
import { findWorkspaceArticles } from '../node/corpusFiles';
import { pathOfUri, uriOfPath } from '../node/uris';
import type { ArticleWorkspace } from './articleWorkspace';
import { withWorkDoneProgress } from './workDoneProgress';

const ANNOTATE_TITLE = 'Pre-annotate all articles';
const ANNOTATE_KIND = `${CodeActionKind.Source}.marginalia.annotateFolder`;


/** The source action that pre-annotates the whole workspace, for editors that reach server commands only through code actions. */
export function annotateFolderActions(only: readonly string[] | undefined): CodeAction[] {
  const wanted = only === undefined || only.some((kind) => ANNOTATE_KIND === kind || ANNOTATE_KIND.startsWith(`${kind}.`));
  return wanted ? [{ title: ANNOTATE_TITLE, kind: ANNOTATE_KIND, command: { title: ANNOTATE_TITLE, command: ServerCommands.annotateFolder } }] : [];
}

/** What the folder annotation needs of the server: the open articles, the settings, the workspace folders, and a way to say the corpus changed. */
export interface AnnotateFolderHost {
  workspace: ArticleWorkspace;
  folders: () => readonly string[];
  /** The sidecars of these articles changed (the corpus view recounts them). */
  articlesChanged: (uris: readonly string[]) => void;
}

/**
 * `marginalia annotate` run from the editor on a folder (default: every workspace folder): the
 * articles the editor would open as such, pre-annotated by the same worker threads under cancellable
 * work-done progress; then the open ones among them are redrawn with their new proposals.
 */
export class FolderAnnotation {
  private running = false;

  constructor(
    private readonly connection: Connection,
    private readonly host: AnnotateFolderHost,
  ) {}

  async run(args: AnnotateFolderArguments | undefined): Promise<AnnotateFolderResult> {
    if (this.running) throw new Error('pre-annotation is already running; cancel it or wait for it');
    const folders = this.host.folders();
    const target = args?.uri === undefined ? undefined : folderPathOf(args.uri);
    if (target === undefined && folders.length === 0) throw new Error('open a folder to pre-annotate its articles: this window has none');
    this.running = true;
    try {
      return await this.annotate(target ? [target] : folders, folders, target ? basename(target) : 'the workspace');
    } finally {
      this.running = false;
    }
  }

  private async annotate(targets: readonly string[], folders: readonly string[], where: string): Promise<AnnotateFolderResult> {
    const { workspace } = this.host;
    const selector = articleSelectorFor(folders, workspace.settings.articles);
    const outcome = await withWorkDoneProgress(this.connection, { title: 'Pre-annotating', unit: 'articles' }, async (options) => {
      const articles = await findWorkspaceArticles(targets, folders, selector);
      const plan = await planAnnotation(articles, { projectOf: (path) => selector.projectOf(path), userLabels: workspace.settings.labels });
      for (const warning of plan.warnings) this.connection.console.warn(`Pre-annotation: ${warning}`);
      // A failing recogniser is said once, as in the editor; its articles still get the detector's proposals.
      const run = await annotateArticles({ articles: plan.articles, profiles: plan.profiles, annotator: DEFAULT_PROPOSER, recogniserProblem: (message) => workspace.events.warn(message) }, options);
      return { ...run, total: articles.length, outcomes: [...plan.skipped, ...run.results] };
    });
    await this.refresh(outcome.outcomes);
    const result = resultOf(outcome.outcomes, outcome.total, outcome.cancelled, where);
    for (const skipped of outcome.outcomes) if (skipped.status === 'skipped') this.connection.console.warn(`Pre-annotation skipped ${skipped.article}: ${skipped.reason}`);
    void (result.skipped > 0 ? this.connection.window.showWarningMessage(result.message) : this.connection.window.showInformationMessage(result.message));
    return result;
  }

  /** Open articles whose sidecar changed get their tags again at once (the file watcher may be slower, or absent). */
  private async refresh(outcomes: readonly ArticleOutcome[]): Promise<void> {
    const changed = new Set(outcomes.filter((outcome) => outcome.status === 'changed').map((outcome) => resolve(outcome.article)));
    if (changed.size === 0) return;
    for (const article of this.host.workspace.all()) {
      if (changed.has(resolve(article.path))) await this.host.workspace.reloadTags(article);
    }
    this.host.articlesChanged([...changed].map(uriOfPath));
  }
}

function resultOf(outcomes: readonly ArticleOutcome[], total: number, cancelled: boolean, where: string): AnnotateFolderResult {
  let added = 0;
  let removed = 0;
  let annotated = 0;
  const skipped: string[] = [];
  for (const outcome of outcomes) {
    if (outcome.status === 'skipped') {
      skipped.push(`${basename(outcome.article)}: ${outcome.reason}`);
      continue;
    }
    annotated++;
    added += outcome.added;
    removed += outcome.removed;
  }
  const figures = { articles: annotated, total, added, removed, skipped: skipped.length, cancelled };
  if (total === 0) return { ...figures, message: `No articles to pre-annotate in ${where}.` };
  const counts = `${plural(added, 'proposal', 'proposals')} added, ${removed} removed (no longer found)`;
  const skippedNote = skipped.length === 0 ? '' : ` Skipped ${plural(skipped.length, 'article', 'articles')}, left untouched: ${skipped.slice(0, 3).join('; ')}${skipped.length > 3 ? '; …' : ''}`;
  const message = cancelled
    ? `Pre-annotation cancelled after ${outcomes.length} of ${total} articles: ${counts}.${skippedNote}`
    : `Pre-annotated ${plural(annotated, 'article', 'articles')} in ${where}: ${counts}.${skippedNote}`;
  return { ...figures, message };
}

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

function folderPathOf(uri: string): string {
  const path = pathOfUri(uri);
  if (path === undefined) throw new Error(`${ServerCommands.annotateFolder}: expected a file: URI of a folder, not ${uri}`);
  return path;
}
