/**
 * The project's own recognisers in any LSP editor (marginalia.json "recognisers"): a real Python process
 * (standard library only, test/fixtures/recognisers/tiny_ner.py) and a real HTTP server speaking Label
 * Studio's ML-backend /predict, started here. Their spans arrive after the detector's, are offered and
 * tagged like the detector's, and every way they can fail is reported once while the detector's
 * suggestions still show.
 */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CodeAction, Hover } from 'vscode-languageserver-protocol';
import { ArticleViewRequest, type ArticleView } from '../../server/src/api/protocol';
import { readSidecar, startSession, type OpenArticle, type Session } from '../support/lspClient';
import { PROJECT_ROOT } from '../support/projectRoot';

const TINY = path.join(PROJECT_ROOT, 'test', 'fixtures', 'recognisers', 'tiny_ner.py');
const ARTICLE = 'date 2024-03-02\n\nMaria Okafor scored twice as Denver beat Portland 5-3 🎉 on Saturday. "We fought," said Whitfield, whose nordvik boots split. ICE Brent crude rose.\n';

/** A corpus folder with this marginalia.json and one article, a.txt. */
function corpus(recognisers: unknown[], folders: string[]): string {
  const root = mkdtempSync(path.join(tmpdir(), 'marginalia-recognisers-'));
  folders.push(root);
  mkdirSync(path.join(root, 'news'));
  writeFileSync(path.join(root, 'news', 'marginalia.json'), JSON.stringify({ recognisers }, null, 2));
  writeFileSync(path.join(root, 'news', 'a.txt'), ARTICLE);
  return root;
}

const view = (session: Session, article: OpenArticle) => session.connection.sendRequest(ArticleViewRequest, { uri: article.uri }) as Promise<ArticleView>;

/** Labels suggested exactly on the nth occurrence of `needle`. */
async function suggestedAt(session: Session, article: OpenArticle, needle: string, text = article.text): Promise<string[]> {
  const offset = text.indexOf(needle);
  return (await view(session, article)).items.filter((item) => item.state === 'suggested' && item.start === offset && item.end === offset + needle.length).map((item) => item.label);
}

/** Resolves once `check` holds, tried again after each redraw the server announces (a recogniser's answer is one). */
async function until(session: Session, uri: string, check: () => Promise<boolean>, what: string): Promise<void> {
  const redrawn: Array<() => void> = [];
  session.connection.onNotification('marginalia/articleChanged', (params: { uri: string }) => params.uri === uri && redrawn.splice(0).forEach((wake) => wake()));
  const deadline = Date.now() + 15_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`never happened: ${what}`);
    await new Promise<void>((wake) => {
      redrawn.push(wake);
      setTimeout(wake, 1000).unref();
    });
  }
}

async function hoverText(session: Session, article: OpenArticle, needle: string): Promise<string> {
  const hover = (await session.connection.sendRequest('textDocument/hover', { textDocument: { uri: article.uri }, position: article.positionOf(needle) })) as Hover | null;
  return hover ? (hover.contents as { value: string }).value : '';
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

describe('recognisers in the editor', () => {
  const folders: string[] = [];
  const sessions: Session[] = [];
  const servers: Server[] = [];
  after(async () => {
    for (const session of sessions) await session.close();
    for (const server of servers) server.close();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });
  const start = async (recognisers: unknown[]) => {
    const root = corpus(recognisers, folders);
    const session = await startSession({ annotator: 'olena' }, { root });
    sessions.push(session);
    return { session, article: await session.open('news/a.txt') };
  };

  it('shows a process model\'s spans as suggestions, with labels mapped, its name and score in the hover, and tags them by the quick fix', async () => {
    const { session, article } = await start([{ name: 'tiny', command: ['python3', TINY], labels: { PER: 'PERSON' } }]);
    // "nordvik" in lower case is no name to the detector: only the model finds it.
    await until(session, article.uri, async () => (await suggestedAt(session, article, 'nordvik')).includes('ORG'), 'the model\'s ORG on "nordvik"');
    // After an emoji (two UTF-16 units, one code point): the model's code points land on the right word.
    assert.ok((await suggestedAt(session, article, 'Whitfield')).includes('PERSON'), 'PER mapped to PERSON, placed after the emoji');
    assert.deepEqual(await suggestedAt(session, article, 'Saturday'), ['DATE'], "the detector's suggestions stay");
    assert.match(await hoverText(session, article, 'nordvik'), /suggested from tiny, score 0\.93/);
    // A label the project does not have, and that "labels" does not map, is said once, naming it.
    assert.match(await session.message((message) => message.includes('"tiny"')), /recogniser "tiny" answered labels this project does not have: MISC/);
    assert.doesNotMatch(await hoverText(session, article, 'Brent'), /from tiny/, 'its unmapped span is left out');

    const actions: CodeAction[] = await article.actionsAt('nordvik');
    const tag = actions.find((action) => action.title === 'Tag as ORG');
    assert.ok(tag, JSON.stringify(actions.map((action) => action.title)));
    await article.run(tag);
    const saved = readSidecar(article.path)!.annotations.find((annotation) => annotation.text === 'nordvik');
    assert.equal(saved?.label, 'ORG');
    // Taken from the model's suggestion, the tag says whose it was, as a proposal of `annotate` would.
    assert.equal(saved?.source, 'model:tiny');
    assert.equal(saved?.start, [...ARTICLE.slice(0, ARTICLE.indexOf('nordvik'))].length, 'code points in the sidecar');
  });

  it('asks a Label Studio ML backend over HTTP, converting its UTF-16 offsets', async () => {
    const bodies: Array<{ tasks: Array<{ data: { text: string } }>; label_config: string }> = [];
    const backend = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        const json = JSON.parse(body);
        bodies.push(json);
        const text: string = json.tasks[0].data.text;
        // As the browser counts: JS string offsets.
        const at = text.indexOf('Whitfield');
        const result = [{ from_name: 'label', to_name: 'text', type: 'labels', value: { start: at, end: at + 9, text: 'Whitfield', labels: ['PERSON'] }, score: 0.75 }];
        response.writeHead(request.url === '/predict' ? 200 : 404, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ results: [{ result, score: 0.6, model_version: 'test' }] }));
      });
    });
    servers.push(backend);
    const port = await listen(backend);
    const { session, article } = await start([{ name: 'team-model', url: `http://127.0.0.1:${port}` }]);
    await until(session, article.uri, async () => (await hoverText(session, article, 'Whitfield')).includes('from team-model'), 'the backend\'s suggestion on "Whitfield"');
    assert.match(await hoverText(session, article, 'Whitfield'), /suggested from team-model, score 0\.75/);
    assert.equal(bodies[0]!.tasks[0]!.data.text, ARTICLE);
    assert.match(bodies[0]!.label_config, /<Label value="PERSON"\/>/);
  });

  it('pre-annotates with them through the server command, proposals signed model:NAME, a failing one said once', async () => {
    const { session, article } = await start([
      { name: 'tiny', command: ['python3', TINY], labels: { PER: 'PERSON', MISC: 'PRODUCT' } },
      { name: 'crashy', command: ['python3', TINY, 'crash'] },
    ]);
    const result = (await session.connection.sendRequest('workspace/executeCommand', { command: 'marginalia.annotateFolder', arguments: [{ uri: article.uri.replace(/\/a\.txt$/, '') }] })) as { added: number; message: string };
    assert.ok(result.added > 0, result.message);
    const proposals = readSidecar(article.path)!.annotations;
    assert.deepEqual(proposals.filter((tag) => tag.text === 'nordvik').map((tag) => `${tag.label} ${tag.source} ${tag.status}`), ['ORG model:tiny proposed']);
    assert.ok(proposals.some((tag) => tag.text === 'Saturday' && tag.source === 'import'), "the detector's proposals too");
    assert.match(await session.message((message) => message.includes('"crashy"')), /recogniser "crashy" exited with code 3/);
  });

  it('reports each way a recogniser fails, once, naming it, while the detector and the working model still suggest', async () => {
    const closed = createServer();
    const closedPort = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    const { session, article } = await start([
      { name: 'missing', command: [path.join(tmpdir(), 'no-such-model-here')] },
      { name: 'crashy', command: ['python3', TINY, 'crash'] },
      { name: 'sleepy', command: ['python3', TINY, 'hang'], timeoutSeconds: 1 },
      { name: 'noisy', command: ['python3', TINY, 'garbage'] },
      { name: 'counting', command: ['python3', TINY, 'outside'], labels: { PER: 'PERSON' } },
      { name: 'far', url: 'http://192.0.2.1:9090' },
      { name: 'down', url: `http://127.0.0.1:${closedPort}` },
      { name: 'tiny', command: ['python3', TINY], labels: { PER: 'PERSON', MISC: 'PRODUCT' } },
    ]);
    const expected: Array<[string, RegExp]> = [
      ['missing', /recogniser "missing" could not be started: ".*no-such-model-here" was not found/],
      ['crashy', /recogniser "crashy" exited with code 3 \(its last words: "RuntimeError: model weights not found"\)/],
      ['sleepy', /recogniser "sleepy" gave no answer within 1 s/],
      ['noisy', /recogniser "noisy" answered a line that is not JSON \("Loading model weights\.\.\. done"\)/],
      ['counting', /recogniser "counting" answered a span \d+–\d+ outside the text \(\d+ characters\)/],
      ['far', /recogniser "far" was not asked: http:\/\/192\.0\.2\.1:9090 is not this machine.*"allowRemote": true/],
      ['down', /recogniser "down" could not be reached at http:\/\/127\.0\.0\.1:\d+\/predict \(ECONNREFUSED\)/],
    ];
    for (const [name, pattern] of expected) {
      const message = await session.message((shown) => shown.includes(`recogniser "${name}"`));
      assert.match(message, pattern);
      assert.match(message, /the detector's suggestions show without it/);
    }
    await until(session, article.uri, async () => (await suggestedAt(session, article, 'Brent')).includes('PRODUCT'), "the working model's PRODUCT on Brent");
    assert.deepEqual(await suggestedAt(session, article, 'Saturday'), ['DATE']);
    assert.ok((await suggestedAt(session, article, 'Maria Okafor')).includes('PERSON'), "the detector's PERSON");

    // An edit asks them all again; what failed before is not said again.
    const edited = ARTICLE.replace('Maria', 'Mrs Maria');
    await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri: article.uri, version: 2 }, contentChanges: [{ text: edited }] });
    await until(session, article.uri, async () => (await suggestedAt(session, article, 'nordvik', edited)).includes('ORG'), 'the working model\'s answer for the edited text');
    for (const [name] of expected) assert.equal(session.messages.filter((message) => message.includes(`recogniser "${name}"`)).length, 1, `${name} reported once`);
  });
});
