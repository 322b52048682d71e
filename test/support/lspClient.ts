/**
 * A real LSP client (vscode-languageserver-protocol over stdio) driving the built `marginalia lsp
 * --stdio`, the way any editor would. Tests wait for the server's own events, never fixed sleeps.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

import { PROJECT_ROOT } from './projectRoot';

const CLI = path.join(PROJECT_ROOT, 'bin', 'marginalia.js');
const SEEDS = path.join(PROJECT_ROOT, 'seeds');

export interface Session {
  connection: ProtocolConnection;
  /** The server's process (the leader of its own process group). */
  server: ChildProcess;
  init: InitializeResult;
  root: string;
  messages: string[];
  open(relativePath: string, text?: string): Promise<OpenArticle>;
  diagnostics(uri: string, predicate?: (diagnostics: Diagnostic[]) => boolean): Promise<Diagnostic[]>;
  /** The first message shown (window/showMessage) that `predicate` accepts, waiting for it if need be. */
  message(predicate: (message: string) => boolean): Promise<string>;
  /** Resolves at the next workspace/codeLens/refresh the server sends (it tells the editor its code lenses changed). */
  codeLensRefresh(): Promise<void>;
  /** The first line of the server's log (window/logMessage) that `predicate` accepts, waiting for it if need be. */
  logged(predicate: (line: string) => boolean, timeoutMs?: number): Promise<string>;
  /** With `holdSettings`: answers the server's configuration request, held until now, as a slow editor would. */
  releaseSettings(): void;
  close(): Promise<void>;
}

export interface OpenArticle {
  uri: string;
  path: string;
  text: string;
  /** UTF-16 position of `needle` (the nth occurrence), as LSP counts. */
  positionOf(needle: string, occurrence?: number): { line: number; character: number };
  actionsAt(needle: string, length?: number): Promise<CodeAction[]>;
  run(action: CodeAction): Promise<{ message: string; failed?: boolean }>;
}

/**
 * Starts the server on a fresh copy of seeds/ (or on `root`, which it then leaves in place), answering
 * configuration with `settings`: at once, or with `holdSettings` only when the test calls
 * `releaseSettings`. The server runs in its own process group, for tests that kill -9 it.
 */
export async function startSession(settings: Record<string, unknown> = { annotator: 'olena' }, { holdSettings = false, root: givenRoot = '' } = {}): Promise<Session> {
  const root = givenRoot || mkdtempSync(path.join(tmpdir(), 'marginalia-lsp-'));
  if (!givenRoot) cpSync(SEEDS, path.join(root, 'seeds'), { recursive: true, filter: (source) => !source.endsWith('.annotations.json') });
  const server: ChildProcess = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  server.stderr!.resume();
  const reader = new StreamMessageReader(server.stdout!);
  // No "partial message" timer: after a server killed mid-message (crash tests), it would re-arm
  // forever and keep the test process from ending.
  reader.partialMessageTimeout = 0;
  const connection = createProtocolConnection(reader, new StreamMessageWriter(server.stdin!));
  const messages: string[] = [];
  const diagnosticsByUri = new Map<string, Diagnostic[]>();
  const diagnosticWaiters: Array<() => void> = [];
  const messageWaiters: Array<() => void> = [];
  let releaseSettings = () => {};
  const settingsReleased = holdSettings ? new Promise<void>((resolve) => (releaseSettings = resolve)) : Promise.resolve();
  connection.onRequest('workspace/configuration', async (params: { items: unknown[] }) => {
    await settingsReleased;
    return params.items.map(() => settings);
  });
  connection.onRequest('window/showMessageRequest', (params: { message: string }) => {
    messages.push(params.message);
    return null;
  });
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/semanticTokens/refresh', () => null);
  const codeLensWaiters: Array<() => void> = [];
  connection.onRequest('workspace/codeLens/refresh', () => {
    for (const wake of codeLensWaiters.splice(0)) wake();
    return null;
  });
  connection.onNotification('window/showMessage', (params: { message: string }) => {
    messages.push(params.message);
    for (const wake of messageWaiters.splice(0)) wake();
  });
  const logs: string[] = [];
  const logWaiters: Array<() => void> = [];
  connection.onNotification('window/logMessage', (params: { message: string }) => {
    logs.push(params.message);
    for (const wake of logWaiters.splice(0)) wake();
  });
  connection.onNotification('marginalia/articleChanged', () => undefined);
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    diagnosticsByUri.set(params.uri, params.diagnostics);
    for (const wake of diagnosticWaiters.splice(0)) wake();
  });
  connection.listen();

  const rootUri = pathToFileURL(root).href;
  const init = (await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'corpus' }],
    capabilities: {
      workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, semanticTokens: { refreshSupport: true }, codeLens: { refreshSupport: true } },
      textDocument: { semanticTokens: { requests: { full: { delta: true }, range: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] } },
    },
  })) as InitializeResult;
  await connection.sendNotification('initialized', {});

  const session: Session = {
    connection,
    server,
    init,
    root,
    messages,
    releaseSettings: () => releaseSettings(),
    codeLensRefresh: () => new Promise<void>((resolve) => codeLensWaiters.push(resolve)),
    async open(relativePath, text) {
      const file = path.join(root, relativePath);
      const content = text ?? readFileSync(file, 'utf8');
      const uri = pathToFileURL(file).href;
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: content } });
      const positionOf = (needle: string, occurrence = 0) => {
        let offset = -1;
        for (let i = 0; i <= occurrence; i++) offset = content.indexOf(needle, offset + 1);
        if (offset < 0) throw new Error(`${needle} not in ${relativePath}`);
        const before = content.slice(0, offset);
        const line = before.split('\n').length - 1;
        return { line, character: offset - (before.lastIndexOf('\n') + 1) };
      };
      return {
        uri,
        path: file,
        text: content,
        positionOf,
        async actionsAt(needle, length = needle.length) {
          const start = positionOf(needle);
          const range = { start, end: { line: start.line, character: start.character + length } };
          return ((await connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } })) ?? []) as CodeAction[];
        },
        async run(action) {
          if (!action.command) throw new Error(`${action.title} has no command`);
          return (await connection.sendRequest('workspace/executeCommand', { command: action.command.command, arguments: action.command.arguments })) as { message: string };
        },
      };
    },
    async diagnostics(uri, predicate = () => true) {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const current = diagnosticsByUri.get(uri);
        if (current && predicate(current)) return current;
        if (Date.now() > deadline) throw new Error(`no matching diagnostics for ${uri}; last: ${JSON.stringify(current?.slice(0, 3))}`);
        await new Promise<void>((wake) => {
          diagnosticWaiters.push(wake);
          setTimeout(wake, 1000).unref();
        });
      }
    },
    async message(predicate) {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const found = messages.find(predicate);
        if (found !== undefined) return found;
        if (Date.now() > deadline) throw new Error(`no such message; shown: ${JSON.stringify(messages)}`);
        await new Promise<void>((wake) => {
          messageWaiters.push(wake);
          setTimeout(wake, 1000).unref();
        });
      }
    },
    async logged(predicate, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = logs.find(predicate);
        if (found !== undefined) return found;
        if (Date.now() > deadline) throw new Error(`no such line in the server's log; logged: ${JSON.stringify(logs)}`);
        await new Promise<void>((wake) => {
          logWaiters.push(wake);
          setTimeout(wake, 1000).unref();
        });
      }
    },
    async close() {
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch {
        // The server may already be gone.
      }
      connection.dispose();
      server.kill();
      if (!givenRoot) rmSync(root, { recursive: true, force: true });
    },
  };
  return session;
}

/** Decodes semantic tokens into [text, type, modifiers] triples. */
export function decodeTokens(text: string, data: number[], legend: { tokenTypes: string[]; tokenModifiers: string[] }): Array<{ text: string; type: string; modifiers: string[]; line: number }> {
  const lines = text.split(/\r\n|\r|\n/);
  const tokens = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    const modifiers = legend.tokenModifiers.filter((_, bit) => data[i + 4] & (1 << bit));
    tokens.push({ text: lines[line].slice(character, character + data[i + 2]), type: legend.tokenTypes[data[i + 3]], modifiers, line });
  }
  return tokens;
}

export function readSidecar(articlePath: string): { annotations: Array<Record<string, unknown>> } | undefined {
  try {
    return JSON.parse(readFileSync(articlePath.replace(/\.txt$/, '.annotations.json'), 'utf8'));
  } catch {
    return undefined;
  }
}
