import * as vscode from 'vscode';
import { ServerCommands, type CommandResult, type LinkTargetsArguments, type LinkTargetsResult } from '../server/src/api/protocol';

/** The client command behind "Link "Ukraine" to…": the server offers it as a code action once told of it. */
export const LINK_TO_COMMAND = 'marginalia.linkTo';

/**
 * "Link to…": every link the tag may make in the article (not only the nearby ones the quick fixes
 * list), in a picker titled as the quick fixes are; the pick runs the server's link command.
 */
export function registerLinkPicker(): vscode.Disposable {
  return vscode.commands.registerCommand(LINK_TO_COMMAND, async (args?: LinkTargetsArguments) => {
    if (!args) {
      void vscode.window.showInformationMessage('Marginalia: put the cursor on a tag and press Ctrl+. to link it');
      return;
    }
    const found = await vscode.commands.executeCommand<LinkTargetsResult & { failed?: boolean }>(ServerCommands.linkTargets, args);
    if (!found || found.failed) {
      void vscode.window.showWarningMessage(`Marginalia: ${found?.message ?? 'the language server did not answer'}`);
      return;
    }
    if (found.targets.length === 0) {
      void vscode.window.showInformationMessage('Marginalia: no tag of this article may be linked to this one by the project’s relation types');
      return;
    }
    const picked = await vscode.window.showQuickPick(
      found.targets.map((target) => ({ label: target.title, target })),
      { title: 'Link to…', placeHolder: 'Relation to make', matchOnDescription: true },
    );
    if (!picked) return;
    const result = await vscode.commands.executeCommand<CommandResult & { failed?: boolean }>(ServerCommands.link, picked.target.arguments);
    if (result && !result.failed) vscode.window.setStatusBarMessage(`Marginalia: ${result.message}`, 4000);
    else if (result?.failed) void vscode.window.showWarningMessage(`Marginalia: ${result.message}`);
  });
}
