/**
 * A newsroom's corpus (issue 19): 100,000 articles, with no limit anywhere. Tag all in the workspace
 * counts the name in every one of them and its preview pages through to the last article; the
 * corpus view pages through them all. The articles are tiny, so that the corpus is written quickly.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CorpusRequest, ServerCommands, type CorpusPage, type TagAllInWorkspaceResult, type WorkspaceOccurrencesResult } from '../../server/src/api/protocol';
import { readSidecar, startSession, type OpenArticle, type Session } from '../support/lspClient';

const ARTICLES = 100_000;
const PER_FOLDER = 1000;
const NAME = 'Olena Kovalenko';

const articlePath = (n: number) => `seeds/${String(Math.floor(n / PER_FOLDER)).padStart(3, '0')}/a${String(n).padStart(6, '0')}.txt`;

describe('a corpus of 100,000 articles', () => {
  let root: string;
  let session: Session;
  let first: OpenArticle;

  before(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'marginalia-scale-'));
    for (let n = 0; n < ARTICLES; n++) {
      if (n % PER_FOLDER === 0) mkdirSync(path.join(root, path.dirname(articlePath(n))), { recursive: true });
      writeFileSync(path.join(root, articlePath(n)), `Report ${n}: ${NAME} met the press.\n`);
    }
    session = await startSession({ annotator: 'ann' }, { root });
    first = await session.open(articlePath(0));
  });
  after(async () => {
    await session.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('offers to tag the name in all 100,000 articles, and its preview pages to the last one', async () => {
    const titles = (await first.actionsAt(NAME)).map((action) => action.title);
    // The open article's own occurrence counts too, as in a corpus of ten.
    const title = `Tag all 100000 occurrences of "${NAME}" in the workspace as PERSON (100000 articles)`;
    assert.ok(titles.includes(title), titles.join('\n'));

    const args = { uri: first.uri, text: NAME, label: 'PERSON' };
    const page = (await session.connection.sendRequest('workspace/executeCommand', { command: ServerCommands.occurrencesInWorkspace, arguments: [{ ...args, offset: 99_990, limit: 100 }] })) as WorkspaceOccurrencesResult;
    assert.equal(page.articles, 100_000);
    assert.equal(page.occurrences.length, 10);
    const last = page.occurrences.at(-1)!;
    assert.equal(last.article, articlePath(99_999));
    assert.equal(last.excerpt, `Report 99999: ${NAME} met the press.`);

    const tagged = (await session.connection.sendRequest('workspace/executeCommand', { command: ServerCommands.tagAllInWorkspace, arguments: [{ ...args, occurrences: [{ uri: last.uri, start: last.start, end: last.end, text: last.text }] }] })) as TagAllInWorkspaceResult;
    assert.equal(tagged.tagged, 1, tagged.message);
    assert.equal(readSidecar(path.join(root, articlePath(99_999)))?.annotations[0]?.text, NAME);
    // Counted again from the index, which read the new sidecar before answering.
    assert.ok((await first.actionsAt(NAME)).some((action) => action.title === `Tag all 99999 occurrences of "${NAME}" in the workspace as PERSON (99999 articles)`));
  });

  it('pages the corpus view down to the last article, a folder and 200 rows at a time', async () => {
    const page = (folder: string, offset = 0) => session.connection.sendRequest(CorpusRequest, { folder, offset, limit: 200 }) as Promise<CorpusPage>;
    const top = await page('');
    assert.equal(top.articles, ARTICLES);
    assert.deepEqual(top.children.map((child) => child.kind === 'folder' && child.folder), ['seeds']);
    const seeds = await page('seeds');
    assert.equal(seeds.totalChildren, ARTICLES / PER_FOLDER);
    const last = seeds.children.at(-1)!;
    assert.ok(last.kind === 'folder' && last.folder === 'seeds/099' && last.articles === PER_FOLDER && last.counts.accepted === 1, JSON.stringify(last));
    // As the view's "Load more" does: page after page until the folder's last article.
    const names: string[] = [];
    for (let offset = 0; offset === 0 || offset < PER_FOLDER; offset += 200) {
      const next = await page('seeds/099', offset);
      assert.equal(next.totalChildren, PER_FOLDER);
      names.push(...next.children.map((child) => (child.kind === 'article' ? child.name : child.folder)));
    }
    assert.equal(names.length, PER_FOLDER);
    assert.equal(names.at(-1), articlePath(99_999));
    const [end] = (await page('seeds/099', PER_FOLDER - 1)).children;
    assert.ok(end?.kind === 'article' && end.counts.accepted === 1, JSON.stringify(end));
  });
});
