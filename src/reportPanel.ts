import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CorpusReportRequest, type CorpusChanged, type CorpusReportExported, type CorpusReportPage, type CorpusReportParams } from '../server/src/api/protocol';
import { REPORT_ACTIONS, reportHtml, type ReportAction } from './report/reportHtml';

export const SHOW_REPORT_COMMAND = 'marginalia.showAgreement';

/** Articles a page of the report shows. */
const REPORT_PAGE = 200;

/**
 * "Marginalia: Show Agreement and Report": the corpus report of the workspace (the server's, so the
 * figures are those of `marginalia report` and `marginalia agreement`) drawn as charts in a webview,
 * exportable as JSON or CSV. The server answers the whole corpus's figures and one page of its
 * articles (most in need of review first), and writes the exports itself: the panel never holds
 * every row. Kept up to date while it is open.
 */
export class ReportPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private report: CorpusReportPage | undefined;
  /** The first article of the page shown. */
  private offset = 0;
  /** The pair picked when there were more than two annotators; kept for refreshes. */
  private annotators: [string, string] | undefined;
  /** The corpus changed while the panel was hidden: refresh when it shows again. */
  private stale = false;
  /** A refresh under way, and whether the corpus changed again meanwhile: refreshes never pile up. */
  private refreshing: Promise<void> | undefined;
  private changedWhileRefreshing = false;

  constructor(
    private readonly client: LanguageClient,
    private readonly extensionUri: vscode.Uri,
  ) {}

  register(): vscode.Disposable[] {
    return [vscode.commands.registerCommand(SHOW_REPORT_COMMAND, () => this.guarded('show the report', () => this.show()))];
  }

  /**
   * The server says tags or articles changed. The report reads the files, so typing in an article
   * (its document unsaved) changes nothing in it until the article is saved.
   */
  corpusChanged(change: CorpusChanged): void {
    if (!this.panel) return;
    const unsaved = (uri: string) => vscode.workspace.textDocuments.some((document) => document.isDirty && document.uri.toString() === uri);
    if (change.uris?.every(unsaved)) return;
    if (!this.panel.visible) this.stale = true;
    else if (this.refreshing) this.changedWhileRefreshing = true;
    else void this.guarded('refresh the report', () => this.refresh());
  }

  private async show(): Promise<void> {
    if (!vscode.workspace.workspaceFolders?.length) return void vscode.window.showInformationMessage('Marginalia: open a folder holding articles and their sidecars first.');
    let report = await this.fetch(this.annotators);
    if (report.annotators.length > 2 && !this.annotatorsStillIn(report)) {
      const picked = await pickTwo(report.annotators, this.annotators);
      if (!picked) return;
      this.annotators = picked;
      report = await this.fetch(picked);
    }
    this.render(report);
  }

  private async refresh(): Promise<void> {
    this.stale = false;
    this.refreshing = this.fetch(this.annotatorsStillIn(this.report) ? this.annotators : undefined).then((report) => {
      // Closed while the server was reading: stay closed.
      if (this.panel) this.render(report, { reveal: false });
    });
    try {
      await this.refreshing;
    } finally {
      this.refreshing = undefined;
    }
    if (this.changedWhileRefreshing) {
      this.changedWhileRefreshing = false;
      await this.refresh();
    }
  }

  private annotatorsStillIn(report: CorpusReportPage | undefined): boolean {
    return this.annotators !== undefined && report !== undefined && this.annotators.every((name) => report.annotators.includes(name));
  }

  private async fetch(annotators: [string, string] | undefined): Promise<CorpusReportPage> {
    const params: CorpusReportParams = { ...(annotators ? { annotators } : {}), offset: this.offset, limit: REPORT_PAGE };
    const report = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Marginalia: reading the corpus for the report' }, () => this.client.sendRequest<CorpusReportPage>(CorpusReportRequest, params));
    // Fewer articles than before (some left): the last page that has any.
    if (report.progress.articles.length === 0 && this.offset > 0 && report.page.articles > 0) {
      this.offset = Math.floor((report.page.articles - 1) / REPORT_PAGE) * REPORT_PAGE;
      return this.fetch(annotators);
    }
    return report;
  }

  private render(report: CorpusReportPage, { reveal = true } = {}): void {
    this.report = report;
    const panel = this.panel ?? this.createPanel();
    panel.webview.html = reportHtml(report, { nonce: randomBytes(16).toString('base64'), cspSource: panel.webview.cspSource });
    if (reveal) panel.reveal();
  }

  private createPanel(): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel('marginalia.report', 'Marginalia Report', vscode.ViewColumn.Active, {
      enableScripts: true,
      // The page is self-contained (inline SVG, nonce'd style and script): it may load nothing.
      localResourceRoots: [],
    });
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'marginalia.svg');
    panel.webview.onDidReceiveMessage((message: unknown) => void this.guarded('answer the report', () => this.act(message)));
    panel.onDidChangeViewState(() => {
      if (panel.visible && this.stale) void this.guarded('refresh the report', () => this.refresh());
    });
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.report = undefined;
    });
    this.panel = panel;
    return panel;
  }

  private async act(message: unknown): Promise<void> {
    const action = (message as { action?: unknown } | undefined)?.action;
    if (!REPORT_ACTIONS.includes(action as ReportAction)) throw new Error(`unknown request from the report page: ${JSON.stringify(message)}`);
    switch (action as ReportAction) {
      case 'exportJson':
        return this.export('json');
      case 'exportCsv':
        return this.export('csv');
      case 'pickAnnotators': {
        const picked = this.report && (await pickTwo(this.report.annotators, this.annotators));
        if (!picked) return;
        this.annotators = picked;
        return this.render(await this.fetch(picked));
      }
      case 'refresh':
        return this.refresh();
      case 'previousPage':
      case 'nextPage':
        this.offset = Math.max(0, this.offset + (action === 'nextPage' ? REPORT_PAGE : -REPORT_PAGE));
        return this.render(await this.fetch(this.annotatorsStillIn(this.report) ? this.annotators : undefined), { reveal: false });
    }
  }

  /** Saves the report's data where the user says (the workspace folder by default), then shows the file. */
  private async export(format: 'json' | 'csv'): Promise<void> {
    const report = this.report;
    if (!report) return;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      title: `Export the report as ${format.toUpperCase()}`,
      saveLabel: 'Export',
      defaultUri: folder && vscode.Uri.joinPath(folder, `marginalia-report.${format}`),
      filters: format === 'json' ? { JSON: ['json'] } : { CSV: ['csv'] },
    });
    if (!target) return;
    if (target.scheme !== 'file') throw new Error(`the report is written by the language server, which writes files on disk only, not ${target.toString()}`);
    // The server writes the whole report, a chunk at a time, as marginalia report prints it.
    const params: CorpusReportParams = { ...(this.annotatorsStillIn(report) ? { annotators: this.annotators } : {}), exportTo: { uri: target.toString(), format } };
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Marginalia: writing the report as ${format.toUpperCase()}` }, () => this.client.sendRequest<CorpusReportExported>(CorpusReportRequest, params));
    await vscode.window.showTextDocument(target, { viewColumn: vscode.ViewColumn.Beside, preview: false, preserveFocus: true });
    vscode.window.setStatusBarMessage(`Marginalia: report saved as ${vscode.workspace.asRelativePath(target)}`, 5000);
  }

  /** Every handler is guarded: a failure is shown in words, never an unhandled rejection. */
  private async guarded(what: string, run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (error) {
      void vscode.window.showErrorMessage(`Marginalia: could not ${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

/** Two annotators out of several, picked in one list; the previous pair (else the first two) ticked. */
async function pickTwo(annotators: readonly string[], previous: readonly string[] | undefined): Promise<[string, string] | undefined> {
  const ticked = previous?.every((name) => annotators.includes(name)) ? previous : annotators.slice(0, 2);
  const pick = vscode.window.createQuickPick<vscode.QuickPickItem>();
  pick.title = 'Agreement: pick the two annotators to compare';
  pick.canSelectMany = true;
  pick.items = annotators.map((name) => ({ label: name }));
  pick.selectedItems = pick.items.filter((item) => ticked.includes(item.label));
  return new Promise((resolve) => {
    pick.onDidChangeSelection((items) => (pick.placeholder = items.length === 2 ? 'Enter to compare these two' : `Pick exactly two (${items.length} picked)`));
    pick.onDidAccept(() => {
      if (pick.selectedItems.length !== 2) return void (pick.placeholder = `Pick exactly two (${pick.selectedItems.length} picked)`);
      const [first, second] = pick.selectedItems.map((item) => item.label);
      resolve([first, second]);
      pick.hide();
    });
    pick.onDidHide(() => {
      resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}
