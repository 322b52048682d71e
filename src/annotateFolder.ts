import * as vscode from 'vscode';
import { ServerCommands, type AnnotateFolderArguments, type AnnotateFolderResult } from '../server/src/api/protocol';

/** The palette's and the explorer's command; the server's own (marginalia.annotateFolder) takes a uri string, not a vscode.Uri. */
export const PRE_ANNOTATE_FOLDER_COMMAND = 'marginalia.preAnnotateFolder';

/**
 * "Marginalia: Pre-annotate Folder…": on the folder right-clicked in the explorer, or one picked
 * from the palette (every workspace folder when there is one only and nothing is picked). The
 * server shows the progress as a cancellable notification, then the summary.
 */
export function registerAnnotateFolderCommand(): vscode.Disposable {
  return vscode.commands.registerCommand(PRE_ANNOTATE_FOLDER_COMMAND, async (clicked?: unknown) => {
    try {
      const folder = clicked instanceof vscode.Uri ? clicked : await pickFolder();
      if (folder === null) return;
      const args: AnnotateFolderArguments = folder ? { uri: folder.toString() } : {};
      await vscode.commands.executeCommand<AnnotateFolderResult>(ServerCommands.annotateFolder, args);
    } catch (error) {
      void vscode.window.showErrorMessage(`Marginalia: could not pre-annotate (${error instanceof Error ? error.message : String(error)})`);
    }
  });
}

/** A folder picked by the person; undefined for all workspace folders; null when they cancelled. */
async function pickFolder(): Promise<vscode.Uri | undefined | null> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showInformationMessage('Marginalia: open a folder to pre-annotate its articles.');
    return null;
  }
  const everything = { label: folders.length === 1 ? `$(folder) ${folders[0].name}` : '$(folder-library) All workspace folders', description: 'every article', uri: undefined };
  const another = { label: '$(folder-opened) Choose a folder…', description: '', uri: undefined };
  const picked = await vscode.window.showQuickPick([everything, ...(folders.length > 1 ? folders.map((folder) => ({ label: `$(folder) ${folder.name}`, description: '', uri: folder.uri })) : []), another], {
    title: 'Pre-annotate the articles of…',
    placeHolder: 'Proposals are written into the sidecars; tags people made or decided are never touched',
  });
  if (!picked) return null;
  if (picked !== another) return picked.uri;
  const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, defaultUri: folders[0].uri, openLabel: 'Pre-annotate' });
  return chosen?.[0] ?? null;
}
