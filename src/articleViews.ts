import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ArticleViewRequest, type ArticleView, type ArticleViewItem } from '../server/src/api/protocol';

/**
 * The server's view of each article (highlights with labels and states), fetched on demand and
 * after edits, plus when the annotator last typed, so Ctrl+Z can tell a tag action from a text edit.
 */
export class ArticleViews implements vscode.Disposable {
  private readonly views = new Map<string, ArticleView>();
  private readonly lastTextEdits = new Map<string, number>();
  private readonly changed = new vscode.EventEmitter<vscode.TextDocument>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly subscription: vscode.Disposable;
  readonly onDidChangeDocument = this.changed.event;

  constructor(private readonly client: LanguageClient) {
    this.subscription = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length === 0) return;
      const key = event.document.uri.toString();
      this.lastTextEdits.set(key, Date.now());
      clearTimeout(this.timers.get(key));
      this.timers.set(key, setTimeout(() => this.changed.fire(event.document), 150));
    });
  }

  async fetch(document: vscode.TextDocument): Promise<ArticleView | undefined> {
    try {
      const view = await this.client.sendRequest<ArticleView | null>(ArticleViewRequest, { uri: document.uri.toString() });
      if (!view || view.version !== document.version) return undefined;
      this.views.set(view.uri, view);
      return view;
    } catch {
      return undefined;
    }
  }

  latest(document: vscode.TextDocument): ArticleView | undefined {
    const view = this.views.get(document.uri.toString());
    return view && view.version === document.version ? view : undefined;
  }

  /** The innermost item under the cursor that `wanted` accepts (any, by default). */
  itemAt(document: vscode.TextDocument, offset: number, wanted: (item: ArticleViewItem) => boolean = () => true): ArticleViewItem | undefined {
    const items = this.latest(document)?.items.filter((item) => item.start <= offset && offset <= item.end && wanted(item)) ?? [];
    return items.sort((a, b) => a.end - a.start - (b.end - b.start))[0];
  }

  lastTextEdit(document: vscode.TextDocument): number {
    return this.lastTextEdits.get(document.uri.toString()) ?? 0;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
    for (const timer of this.timers.values()) clearTimeout(timer);
  }
}
