import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CorpusRequest, type ArticleViewItem, type CorpusArticle, type CorpusChanged, type CorpusParams, type CorpusSummary } from '../server/src/api/protocol';
import { addSummaries, describeProgress, percentReviewed, type ReviewSummary } from '../server/src/core/review/corpusSummary';
import { REVIEW_STATES } from '../server/src/core/review/reviewState';
import type { ArticleViews } from './articleViews';
import { firstToReview } from './firstToReview';

export const CORPUS_VIEW = 'marginalia.corpus';
export const OPEN_TO_REVIEW_COMMAND = 'marginalia.openArticleToReview';
export const REFRESH_CORPUS_COMMAND = 'marginalia.refreshCorpus';

/** Corpora up to this many articles show every folder open; larger ones open folded. */
const EXPANDED_UP_TO = 1000;
/** How long to wait for the server to load an article just opened before giving up on selecting in it. */
const ARTICLE_LOAD_TIMEOUT_MS = 15_000;

type Node = { kind: 'folder'; name: string; articles: CorpusArticle[] } | { kind: 'article'; article: CorpusArticle };

/**
 * The Corpus view: the workspace's articles, grouped by folder, each with its tags counted by review
 * state and how far review has come; clicking one opens it on the first thing to review. The counts
 * are the server's (marginalia/corpus); refreshed when it says the corpus changed, only while shown.
 */
export class CorpusView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<Node>;
  private summary: CorpusSummary | undefined;
  private loading: Promise<CorpusSummary> | undefined;
  /** The corpus changed while the view was hidden: list it again once shown. */
  private stale = false;
  private readonly articleLoaded = new vscode.EventEmitter<string>();

  constructor(
    private readonly client: LanguageClient,
    private readonly views: ArticleViews,
  ) {
    this.view = vscode.window.createTreeView(CORPUS_VIEW, { treeDataProvider: this, showCollapseAll: true });
    this.view.onDidChangeVisibility(({ visible }) => {
      if (visible && this.stale) this.reload();
    });
  }

  register(): vscode.Disposable[] {
    return [
      this.view,
      vscode.commands.registerCommand(OPEN_TO_REVIEW_COMMAND, (uri: unknown) => this.guarded('open the article', () => this.openToReview(uri))),
      vscode.commands.registerCommand(REFRESH_CORPUS_COMMAND, () => this.reload()),
    ];
  }

  /** The server says tags or articles changed: update the articles it names, or list them all again. */
  corpusChanged(change: CorpusChanged): void {
    if (this.loading || (this.summary && !this.view.visible)) {
      this.stale = true;
      return;
    }
    // Never shown yet: it will be listed when it is.
    if (!this.summary) return;
    const known = new Set(this.summary.articles.map((article) => article.uri));
    if (change.uris && change.uris.every((uri) => known.has(uri))) void this.guarded('update the corpus view', () => this.update(change.uris!));
    else this.reload();
  }

  /** The server loaded (or reloaded) an open article: its view can be asked for now. */
  articleChanged(uri: string): void {
    this.articleLoaded.fire(uri);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'folder') {
      const summary = addSummaries(node.articles);
      // A large corpus opens folded: a folder's rows are made only when it is opened (the tree draws only the rows in sight).
      const folded = (this.summary?.articles.length ?? 0) > EXPANDED_UP_TO;
      const item = new vscode.TreeItem(node.name, folded ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
      item.id = `folder:${node.name}`;
      item.description = `${describeProgress(summary)} · ${node.articles.length} article${node.articles.length === 1 ? '' : 's'}`;
      item.tooltip = tooltipOf(node.name, summary);
      item.iconPath = new vscode.ThemeIcon('folder');
      item.contextValue = 'folder';
      return item;
    }
    const { article } = node;
    const item = new vscode.TreeItem(article.name.split('/').pop()!, vscode.TreeItemCollapsibleState.None);
    item.id = article.uri;
    item.description = article.problem ? 'sidecar unreadable' : describeArticle(article);
    // Screen readers hear the whole path (the label is only the file name) and the counts.
    item.accessibilityInformation = { label: `${article.name}, ${item.description}` };
    item.tooltip = tooltipOf(article.name, article, article.problem);
    item.iconPath = article.problem ? new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')) : progressIcon(article);
    item.command = { command: OPEN_TO_REVIEW_COMMAND, title: 'Open at the first item to review', arguments: [article.uri] };
    item.contextValue = 'article';
    return item;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node?.kind === 'folder') return node.articles.map((article) => ({ kind: 'article', article }));
    if (node) return [];
    const summary = await this.load();
    const folders = new Map<string, CorpusArticle[]>();
    for (const article of summary.articles) {
      const folder = article.name.includes('/') ? article.name.slice(0, article.name.lastIndexOf('/')) : '';
      const articles = folders.get(folder);
      if (articles) articles.push(article);
      else folders.set(folder, [article]);
    }
    // One folder needs no grouping.
    if (folders.size === 1) return summary.articles.map((article) => ({ kind: 'article', article }));
    return [...folders].map(([name, articles]) => ({ kind: 'folder', name: name || '(top level)', articles }));
  }

  private load(): Promise<CorpusSummary> {
    if (this.summary && !this.stale) return Promise.resolve(this.summary);
    this.stale = false;
    this.loading ??= this.request({})
      .then((summary) => {
        this.summary = summary;
        this.showTotals();
        // Changed while it was being listed: list it again.
        if (this.stale && this.view.visible) setImmediate(() => this.reload());
        return summary;
      })
      .catch((error: unknown) => {
        this.view.message = `Could not count the tags: ${error instanceof Error ? error.message : String(error)}`;
        return { articles: [], omitted: 0, ...addSummaries([]) };
      })
      .finally(() => (this.loading = undefined));
    return this.loading;
  }

  private reload(): void {
    this.summary = undefined;
    this.changed.fire(undefined);
  }

  /** A few articles changed: ask for those only and patch them in place. */
  private async update(uris: readonly string[]): Promise<void> {
    const fresh = await this.request({ uris: [...uris] });
    if (!this.summary) return;
    const byUri = new Map(fresh.articles.map((article) => [article.uri, article]));
    const articles = this.summary.articles.map((article) => byUri.get(article.uri) ?? article);
    this.summary = { articles, omitted: this.summary.omitted, ...addSummaries(articles) };
    this.showTotals();
    // Folder rows carry sums, so the whole (already listed) tree is redrawn; nothing is read again.
    this.changed.fire(undefined);
  }

  private async request(params: CorpusParams): Promise<CorpusSummary> {
    return await vscode.window.withProgress({ location: { viewId: CORPUS_VIEW } }, () => this.client.sendRequest<CorpusSummary>(CorpusRequest, params));
  }

  private showTotals(): void {
    const summary = this.summary!;
    this.view.description = describeProgress(summary);
    const notes = [
      summary.articles.length === 0 ? 'No articles here: put .txt files under seeds/ or in a folder holding a marginalia.json.' : undefined,
      summary.omitted > 0 ? `Listing the first ${summary.articles.length.toLocaleString('en-US')} articles; ${summary.omitted.toLocaleString('en-US')} more are left out.` : undefined,
    ].filter(Boolean);
    this.view.message = notes.length > 0 ? notes.join(' ') : undefined;
  }

  /** Opens the article and selects the first item to review: a tag awaiting review, else a suggestion. */
  private async openToReview(given: unknown): Promise<void> {
    if (typeof given !== 'string') throw new Error(`expected the URI of an article, got ${JSON.stringify(given)}`);
    const uri = vscode.Uri.parse(given);
    await vscode.window.showTextDocument(uri, { preview: false });
    const items = await this.itemsOf(given);
    const target = items && firstToReview(items);
    const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === given);
    if (!editor) return;
    if (!target) return void vscode.window.setStatusBarMessage('Marginalia: nothing left to review in this article', 4000);
    const range = new vscode.Range(editor.document.positionAt(target.start), editor.document.positionAt(target.end));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
  }

  /**
   * The server's items of an article just opened. Opening may race the server loading it (or
   * re-opening it under the article language), so a missing view is asked for again once the
   * server says the article is loaded.
   */
  private async itemsOf(uri: string): Promise<ArticleViewItem[] | undefined> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const loaded = this.nextLoad(uri);
      const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri);
      const view = document && (await this.views.fetch(document));
      if (view) return view.items;
      if (!(await loaded)) return undefined;
    }
    return undefined;
  }

  /** Resolves true when the server next reports the article changed, false after a timeout. */
  private nextLoad(uri: string): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        listener.dispose();
        resolve(false);
      }, ARTICLE_LOAD_TIMEOUT_MS);
      const listener = this.articleLoaded.event((changed) => {
        if (changed !== uri) return;
        clearTimeout(timer);
        listener.dispose();
        resolve(true);
      });
    });
  }

  private async guarded(what: string, run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (error) {
      void vscode.window.showErrorMessage(`Marginalia: could not ${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  dispose(): void {
    this.changed.dispose();
    this.articleLoaded.dispose();
  }
}

function describeArticle(article: CorpusArticle): string {
  const warnings = [article.counts.conflict > 0 ? `${article.counts.conflict} in conflict` : '', article.counts.orphaned > 0 ? `${article.counts.orphaned} orphaned` : ''].filter(Boolean);
  return [describeProgress(article), ...warnings].join(' · ');
}

function tooltipOf(name: string, summary: ReviewSummary, problem?: string): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString(`**${escapeMarkdown(name)}**\n\n`);
  if (problem) return tooltip.appendText(problem);
  tooltip.appendMarkdown(`${describeProgress(summary)}\n\n| review state | tags |\n| --- | ---: |\n`);
  for (const state of REVIEW_STATES) tooltip.appendMarkdown(`| ${state} | ${summary.counts[state]} |\n`);
  return tooltip.appendMarkdown(`| **total** | **${summary.total}** |\n`);
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

/**
 * A small pie filling clockwise as review progresses (in eighths), a tick once everything is
 * reviewed; drawn as an SVG data URI in the theme's light and dark greens.
 */
function progressIcon(summary: ReviewSummary): { light: vscode.Uri; dark: vscode.Uri } {
  const done = summary.total > 0 && summary.reviewed === summary.total;
  const eighths = summary.total === 0 ? 0 : Math.floor((percentReviewed(summary) / 100) * 8);
  const icon = (fill: string, track: string) => vscode.Uri.parse(`data:image/svg+xml;utf8,${encodeURIComponent(pieSvg(done, eighths, fill, track))}`);
  return { light: icon('#388a34', '#6f6f6f'), dark: icon('#89d185', '#a0a0a0') };
}

function pieSvg(done: boolean, eighths: number, fill: string, track: string): string {
  if (done) return `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16"><circle cx="8" cy="8" r="7" fill="${fill}"/><path d="M4.5 8.2l2.3 2.3 4.7-4.9" fill="none" stroke="#fff" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
  const angle = (eighths / 8) * 2 * Math.PI;
  const x = 8 + 5.5 * Math.sin(angle);
  const y = 8 - 5.5 * Math.cos(angle);
  const slice = eighths === 0 ? '' : `<path d="M8 8V2.5A5.5 5.5 0 ${eighths > 4 ? 1 : 0} 1 ${x.toFixed(2)} ${y.toFixed(2)}Z" fill="${fill}"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16"><circle cx="8" cy="8" r="6.5" fill="none" stroke="${track}" stroke-width="1.2"/>${slice}</svg>`;
}
