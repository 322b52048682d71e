import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CorpusRequest, type ArticleViewItem, type CorpusArticle, type CorpusChanged, type CorpusFolder, type CorpusPage, type CorpusParams } from '../server/src/api/protocol';
import { describeProgress, percentReviewed, type ReviewSummary } from '../server/src/core/review/corpusSummary';
import { REVIEW_STATES } from '../server/src/core/review/reviewState';
import type { ArticleViews } from './articleViews';
import { firstToReview } from './firstToReview';

export const CORPUS_VIEW = 'marginalia.corpus';
export const OPEN_TO_REVIEW_COMMAND = 'marginalia.openArticleToReview';
export const REFRESH_CORPUS_COMMAND = 'marginalia.refreshCorpus';
export const LOAD_MORE_COMMAND = 'marginalia.loadMoreOfCorpus';

/** Rows asked for at a time: a folder of 10,000 articles shows 200 and a "Load more" row. */
export const CORPUS_PAGE = 200;
/** Corpora up to this many articles show their folders open (those of at most a page); larger ones open folded. */
const EXPANDED_UP_TO = 1000;
/** How long to wait for the server to load an article just opened before giving up on selecting in it. */
const ARTICLE_LOAD_TIMEOUT_MS = 15_000;

type Node = { kind: 'folder'; folder: CorpusFolder } | { kind: 'article'; article: CorpusArticle } | { kind: 'more'; folder: string; shown: number; total: number };

/** A folder's rows loaded so far, and the version of the corpus index they came from. */
interface Listing {
  version: number;
  nodes: Node[];
  total: number;
}

/**
 * The Corpus view: the workspace's articles, by folder, each with its tags counted by review state
 * and how far review has come; clicking one opens it on the first thing to review. The server
 * (marginalia/corpus with a folder) answers one folder's children a page at a time, so the view
 * holds the rows opened so far, never the whole corpus: a folder's rows are asked for when it is
 * expanded, 200 at a time, with a "Load more" row at the end. Refreshed when the server says the
 * corpus changed, only while shown.
 */
export class CorpusView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<Node>;
  /** The top's page: the corpus's totals. */
  private top: CorpusPage | undefined;
  /** The folder shown at the top: '' , or the only folder there is (one folder needs no grouping). */
  private topFolder = '';
  /** Each folder's rows loaded so far, by folder ('' for the top); emptied when the corpus changes. */
  private readonly listings = new Map<string, Listing>();
  /** How many rows of each folder the annotator has loaded: kept when the corpus changes, so that a refresh shows as many. */
  private readonly wanted = new Map<string, number>();
  /** One node a folder, so that the tree can be told which folder changed. */
  private readonly folderNodes = new Map<string, Node & { kind: 'folder' }>();
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
      vscode.commands.registerCommand(LOAD_MORE_COMMAND, (folder: unknown) => this.guarded('load more articles', () => this.loadMore(folder))),
    ];
  }

  /** The server says tags or articles changed: the rows shown are asked for again (as many as were loaded). */
  corpusChanged(_change: CorpusChanged): void {
    // Never shown yet: it will be listed when it is.
    if (!this.top) return;
    if (!this.view.visible) this.stale = true;
    else this.reload();
  }

  /** The server loaded (or reloaded) an open article: its view can be asked for now. */
  articleChanged(uri: string): void {
    this.articleLoaded.fire(uri);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'more') {
      const next = Math.min(CORPUS_PAGE, node.total - node.shown);
      const item = new vscode.TreeItem(`Load ${next.toLocaleString('en-US')} more…`, vscode.TreeItemCollapsibleState.None);
      item.id = `more:${node.folder}`;
      item.description = `(shown ${node.shown.toLocaleString('en-US')} of ${node.total.toLocaleString('en-US')})`;
      item.iconPath = new vscode.ThemeIcon('ellipsis');
      item.command = { command: LOAD_MORE_COMMAND, title: `Load ${next} more`, arguments: [node.folder] };
      item.contextValue = 'loadMore';
      return item;
    }
    if (node.kind === 'folder') {
      const { folder } = node;
      // A large corpus opens folded, and so does a folder of more than a page: its rows are asked for when it is opened.
      const open = (this.top?.articles ?? 0) <= EXPANDED_UP_TO && folder.articles <= CORPUS_PAGE;
      const item = new vscode.TreeItem(folder.label, open ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `folder:${folder.folder}`;
      item.description = `${describeProgress(folder)} · ${count(folder.articles, 'article')}`;
      item.tooltip = tooltipOf(folder.folder, folder);
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
    if (node && node.kind !== 'folder') return [];
    try {
      if (node) return await this.childrenOf(node.folder.folder);
      this.stale = false;
      this.top = await this.page('', 0, CORPUS_PAGE);
      const [only] = this.top.children;
      // One folder needs no grouping: its children are shown at the top.
      this.topFolder = this.top.totalChildren === 1 && only?.kind === 'folder' ? only.folder : '';
      this.showTotals();
      return await this.childrenOf(this.topFolder);
    } catch (error) {
      this.view.message = `Could not count the tags: ${error instanceof Error ? error.message : String(error)}`;
      return [];
    }
  }

  /** A folder's rows: as many as the annotator had loaded (a page at first), and a "Load more" row when some are left. */
  private async childrenOf(folder: string): Promise<Node[]> {
    const loaded = this.listings.get(folder);
    if (loaded) return this.withMore(folder, loaded);
    const page = await this.page(folder, 0, this.wanted.get(folder) ?? CORPUS_PAGE);
    const listing = { version: page.version, nodes: page.children.map((child) => this.nodeOf(child)), total: page.totalChildren };
    this.listings.set(folder, listing);
    return this.withMore(folder, listing);
  }

  /** The "Load more" row's command: the folder's next page, appended; the whole folder again when the corpus changed meanwhile. */
  private async loadMore(given: unknown): Promise<void> {
    if (typeof given !== 'string') throw new Error(`expected a folder of the corpus, got ${JSON.stringify(given)}`);
    const listing = this.listings.get(given);
    if (!listing) return;
    const shown = listing.nodes.length;
    this.wanted.set(given, shown + CORPUS_PAGE);
    const next = await this.page(given, shown, CORPUS_PAGE);
    if (next.version === listing.version) {
      listing.nodes.push(...next.children.map((child) => this.nodeOf(child)));
      listing.total = next.totalChildren;
    } else {
      // Articles came or went since the first page: the offsets moved, so the folder is asked for from the start.
      this.listings.delete(given);
    }
    this.changed.fire(given === this.topFolder ? undefined : this.folderNodes.get(given));
  }

  private withMore(folder: string, listing: Listing): Node[] {
    if (listing.nodes.length >= listing.total) return listing.nodes;
    return [...listing.nodes, { kind: 'more', folder, shown: listing.nodes.length, total: listing.total }];
  }

  private nodeOf(child: CorpusPage['children'][number]): Node {
    if (child.kind === 'article') return { kind: 'article', article: child };
    let node = this.folderNodes.get(child.folder);
    if (node) node.folder = child;
    else this.folderNodes.set(child.folder, (node = { kind: 'folder', folder: child }));
    return node;
  }

  private reload(): void {
    this.listings.clear();
    this.changed.fire(undefined);
  }

  private async page(folder: string, offset: number, limit: number): Promise<CorpusPage> {
    const params: CorpusParams = { folder, offset, limit };
    return await vscode.window.withProgress({ location: { viewId: CORPUS_VIEW } }, () => this.client.sendRequest<CorpusPage>(CorpusRequest, params));
  }

  private showTotals(): void {
    const top = this.top!;
    this.view.description = describeProgress(top);
    this.view.message = top.articles === 0 ? 'No articles here: put .txt files under seeds/ or in a folder holding a marginalia.json.' : undefined;
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

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
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
