/**
 * The corpus index across starts of the server (issue 19): written to `.marginalia/cache/` in the
 * workspace folder, loaded at the next start with only the articles changed since read again, and
 * never trusted over the files. And learnt texts the word places cannot tell ("Jean-Luc Moreau") are
 * kept in the index as they are learnt, so that Ctrl+. counts them without reading an article.
 */
import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { ServerCommands, type TagArguments } from '../../server/src/api/protocol';
import { startSession, type Session } from '../support/lspClient';

const ARTICLES = 12;
const NAME = 'Olena Kovalenko';
/** A name the word places cannot tell (a hyphen inside): kept in the index by its text once learnt. */
const HYPHENATED = 'Jean-Luc Moreau';
const articlePath = (n: number) => `seeds/a${String(n).padStart(2, '0')}.txt`;
/** An hour ago: a corpus that was there before the server started (not modified as it was read). */
const EARLIER = new Date(Date.now() - 3600_000);

const titles = (actions: CodeAction[]) => actions.map((action) => action.title);

describe('the corpus index kept between starts', () => {
  let root: string;
  let session: Session | undefined;
  /** Rewrites an article, dated a minute later than the corpus: changed, and not modified as the index read it. */
  const edit = (n: number, text: string) => {
    const file = path.join(root, articlePath(n));
    writeFileSync(file, text);
    const later = new Date(EARLIER.getTime() + 60_000);
    utimesSync(file, later, later);
  };

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'marginalia-index-cache-'));
    mkdirSync(path.join(root, 'seeds'));
    for (let n = 0; n < ARTICLES; n++) {
      const file = path.join(root, articlePath(n));
      writeFileSync(file, `Report ${n}: ${NAME} met ${HYPHENATED} in Kyiv.\n`);
      utimesSync(file, EARLIER, EARLIER);
    }
  });
  afterEach(async () => {
    await session?.close();
    session = undefined;
    rmSync(root, { recursive: true, force: true });
  });

  it('loads the index from its cache at the next start, reads again only the article edited meanwhile, and counts as the files now say', async () => {
    session = await startSession({ annotator: 'ann' }, { root });
    let first = await session.open(articlePath(0));
    assert.ok(titles(await first.actionsAt(NAME)).includes(`Tag all ${ARTICLES} occurrences of "${NAME}" in the workspace as PERSON (${ARTICLES} articles)`));
    await session.logged((line) => line === `corpus index built from the files: ${ARTICLES} articles read`);
    // Written once questions pause 2 s after the build; the Ctrl+. above once pushed it to a minute.
    await session.logged((line) => line.startsWith(`corpus index cache written: ${ARTICLES} articles (${path.join(root, '.marginalia', 'cache', 'corpus-index.bin')})`), 20_000);
    await session.close();

    // Edited while no server ran: the name leaves article 5.
    edit(5, 'Report 5: nobody of note.\n');
    session = await startSession({ annotator: 'ann' }, { root });
    first = await session.open(articlePath(0));
    const actions = titles(await first.actionsAt(NAME));
    assert.ok(actions.includes(`Tag all ${ARTICLES - 1} occurrences of "${NAME}" in the workspace as PERSON (${ARTICLES - 1} articles)`), actions.join('\n'));
    await session.logged((line) => line === `corpus index loaded from the cache: ${ARTICLES} articles, 1 read again (changed or new), 0 gone`);

    // Edited while the server runs, which is told (as a file watcher would): the cache written as the server stops holds it.
    edit(6, 'Report 6: nobody either.\n');
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(root, articlePath(6))).href, type: 2 }] });
    assert.ok(titles(await first.actionsAt(NAME)).includes(`Tag all ${ARTICLES - 2} occurrences of "${NAME}" in the workspace as PERSON (${ARTICLES - 2} articles)`));
    await session.close();
    session = await startSession({ annotator: 'ann' }, { root });
    await session.open(articlePath(0));
    await session.logged((line) => line === `corpus index loaded from the cache: ${ARTICLES} articles, 0 read again (changed or new), 0 gone`);
  });

  it('counts a learnt text the word places cannot tell from the index: no article is read at Ctrl+.', async () => {
    session = await startSession({ annotator: 'ann' }, { root });
    const first = await session.open(articlePath(0));
    await session.logged((line) => line.startsWith('corpus index built from the files'));
    // Tagged by the command its code action runs: asking for the code actions first would count the text before it is learnt.
    const start = first.text.indexOf(HYPHENATED);
    await session.connection.sendRequest('workspace/executeCommand', { command: ServerCommands.tag, arguments: [{ uri: first.uri, start, end: start + HYPHENATED.length, text: HYPHENATED, label: 'PERSON', source: 'suggestion' } satisfies TagArguments] });

    // The index took the places of the text learnt, in the background.
    await session.logged((line) => line === `corpus index keeps "${HYPHENATED}" by its text: ${ARTICLES} articles holding its words read`);
    // The other articles leave the disk without a word to the server (no file event): an answer read
    // from the files would count none of them; the index, which took their places when the text was
    // learnt, still counts them all.
    for (let n = 1; n < ARTICLES; n++) rmSync(path.join(root, articlePath(n)));
    const title = `Tag all ${ARTICLES - 1} occurrences of "${HYPHENATED}" in the workspace as PERSON (${ARTICLES - 1} articles)`;
    assert.ok(titles(await first.actionsAt(HYPHENATED)).includes(title), titles(await first.actionsAt(HYPHENATED)).join('\n'));

    // Told of the deletions, as a file watcher would, the index forgets them.
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: Array.from({ length: ARTICLES - 1 }, (_, n) => ({ uri: pathToFileURL(path.join(root, articlePath(n + 1))).href, type: 3 })) });
    assert.ok(!titles(await first.actionsAt(HYPHENATED)).some((action) => action.includes('in the workspace')));
  });
});
