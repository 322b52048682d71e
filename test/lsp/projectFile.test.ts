/**
 * A broken marginalia.json (issue 13): shown on the file where it is wrong and said in a message,
 * while the corpus goes on with its last good labels and guidelines; fixed, the problems go away.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { startSession, type Session } from '../support/lspClient';

describe('a broken project file', () => {
  let session: Session;
  before(async () => {
    session = await startSession();
  });
  after(() => session.close());

  it('is shown on its key, said in a message, and the last good labels stay until it is fixed', async () => {
    const corpus = path.join(session.root, 'corpus');
    mkdirSync(corpus, { recursive: true });
    const projectPath = path.join(corpus, 'marginalia.json');
    const projectUri = pathToFileURL(projectPath).href;
    const good = { labels: { WEAPON: { kind: 'entity', guideline: 'Named weapon systems, not generic ones.' } } };
    writeFileSync(projectPath, JSON.stringify(good, null, 2));
    writeFileSync(path.join(corpus, 'a.txt'), 'Ukraine will use Flamingo missiles, President Volodymyr Zelensky said.');
    const article = await session.open('corpus/a.txt');
    const projectChanged = () => session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: projectUri, type: 2 }] });
    const offered = async () => ((await article.actionsAt('Flamingo')) as CodeAction[]).map((action) => action.title);
    assert.ok((await offered()).includes('Tag as WEAPON'));

    // A typo: an unknown key, and a colour that is no colour.
    const broken = JSON.stringify({ ...good, labels: { WEAPON: { ...good.labels.WEAPON, color: 'red' } }, lables: {} }, null, 2);
    writeFileSync(projectPath, broken);
    await projectChanged();
    const problems = await session.diagnostics(projectUri, (list: Diagnostic[]) => list.length > 0);
    const described = problems.map((problem) => {
      const line = broken.split('\n')[problem.range.start.line]!;
      return [line.slice(problem.range.start.character, problem.range.end.character), problem.message, problem.severity];
    });
    assert.deepEqual(described.sort(), [
      ['"lables"', 'lables: unknown key "lables" (known: $schema, articles, exclude, labels, recognisers, referenceDate, relations)', 1],
      ['"red"', 'labels.WEAPON.color: a colour as #rrggbb', 1],
    ]);
    assert.ok(session.messages.some((message) => message.includes('marginalia.json is not valid') && message.includes('lables') && message.includes('last good version')), session.messages.join('\n'));
    // The last good label set and its guideline are still in force.
    assert.ok((await offered()).includes('Tag as WEAPON'), 'the project label is still offered: ' + (await offered()).join(' / '));
    await article.run((await article.actionsAt('Flamingo')).find((action) => action.title === 'Tag as WEAPON')!);
    const hover = (await session.connection.sendRequest('textDocument/hover', { textDocument: { uri: article.uri }, position: article.positionOf('Flamingo') })) as Hover;
    assert.match((hover.contents as { value: string }).value, /Named weapon systems/);

    writeFileSync(projectPath, JSON.stringify(good));
    await projectChanged();
    await session.diagnostics(projectUri, (list: Diagnostic[]) => list.length === 0);
  });
});
