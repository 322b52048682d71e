import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ServerCommands, type ArticleViewItem, type CommandResult, type RejectArguments, type ReviewArguments, type TagArguments } from '../server/src/api/protocol';
import type { ArticleViews } from './articleViews';
import { jumpTo, needsReview } from './reviewCommands';

/**
 * Commands with keybindings for what a picker or the keyboard does better than a code action list:
 * tag the selection with a label picked from a QuickPick, walk suggestions, accept or reject the one
 * under the cursor, and undo or redo tag actions on the usual keys.
 */
export function registerCommands(client: LanguageClient, views: ArticleViews): vscode.Disposable[] {
  const run = async (command: string, args: object): Promise<CommandResult | undefined> => {
    const result = await vscode.commands.executeCommand<CommandResult & { failed?: boolean }>(command, args);
    if (result && !result.failed) vscode.window.setStatusBarMessage(`Marginalia: ${result.message}`, 4000);
    return result;
  };
  const article = () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return undefined;
    const view = views.latest(editor.document);
    if (!view) {
      void vscode.window.showInformationMessage('Marginalia: this file is not an article (put it under seeds/ or in a folder with a marginalia.json).');
      return undefined;
    }
    return { editor, view };
  };
  /** The suggestion or tag under the cursor that `wanted` accepts, with its document's uri and text. */
  const itemUnderCursor = (wanted: (item: ArticleViewItem) => boolean) => {
    const current = article();
    if (!current) return undefined;
    const document = current.editor.document;
    const item = views.itemAt(document, document.offsetAt(current.editor.selection.active), wanted);
    if (!item) {
      void vscode.window.showInformationMessage('Marginalia: no suggestion under the cursor.');
      return undefined;
    }
    return { uri: document.uri.toString(), item, text: document.getText().slice(item.start, item.end) };
  };

  return [
    vscode.commands.registerCommand('marginalia.tagSelection', async () => {
      const current = article();
      if (!current) return;
      const { editor, view } = current;
      const document = editor.document;
      const selection = editor.selection.isEmpty ? document.getWordRangeAtPosition(editor.selection.active) : editor.selection;
      if (!selection || selection.isEmpty) return void vscode.window.showInformationMessage('Marginalia: select the text to tag first.');
      const text = document.getText(selection);
      const picked = await vscode.window.showQuickPick(
        view.labels.map((label) => ({ label: label.name, description: label.kind })),
        { title: `Tag "${text.length > 40 ? text.slice(0, 39) + '…' : text}" as…`, placeHolder: 'Label' },
      );
      if (!picked) return;
      await run(ServerCommands.tag, { uri: document.uri.toString(), start: document.offsetAt(selection.start), end: document.offsetAt(selection.end), text, label: picked.label, source: 'manual' } satisfies TagArguments);
    }),
    vscode.commands.registerCommand('marginalia.nextSuggestion', () => jumpTo(views, +1, isUndecidedSuggestion)),
    vscode.commands.registerCommand('marginalia.previousSuggestion', () => jumpTo(views, -1, isUndecidedSuggestion)),
    // One key to say yes: accept a suggestion or proposal, approve an annotator's tag in review.
    vscode.commands.registerCommand('marginalia.acceptSuggestion', async () => {
      const target = itemUnderCursor((item) => item.state !== 'approved');
      if (!target) return;
      const { uri, item, text } = target;
      if (item.state === 'tagged' && item.tagId) await run(ServerCommands.approve, { uri, tagId: item.tagId } satisfies ReviewArguments);
      else if (item.tagId) await run(ServerCommands.accept, { uri, tagId: item.tagId });
      else await run(ServerCommands.tag, { uri, start: item.start, end: item.end, text, label: item.label, source: 'suggestion' } satisfies TagArguments);
      await jumpTo(views, +1, item.state === 'tagged' ? needsReview : isUndecidedSuggestion);
    }),
    // One key to say no: reject a suggestion, a proposal or, in review, a tag.
    vscode.commands.registerCommand('marginalia.rejectSuggestion', async () => {
      const target = itemUnderCursor((item) => item.state !== 'rejected');
      if (!target) return;
      const { uri, item, text } = target;
      if (item.tagId && (item.state === 'tagged' || item.state === 'approved')) await run(ServerCommands.rejectTag, { uri, tagId: item.tagId } satisfies ReviewArguments);
      else await run(ServerCommands.reject, { uri, start: item.start, end: item.end, text, label: item.label } satisfies RejectArguments);
      await jumpTo(views, +1, item.state === 'tagged' || item.state === 'approved' ? needsReview : isUndecidedSuggestion);
    }),
    vscode.commands.registerCommand('marginalia.undoTagAction', () => undoOrRedo(client, views, 'undo')),
    vscode.commands.registerCommand('marginalia.redoTagAction', () => undoOrRedo(client, views, 'redo')),
  ];
}

/** What the annotator's walk visits: suggestions, proposed tags and tags in conflict. */
function isUndecidedSuggestion(item: ArticleViewItem): boolean {
  return item.state === 'suggested' || item.state === 'proposed' || item.state === 'conflict';
}

/**
 * Ctrl+Z in an article undoes whichever came last: a tag action (ours) or a text edit (the editor's).
 */
async function undoOrRedo(client: LanguageClient, views: ArticleViews, which: 'undo' | 'redo'): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const view = views.latest(editor.document) ?? (await views.fetch(editor.document));
  const lastTagAction = view?.lastTagAction ?? 0;
  if (lastTagAction > views.lastTextEdit(editor.document) || (which === 'redo' && lastTagAction > 0)) {
    const result = await client.sendRequest<CommandResult>('workspace/executeCommand', { command: which === 'undo' ? ServerCommands.undo : ServerCommands.redo, arguments: [{ uri: editor.document.uri.toString() }] });
    vscode.window.setStatusBarMessage(`Marginalia: ${result.message}`, 4000);
    if (!/^No tag action/.test(result.message)) return;
  }
  await vscode.commands.executeCommand(which === 'undo' ? 'undo' : 'redo');
}
