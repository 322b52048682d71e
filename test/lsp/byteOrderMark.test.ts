/**
 * The language server reading articles saved with a byte order mark from disk: offsets count the
 * text without it, as the editor's document text has none (VS Code drops it; so do the tests' opens).
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ArticleViewRequest, ServerCommands, type ArticleView, type TagAllInWorkspaceResult } from '../../server/src/api/protocol';
import { newTag, serializeSidecar, SIDECAR_VERSION, sidecarPathFor, type Tag } from '../../server/src/core/sidecar';
import { readSidecar, startSession, type Session } from '../support/lspClient';

const BOM = '\uFEFF';

describe('articles with a byte order mark, read by the server from disk', () => {
  let session: Session;
  const file = (name: string) => path.join(session.root, 'seeds', name);
  before(async () => {
    session = await startSession({ annotator: 'ann' });
  });
  after(() => session.close());

  it('tag all in the workspace tags a closed article at the offsets the editor uses', async () => {
    writeFileSync(file('bom_open.txt'), 'The team met Zorvanets today.\n');
    const closedText = 'Later Zorvanets won. Zorvanets left.\n';
    writeFileSync(file('bom_closed.txt'), BOM + closedText);
    const open = await session.open('seeds/bom_open.txt');
    const result = (await session.connection.sendRequest('workspace/executeCommand', {
      command: ServerCommands.tagAllInWorkspace,
      arguments: [{ uri: open.uri, text: 'Zorvanets', label: 'PERSON' }],
    })) as TagAllInWorkspaceResult;
    assert.equal(result.tagged, 3, result.message);
    const tags = (readSidecar(file('bom_closed.txt'))?.annotations ?? []) as unknown as Tag[];
    assert.deepEqual(tags.map((tag) => tag.start).sort((a, b) => a - b), [closedText.indexOf('Zorvanets'), closedText.lastIndexOf('Zorvanets')]);
    // Opened afterwards, the article shows both as tags in place, none orphaned.
    const reopened = await session.open('seeds/bom_closed.txt', closedText);
    const items = (await session.connection.sendRequest(ArticleViewRequest, { uri: reopened.uri })) as ArticleView;
    const tagged = items.items.filter((item) => item.state !== 'suggested');
    assert.deepEqual(tagged.map((item) => [item.start, item.state]), [[6, 'tagged'], [21, 'tagged']]);
  });

  it('saves the offsets of tags found again on opening, as the saved article matches the editor', async () => {
    // A tag one place too far, as a reader counting the BOM once wrote it; the server finds it by its quote.
    const text = 'Officials from NATO met in Brussels.\n';
    writeFileSync(file('bom_moved.txt'), BOM + text);
    const shifted = { ...newTag({ text, start: 15, end: 19, label: 'ORG', source: 'manual', annotator: 'ann' }), start: 16, end: 20 };
    writeFileSync(sidecarPathFor(file('bom_moved.txt')), serializeSidecar({ version: SIDECAR_VERSION, article: 'bom_moved.txt', annotations: [shifted] }));
    const article = await session.open('seeds/bom_moved.txt', text);
    await session.connection.sendRequest(ArticleViewRequest, { uri: article.uri });
    const [tag] = (readSidecar(file('bom_moved.txt'))?.annotations ?? []) as unknown as Tag[];
    assert.deepEqual([tag.start, tag.end, tag.text], [15, 19, 'NATO']);
  });
});
