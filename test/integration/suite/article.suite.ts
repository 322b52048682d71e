/**
 * Marginalia in a real VS Code, through the `vscode` API alone: open a seed, wait for its tokens,
 * run the quick fix, find the sidecar. Runs the same under test-electron and code-server.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { existsSync, readFileSync } from 'node:fs';

const ARTICLE = 'seeds/000_d6449e741489756f.txt';

async function openArticle(relativePath: string): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders![0].uri;
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, relativePath));
  const editor = await vscode.window.showTextDocument(document);
  const extension = vscode.extensions.getExtension('marginalia.marginalia')!;
  await extension.activate();
  return editor;
}

/** Polls a condition each 100 ms until it holds (an event the API does not expose), or fails after `ms`. */
async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    let value: T | undefined;
    try {
      value = await probe();
    } catch (error) {
      last = error;
    }
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${String(last)})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function semanticTokens(document: vscode.TextDocument): Promise<Array<{ text: string; type: string; modifiers: string[] }> | undefined> {
  const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', document.uri);
  const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', document.uri);
  if (!legend || !tokens || tokens.data.length === 0) return undefined;
  const out = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    line += tokens.data[i];
    character = tokens.data[i] === 0 ? character + tokens.data[i + 1] : tokens.data[i + 1];
    const start = new vscode.Position(line, character);
    out.push({
      text: document.getText(new vscode.Range(start, start.translate(0, tokens.data[i + 2]))),
      type: legend.tokenTypes[tokens.data[i + 3]],
      modifiers: legend.tokenModifiers.filter((_, bit) => tokens.data[i + 4] & (1 << bit)),
    });
  }
  return out;
}

describe('Marginalia in VS Code', () => {
  it('gives seed articles the article language, and activates', async () => {
    const editor = await openArticle(ARTICLE);
    assert.equal(editor.document.languageId, 'marginalia-article');
    assert.ok(vscode.extensions.getExtension('marginalia.marginalia')!.isActive);
  });

  it('highlights entities, numbers and dates with semantic tokens', async () => {
    const editor = await openArticle(ARTICLE);
    const tokens = await until('semantic tokens', () => semanticTokens(editor.document));
    assert.equal(tokens.find((token) => token.text === 'Volodymyr Zelensky')?.type, 'marginaliaEntity');
    assert.equal(tokens.find((token) => token.text.endsWith('800'))?.type, 'marginaliaNumber');
    assert.equal(tokens.find((token) => token.text === 'November 4')?.type, 'marginaliaDate');
  });

  it('tags "Zelensky" as PERSON with the quick fix and writes the sidecar beside the article', async () => {
    const editor = await openArticle(ARTICLE);
    const document = editor.document;
    const offset = document.getText().indexOf('Zelensky');
    const range = new vscode.Range(document.positionAt(offset), document.positionAt(offset + 3));
    const actions = await until('code actions', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range);
      return found?.some((action) => action.title === 'Tag as PERSON') ? found : undefined;
    });
    assert.equal(actions[0].title, 'Tag as PERSON');
    const command = actions[0].command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const sidecar = document.uri.fsPath.replace(/\.txt$/, '.annotations.json');
    const saved = await until('the sidecar', () => (existsSync(sidecar) ? JSON.parse(readFileSync(sidecar, 'utf8')) : undefined));
    const tag = saved.annotations.find((candidate: { label: string }) => candidate.label === 'PERSON');
    assert.equal(tag.text, 'Volodymyr Zelensky');
    const tokens = await until('the tagged token', async () => (await semanticTokens(document))?.find((token) => token.text === 'Volodymyr Zelensky' && token.modifiers.includes('tagged')));
    assert.ok(tokens);
  });

  it('undoes the tag action on the usual undo command, leaving the text alone', async () => {
    const editor = await openArticle(ARTICLE);
    const text = editor.document.getText();
    await vscode.commands.executeCommand('marginalia.undoTagAction');
    const sidecar = editor.document.uri.fsPath.replace(/\.txt$/, '.annotations.json');
    await until('the tag to be undone', () => JSON.parse(readFileSync(sidecar, 'utf8')).annotations.length === 0);
    assert.equal(editor.document.getText(), text);
  });

  it('jumps to the next suggestion and accepts it from the keyboard commands', async () => {
    const editor = await openArticle(ARTICLE);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await until('suggestions', () => semanticTokens(editor.document));
    await vscode.commands.executeCommand('marginalia.nextSuggestion');
    const selected = editor.document.getText(editor.selection);
    assert.ok(selected.length > 0, 'a suggestion is selected');
    await vscode.commands.executeCommand('marginalia.acceptSuggestion');
    const sidecar = editor.document.uri.fsPath.replace(/\.txt$/, '.annotations.json');
    await until('the accepted tag', () => JSON.parse(readFileSync(sidecar, 'utf8')).annotations.some((tag: { text: string }) => tag.text === selected));
  });

  it('lists the tags by label in the outline', async () => {
    const editor = await openArticle(ARTICLE);
    const symbols = await until('document symbols', async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
      if (!found || found.length === 0) throw new Error(`outline: ${JSON.stringify(found)}`);
      return found;
    });
    assert.ok(symbols.every((symbol) => /^[A-Z_]+$/.test(symbol.name)));
  });
});
