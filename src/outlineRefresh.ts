import * as vscode from 'vscode';

/**
 * VS Code caches an outline until the text changes or the set of symbol providers does; a tag action
 * changes neither, so the outline would go stale. Registering and dropping an empty provider is the
 * public way to say "symbols changed" (LSP has no refresh for document symbols).
 */
export function refreshOutline(): void {
  vscode.languages.registerDocumentSymbolProvider({ language: 'marginalia-article' }, { provideDocumentSymbols: () => [] }).dispose();
}
