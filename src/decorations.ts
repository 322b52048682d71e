import * as vscode from 'vscode';
import type { ArticleView, ArticleViewItem } from '../server/src/api/protocol';

type State = ArticleViewItem['state'];

/**
 * Label colours on the text: a tagged span solid (tinted background and a solid underline), an
 * approved one the same with a double underline, a
 * suggestion or proposed tag dotted underline, a rejected suggestion struck through, a tag in
 * conflict between two branches wavy, with a red mark in the scroll bar.
 */
export class Decorations implements vscode.Disposable {
  private readonly types = new Map<string, vscode.TextEditorDecorationType>();

  show(editor: vscode.TextEditor, view: ArticleView | undefined): void {
    const ranges = new Map<string, vscode.Range[]>();
    for (const item of view?.items ?? []) {
      const color = view!.labels.find((label) => label.name === item.label)?.color ?? '#9e9e9e';
      const key = `${item.state}|${color}`;
      const range = new vscode.Range(editor.document.positionAt(item.start), editor.document.positionAt(item.end));
      ranges.set(key, [...(ranges.get(key) ?? []), range]);
    }
    for (const [key, type] of this.types) if (!ranges.has(key)) editor.setDecorations(type, []);
    for (const [key, list] of ranges) editor.setDecorations(this.typeFor(key), list);
  }

  private typeFor(key: string): vscode.TextEditorDecorationType {
    let type = this.types.get(key);
    if (!type) {
      const [state, color] = key.split('|') as [State, string];
      type = vscode.window.createTextEditorDecorationType(styleOf(state, color));
      this.types.set(key, type);
    }
    return type;
  }

  dispose(): void {
    for (const type of this.types.values()) type.dispose();
  }
}

function styleOf(state: State, color: string): vscode.DecorationRenderOptions {
  switch (state) {
    case 'tagged':
      return { backgroundColor: `${color}33`, borderColor: color, borderStyle: 'none none solid none', borderWidth: '2px', overviewRulerColor: color, overviewRulerLane: vscode.OverviewRulerLane.Center };
    case 'approved':
      // Solid like a tagged span, with a thicker double underline: a reviewer confirmed it.
      return { backgroundColor: `${color}33`, borderColor: color, borderStyle: 'none none double none', borderWidth: '3px', overviewRulerColor: color, overviewRulerLane: vscode.OverviewRulerLane.Center };
    case 'proposed':
      return { textDecoration: `underline dashed ${color}`, overviewRulerColor: `${color}88`, overviewRulerLane: vscode.OverviewRulerLane.Right };
    case 'suggested':
      return { textDecoration: `underline dotted ${color}` };
    case 'rejected':
      return { textDecoration: 'line-through', opacity: '0.6' };
    case 'conflict':
      return { textDecoration: `underline wavy ${color}`, borderColor: '#e53935', borderStyle: 'none none solid none', borderWidth: '1px', overviewRulerColor: '#e53935', overviewRulerLane: vscode.OverviewRulerLane.Full };
  }
}
