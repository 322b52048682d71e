import * as vscode from 'vscode';
import {
  ServerCommands,
  type AdjustSpanArguments,
  type ArticleViewItem,
  type ChangeLabelArguments,
  type CommandResult,
  type CommentArguments,
  type RelationCommentArguments,
  type RelationIdArguments,
  type ReviewFilterArguments,
  type TagIdArguments,
} from '../server/src/api/protocol';
import { MAX_COMMENT_LENGTH } from '../server/src/core/sidecar/limits';
import type { ArticleViews } from './articleViews';

/** The client command that asks for a comment; the server offers it as a code action once told of it. */
export const ADD_COMMENT_COMMAND = 'marginalia.addComment';

/**
 * A reviewer's keyboard: change the label or the span of the tag under the cursor, comment on it,
 * walk what still needs review, and switch the review filter. Approving and rejecting share the
 * annotator's accept and reject keys (commands.ts). Each runs a server command; the server records
 * the step in the tag's history.
 */
export function registerReviewCommands(views: ArticleViews): vscode.Disposable[] {
  const run = async (command: string, args: object): Promise<void> => {
    const result = await vscode.commands.executeCommand<CommandResult & { failed?: boolean }>(command, args);
    if (result && !result.failed) vscode.window.setStatusBarMessage(`Marginalia: ${result.message}`, 4000);
    else if (result?.failed) void vscode.window.showWarningMessage(`Marginalia: ${result.message}`);
  };

  return [
    vscode.commands.registerCommand('marginalia.changeLabelOfTag', async () => {
      const target = tagUnderCursor(views);
      if (!target) return;
      const labels = target.view.labels.filter((label) => label.name !== target.item.label);
      const picked = await vscode.window.showQuickPick(
        labels.map((label) => ({ label: label.name, description: label.kind })),
        { title: `Change ${target.item.label} on "${shorten(target.text)}" to…`, placeHolder: 'Label' },
      );
      if (picked) await run(ServerCommands.changeLabel, { uri: target.uri, tagId: target.tagId, label: picked.label } satisfies ChangeLabelArguments);
    }),
    vscode.commands.registerCommand('marginalia.adjustSpanToSelection', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.selection.isEmpty) return void vscode.window.showInformationMessage('Marginalia: select the span the tag should cover, then run this again.');
      const document = editor.document;
      const start = document.offsetAt(editor.selection.start);
      const end = document.offsetAt(editor.selection.end);
      // The tag the selection overlaps most: the one the reviewer means to move.
      const overlap = (item: ArticleViewItem) => Math.min(item.end, end) - Math.max(item.start, start);
      const tag = views.latest(document)?.items.filter((item) => item.tagId && overlap(item) > 0).sort((a, b) => overlap(b) - overlap(a))[0];
      if (!tag?.tagId) return void vscode.window.showInformationMessage('Marginalia: the selection overlaps no tag.');
      await run(ServerCommands.adjustSpan, { uri: document.uri.toString(), tagId: tag.tagId, start, end, text: document.getText(editor.selection) } satisfies AdjustSpanArguments);
    }),
    vscode.commands.registerCommand(ADD_COMMENT_COMMAND, async (given?: TagIdArguments | RelationIdArguments) => {
      // The quick fix on a relation names it: its comment goes to the relation's history.
      if (given && 'relationId' in given) {
        const comment = await askComment('Comment on the relation', 'Kept in the relation’s history with your name and the time');
        if (comment?.trim()) await run(ServerCommands.commentRelation, { uri: given.uri, relationId: given.relationId, comment } satisfies RelationCommentArguments);
        return;
      }
      const target = given ?? tagUnderCursor(views);
      if (!target) return;
      const comment = await askComment('Comment on the tag', 'Kept in the tag’s history with your name and the time');
      if (comment?.trim()) await run(ServerCommands.comment, { uri: target.uri, tagId: target.tagId, comment } satisfies CommentArguments);
    }),
    vscode.commands.registerCommand('marginalia.nextToReview', () => jumpTo(views, +1, needsReview)),
    vscode.commands.registerCommand('marginalia.previousToReview', () => jumpTo(views, -1, needsReview)),
    vscode.commands.registerCommand('marginalia.toggleReviewFilter', async () => {
      const editor = vscode.window.activeTextEditor;
      const current = editor ? (views.latest(editor.document) ?? (await views.fetch(editor.document))) : undefined;
      await run(ServerCommands.setReviewFilter, { onlyToReview: !(current?.onlyToReview ?? false) } satisfies ReviewFilterArguments);
    }),
  ];
}

/** Everything a person has not had the last word on: suggestions, proposals, unreviewed tags, conflicts. */
export function needsReview(item: ArticleViewItem): boolean {
  return item.state !== 'approved' && item.state !== 'rejected';
}

/** Selects the next (or previous) item that `wanted` accepts, wrapping around; says so when none is left. */
export async function jumpTo(views: ArticleViews, direction: 1 | -1, wanted: (item: ArticleViewItem) => boolean): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const document = editor.document;
  const view = (await views.fetch(document)) ?? views.latest(document);
  const pending = (view?.items ?? []).filter(wanted);
  if (pending.length === 0) return void vscode.window.setStatusBarMessage('Marginalia: nothing left to review in this article', 4000);
  const cursor = document.offsetAt(direction > 0 ? editor.selection.end : editor.selection.start);
  const target = direction > 0 ? (pending.find((item) => item.start >= cursor && item.end > cursor) ?? pending[0]) : ([...pending].reverse().find((item) => item.end <= cursor && item.start < cursor) ?? pending[pending.length - 1]);
  const range = new vscode.Range(document.positionAt(target!.start), document.positionAt(target!.end));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

function tagUnderCursor(views: ArticleViews) {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const document = editor.document;
  const view = views.latest(document);
  const item = view && views.itemAt(document, document.offsetAt(editor.selection.active), (candidate) => candidate.tagId !== undefined);
  if (!view || !item?.tagId) {
    void vscode.window.showInformationMessage('Marginalia: no tag under the cursor.');
    return undefined;
  }
  return { uri: document.uri.toString(), tagId: item.tagId, item, view, text: document.getText().slice(item.start, item.end) };
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 40 ? flat.slice(0, 39) + '…' : flat;
}

function askComment(title: string, prompt: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title,
    prompt,
    validateInput: (text) => (text.trim().length === 0 ? 'Write a comment, or press Escape' : text.length > MAX_COMMENT_LENGTH ? `At most ${MAX_COMMENT_LENGTH} characters` : undefined),
  });
}
