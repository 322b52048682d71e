/** Tags stay on their text while the article changes, in the editor or on disk; what is lost is said, never guessed. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CodeAction, Diagnostic, SemanticTokens } from 'vscode-languageserver-protocol';
import { decodeTokens, readSidecar, startSession, type OpenArticle, type Session } from '../support/lspClient';

describe('tags while the article changes', () => {
  let session: Session;
  before(async () => {
    session = await startSession();
  });
  after(() => session.close());

  const tokensOf = async (article: OpenArticle, text: string) => {
    const result = (await session.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: article.uri } })) as SemanticTokens;
    return decodeTokens(text, result.data, session.init.capabilities.semanticTokensProvider!.legend);
  };
  const edit = (article: OpenArticle, version: number, line: number, character: number, length: number, text: string) =>
    session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: article.uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character: character + length } }, text }],
    });
  const tagAt = async (article: OpenArticle, needle: string, title: string) => {
    const action = (await article.actionsAt(needle)).find((candidate) => candidate.title === title);
    assert.ok(action, `no "${title}"`);
    await article.run(action);
  };
  const characters = (text: string, start: unknown, end: unknown) => [...text].slice(start as number, end as number).join('');

  it('moves a tag with its text as lines are typed above it, and saves its new offsets with the article', async () => {
    const article = await session.open('seeds/000_d6449e741489756f.txt');
    await tagAt(article, 'Matthew Whitaker', 'Tag as PERSON');
    const inserted = 'Editor’s note: updated. 🇺🇦\n';
    await edit(article, 2, 0, 0, 0, inserted);
    const edited = inserted + article.text;
    const token = (await tokensOf(article, edited)).find((candidate) => candidate.text === 'Matthew Whitaker');
    assert.deepEqual(token?.modifiers, ['tagged'], 'still tagged at its new place');
    writeFileSync(article.path, edited);
    await session.connection.sendNotification('textDocument/didSave', { textDocument: { uri: article.uri } });
    const deadline = Date.now() + 10_000;
    let tag: Record<string, unknown> | undefined;
    do {
      tag = readSidecar(article.path)?.annotations.find((candidate) => candidate.label === 'PERSON');
      if (tag && characters(edited, tag.start, tag.end) === 'Matthew Whitaker') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    } while (Date.now() < deadline);
    assert.equal(characters(edited, tag?.start, tag?.end), 'Matthew Whitaker', 'the sidecar follows the saved article');
  });

  it('orphans a tag whose text is rewritten, warns, and re-attaches it where the annotator says', async () => {
    const article = await session.open('seeds/002_41c27c843f947f33.txt');
    await tagAt(article, 'Dnipro', 'Tag as GPE');
    const where = article.positionOf('Dnipro');
    await edit(article, 2, where.line, where.character, 'Dnipro'.length, 'Dnepr');
    const diagnostics = await session.diagnostics(article.uri, (list: Diagnostic[]) => list.some((d) => d.code === 'orphaned-tag'));
    const warning = diagnostics.find((d) => d.code === 'orphaned-tag')!;
    assert.equal(warning.severity, 2);
    assert.match(warning.message, /Orphaned GPE tag: "Dnipro"/);
    const actions = (await session.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: article.uri },
      range: { start: where, end: { line: where.line, character: where.character + 'Dnepr'.length } },
      context: { diagnostics: [warning] },
    })) as CodeAction[];
    assert.ok(actions.some((action) => action.title === 'Remove orphaned GPE tag "Dnipro"'));
    await article.run(actions.find((action) => action.title === 'Re-attach orphaned GPE tag "Dnipro" here')!);
    const tag = readSidecar(article.path)!.annotations.find((candidate) => candidate.label === 'GPE');
    assert.equal(tag?.text, 'Dnepr');
    await session.diagnostics(article.uri, (list: Diagnostic[]) => !list.some((d) => d.code === 'orphaned-tag'));
  });

  it('finds its tags again when the article was edited by another program, and orphans the one whose text is gone', async () => {
    const article = await session.open('seeds/004_20007e029abd094d.txt');
    await tagAt(article, 'Andris Spruds', 'Tag as PERSON');
    await tagAt(article, 'Denys Shmyhal', 'Tag as PERSON');
    await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: article.uri } });
    // Another program: a paragraph inserted at the top, the sentence naming Shmyhal removed.
    const changed = 'UPDATE: this story was corrected.\n\n' + article.text.replace(/[^\n]*Denys Shmyhal[^\n]*\n/, '');
    writeFileSync(article.path, changed);
    const reopened = await session.open('seeds/004_20007e029abd094d.txt');
    const tokens = await tokensOf(reopened, changed);
    assert.deepEqual(tokens.find((token) => token.text === 'Andris Spruds')?.modifiers, ['tagged']);
    const diagnostics = await session.diagnostics(reopened.uri, (list: Diagnostic[]) => list.some((d) => d.code === 'orphaned-tag'));
    assert.match(diagnostics.find((d) => d.code === 'orphaned-tag')!.message, /Denys Shmyhal/);
    const stored = readSidecar(reopened.path)!.annotations;
    const spruds = stored.find((tag) => tag.text === 'Andris Spruds')!;
    assert.equal(characters(changed, spruds.start, spruds.end), 'Andris Spruds', 're-anchored offsets written, as the editor matches the disk');
    assert.ok(stored.some((tag) => tag.text === 'Denys Shmyhal'), 'the orphan is kept in the sidecar');
    assert.equal(readFileSync(reopened.path, 'utf8'), changed);
  });

  it('says why it cannot save the tags of an article whose name leaves no room for the lock file', async () => {
    const name = `seeds/${'w'.repeat(236)}.txt`;
    writeFileSync(path.join(session.root, name), readFileSync(path.join(session.root, 'seeds/000_d6449e741489756f.txt')));
    const article = await session.open(name);
    const action = (await article.actionsAt('Matthew Whitaker')).find((candidate) => candidate.title === 'Tag as PERSON');
    assert.ok(action);
    const result = await article.run(action);
    assert.equal(result.failed, true);
    assert.equal(result.message, `${article.path.replace(/\.txt$/, '.annotations.json')}: cannot save tags: the article's name is too long for the file system once Marginalia adds the lock and temp files it writes beside the sidecar; give the article a shorter name`);
  });
});
