/**
 * The progress bar of `marginalia check` on a real terminal: the built bin run under `script`, which
 * gives it a pseudo-terminal, with stdout sent to a file so that the terminal shows stderr alone.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateCorpus, type GeneratedCorpus } from './progressCorpus';
import { PROJECT_ROOT } from './support/projectRoot';

const BIN = path.join(PROJECT_ROOT, 'bin', 'marginalia.js');
const ARTICLES = 1500;

/** Quotes for sh. */
const sh = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

interface TerminalRun {
  /** What the terminal received: stderr, and the echo of keys typed. */
  screen: string;
  exitCode: number | null;
}

/**
 * Runs `marginalia ARGS > stdoutFile` on a 70-column pseudo-terminal; `onScreen` sees what the
 * terminal shows so far and may type into it.
 */
function onTerminal(args: string[], stdoutFile: string, onScreen: (screen: string, type: (keys: string) => void) => void = () => undefined): Promise<TerminalRun> {
  const command = `stty cols 70; exec ${sh(process.execPath)} ${sh(BIN)} ${args.map(sh).join(' ')} > ${sh(stdoutFile)}`;
  const child = spawn('script', ['--quiet', '--flush', '--return', '--command', command, '/dev/null'], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, CI: '', TERM: 'xterm' } });
  let screen = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    screen += chunk;
    onScreen(screen, (keys) => child.stdin.write(keys));
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ screen, exitCode }));
  });
}

describe('marginalia check progress bar', () => {
  let corpus: GeneratedCorpus;
  const output = () => path.join(corpus.root, 'stdout.txt');

  before(() => {
    corpus = generateCorpus(ARTICLES, { stale: [7] });
  });
  after(() => rmSync(corpus.root, { recursive: true, force: true }));

  it('draws on the terminal, erases itself at the end, and leaves stdout clean', async () => {
    const run = await onTerminal(['check', '--format', 'json', corpus.root], output());
    assert.equal(run.exitCode, 1, 'one stale article');
    assert.match(run.screen, new RegExp(`^\\rchecking 0/${ARTICLES} ▕░+▏ 0%\\x1b\\[K`));
    assert.match(run.screen, new RegExp(`\\rchecking ${ARTICLES}/${ARTICLES} ▕█+▏ 100%\\x1b\\[K\\r\\x1b\\[2K$`), 'the last state, then an empty line');
    for (const line of run.screen.split('\r').filter(Boolean)) assert.ok(line.replace(/\x1b\[\d*K/, '').length <= 69, `fits 70 columns: ${line}`);
    const report = JSON.parse(readFileSync(output(), 'utf8')) as { sidecars: unknown[]; problems: number };
    assert.deepEqual([report.sidecars.length, report.problems], [ARTICLES, 1]);
  });

  it('draws the import\'s two readings: the input checked, then the documents written', async () => {
    // Beside the corpus, not in it: the other tests check the corpus as it was made.
    const work = mkdtempSync(path.join(tmpdir(), 'marginalia-import-progress-'));
    try {
      const input = path.join(work, 'corpus.jsonl');
      const exported = spawnSync(process.execPath, [BIN, 'export', '--format', 'jsonl', '--status', 'accepted,approved,proposed', '--out', input, '--no-progress', corpus.root], { encoding: 'utf8' });
      assert.ok(exported.status === 0 || exported.status === 2, exported.stderr);
      const documents = readFileSync(input, 'utf8').split('\n').filter(Boolean).length;
      const run = await onTerminal(['import', '--format', 'jsonl', '--into', path.join(work, 'imported'), input], path.join(work, 'stdout.txt'));
      assert.equal(run.exitCode, 0, run.screen.slice(-2000));
      assert.match(run.screen, /^\rimporting \d+\/\d+ ▕[█░]+▏ \d+% .*MB checked/);
      assert.match(run.screen, new RegExp(`\\rimporting ${documents}/${documents} ▕█+▏ 100%\\x1b\\[K\\r\\x1b\\[2K$`), 'the last document written, then an empty line');
      assert.match(readFileSync(path.join(work, 'stdout.txt'), 'utf8'), new RegExp(`\\(${documents} new\\)`));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('draws nothing with --no-progress', async () => {
    const run = await onTerminal(['check', '--no-progress', corpus.root], output());
    assert.equal(run.exitCode, 1);
    assert.equal(run.screen, '');
    assert.match(readFileSync(output(), 'utf8'), new RegExp(`Checked ${ARTICLES} sidecars: 1 problem in 1 of them\\.\\n$`));
  });

  it('draws nothing when stderr is not a terminal', () => {
    const run = spawnSync(process.execPath, [BIN, 'check', corpus.root], { encoding: 'utf8' });
    assert.equal(run.status, 1);
    assert.equal(run.stderr, '');
    assert.match(run.stdout, /1 problem in 1 of them/);
  });

  it('leaves an empty line when interrupted with Ctrl+C, and ends as interrupted', async () => {
    let typed = false;
    const run = await onTerminal(['check', corpus.root], output(), (screen, type) => {
      if (typed || !screen.includes('▕')) return;
      typed = true;
      type('\x03');
    });
    assert.ok(typed, 'the bar was drawn');
    assert.equal(run.exitCode, 130, 'killed by SIGINT, as the shell reports it');
    // The terminal echoes ^C where the cursor is, then the bar's line is erased.
    assert.match(run.screen, /\r\x1b\[2K$/);
    assert.equal(readFileSync(output(), 'utf8'), '', 'no report: the check did not finish');
  });
});
