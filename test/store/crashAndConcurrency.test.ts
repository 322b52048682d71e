/**
 * Annotation hours are the most expensive thing users have: a writer killed at any instant leaves
 * the old or the new sidecar, never a broken one; two processes writing at once lose no tag.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseSidecar, sidecarPathFor } from '../../server/src/core/sidecar';
import { PROJECT_ROOT } from '../projectRoot';

const WRITER = path.join(__dirname, 'tagWriter.ts');
const KILL_RUNS = Number(process.env.MARGINALIA_KILL_RUNS ?? 40);

function startWriter(article: string, name: string, count: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, article, name, String(count)], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let writes = 0;
  let errors = '';
  child.stderr.on('data', (chunk) => (errors += chunk));
  const listeners: Array<() => void> = [];
  child.stdout.on('data', (chunk: Buffer) => {
    writes += (chunk.toString().match(/wrote/g) ?? []).length;
    for (const listener of listeners.splice(0)) listener();
  });
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      resolve(code);
      // Wake anyone waiting for writes, so that a writer that died fails the test instead of hanging it.
      for (const listener of listeners.splice(0)) listener();
    }),
  );
  /** Resolves once the writer has written at least `n` times. */
  const afterWrites = (n: number) =>
    new Promise<void>((resolve, reject) => {
      const check = () => (writes >= n ? resolve() : child.exitCode !== null ? reject(new Error(`writer exited: ${errors}`)) : listeners.push(check));
      check();
    });
  return { child, exited, afterWrites, errors: () => errors };
}

describe('the sidecar store under crashes and concurrent writers', () => {
  let folder = '';
  let article = '';

  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'marginalia-store-'));
    article = path.join(folder, 'article.txt');
    cpSync(path.join(PROJECT_ROOT, 'seeds', '000_d6449e741489756f.txt'), article);
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it(`leaves a valid sidecar, old or new, after kill -9 at random instants (${KILL_RUNS} runs)`, { timeout: 300_000 }, async () => {
    let survived = 0;
    let previousCount = 0;
    for (let run = 0; run < KILL_RUNS; run++) {
      const writer = startWriter(article, `run${run}`, 0);
      await writer.afterWrites(1 + (run % 5));
      // Kill somewhere inside a write: after a random short delay into the next one.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 4));
      writer.child.kill('SIGKILL');
      await writer.exited;
      const sidecar = parseSidecar(readFileSync(sidecarPathFor(article), 'utf8'), sidecarPathFor(article));
      assert.ok(sidecar.annotations.length >= previousCount, 'no tag written before the kill is lost');
      previousCount = sidecar.annotations.length;
      survived++;
    }
    console.log(`kill -9 runs survived: ${survived}/${KILL_RUNS}; ${previousCount} tags kept`);
    assert.equal(survived, KILL_RUNS);
  });

  it('keeps every tag when two processes write the same sidecar at once', { timeout: 120_000 }, async () => {
    rmSync(sidecarPathFor(article), { force: true });
    const perWriter = 40;
    const [a, b] = [startWriter(article, 'window-a', perWriter), startWriter(article, 'cli-b', perWriter)];
    const codes = await Promise.all([a.exited, b.exited]);
    assert.deepEqual(codes, [0, 0], a.errors() + b.errors());
    const tags = parseSidecar(readFileSync(sidecarPathFor(article), 'utf8'), 'sidecar').annotations;
    const byWriter = (name: string) => tags.filter((tag) => tag.annotator.startsWith(name)).length;
    assert.deepEqual([byWriter('window-a'), byWriter('cli-b')], [perWriter, perWriter]);
    assert.deepEqual(readdirSync(folder).filter((file) => file.endsWith('.tmp') || file.endsWith('.lock')), [], 'no temp or lock files left');
  });
});

describe('a hostile sidecar of a million tags', () => {
  it('is refused with a clear message, without reading it into memory, and never overwritten', { timeout: 120_000 }, async () => {
    const { createWriteStream } = await import('node:fs');
    const { SidecarStore } = await import('../../server/src/core/sidecar');
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
