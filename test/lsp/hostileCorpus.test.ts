/**
 * The server over a corpus someone hostile committed to: a glob that backtracks as a regular
 * expression, a sidecar that is a symlink to /dev/zero. The corpus request used to never answer (and
 * every later request timed out), or to grow the server by 650 MB a second.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CorpusRequest, type CorpusSummary } from '../../server/src/api/protocol';
import { PROJECT_ROOT } from '../support/projectRoot';
import { startSession, type Session } from '../support/lspClient';

describe('a hostile corpus through LSP', { skip: process.platform === 'win32' ? 'no /dev/zero on Windows' : false }, () => {
  let session: Session;
  before(async () => {
    session = await startSession({ annotator: 'rev' });
    const hostile = path.join(session.root, 'hostile');
    mkdirSync(hostile);
    writeFileSync(path.join(hostile, 'marginalia.json'), JSON.stringify({ articles: ['*a*a*a*a*a*a*a*a*a*a*a*a*ab.txt', 'zero.txt'] }));
    writeFileSync(path.join(hostile, `${'a'.repeat(40)}.txt`), 'Not an article: the glob wants a "b".\n');
    writeFileSync(path.join(hostile, `${'a'.repeat(40)}b.txt`), 'An article in Kyiv.\n');
    copyFileSync(path.join(PROJECT_ROOT, 'seeds', '000_d6449e741489756f.txt'), path.join(hostile, 'zero.txt'));
    symlinkSync('/dev/zero', path.join(hostile, 'zero.annotations.json'));
  });
  after(() => session.close());

  it('answers the corpus request at once, naming the sidecar it will not read, and answers again after', async () => {
    const summary = (await session.connection.sendRequest(CorpusRequest, {})) as CorpusSummary;
    const names = summary.articles.map((article) => article.name);
    assert.ok(names.includes(`hostile/${'a'.repeat(40)}b.txt`));
    assert.ok(!names.includes(`hostile/${'a'.repeat(40)}.txt`));
    const zero = summary.articles.find((article) => article.name === 'hostile/zero.txt');
    assert.match(zero?.problem ?? '', /zero\.annotations\.json: not a regular file \(a device\)/);
    const again = (await session.connection.sendRequest(CorpusRequest, {})) as CorpusSummary;
    assert.equal(again.articles.length, summary.articles.length);
  });
});
