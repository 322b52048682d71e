/**
 * Annotation hours are the most expensive thing users have: a writer killed at any instant leaves
 * the old or the new sidecar, never a broken one; two processes writing at once lose no tag.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { buildSync } from 'esbuild';
import path from 'node:path';
import { newTag, parseSidecar, serializeSidecar, SIDECAR_VERSION, sidecarPathFor } from '../../server/src/core/sidecar';
import { STALE_AFTER_MS } from '../../server/src/node/fileLock';
import { ServerCommands } from '../../server/src/api/protocol';
import { startSession } from '../support/lspClient';
import { PROJECT_ROOT } from '../support/projectRoot';

/** tagWriter.ts bundled once (see bundleWriter): a plain node process starts in a tenth of the time tsx takes, and the kill test starts 80. */
let writerScript = path.join(__dirname, 'tagWriter.ts');
const CLI = path.join(PROJECT_ROOT, 'bin', 'marginalia.js');
const KILL_RUNS = Number(process.env.MARGINALIA_KILL_RUNS ?? 40);
const SERVER_KILL_RUNS = Number(process.env.MARGINALIA_SERVER_KILL_RUNS ?? 20);
const RACE_ROUNDS = Number(process.env.MARGINALIA_RACE_ROUNDS ?? 300);
/** Above Linux's pid_max: no process has it, as the pid of a writer long dead. */
const DEAD_PID = 999_999_999;

/**
 * A tagWriter process in its own process group (so that kill -9 of the group kills all it started).
 * Counts its acknowledgements ("wrote N NAME-N": the tag is on disk) and failures, line by line.
 */
function startWriter(article: string, name: string, count: number | 'stdin') {
  const loader = writerScript.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...loader, writerScript, article, name, String(count)], { cwd: PROJECT_ROOT, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  const acknowledged: string[] = [];
  const failures: string[] = [];
  let errors = '';
  let partial = '';
  child.stderr.on('data', (chunk) => (errors += chunk));
  const listeners: Array<() => void> = [];
  const wake = () => {
    for (const listener of listeners.splice(0)) listener();
  };
  child.stdout.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      const wrote = /^wrote \d+ (\S+)$/.exec(line);
      if (wrote) acknowledged.push(wrote[1]);
      else failures.push(line);
    }
    wake();
  });
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      resolve(code);
      // Wake anyone waiting for writes, so that a writer that died fails the test instead of hanging it.
      wake();
    }),
  );
  /** Resolves once the writer has answered at least `n` times (written or failed). */
  const afterAnswers = (n: number) =>
    new Promise<void>((resolve, reject) => {
      const check = () =>
        acknowledged.length + failures.length >= n ? resolve() : child.exitCode !== null || child.signalCode !== null ? reject(new Error(`writer exited: ${errors}`)) : listeners.push(check);
      check();
    });
  /** kill -9 of its whole process group, as a crash or `kill -9 -PGID` would. */
  const killGroup = () => process.kill(-child.pid!, 'SIGKILL');
  return { child, exited, afterAnswers, acknowledged, failures, killGroup, errors: () => errors };
}

/** The built CLI, run alongside (not blocking this process, which feeds the writers meanwhile). */
function runCli(...args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
}

function tagsIn(article: string) {
  return parseSidecar(readFileSync(sidecarPathFor(article), 'utf8'), sidecarPathFor(article)).annotations;
}

function missing(article: string, acknowledged: Iterable<string>): string[] {
  const present = new Set(tagsIn(article).map((tag) => tag.annotator));
  return [...acknowledged].filter((annotator) => !present.has(annotator));
}

/** ~2,000 tags, as a well-annotated long article has: each write then takes a while, widening the window a kill lands in. */
function seedSidecar(article: string, count: number): void {
  const text = readFileSync(article, 'utf8');
  const words = [...text.matchAll(/\p{L}+/gu)];
  const now = new Date('2025-01-01T00:00:00.000Z');
  const annotations = Array.from({ length: count }, (_, i) => {
    const word = words[i % words.length];
    const start = [...text.slice(0, word.index)].length;
    return newTag({ text, start, end: start + [...word[0]].length, label: 'ORG', source: 'manual', annotator: `seed-${i}`, now });
  });
  writeFileSync(sidecarPathFor(article), serializeSidecar({ version: SIDECAR_VERSION, article: path.basename(article), annotations }));
}

describe('the sidecar store under crashes and concurrent writers', () => {
  let folder = '';
  let article = '';

  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'marginalia-store-'));
    article = path.join(folder, 'article.txt');
    cpSync(path.join(PROJECT_ROOT, 'seeds', '000_d6449e741489756f.txt'), article);
    writerScript = path.join(folder, 'tagWriter.js');
    buildSync({ entryPoints: [path.join(__dirname, 'tagWriter.ts')], bundle: true, platform: 'node', outfile: writerScript, logLevel: 'warning' });
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it(`keeps every acknowledged tag of a 2,000-tag sidecar through kill -9 of its writers' process groups at random instants, and restarts (${KILL_RUNS} runs)`, { timeout: 300_000 }, async () => {
    seedSidecar(article, 2000);
    const acknowledged: string[] = Array.from({ length: 2000 }, (_, i) => `seed-${i}`);
    for (let run = 0; run < KILL_RUNS; run++) {
      // An editor's server and the CLI, say: restarted together, they both find the lock a killed
      // writer may have left, and must take it over one at a time.
      const writers = [startWriter(article, `server${run}`, 0), startWriter(article, `cli${run}`, 0)];
      // Whichever gets the lock first (a writer in a loop can keep it from the other for a while).
      await Promise.race(writers.map((writer) => writer.afterAnswers(1 + (run % 3))));
      // Kill each somewhere inside a write: after a random short delay into the next one.
      await Promise.all(
        writers.map(async (writer) => {
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 12));
          writer.killGroup();
          await writer.exited;
        }),
      );
      for (const writer of writers) {
        assert.deepEqual(writer.failures, [], writer.errors());
        acknowledged.push(...writer.acknowledged);
      }
      // The sidecar as the kill left it: valid, old or new, and holding every tag ever acknowledged.
      assert.deepEqual(missing(article, acknowledged), [], `run ${run}: acknowledged tags lost`);
    }
    const last = startWriter(article, 'after', 1);
    assert.equal(await last.exited, 0, last.errors());
    acknowledged.push(...last.acknowledged);
    assert.deepEqual(missing(article, acknowledged), []);
    assert.equal(existsSync(path.join(folder, '.article.annotations.json.lock')), false, 'the lock left by the last kill was taken over and released');
  });

  it(`keeps every tag the language server answered "Tagged" for through kill -9 of its process group at random instants, and restarts (${SERVER_KILL_RUNS} runs)`, { timeout: 300_000 }, async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'marginalia-server-kill-'));
    try {
      cpSync(path.join(PROJECT_ROOT, 'seeds'), path.join(root, 'seeds'), { recursive: true, filter: (source) => !source.endsWith('.annotations.json') });
      const name = 'seeds/003_afca2f42aae88a77.txt';
      const served = path.join(root, name);
      seedSidecar(served, 2000);
      const text = readFileSync(served, 'utf8');
      // Lowercase words, none tagged PERSON by the seeding: each "Tagged" answer is a write.
      const words = [...text.matchAll(/(?<![\p{L}\p{N}])\p{Ll}{3,}(?![\p{L}\p{N}])/gu)];
      const acknowledged: Array<{ start: number; end: number }> = [];
      let next = 0;
      for (let run = 0; run < SERVER_KILL_RUNS; run++) {
        const session = await startSession({ annotator: 'olena' }, { root });
        const article = await session.open(name);
        const exited = new Promise((resolve) => session.server.once('exit', resolve));
        // Writing the next request to a server just killed fails with EPIPE: expected here.
        session.server.stdin!.on('error', () => undefined);
        let answers = 0;
        let stopped: Error | undefined;
        let wake = () => {};
        const tagging = (async () => {
          for (;;) {
            const word = words[next++ % words.length];
            const answer = (await session.connection.sendRequest('workspace/executeCommand', {
              command: ServerCommands.tag,
              arguments: [{ uri: article.uri, start: word.index, end: word.index + word[0].length, text: word[0], label: 'PERSON', source: 'manual' }],
            })) as { message: string; failed?: boolean };
            if (answer.failed) throw new Error(`the server failed to tag: ${answer.message}`);
            if (answer.message.startsWith('Tagged')) acknowledged.push({ start: [...text.slice(0, word.index)].length, end: [...text.slice(0, word.index + word[0].length)].length });
            answers++;
            wake();
          }
        })().catch((error: Error) => {
          stopped = error;
          wake();
        });
        while (answers < 1 + (run % 3) && !stopped) await new Promise<void>((resolve) => (wake = resolve));
        assert.equal(stopped, undefined, `run ${run}: the server stopped answering before it was killed`);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 12));
        process.kill(-session.server.pid!, 'SIGKILL');
        await exited;
        session.connection.dispose();
        await tagging;
        // Killed mid-request, the connection fails the request: that is expected; a refusal is not.
        const failure = stopped as Error | undefined;
        assert.ok(!failure?.message.startsWith('the server failed'), failure?.message);
        const person = new Set(tagsIn(served).filter((tag) => tag.label === 'PERSON' && tag.status === 'accepted').map((tag) => `${tag.start}-${tag.end}`));
        assert.deepEqual(acknowledged.filter(({ start, end }) => !person.has(`${start}-${end}`)), [], `run ${run}: tags the server answered "Tagged" for are lost`);
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('keeps every tag when two processes write the same sidecar at once', { timeout: 120_000 }, async () => {
    rmSync(sidecarPathFor(article), { force: true });
    const perWriter = 40;
    const [a, b] = [startWriter(article, 'window-a', perWriter), startWriter(article, 'cli-b', perWriter)];
    const codes = await Promise.all([a.exited, b.exited]);
    assert.deepEqual(codes, [0, 0], a.errors() + b.errors());
    const tags = tagsIn(article);
    const byWriter = (name: string) => tags.filter((tag) => tag.annotator.startsWith(name)).length;
    assert.deepEqual([byWriter('window-a'), byWriter('cli-b')], [perWriter, perWriter]);
    assert.deepEqual(readdirSync(folder).filter((file) => file.endsWith('.tmp') || file.endsWith('.lock')), [], 'no temp or lock files left');
  });

  it(`loses no acknowledged tag when several processes (writers, the language server, the CLI) arrive together at a stale lock, ${RACE_ROUNDS} rounds`, { timeout: 300_000 }, async () => {
    // The built language server, as an editor runs it, with the article open.
    const server = await startSession();
    const seeds = path.join(server.root, 'seeds');
    const opened = await server.open('seeds/003_afca2f42aae88a77.txt');
    const article = opened.path;
    const lock = path.join(seeds, '.003_afca2f42aae88a77.annotations.json.lock');
    // A new lowercase word each round for the server, away from the writers' capitalised ones: a span
    // someone already tagged would be answered "Tagged" without a write.
    const words = [...opened.text.matchAll(/(?<![\p{L}\p{N}])\p{Ll}{3,}(?![\p{L}\p{N}])/gu)];
    assert.ok(words.length >= RACE_ROUNDS, 'enough words to tag');
    const serverTagged: number[] = [];
    const serverFailures: string[] = [];
    const writers = ['window-a', 'window-b', 'cli-c'].map((name) => startWriter(article, name, 'stdin'));
    try {
      for (let round = 0; round < RACE_ROUNDS; round++) {
        // The lock of a writer that died holding it: by its dead pid, or (its pid reused by some live
        // process, here this one) by an mtime its holder would have refreshed.
        writeFileSync(lock, round % 2 === 0 ? `${DEAD_PID} ${Date.now()}\n` : `${process.pid} ${Date.now()} 0123456789abcdef\n`);
        if (round % 2 === 1) {
          const old = new Date(Date.now() - STALE_AFTER_MS - 1000);
          utimesSync(lock, old, old);
        }
        // Now and then `marginalia annotate` (the built CLI) arrives too.
        const cli = round % 50 === 25 ? runCli('annotate', '--workers', '1', article) : undefined;
        const word = words[round];
        const tagged = server.connection.sendRequest('workspace/executeCommand', {
          command: ServerCommands.tag,
          arguments: [{ uri: opened.uri, start: word.index, end: word.index + word[0].length, text: word[0], label: 'PERSON', source: 'manual' }],
        }) as Promise<{ message: string; failed?: boolean }>;
        for (const writer of writers) writer.child.stdin.write('go\n');
        await Promise.all(writers.map((writer) => writer.afterAnswers(round + 1)));
        const answer = await tagged;
        if (answer.failed || !answer.message.startsWith('Tagged')) serverFailures.push(answer.message);
        else serverTagged.push([...opened.text.slice(0, word.index)].length);
        if (cli) {
          const { code, stderr } = await cli;
          assert.equal(code, 0, stderr);
        }
      }
    } finally {
      for (const writer of writers) writer.child.stdin.end();
      await Promise.all(writers.map((writer) => writer.exited));
    }
    try {
      const acknowledged = writers.flatMap((writer) => writer.acknowledged);
      const failures = [...writers.flatMap((writer) => writer.failures), ...serverFailures];
      const serverTagsKept = new Set(tagsIn(article).filter((tag) => tag.annotator === 'olena').map((tag) => tag.start));
      const lost = [...missing(article, acknowledged), ...serverTagged.filter((start) => !serverTagsKept.has(start)).map((start) => `the server's tag at ${start}`)];
      assert.deepEqual({ lost, failures }, { lost: [], failures: [] }, 'every acknowledged tag is in the sidecar, and no write failed');
      assert.equal(acknowledged.length + serverTagged.length, RACE_ROUNDS * (writers.length + 1));
      assert.deepEqual(readdirSync(seeds).filter((file) => /\.(tmp|lock|claim)$/.test(file)), [], 'no temp, lock or claim files left');
    } finally {
      await server.close();
    }
  });
});

describe('a hostile sidecar of a million tags', () => {
  it('is refused with a clear message, without reading it into memory, and never overwritten', { timeout: 120_000 }, async () => {
    const { createWriteStream } = await import('node:fs');
    const { SidecarStore } = await import('../../server/src/node/sidecarStore');
    const folder = mkdtempSync(path.join(tmpdir(), 'marginalia-huge-'));
    try {
      const article = path.join(folder, 'a.txt');
      cpSync(path.join(PROJECT_ROOT, 'seeds', '000_d6449e741489756f.txt'), article);
      const sidecar = sidecarPathFor(article);
      const out = createWriteStream(sidecar);
      out.write('{"version":1,"article":"a.txt","annotations":[\n');
      const tag = (i: number) => `{"id":"t-${i.toString(16).padStart(12, '0')}","start":0,"end":4,"text":"Home","label":"ORG","kind":"entity","status":"accepted","source":"manual","annotator":"bot","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z","context":{"prefix":"","suffix":" > War"}}`;
      for (let i = 0; i < 1_000_000; i++) if (!out.write(tag(i) + (i < 999_999 ? ',\n' : '\n'))) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      await new Promise<void>((resolve) => out.end(']}\n', () => resolve()));
      const size = statSync(sidecar).size;
      const store = new SidecarStore();
      await assert.rejects(store.read(article), /too large to open \(\d+ MB; Marginalia reads sidecars up to 64 MB\)/);
      await assert.rejects(store.update(article, () => undefined), /too large/);
      assert.equal(statSync(sidecar).size, size, 'left untouched');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
