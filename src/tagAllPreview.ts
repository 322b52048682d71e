import * as vscode from 'vscode';
import { ServerCommands, type TagAllInWorkspaceArguments, type TagAllInWorkspaceResult, type WorkspaceOccurrencesArguments, type WorkspaceOccurrencesPage, type WorkspaceOccurrencesResult } from '../server/src/api/protocol';

/** The client command the server's "Tag all N occurrences … in the workspace" quick fix runs in VS Code (see extension.ts). */
export const TAG_ALL_PREVIEW_COMMAND = 'marginalia.pickOccurrencesToTag';
/** Articles whose occurrences one picker lists: a picker of a hundred thousand rows helps nobody. */
const ARTICLES_PER_PAGE = 1000;

/**
 * The preview of "Tag all N occurrences … in the workspace": every occurrence (article, line, the
 * text around it) in a picker, all ticked; the person unticks the ones to leave out and confirms, or
 * presses Escape to tag nothing. The server checks each again before tagging it.
 */
export function registerTagAllPreview(): vscode.Disposable {
  return vscode.commands.registerCommand(TAG_ALL_PREVIEW_COMMAND, async (args: WorkspaceOccurrencesArguments) => {
    // A page of articles at a time: the places tagged leave the list, so running it again shows the next ones.
    const found = await vscode.commands.executeCommand<WorkspaceOccurrencesResult & { failed?: boolean }>(ServerCommands.occurrencesInWorkspace, { ...args, limit: ARTICLES_PER_PAGE } satisfies WorkspaceOccurrencesPage);
    if (!found || found.failed) return;
    if (found.occurrences.length === 0) return void vscode.window.showInformationMessage(`Marginalia: ${found.message}.`);
    const count = found.occurrences.length;
    const picked = await vscode.window.showQuickPick(
      found.occurrences.map((occurrence) => ({ label: `${occurrence.article}:${occurrence.line + 1}`, detail: occurrence.excerpt, picked: true, occurrence })),
      {
        canPickMany: true,
        matchOnDetail: true,
        ignoreFocusOut: true,
        title:
          found.articles > ARTICLES_PER_PAGE
            ? `Tag "${args.text}" as ${args.label}: ${count} occurrences in the first ${ARTICLES_PER_PAGE.toLocaleString('en-US')} of ${found.articles.toLocaleString('en-US')} articles (run it again for the next)`
            : `Tag "${args.text}" as ${args.label}: ${count} occurrence${count === 1 ? '' : 's'} in ${found.articles} article${found.articles === 1 ? '' : 's'}`,
        placeHolder: 'Untick places to leave out; Enter tags the rest, Escape nothing',
      },
    );
    if (!picked) return void vscode.window.setStatusBarMessage('Marginalia: nothing tagged', 4000);
    if (picked.length === 0) return void vscode.window.showInformationMessage('Marginalia: no occurrence was ticked, so nothing was tagged.');
    const occurrences = picked.map(({ occurrence: { uri, start, end, text } }) => ({ uri, start, end, text }));
    const result = await vscode.commands.executeCommand<TagAllInWorkspaceResult & { failed?: boolean }>(ServerCommands.tagAllInWorkspace, { ...args, occurrences } satisfies TagAllInWorkspaceArguments);
    if (!result || result.failed) return;
    if (result.skipped.length > 0) void vscode.window.showWarningMessage(`Marginalia: ${result.message}`);
    else void vscode.window.showInformationMessage(`Marginalia: ${result.message}`);
  });
}
