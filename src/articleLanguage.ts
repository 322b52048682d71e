import * as vscode from 'vscode';

const ARTICLE_LANGUAGE = 'marginalia-article';

/**
 * Gives plain .txt files below a folder holding a marginalia.json our own language id, so the grammar,
 * keybindings and settings of articles apply to them (files under seeds/ get it from package.json).
 * Our activation never hangs on plaintext, which fires for every text file.
 */
export function markArticles(): vscode.Disposable {
  const mark = async (document: vscode.TextDocument) => {
    if (document.languageId !== 'plaintext' || document.uri.scheme !== 'file' || !document.fileName.toLowerCase().endsWith('.txt')) return;
    if (await hasProjectFileAbove(document.uri)) await vscode.languages.setTextDocumentLanguage(document, ARTICLE_LANGUAGE);
  };
  vscode.workspace.textDocuments.forEach((document) => void mark(document));
  return vscode.workspace.onDidOpenTextDocument((document) => void mark(document));
}

async function hasProjectFileAbove(file: vscode.Uri): Promise<boolean> {
  const folder = vscode.workspace.getWorkspaceFolder(file);
  let directory = vscode.Uri.joinPath(file, '..');
  for (;;) {
    try {
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(directory, 'marginalia.json'));
      return true;
    } catch {
      // Not here; look one folder up.
    }
    const parent = vscode.Uri.joinPath(directory, '..');
    if (!folder || directory.path === folder.uri.path || parent.path === directory.path) return false;
    directory = parent;
  }
}
