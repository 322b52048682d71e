/**
 * The language server on an article whose name would share its sidecar with another's (`a.txt` beside
 * `a.TXT`): it says why on the article and refuses to save its tags, rather than mixing both articles' tags.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startSession, type Session } from '../support/lspClient';

describe('an article whose sidecar another article would share', () => {
  let session: Session;
  before(async () => {
    session = await startSession({ annotator: 'ann' });
  });
  after(() => session.close());

  it('shows why on the article and refuses to save its tags', async () => {
    const folder = path.join(session.root, 'seeds');
    writeFileSync(path.join(folder, 'shared.txt'), 'President Volodymyr Zelensky met NATO officials in Brussels.\n');
    writeFileSync(path.join(folder, 'shared.TXT'), 'Prime Minister Keir Starmer spoke in London.\n');
    const article = await session.open('seeds/shared.txt');
    const [warning] = await session.diagnostics(article.uri, (diagnostics) => diagnostics.some((diagnostic) => diagnostic.code === 'sidecar-invalid'));
    assert.match(warning.message, /shared\.TXT and shared\.txt would share one sidecar .*rename/);
    assert.ok(session.messages.some((message) => message.includes('shared.TXT and shared.txt would share one sidecar')), JSON.stringify(session.messages));
    const tag = (await article.actionsAt('Zelensky')).find((action) => /^Tag .* as PERSON$/.test(action.title));
    assert.ok(tag, 'a tag action');
    const result = await article.run(tag);
    assert.equal(result.failed, true);
    assert.match(result.message, /shared\.TXT and shared\.txt would share one sidecar/);
    assert.equal(existsSync(path.join(folder, 'shared.annotations.json')), false);
  });
});
