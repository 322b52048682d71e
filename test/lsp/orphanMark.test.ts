/**
 * An orphaned tag is marked in the sidecar (issue 14, item 5): a tag whose sentence was deleted on disk
 * keeps its last offsets, which now slice other text, so any reader of the file must be able to tell.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { readSidecar, startSession, type Session } from '../support/lspClient';

describe('orphaned tags in the sidecar', () => {
  let session: Session;
  before(async () => {
    session = await startSession();
  });
  after(() => session.close());

  it('marks a tag whose text is gone when the article is opened, keeps its last offsets, and clears the mark on re-attaching', async () => {
    const relative = 'seeds/004_20007e029abd094d.txt';
    const article = await session.open(relative);
    const tag = async (needle: string, title: string) => article.run((await article.actionsAt(needle)).find((action) => action.title === title)!);
    await tag('Andris Spruds', 'Tag as PERSON');
    await tag('Denys Shmyhal', 'Tag as PERSON');
    const before = readSidecar(article.path)!.annotations.find((stored) => stored.text === 'Denys Shmyhal')!;
    await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: article.uri } });
    const changed = article.text.replace(/[^\n]*Denys Shmyhal[^\n]*\n/, '');
    writeFileSync(article.path, changed);

    const reopened = await session.open(relative);
    const warning = (await session.diagnostics(reopened.uri, (list: Diagnostic[]) => list.some((d) => d.code === 'orphaned-tag'))).find((d) => d.code === 'orphaned-tag')!;
    const marked = () => readSidecar(article.path)!.annotations.find((stored) => stored.text === 'Denys Shmyhal')!;
    assert.equal(marked().anchor, 'orphaned', 'marked in the file');
    assert.deepEqual([marked().start, marked().end], [before.start, before.end], 'where it last stood');
    assert.equal(readSidecar(article.path)!.annotations.find((stored) => stored.text === 'Andris Spruds')!.anchor, undefined, 'a tag found again is not marked');

    // Re-attached to a name typed in its place: the mark goes.
    const where = reopened.positionOf('Andris Spruds');
    const actions = (await session.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: reopened.uri },
      range: { start: where, end: { line: where.line, character: where.character + 'Andris'.length } },
      context: { diagnostics: [warning] },
    })) as CodeAction[];
    await reopened.run(actions.find((action) => action.title === 'Re-attach orphaned PERSON tag "Denys Shmyhal" here')!);
    const reattached = readSidecar(article.path)!.annotations.find((stored) => stored.text === 'Andris')!;
    assert.equal(reattached.label, 'PERSON');
    assert.equal(reattached.anchor, undefined, 'no longer marked');
  });
});
