/** A tag left in conflict state by `marginalia merge-driver`, as an annotator meets it in any LSP editor. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { newTag, serializeSidecar, SIDECAR_VERSION, type Tag, type TagVersion } from '../../server/src/core/sidecar';
import { readSidecar, startSession, type OpenArticle, type Session } from '../support/lspClient';

const ARTICLE = 'seeds/000_d6449e741489756f.txt';

describe('a tag in conflict after a git merge', () => {
  let session: Session;
  let article: OpenArticle;
  let conflicted: Tag;
  const titles = (actions: CodeAction[]) => actions.map((action) => action.title);

  before(async () => {
    session = await startSession();
    const file = path.join(session.root, ARTICLE);
    const text = readFileSync(file, 'utf8');
    const start = [...text.slice(0, text.indexOf('Volodymyr Zelensky'))].length;
    const tag = newTag({ text, start, end: start + 'Volodymyr Zelensky'.length, label: 'PERSON', source: 'manual', annotator: 'olena' });
    const { id: _id, ...version } = tag;
    const ours: TagVersion = { ...version, status: 'accepted' };
    const theirs: TagVersion = { ...ours, label: 'ORG', annotator: 'mykola' };
    conflicted = { ...tag, status: 'conflict', conflict: { base: ours, ours, theirs } };
    writeFileSync(file.replace(/\.txt$/, '.annotations.json'), serializeSidecar({ version: SIDECAR_VERSION, article: path.basename(file), annotations: [conflicted] }));
    article = await session.open(ARTICLE);
  });
  after(() => session.close());

  it('is a Warning naming both versions', async () => {
    const diagnostics = await session.diagnostics(article.uri, (list) => list.some((d) => d.code === 'tag-conflict'));
    const warning = diagnostics.find((d) => d.code === 'tag-conflict')!;
    assert.equal(warning.severity, 2);
    assert.match(warning.message, /^Conflict: .*"Volodymyr Zelensky".*ours PERSON "Volodymyr Zelensky" at \d+-\d+ \/ theirs ORG "Volodymyr Zelensky" at \d+-\d+/);
  });

  it('offers to keep either version, and nothing that would edit one version silently', async () => {
    const actions = titles(await article.actionsAt('Volodymyr Zelensky'));
    assert.ok(actions.includes('Keep ours (PERSON)') && actions.includes('Keep theirs (ORG)'), JSON.stringify(actions));
    assert.ok(!actions.some((title) => title.startsWith('Change label')), JSON.stringify(actions));
  });

  it('keeps the chosen version as that branch had it, settling the tag', async () => {
    const keepTheirs = (await article.actionsAt('Volodymyr Zelensky')).find((action) => action.title === 'Keep theirs (ORG)')!;
    const result = await article.run(keepTheirs);
    assert.match(result.message, /Kept theirs \(ORG\)/);
    const [tag] = readSidecar(article.path)!.annotations;
    assert.deepEqual(tag, { id: conflicted.id, ...conflicted.conflict!.theirs as TagVersion });
    await session.diagnostics(article.uri, (list) => !list.some((d) => d.code === 'tag-conflict'));
  });
});
