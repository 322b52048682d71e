/** `marginalia annotate` as a user runs it: the built bin, worker threads, real files, real exit codes. */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { contextAround, Lexicon, lexiconPathIn, serializeLexicon } from '../server/src/core/lexicon';
import { annotateArticle } from '../server/src/node/annotateArticle';
import { newTag, parseSidecar, serializeSidecar, SIDECAR_VERSION, type Tag } from '../server/src/core/sidecar';
import { SidecarStore } from '../server/src/node/sidecarStore';
import { withFileLock } from '../server/src/node/fileLock';
import { generateCorpus } from './progressCorpus';
import { PROJECT_ROOT } from './support/projectRoot';

const BIN = path.join(PROJECT_ROOT, 'bin', 'marginalia.js');
const SEEDS = path.join(PROJECT_ROOT, 'seeds');
const marginalia = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
const sh = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

const sidecarOf = (article: string) => article.replace(/\.txt$/, '.annotations.json');
const tagsOf = (article: string): Tag[] => parseSidecar(readFileSync(sidecarOf(article), 'utf8'), sidecarOf(article)).annotations;
/** Every file below `folder` with its bytes: what a run wrote. */
const contents = (folder: string) => readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort().map((name) => `${name}\n${readFileSync(path.join(folder, name), 'utf8')}`);

describe('marginalia annotate', () => {
  const folders: string[] = [];
  after(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));
  /** A fresh copy of the seeds (a corpus: they hold a marginalia.json), without sidecars. */
  const seedsCopy = () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'marginalia-annotate-'));
    folders.push(folder);
    cpSync(SEEDS, folder, { recursive: true, filter: (source) => !source.endsWith('.annotations.json') });
    return { folder, articles: readdirSync(folder).filter((name) => name.endsWith('.txt')).sort().map((name) => path.join(folder, name)) };
  };

  it('writes proposals into every article, and a second run writes nothing', () => {
    const { folder, articles } = seedsCopy();
    const run = marginalia('annotate', '--workers', '2', folder);
    assert.equal(run.status, 0, run.stderr);
    const [, addedText, relationsText] = /: ([\d,]+) proposals added, 0 removed \(no longer found\), 0 kept; (\d+) relations? proposed, 0 removed \(no longer found\); 0 articles unchanged\.\n$/.exec(run.stdout) ?? [];
    const added = Number(addedText?.replace(',', ''));
    const relationsProposed = Number(relationsText);
    assert.match(run.stdout, /^Pre-annotated 5 articles in \d+\.\d s on 2 worker threads: /);
    assert.equal(run.stderr, '');
    let proposals = 0;
    for (const article of articles) {
      const tags = tagsOf(article);
      assert.ok(tags.length > 0 && tags.every((tag) => tag.status === 'proposed' && tag.source === 'import' && tag.annotator === 'marginalia'));
      for (const tag of tags) assert.equal([...readFileSync(article, 'utf8')].slice(tag.start, tag.end).join(''), tag.text);
      proposals += tags.length;
    }
    assert.equal(proposals, added);
    // The seeds' project file declares the news relation types: the rules propose some (QUANTITY_OF, PRODUCES).
    const relations = articles.flatMap((article) => parseSidecar(readFileSync(sidecarOf(article), 'utf8'), sidecarOf(article)).relations ?? []);
    assert.ok(relations.length > 0 && relations.length === relationsProposed, `${relations.length} relations, ${relationsProposed} reported`);
    assert.ok(relations.every((relation) => relation.status === 'proposed' && relation.source === 'import' && relation.annotator === 'marginalia' && ['QUANTITY_OF', 'PRODUCES'].includes(relation.type)));

    const written = contents(folder);
    const again = marginalia('annotate', '--format', 'json', folder);
    assert.equal(again.status, 0, again.stderr);
    const summary = JSON.parse(again.stdout);
    assert.deepEqual({ ...summary, seconds: 0, workers: 0 }, { articles: 5, done: 5, changed: 0, unchanged: 5, skipped: [], added: 0, removed: 0, kept: added, relationsAdded: 0, relationsRemoved: 0, workers: 0, seconds: 0, dryRun: false, cancelled: false });
    assert.deepEqual(contents(folder), written, 'not a byte changed');
  });

  it('counts without writing on --dry-run, and takes a single article', () => {
    const { folder, articles } = seedsCopy();
    const before = contents(folder);
    const run = marginalia('annotate', '--dry-run', '--format', 'json', articles[2]);
    assert.equal(run.status, 0, run.stderr);
    const summary = JSON.parse(run.stdout);
    assert.equal(summary.articles, 1);
    assert.equal(summary.changed, 1);
    assert.ok(summary.added > 0);
    assert.equal(summary.dryRun, true);
    assert.deepEqual(contents(folder), before);
  });

  it('keeps people’s tags, names a broken sidecar and leaves it as it is, and annotates the rest', () => {
    const { folder, articles } = seedsCopy();
    const text = readFileSync(articles[0], 'utf8');
    const start = text.indexOf('Ukraine');
    const accepted = newTag({ text, start, end: start + 'Ukraine'.length, label: 'LOC', source: 'manual', annotator: 'olena', now: new Date('2025-11-01T09:00:00.000Z') });
    writeFileSync(sidecarOf(articles[0]), serializeSidecar({ version: SIDECAR_VERSION, article: path.basename(articles[0]), annotations: [accepted] }));
    writeFileSync(sidecarOf(articles[1]), '{"version": 3, "article": "x.txt", "annotations": [oops]}\n');
    const run = marginalia('annotate', folder);
    assert.equal(run.status, 2, 'a broken sidecar is bad input');
    assert.match(run.stderr, new RegExp(`^${articles[1].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: skipped: .*annotations\\.json: `));
    assert.match(run.stdout, /^Pre-annotated 4 articles .*; 1 article skipped and left untouched \(named on stderr\)\.\n$/);
    assert.equal(readFileSync(sidecarOf(articles[1]), 'utf8'), '{"version": 3, "article": "x.txt", "annotations": [oops]}\n');
    const tags = tagsOf(articles[0]);
    assert.deepEqual(tags.find((tag) => tag.id === accepted.id), accepted);
    assert.ok(!tags.some((tag) => tag.id !== accepted.id && tag.start < accepted.end && accepted.start < tag.end), 'nothing proposed on or across it');
    assert.ok(tagsOf(articles[2]).length > 0);
  });

  it('skips an article whose lock file name would be too long, names it, annotates the rest and exits 2', () => {
    const { folder, articles } = seedsCopy();
    // The sidecar's name (253 characters) fits the file system's 255; its lock and temp files' do not.
    const long = path.join(folder, `${'w'.repeat(236)}.txt`);
    cpSync(articles[0], long);
    const run = marginalia('annotate', folder);
    assert.equal(run.status, 2, run.stderr);
    assert.equal(run.stderr, `${long}: skipped: ${sidecarOf(long)}: cannot save tags: the article's name is too long for the file system once Marginalia adds the lock and temp files it writes beside the sidecar; give the article a shorter name\n`);
    assert.match(run.stdout, /^Pre-annotated 5 articles .*; 1 article skipped and left untouched \(named on stderr\)\.\n$/);
    for (const article of articles) assert.ok(tagsOf(article).length > 0, article);
    assert.deepEqual(readdirSync(folder).filter((name) => name.startsWith('.')), [], 'no lock or temp file left');
  });

  it('skips an article whose sidecar another live process keeps locked, naming the lock', async () => {
    const { articles } = seedsCopy();
    const sidecar = sidecarOf(articles[0]);
    let release = () => {};
    let locked = () => {};
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    // This test's process holds the lock (it runs, and refreshes the lock) until the article is done.
    const holder = withFileLock(sidecar, () => {
      locked();
      return new Promise<void>((resolve) => (release = resolve));
    });
    await isLocked;
    try {
      const outcome = await annotateArticle(articles[0], { store: new SidecarStore({ lockWaitMs: 300 }), annotator: 'marginalia', dryRun: false, now: new Date() });
      assert.equal(outcome.status, 'skipped');
      assert.match((outcome as { reason: string }).reason, new RegExp(`^${sidecar.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: cannot save tags: locked by another process \\(pid ${process.pid}, lock file .*\\.lock\\) for more than 300 ms; try again once it is done$`));
    } finally {
      release();
      await holder;
    }
    assert.equal(existsSync(sidecar), false, 'nothing written');
  });

  it('proposes what the corpus lexicon taught, and not what was rejected there', () => {
    const { folder, articles } = seedsCopy();
    const text = readFileSync(articles[0], 'utf8');
    const at = '2025-11-01T09:00:00.000Z';
    const lexicon = new Lexicon();
    lexicon.learn({ text: 'drone production', label: 'PRODUCT', kind: 'entity', by: 'olena', article: 'a.txt', at });
    const russian = text.indexOf('Russian');
    lexicon.suppress({ text: 'Russian', label: 'NORP', ...contextAround(text, russian, russian + 'Russian'.length), by: 'olena', article: 'a.txt', at });
    writeFileSync(lexiconPathIn(folder), serializeLexicon(lexicon.toFile()));
    const run = marginalia('annotate', articles[0]);
    assert.equal(run.status, 0, run.stderr);
    const tags = tagsOf(articles[0]);
    assert.ok(tags.some((tag) => tag.text === 'drone production' && tag.label === 'PRODUCT'), 'learnt');
    assert.ok(!tags.some((tag) => tag.start === [...text.slice(0, russian)].length && tag.label === 'NORP'), 'rejected here before');
  });

  it('refuses bad usage with exit code 2', () => {
    const { folder } = seedsCopy();
    for (const args of [['annotate'], ['annotate', '--workers', '0', folder], ['annotate', '--workers', 'two', folder], ['annotate', '--format', 'csv', folder], ['annotate', path.join(folder, 'missing')], ['annotate', path.join(folder, 'marginalia.json')]]) {
      const run = marginalia(...args);
      assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, /^marginalia( annotate)?: /);
      assert.equal(run.stdout, '');
    }
    assert.match(marginalia('annotate', '--help').stdout, /marginalia annotate \[--workers N\] \[--shard K\/N\] \[--dry-run\] \[--format summary\|json\] \[--reference-date YYYY-MM-DD\] PATH\.\.\./);
  });

  it('refuses more worker threads than the cap, saying what the cap is, and writes nothing', () => {
    // 300 threads took 8.2 GB and 27 s where one took 3.5 s: each thread holds its own detector.
    const { folder } = seedsCopy();
    const before = contents(folder);
    const run = marginalia('annotate', '--workers', '300', folder);
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /^marginalia: --workers: at most \d+ threads on this machine \(\d+ cores?\), not 300\b/);
    assert.equal(run.stdout, '');
    assert.deepEqual(contents(folder), before);
  });

  it('on Ctrl+C finishes the articles under way, says how far it got, and every sidecar is whole', async () => {
    const corpus = generateCorpus(1000);
    folders.push(corpus.root);
    writeFileSync(path.join(corpus.root, 'marginalia.json'), '{}\n');
    // Outside the corpus, where it would be taken for an article.
    const outputFolder = mkdtempSync(path.join(tmpdir(), 'marginalia-annotate-output-'));
    folders.push(outputFolder);
    const stdoutFile = path.join(outputFolder, 'stdout.log');
    // A pseudo-terminal, so that the bar is drawn and Ctrl+C is typed as a person types it.
    const command = `stty cols 100; exec ${sh(process.execPath)} ${sh(BIN)} annotate ${sh(corpus.root)} > ${sh(stdoutFile)}`;
    const child = spawn('script', ['--quiet', '--flush', '--return', '--command', command, '/dev/null'], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, CI: '', TERM: 'xterm' } });
    let screen = '';
    let typed = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      screen += chunk;
      // Once the bar shows some articles done, but not all.
      if (!typed && /annotating [1-9]\d*\/1000 ▕/.test(screen)) {
        typed = true;
        child.stdin.write('\x03');
      }
    });
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', resolve);
    });
    assert.ok(typed, `the bar was drawn: ${JSON.stringify(screen.slice(0, 300))}`);
    assert.equal(exitCode, 130);
    assert.match(screen, /Cancelling: finishing the articles under way/);
    const summary = readFileSync(stdoutFile, 'utf8');
    const done = Number(/^Cancelled after (\d+) of 1,000 articles \(those under way were finished\): \1 pre-annotated in /.exec(summary)?.[1]);
    assert.ok(done > 0 && done < 1000, summary);
    let annotated = 0;
    for (const article of corpus.articles) {
      const tags = tagsOf(article);
      const proposed = tags.filter((tag) => tag.status === 'proposed').length;
      // Of "President Volodymyr Zelensky met NATO officials in Brussels on Monday.", only Monday is left to propose.
      assert.ok(proposed === 0 || proposed === 1, `${article}: its proposal or none, not ${proposed}`);
      assert.equal(tags.length - proposed, 3);
      annotated += proposed;
    }
    assert.equal(annotated, done, 'the articles reported done are those written');
  });
});
