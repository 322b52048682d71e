/**
 * "Check all articles' sidecars" through a real LSP client that shows work-done progress: the server
 * creates the progress, reports it, honours Cancel, publishes problems on the sidecars and answers
 * with a summary. Workspaces are generated: enough articles that a cancel lands half-way.
 */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type Diagnostic,
  type ProgressToken,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
} from 'vscode-languageserver-protocol/node';
import type { CorpusCheckResult } from '../../server/src/api/protocol';
import { generateCorpus, type GeneratedCorpus } from '../progressCorpus';
import { PROJECT_ROOT } from '../support/projectRoot';

const CLI = path.join(PROJECT_ROOT, 'bin', 'marginalia.js');
type Progress = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;

interface ProgressClient {
  connection: ProtocolConnection;
  /** Tokens the server asked to create, and what it reported on each, in order. */
  progress: Map<ProgressToken, Progress[]>;
  /** Called with each $/progress value as it arrives. */
  onProgress: (token: ProgressToken, value: Progress) => void;
  diagnostics: Map<string, Diagnostic[]>;
  messages: Array<{ type: number; message: string }>;
  checkCorpus(): Promise<CorpusCheckResult>;
  close(): Promise<void>;
}

/** A client such as VS Code: it advertises work-done progress and accepts the server's tokens. */
async function startClient(root: string): Promise<ProgressClient> {
  const server = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  server.stderr.resume();
  const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  const client: ProgressClient = {
    connection,
    progress: new Map(),
    onProgress: () => undefined,
    diagnostics: new Map(),
    messages: [],
    checkCorpus: async () => (await connection.sendRequest('workspace/executeCommand', { command: 'marginalia.checkCorpus', arguments: [] })) as CorpusCheckResult,
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
  connection.onNotification('textDocument/publishDiagnostics', ({ uri, diagnostics }: PublishDiagnosticsParams) => client.diagnostics.set(uri, diagnostics));
  connection.onRequest('window/showMessageRequest', (message: { type: number; message: string }) => {
    client.messages.push({ type: message.type, message: message.message });
    return null;
  });
  connection.onNotification('window/logMessage', () => undefined);
  connection.onNotification('marginalia/articleChanged', () => undefined);
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

const sidecarUri = (article: string) => pathToFileURL(article.replace(/\.txt$/, '.annotations.json')).href;

/** Every file below `root` with its size and modification time: what a write would change. */
function snapshot(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((name) => {
      const stats = statSync(path.join(root, name));
      return `${name} ${stats.size} ${stats.mtimeMs}`;
    });
}

describe('checking every article of the workspace', () => {
  const cleanups: Array<() => unknown> = [];
  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });
  const start = async (corpus: GeneratedCorpus) => {
    cleanups.push(() => rmSync(corpus.root, { recursive: true, force: true }));
    const client = await startClient(corpus.root);
    cleanups.push(() => client.close());
    return client;
  };

  it('reports cancellable progress from 0 to 100%, marks each problem on its sidecar line and sums them up', async () => {
    const corpus = generateCorpus(300, { stale: [3, 150] });
    const client = await start(corpus);
    const result = await client.checkCorpus();

    const expected = "Checked 300 articles' sidecars: 2 problems in 2 sidecars (2 orphaned tags), each marked on its line in the sidecar.";
    assert.deepEqual(result, { checked: 300, total: 300, problems: 2, cancelled: false, message: expected });
    assert.deepEqual(client.messages, [{ type: 2, message: expected }], 'a warning, since there are problems');

    assert.equal(client.progress.size, 1, 'one progress, created by the server');
    const [values] = [...client.progress.values()];
    const begin = values[0] as WorkDoneProgressBegin;
    assert.deepEqual(begin, { kind: 'begin', title: 'Checking sidecars', percentage: 0, message: 'Finding the articles…', cancellable: true });
    const reports = values.slice(1, -1) as WorkDoneProgressReport[];
    assert.ok(reports.every((value) => value.kind === 'report'));
    assert.deepEqual(reports[0], { kind: 'report', percentage: 0, message: '0 of 300 articles' });
    assert.deepEqual(reports.at(-1), { kind: 'report', percentage: 100, message: '300 of 300 articles' });
    const percentages = reports.map((value) => value.percentage!);
    assert.deepEqual(percentages, [...new Set(percentages)].sort((a, b) => a - b), 'each percentage once, rising');
    assert.deepEqual(values.at(-1), { kind: 'end' });

    const stale = client.diagnostics.get(sidecarUri(corpus.articles[3]));
    assert.equal(stale?.length, 1);
    assert.equal(stale[0].severity, 2, 'a warning: the annotator re-attaches or removes it in the article');
    assert.equal(stale[0].code, 'orphan');
    assert.equal(stale[0].source, 'marginalia check');
    assert.match(stale[0].message, /GPE "Brussels".*orphaned/);
    const sidecarLines = readFileSync(corpus.articles[3].replace(/\.txt$/, '.annotations.json'), 'utf8').split('\n');
    assert.match(sidecarLines[stale[0].range.start.line], /"text":\s*"Brussels"/, 'on the line of the tag');
    assert.equal(client.diagnostics.size, 2, 'nothing on the healthy sidecars');

    // The article is put right: the next check takes its problem away.
    writeFileSync(corpus.articles[3], readFileSync(corpus.articles[0], 'utf8'));
    const again = await client.checkCorpus();
    assert.equal(again.problems, 1);
    assert.deepEqual(client.diagnostics.get(sidecarUri(corpus.articles[3])), []);
    assert.equal(client.diagnostics.get(sidecarUri(corpus.articles[150]))?.length, 1);
  });

  it('stops between files when cancelled, says how far it got, and changes nothing', async () => {
    const corpus = generateCorpus(2000, { stale: [0, 1999] });
    const before = snapshot(corpus.root);
    const client = await start(corpus);
    client.onProgress = (token, value) => {
      if (value.kind === 'report' && value.percentage! > 0 && value.percentage! < 100) {
        client.onProgress = () => undefined;
        void client.connection.sendNotification('window/workDoneProgress/cancel', { token });
      }
    };
    const result = await client.checkCorpus();

    assert.equal(result.cancelled, true);
    assert.ok(result.checked > 0 && result.checked < 2000, `cancelled half-way, after ${result.checked}`);
    assert.equal(result.message, `Check cancelled after ${result.checked} of 2000 articles.`);
    assert.deepEqual(client.messages, [{ type: 3, message: result.message }]);
    const [values] = [...client.progress.values()];
    assert.deepEqual(values.at(-1), { kind: 'end' });
    assert.deepEqual([...client.diagnostics.keys()], [], 'no problems published from a partial check');
    assert.deepEqual(snapshot(corpus.root), before, 'no file written, none left behind');
  });

  it('is offered as a source action in an article, and not among quick fixes', async () => {
    const corpus = generateCorpus(3);
    // A marginalia.json makes the folder a corpus, so its .txt files are articles.
    writeFileSync(path.join(corpus.root, 'marginalia.json'), '{}\n');
    const client = await start(corpus);
    const uri = pathToFileURL(corpus.articles[0]).href;
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: readFileSync(corpus.articles[0], 'utf8') } });
    const actions = async (only: string[]) =>
      ((await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only } })) as CodeAction[]).filter(
        (action) => action.command?.command === 'marginalia.checkCorpus',
      );
    assert.deepEqual(await actions(['source']), [
      { title: "Check all articles' sidecars", kind: 'source.marginalia.checkCorpus', command: { title: "Check all articles' sidecars", command: 'marginalia.checkCorpus' } },
    ]);
    assert.deepEqual(await actions(['quickfix']), []);
    const result = await client.checkCorpus();
    assert.equal(result.message, "Checked 3 articles' sidecars: all well.");
  });
});
