import * as vscode from 'vscode';
import type { ArticleView } from '../server/src/api/protocol';

/** The active article's counts in the status bar; clicking jumps to the next suggestion. */
export class StatusCount implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('marginalia.counts', vscode.StatusBarAlignment.Right, 100);

  constructor() {
    this.item.name = 'Marginalia counts';
    this.item.command = 'marginalia.nextSuggestion';
  }

  show(view: ArticleView | undefined): void {
    if (!view) {
      this.item.hide();
      return;
    }
    const count = (state: string) => view.items.filter((item) => item.state === state).length;
    const conflicts = count('conflict') > 0 ? ` · $(warning) ${count('conflict')} in conflict` : '';
    this.item.text = `$(tag) ${count('tagged')} tagged · ${count('suggested') + count('proposed')} to review${conflicts}`;
    this.item.tooltip = `Marginalia: ${count('tagged')} tagged, ${count('suggested')} suggested, ${count('proposed')} proposed, ${count('rejected')} rejected. Click for the next suggestion.`;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
