/** The `marginalia` command as a user runs it: the built bin, real files, real exit codes. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { version } from '../package.json';

const BIN = path.join(__dirname, '..', 'bin', 'marginalia.js');
const marginalia = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

describe('marginalia command line', () => {
  let folder = '';
  let article = '';
  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'marginalia-cli-'));
    article = path.join(folder, 'emoji.txt');
    writeFileSync(article, '🏆🏆 President Volodymyr Zelensky visited Poland on November 4.\r\nHe pledged $50 billion.\n');
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('prints one JSON object a line, with code point offsets that slice the file to the text', () => {
    const run = marginalia('detect', '--format', 'jsonl', article);
    assert.equal(run.status, 0, run.stderr);
    const characters = [...'🏆🏆 President Volodymyr Zelensky visited Poland on November 4.\r\nHe pledged $50 billion.\n'];
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
    assert.ok(lines.length >= 4);
    for (const detection of lines) {
      assert.equal(detection.file, article);
      assert.equal(characters.slice(detection.start, detection.end).join(''), detection.text);
    }
    const person = lines.find((detection) => detection.label === 'PERSON');
    assert.deepEqual([person.text, person.start, person.kind], ['Volodymyr Zelensky', 13, 'entity']);
    const money = lines.find((detection) => detection.label === 'MONEY');
    assert.deepEqual(money.value, { type: 'money', amount: 50e9, currency: 'USD' });
  });

  it('defaults to jsonl', () => {
    const run = marginalia('detect', article);
    assert.equal(run.status, 0, run.stderr);
    assert.doesNotThrow(() => run.stdout.trim().split('\n').map((line) => JSON.parse(line)));
  });

  it('prints a table for people, with line:column places', () => {
    const run = marginalia('detect', '--format', 'table', article);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /detections/);
    assert.match(run.stdout, /1:14\s+entity\s+PERSON\s+\d\.\d\d\s+Volodymyr Zelensky/);
    assert.match(run.stdout, /2:\d+\s+number\s+MONEY/);
  });

  it('reports a missing file on stderr with exit code 2 and still processes the others', () => {
    const missing = path.join(folder, 'nope.txt');
    const run = marginalia('detect', missing, article);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /cannot read .*nope\.txt: no such file/);
    assert.match(run.stdout, /Zelensky/);
  });

  it('refuses a binary file politely, with exit code 2', () => {
    const binary = path.join(folder, 'image.png');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff, 0xfe]));
    const run = marginalia('detect', binary);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /binary/);
    assert.equal(run.stdout, '');
  });

  it('resolves relative dates against --reference-date when the article has no date', () => {
    const undated = path.join(folder, 'undated.txt');
    writeFileSync(undated, 'The minister resigned yesterday.\n');
    const run = marginalia('detect', '--reference-date', '2024-03-10', undated);
    const yesterday = run.stdout.trim().split('\n').map((line) => JSON.parse(line)).find((d) => d.text === 'yesterday');
    assert.deepEqual(yesterday?.value, { type: 'date', iso: '2024-03-09' });
  });

  it('rejects bad usage with exit code 2 and a hint', () => {
    for (const args of [['detect'], ['detect', '--format', 'xml', article], ['detect', '--reference-date', '2024-13-40', article], ['frobnicate']]) {
      const run = marginalia(...args);
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, /marginalia --help/);
    }
  });

  it('says which transports marginalia lsp takes when given none, exit 2', () => {
    const run = spawnSync(process.execPath, [BIN, 'lsp'], { encoding: 'utf8', timeout: 30_000, stdio: ['ignore', 'pipe', 'pipe'] });
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /^marginalia: lsp needs a transport: --stdio, --node-ipc, --socket=PORT or --pipe=NAME/);
  });

  it('answers --help and --version', () => {
    assert.match(marginalia('--help').stdout, /marginalia detect/);
    assert.equal(marginalia('--version').stdout.trim(), version);
  });
});
