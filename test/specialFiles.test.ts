/**
 * A corpus is written by anyone who can push to it: a sidecar, project file, lexicon or article that is
 * a FIFO or a symlink to /dev/zero passes a size check (stat says 0 bytes) and was read forever (15 GB
 * of memory) or blocked the reader. Such files are refused, named, and the rest goes on.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LexiconError, lexiconPathIn } from '../server/src/core/lexicon';
import { LexiconStore } from '../server/src/node/lexiconStore';
import { articleSelectorFor } from '../server/src/node/projectFiles';
import { readRegularFile, readRegularFileSync, UnreadableFileError } from '../server/src/node/regularFile';
import { SidecarError, sidecarPathFor } from '../server/src/core/sidecar';
import { SidecarStore } from '../server/src/node/sidecarStore';
import { PROJECT_ROOT } from './support/projectRoot';

const BIN = path.join(PROJECT_ROOT, 'bin', 'marginalia.js');
// A hang is the failure these guard against: the timeout turns it into a failed assertion (status null).
const marginalia = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
const POSIX = { skip: process.platform === 'win32' ? 'no FIFOs or /dev/zero on Windows' : false };

function mkfifo(file: string): void {
  const made = spawnSync('mkfifo', [file]);
  assert.equal(made.status, 0, `mkfifo failed: ${made.stderr}`);
}

describe('files that are not regular files', POSIX, () => {
  let folder = '';
  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'marginalia-special-'));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));
  const fresh = (name: string) => {
    const dir = path.join(folder, name);
    cpSync(path.join(PROJECT_ROOT, 'seeds'), dir, { recursive: true, filter: (source) => !source.endsWith('.annotations.json') });
    return dir;
  };

  it('a sidecar that is a symlink to /dev/zero, or a FIFO, is refused naming it, and left as it is', async () => {
    const dir = fresh('sidecars');
    const [zeroArticle, fifoArticle] = readdirSync(dir).filter((name) => name.endsWith('.txt')).map((name) => path.join(dir, name));
    symlinkSync('/dev/zero', sidecarPathFor(zeroArticle));
    mkfifo(sidecarPathFor(fifoArticle));
    const store = new SidecarStore();
    await assert.rejects(store.read(zeroArticle), (error: Error) => error instanceof SidecarError && error.message === `${sidecarPathFor(zeroArticle)}: not a regular file (a device); Marginalia reads only regular files, so this one is left unread`);
    await assert.rejects(store.update(zeroArticle, () => undefined), /not a regular file \(a device\)/);
    await assert.rejects(store.read(fifoArticle), /\.annotations\.json: not a regular file \(a named pipe\)/);
    assert.ok(lstatSync(sidecarPathFor(zeroArticle)).isSymbolicLink(), 'never written through');
    assert.ok(lstatSync(sidecarPathFor(fifoArticle)).isFIFO());
  });

  it('a lexicon that is a symlink to /dev/zero is refused naming it', async () => {
    const dir = fresh('lexicon');
    symlinkSync('/dev/zero', lexiconPathIn(dir));
    await assert.rejects(new LexiconStore().read(lexiconPathIn(dir)), (error: Error) => error instanceof LexiconError && /marginalia\.lexicon\.json.*not a regular file \(a device\)/.test(error.message));
  });

  it('a marginalia.json that is a symlink to /dev/zero, or a FIFO, is the project’s problem, named', () => {
    const zero = fresh('project-zero');
    rmSync(path.join(zero, 'marginalia.json'));
    symlinkSync('/dev/zero', path.join(zero, 'marginalia.json'));
    const fifo = fresh('project-fifo');
    rmSync(path.join(fifo, 'marginalia.json'));
    mkfifo(path.join(fifo, 'marginalia.json'));
    const selector = articleSelectorFor([folder]);
    assert.match(selector.projectOf(path.join(zero, 'a.txt')).problem ?? '', /project-zero\/marginalia\.json: not a regular file \(a device\)/);
    assert.match(selector.projectOf(path.join(fifo, 'a.txt')).problem ?? '', /project-fifo\/marginalia\.json: not a regular file \(a named pipe\)/);
    assert.ok(!selector.isArticle(path.join(zero, 'a.txt')));
  });

  it('marginalia detect on a FIFO says so, exit 2, and goes on with the next file', () => {
    const fifo = path.join(folder, 'pipe.txt');
    mkfifo(fifo);
    const article = path.join(folder, 'article.txt');
    writeFileSync(article, 'President Volodymyr Zelensky visited Poland on November 4.\n');
    const run = marginalia('detect', fifo, article);
    assert.equal(run.status, 2, `status ${run.status}, stderr: ${run.stderr}`);
    assert.match(run.stderr, /cannot read .*pipe\.txt: not a regular file \(a named pipe\)/);
    assert.match(run.stdout, /Zelensky/);
  });

  it('marginalia annotate names a sidecar linked to /dev/zero and a project file that is a FIFO, and annotates the rest (exit 2)', () => {
    const dir = fresh('annotate');
    const articles = readdirSync(dir).filter((name) => name.endsWith('.txt')).sort().map((name) => path.join(dir, name));
    symlinkSync('/dev/zero', sidecarPathFor(articles[0]));
    const other = path.join(folder, 'annotate-fifo');
    cpSync(path.join(PROJECT_ROOT, 'seeds'), other, { recursive: true, filter: (source) => !source.endsWith('.annotations.json') });
    rmSync(path.join(other, 'marginalia.json'));
    mkfifo(path.join(other, 'marginalia.json'));
    const run = marginalia('annotate', '--workers', '2', '--no-progress', dir, other);
    assert.equal(run.status, 2, `status ${run.status}, stderr: ${run.stderr}`);
    assert.match(run.stderr, /annotations\.json: not a regular file \(a device\)/);
    assert.match(run.stderr, /annotate-fifo\/marginalia\.json: not a regular file \(a named pipe\)/);
    assert.ok(lstatSync(sidecarPathFor(articles[0])).isSymbolicLink());
    for (const article of articles.slice(1)) assert.ok(lstatSync(sidecarPathFor(article)).isFile(), `${article} annotated`);
  });
});

describe('reading with a cap', () => {
  let folder = '';
  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'marginalia-cap-'));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('reads a file of exactly the cap, and refuses one byte more, naming the file', async () => {
    const file = path.join(folder, 'ten.txt');
    writeFileSync(file, '0123456789');
    assert.equal((await readRegularFile(file, 10)).toString(), '0123456789');
    assert.equal(readRegularFileSync(file, 10).toString(), '0123456789');
    await assert.rejects(readRegularFile(file, 9), (error: Error) => error instanceof UnreadableFileError && error.reason === 'too-large' && error.message.startsWith(`${file}: too large to open`));
    assert.throws(() => readRegularFileSync(file, 9), /too large to open/);
  });

  it('stops a file whose size said less than it holds at the cap, in both the blocking and the asynchronous read', async (t) => {
    // A /proc file is a regular file of size 0 that holds text: the cap is then enforced by the read loop, as for
    // a file that grows while it is read.
    const file = '/proc/self/status';
    if (process.platform !== 'linux' || !existsSync(file)) return t.skip('needs Linux /proc');
    assert.ok((await readRegularFile(file, 1_000_000)).length > 20);
    await assert.rejects(readRegularFile(file, 20), (error: Error) => error instanceof UnreadableFileError && error.reason === 'too-large');
    assert.throws(() => readRegularFileSync(file, 20), (error: Error) => error instanceof UnreadableFileError && error.reason === 'too-large');
  });

  it('fails on a folder as reading one always did (EISDIR), and lets a missing file fail as ENOENT', async () => {
    await assert.rejects(readRegularFile(folder, 10), { code: 'EISDIR' });
    await assert.rejects(readRegularFile(path.join(folder, 'nope'), 10), { code: 'ENOENT' });
  });
});

describe('a file linked to a secret elsewhere', () => {
  let folder = '';
  let secret = '';
  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'marginalia-secret-'));
    secret = path.join(folder, 'passwd');
    writeFileSync(secret, 'root:x:0:0:hunter2-password:/root:/bin/bash\n');
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  // V8's message quotes the first bytes of what it failed to parse: in a CI log, a report or a shared
  // screenshot, that would publish the target of a symlink someone committed as a sidecar.
  const echoesSecret = (message: string) => /root|hunter2|bin\/bash/.test(message);

  it('a sidecar: its parse error names the sidecar and the place, not the bytes of the target', async () => {
    const article = path.join(folder, 'a.txt');
    writeFileSync(article, 'Text.\n');
    symlinkSync(secret, sidecarPathFor(article));
    const error: Error = await new SidecarStore().read(article).then(() => assert.fail('read'), (error: Error) => error);
    assert.match(error.message, /a\.annotations\.json: not valid JSON \(Unexpected character in JSON at position 0 \(line 1 column 1\)\)/);
    assert.ok(!echoesSecret(error.message), error.message);
    const run = marginalia('check', sidecarPathFor(article));
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /a\.annotations\.json:1: not valid JSON/);
    assert.ok(!echoesSecret(run.stdout + run.stderr), run.stdout);
  });

  it('a marginalia.json and a lexicon: their parse errors do not echo the target either', async () => {
    const corpus = path.join(folder, 'corpus');
    mkdirSync(corpus);
    symlinkSync(secret, path.join(corpus, 'marginalia.json'));
    symlinkSync(secret, lexiconPathIn(corpus));
    const problem = articleSelectorFor([folder]).projectOf(path.join(corpus, 'a.txt')).problem ?? '';
    assert.match(problem, /corpus\/marginalia\.json: not valid JSON \(Unexpected character in JSON at position 0 \(line 1 column 1\)\)/);
    assert.ok(!echoesSecret(problem), problem);
    const error: Error = await new LexiconStore().read(lexiconPathIn(corpus)).then(() => assert.fail('read'), (error: Error) => error);
    assert.match(error.message, /marginalia\.lexicon\.json: is not valid JSON \(Unexpected character in JSON at position 0 \(line 1 column 1\)\)/);
    assert.ok(!echoesSecret(error.message), error.message);
  });

  it('the place is found past the start too, and messages that quote nothing keep V8’s wording', async () => {
    const { describeJsonSyntaxError } = await import('../server/src/core/base/jsonSyntax');
    const at = (text: string) => {
      try {
        JSON.parse(text);
      } catch (error) {
        return describeJsonSyntaxError(error, text);
      }
      return assert.fail('parsed');
    };
    assert.equal(at('{\n  "a": [1, 2,\n  secret-value]}'), 'Unexpected character in JSON at position 18 (line 3 column 3)');
    assert.equal(at('{"a": "x"} trailing-secret'), 'Unexpected non-whitespace character after JSON at position 11 (line 1 column 12)');
    assert.equal(at('{"a":1,,}'), 'Expected double-quoted property name in JSON at position 7 (line 1 column 8)');
    assert.equal(at('{"a": tru}'), 'Unexpected character in JSON at position 9 (line 1 column 10)');
    assert.equal(at('['.repeat(100_000)), 'Unexpected end of JSON input');
  });

  it('a marginalia.json nested deeper than the call stack: its problems are placed and named, not an internal error', () => {
    const corpus = path.join(folder, 'deep');
    mkdirSync(corpus);
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    writeFileSync(path.join(corpus, 'marginalia.json'), `{"extra": ${deep}, "labels": 5}`);
    writeFileSync(path.join(corpus, 'a.txt'), 'Maria Okafor met Denver officials.\n');
    const run = marginalia('check', corpus);
    assert.doesNotMatch(run.stderr, /internal error|RangeError/, run.stderr);
    assert.match(run.stdout, /marginalia\.json:1:400023: labels: Invalid input: expected record, received number/);
    assert.match(run.stdout, /marginalia\.json:1:2: extra: unknown key "extra"/);
    assert.equal(run.status, 1);
  });

  it('an import file holding values nested deeper than the call stack: each is named with its file and line', () => {
    const corpus = path.join(folder, 'deep-import');
    mkdirSync(corpus);
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    const inputs: Array<[string, string, string, RegExp]> = [
      ['webannotation', 'w.jsonld', deep, /w\.jsonld: annotation 1: expected an object of type "Annotation", found \[\[\[/],
      ['jsonl', 's.jsonl', `{"text": "a", "spans": ${deep}}\n`, /s\.jsonl:1: span 1: expected \{"start", "end", "label"\}, got "\[\[\[/],
      ['doccano', 'd.jsonl', `{"text": "a", "label": ${deep}}\n`, /d\.jsonl:1: label 1: expected \[start, end, "LABEL"\]/],
    ];
    for (const [format, name, text, expected] of inputs) {
      writeFileSync(path.join(folder, name), text);
      const run = marginalia('import', '--format', format, '--into', corpus, path.join(folder, name));
      assert.doesNotMatch(run.stderr, /call stack|internal error/, run.stderr);
      assert.match(run.stderr, expected);
      assert.equal(run.status, 2);
    }
    assert.deepEqual(readdirSync(corpus), []);
  });
});
