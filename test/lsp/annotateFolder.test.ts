/**
 * "Pre-annotate Folder" through a real LSP client that shows work-done progress: the server finds the
 * articles, writes proposals on worker threads started from its own bundle, leaves people's tags
 * alone, redraws the open article, honours Cancel between articles, and answers with a summary.
 */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type ProgressToken,
  type ProtocolConnection,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
} from 'vscode-languageserver-protocol/node';
import type { AnnotateFolderResult } from '../../server/src/api/protocol';
import { newTag, parseSidecar, serializeSidecar, SIDECAR_VERSION, type Tag } from '../../server/src/core/sidecar';
import { generateCorpus } from '../progressCorpus';
import { PROJECT_ROOT } from '../support/projectRoot';

const CLI = path.join(PROJECT_ROOT, 'bin', 'marginalia.js');
const SEEDS = path.join(PROJECT_ROOT, 'seeds');
type Progress = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;

interface Client {
  connection: ProtocolConnection;
  progress: Map<ProgressToken, Progress[]>;
  onProgress: (token: ProgressToken, value: Progress) => void;
  messages: Array<{ type: number; message: string }>;
  /** Articles the server said changed (marginalia/articleChanged), in order. */
  changedArticles: string[];
  onArticleChanged: (uri: string) => void;
  annotate(uri?: string): Promise<AnnotateFolderResult>;
  close(): Promise<void>;
}

async function startClient(root: string): Promise<Client> {
  const server = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  server.stderr.resume();
  const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  const client: Client = {
    connection,
    progress: new Map(),
    onProgress: () => undefined,
    messages: [],
    changedArticles: [],
    onArticleChanged: () => undefined,
    annotate: async (uri) => (await connection.sendRequest('workspace/executeCommand', { command: 'marginalia.annotateFolder', arguments: uri ? [{ uri }] : [] })) as AnnotateFolderResult,
    async close() {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      connection.dispose();
      server.kill();
    },
  };
  connection.onRequest('window/workDoneProgress/create', ({ token }: { token: ProgressToken }) => {
    client.progress.set(token, []);
    return null;
  });
  // The corpus index's build, which the server starts with the session, is not the operation under test.
  const indexing = new Set<ProgressToken>();
  connection.onNotification('$/progress', ({ token, value }: { token: ProgressToken; value: Progress }) => {
    if ((value as { title?: string }).title === 'Indexing the corpus') {
      indexing.add(token);
      client.progress.delete(token);
    }
    if (indexing.has(token)) return;
    client.progress.get(token)?.push(value);
    client.onProgress(token, value);
  });
  connection.onRequest('window/showMessageRequest', (message: { type: number; message: string }) => {
    client.messages.push({ type: message.type, message: message.message });
    return null;
  });
  connection.onNotification('window/showMessage', (message: { type: number; message: string }) => client.messages.push({ type: message.type, message: message.message }));
  connection.onNotification('window/logMessage', () => undefined);
  connection.onNotification('textDocument/publishDiagnostics', () => undefined);
  connection.onNotification('marginalia/articleChanged', ({ uri }: { uri: string }) => {
    client.changedArticles.push(uri);
    client.onArticleChanged(uri);
  });
  connection.onNotification('marginalia/corpusChanged', () => undefined);
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({ annotator: 'olena' })));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const rootUri = pathToFileURL(root).href;
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'corpus' }],
    capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true } },
  });
  await connection.sendNotification('initialized', {});
  return client;
}

const sidecarOf = (article: string) => article.replace(/\.txt$/, '.annotations.json');
const tagsOf = (article: string): Tag[] => parseSidecar(readFileSync(sidecarOf(article), 'utf8'), sidecarOf(article)).annotations;

/** A person's tag on the first occurrence of `quote` in the article. */
function personTag(text: string, quote: string, label: string, status: Tag['status']): Tag {
  const start = [...text.slice(0, text.indexOf(quote))].length;
  return newTag({ text, start, end: start + [...quote].length, label, source: status === 'rejected' ? 'suggestion' : 'manual', status, annotator: 'olena', now: new Date('2025-11-01T09:00:00.000Z') });
}

describe('pre-annotating a folder from the editor', () => {
  const cleanups: Array<() => unknown> = [];
  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('writes proposals into every article, leaves people’s tags as they were, redraws the open article and reports progress', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'marginalia-annotate-lsp-'));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    const seeds = path.join(root, 'seeds');
    mkdirSync(seeds);
    const names = readdirSync(SEEDS).filter((name) => name.endsWith('.txt')).sort();
    for (const name of names) writeFileSync(path.join(seeds, name), readFileSync(path.join(SEEDS, name), 'utf8'));
    const articles = names.map((name) => path.join(seeds, name));
    // The first article already has a person's tags: accepted, manual, rejected.
    const text = readFileSync(articles[0], 'utf8');
    const peoples = [personTag(text, 'Ukraine', 'GPE', 'accepted'), personTag(text, 'Russian', 'ORG', 'rejected'), personTag(text, 'drone production', 'PRODUCT', 'accepted')];
    writeFileSync(sidecarOf(articles[0]), serializeSidecar({ version: SIDECAR_VERSION, article: names[0], annotations: peoples }));
    const before = readFileSync(sidecarOf(articles[0]), 'utf8');

    const client = await startClient(root);
    cleanups.push(() => client.close());
    const openUri = pathToFileURL(articles[1]).href;
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: openUri, languageId: 'plaintext', version: 1, text: readFileSync(articles[1], 'utf8') } });
    const view = async () => (await client.connection.sendRequest('marginalia/articleView', { uri: openUri })) as { items: Array<{ state: string }> };
    assert.equal((await view()).items.filter((item) => item.state === 'proposed').length, 0, 'no proposals before');

    const result = await client.annotate();

    assert.equal(result.cancelled, false);
    assert.equal(result.total, names.length);
    assert.equal(result.articles, names.length);
    assert.equal(result.skipped, 0);
    assert.equal(result.removed, 0);
    assert.ok(result.added > 100, `proposals added: ${result.added}`);
    assert.equal(result.message, `Pre-annotated ${names.length} articles in the workspace: ${result.added.toLocaleString('en-US')} proposals added, 0 removed (no longer found).`);
    assert.deepEqual(client.messages, [{ type: 3, message: result.message }]);

    let proposals = 0;
    for (const article of articles) {
      const proposed = tagsOf(article).filter((tag) => tag.status === 'proposed');
      assert.ok(proposed.length > 0, `${path.basename(article)} has proposals`);
      assert.ok(proposed.every((tag) => tag.source === 'import' && tag.annotator === 'marginalia'));
      proposals += proposed.length;
    }
    assert.equal(proposals, result.added);

    const first = tagsOf(articles[0]);
    for (const tag of peoples) assert.deepEqual(first.find((candidate) => candidate.id === tag.id), tag, `${tag.text} untouched`);
    const proposedSpans = first.filter((tag) => tag.status === 'proposed');
    for (const tag of peoples) {
      assert.ok(!proposedSpans.some((proposal) => proposal.start === tag.start && proposal.end === tag.end), `nothing proposed on "${tag.text}"`);
    }
    const productTag = peoples[2];
    assert.ok(!proposedSpans.some((proposal) => proposal.start < productTag.end && productTag.start < proposal.end), 'nothing proposed across an accepted tag');
    assert.notEqual(readFileSync(sidecarOf(articles[0]), 'utf8'), before);

    assert.ok(client.changedArticles.includes(openUri), 'the open article was redrawn');
    assert.ok((await view()).items.filter((item) => item.state === 'proposed').length > 0, 'its proposals show at once');

    const [values] = [...client.progress.values()];
    assert.deepEqual(values[0], { kind: 'begin', title: 'Pre-annotating', percentage: 0, message: 'Finding the articles…', cancellable: true });
    assert.deepEqual(values.at(-2), { kind: 'report', percentage: 100, message: `${names.length} of ${names.length} articles` });
    assert.deepEqual(values.at(-1), { kind: 'end' });

    // Running it again finds every proposal where it was: nothing is written.
    const sidecars = articles.map((article) => readFileSync(sidecarOf(article), 'utf8'));
    const again = await client.annotate(pathToFileURL(seeds).href);
    assert.equal(again.added, 0);
    assert.equal(again.removed, 0);
    assert.equal(again.message, `Pre-annotated ${names.length} articles in seeds: 0 proposals added, 0 removed (no longer found).`);
    assert.deepEqual(articles.map((article) => readFileSync(sidecarOf(article), 'utf8')), sidecars);
  });

  it('stops handing out articles when cancelled, and every sidecar is whole: pre-annotated entirely or not at all', async () => {
    const corpus = generateCorpus(600);
    cleanups.push(() => rmSync(corpus.root, { recursive: true, force: true }));
    writeFileSync(path.join(corpus.root, 'marginalia.json'), '{}\n');
    const client = await startClient(corpus.root);
    cleanups.push(() => client.close());
    client.onProgress = (token, value) => {
      if (value.kind === 'report' && value.percentage! > 0 && value.percentage! < 100) {
        client.onProgress = () => undefined;
        void client.connection.sendNotification('window/workDoneProgress/cancel', { token });
      }
    };
    const result = await client.annotate();

    assert.equal(result.cancelled, true);
    assert.ok(result.articles > 0 && result.articles < 600, `cancelled half-way, after ${result.articles}`);
    assert.match(result.message, new RegExp(`^Pre-annotation cancelled after ${result.articles} of 600 articles: \\d+ proposals added, 0 removed`));
    let annotated = 0;
    for (const article of corpus.articles) {
      const tags = tagsOf(article);
      const proposed = tags.filter((tag) => tag.status === 'proposed').length;
      // Of "President Volodymyr Zelensky met NATO officials in Brussels on Monday.", only Monday is left to propose.
      assert.ok(proposed === 0 || proposed === 1, `${article}: its proposal or none, not ${proposed}`);
      assert.equal(tags.length - proposed, 3, "the annotator's three tags are kept");
      if (proposed > 0) annotated++;
    }
    assert.equal(annotated, result.articles, 'the articles reported done are those written');
    const [values] = [...client.progress.values()];
    assert.deepEqual(values.at(-1), { kind: 'end' });
  });

  it('is offered as a source action in an article', async () => {
    const corpus = generateCorpus(2);
    cleanups.push(() => rmSync(corpus.root, { recursive: true, force: true }));
    writeFileSync(path.join(corpus.root, 'marginalia.json'), '{}\n');
    const client = await startClient(corpus.root);
    cleanups.push(() => client.close());
    const uri = pathToFileURL(corpus.articles[0]).href;
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: readFileSync(corpus.articles[0], 'utf8') } });
    const actions = async (only: string[]) =>
      ((await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only } })) as CodeAction[]).filter(
        (action) => action.command?.command === 'marginalia.annotateFolder',
      );
    assert.deepEqual(await actions(['source']), [
      { title: 'Pre-annotate all articles', kind: 'source.marginalia.annotateFolder', command: { title: 'Pre-annotate all articles', command: 'marginalia.annotateFolder' } },
    ]);
    assert.deepEqual(await actions(['quickfix']), []);
  });
});
