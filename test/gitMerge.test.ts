/**
 * Two annotators' branches of a corpus merged by real git through `marginalia git-setup`: sidecars
 * merge tag by tag, and a tag both changed differently becomes a visible conflict state, never markers;
 * the project lexicon merges rule by rule.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LEXICON_VERSION, parseLexicon, serializeLexicon, type LexiconEntry } from '../server/src/core/lexicon';
import { newTag, parseSidecar, serializeSidecar, SIDECAR_VERSION, type Relation, type Sidecar, type Tag } from '../server/src/core/sidecar';

const PROJECT = path.join(__dirname, '..');
const TEXT = 'President Volodymyr Zelensky met NATO officials in Brussels on Monday.\n';
const tagOn = (text: string, label: string) => {
  const start = [...TEXT.slice(0, TEXT.indexOf(text))].length;
  return newTag({ text: TEXT, start, end: start + [...text].length, label, source: 'manual', annotator: 'olena', now: new Date('2024-05-01T12:00:00Z') });
};
const zelensky = tagOn('Volodymyr Zelensky', 'PERSON');
const nato = tagOn('NATO', 'ORG');
const brussels = tagOn('Brussels', 'GPE');
const monday = tagOn('Monday', 'DATE');
const changed = (tag: Tag, changes: Partial<Tag>, annotator: string): Tag => ({ ...tag, ...changes, annotator, modified: '2024-06-01T12:00:00.000Z' });
const sidecarOf = (article: string, annotations: Tag[]): Sidecar => ({ version: SIDECAR_VERSION, article, annotations });

describe('merging annotators\' branches with git', () => {
  let root = '';
  let repo = '';
  let installedBin = '';
  const git = (...args: string[]) => spawnSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_CEILING_DIRECTORIES: root } });
  const ok = (...args: string[]) => {
    const run = git(...args);
    assert.equal(run.status, 0, `git ${args.join(' ')}: ${run.stderr}`);
    return run.stdout;
  };
  const marginalia = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [installedBin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, GIT_CEILING_DIRECTORIES: root } });
  const sidecarFile = (name: string) => path.join(repo, 'corpus', `${name}.annotations.json`);
  const writeSidecar = (name: string, annotations: Tag[]) => writeFileSync(sidecarFile(name), serializeSidecar(sidecarOf(`${name}.txt`, annotations)));
  const readSidecar = (name: string) => parseSidecar(readFileSync(sidecarFile(name), 'utf8'), sidecarFile(name));
  /** A branch from main that rewrites the sidecar `name` and commits it. */
  const branch = (branchName: string, name: string, annotations: Tag[]) => {
    ok('checkout', '-q', '-b', branchName, 'main');
    writeSidecar(name, annotations);
    ok('commit', '-q', '-am', `${branchName}: ${name}`);
  };

  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'marginalia-git-'));
    // Installed under a path with spaces, so that the driver command must quote it.
    const install = path.join(root, 'tools with spaces', 'marginalia');
    mkdirSync(path.join(install, 'bin'), { recursive: true });
    mkdirSync(path.join(install, 'dist'));
    copyFileSync(path.join(PROJECT, 'bin', 'marginalia.js'), path.join(install, 'bin', 'marginalia.js'));
    copyFileSync(path.join(PROJECT, 'dist', 'cli.js'), path.join(install, 'dist', 'cli.js'));
    installedBin = path.join(install, 'bin', 'marginalia.js');

    repo = path.join(root, 'newsroom corpus');
    mkdirSync(path.join(repo, 'corpus'), { recursive: true });
    ok('init', '-q', '-b', 'main');
    ok('config', 'user.name', 'Test Annotator');
    ok('config', 'user.email', 'annotator@example.invalid');
    ok('config', 'commit.gpgsign', 'false');
    writeFileSync(path.join(repo, '.gitattributes'), '*.txt text eol=lf\n');
    for (const name of ['clean', 'conflicted']) {
      writeFileSync(path.join(repo, 'corpus', `${name}.txt`), TEXT);
      writeSidecar(name, [zelensky, nato, brussels, monday]);
    }
    const setup = marginalia(path.join(repo, 'corpus'), 'git-setup');
    assert.equal(setup.status, 0, setup.stderr);
    ok('add', '-A');
    ok('commit', '-q', '-m', 'articles and their first tags');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  describe('git-setup', () => {
    it('registers the driver with absolute, quoted paths of node and of the script', () => {
      const driver = ok('config', '--get', 'merge.marginalia.driver').trim();
      const quotedScript = `'${installedBin}'`;
      assert.ok(driver.includes(quotedScript), driver);
      assert.ok(driver.startsWith(process.execPath) || driver.startsWith(`'${process.execPath}'`), driver);
      assert.match(driver, / merge-driver %O %A %B %P$/);
      assert.ok(ok('config', '--get', 'merge.marginalia.name').trim().length > 0);
    });

    it('adds the attribute once, keeping what .gitattributes held, however often it runs', () => {
      const again = marginalia(repo, 'git-setup');
      assert.equal(again.status, 0, again.stderr);
      assert.match(again.stdout, /already/);
      assert.equal(readFileSync(path.join(repo, '.gitattributes'), 'utf8'), '*.txt text eol=lf\n*.annotations.json merge=marginalia\nmarginalia.lexicon.json merge=marginalia\n');
      assert.equal(ok('config', '--get-all', 'merge.marginalia.driver').trim().split('\n').length, 1);
      assert.equal(ok('check-attr', 'merge', 'corpus/clean.annotations.json').trim(), 'corpus/clean.annotations.json: merge: marginalia');
      assert.equal(ok('check-attr', 'merge', 'corpus/marginalia.lexicon.json').trim(), 'corpus/marginalia.lexicon.json: merge: marginalia');
    });

    it('says so, with exit code 2, outside a git repository', () => {
      const outside = path.join(root, 'not a repository');
      mkdirSync(outside);
      const run = marginalia(outside, 'git-setup');
      assert.equal(run.status, 2);
      assert.match(run.stderr, /is not inside a git repository/);
    });
  });

  it('merges cleanly when the branches touched different tags: both sides\' new tags kept, a deletion on one side applied', () => {
    const olenaTag = tagOn('officials', 'NORP');
    const mykolaTag = tagOn('NATO officials', 'ORG');
    branch('clean-olena', 'clean', [zelensky, changed(nato, { status: 'rejected' }, 'olena'), brussels, olenaTag]);
    branch('clean-mykola', 'clean', [changed(zelensky, { label: 'ORG' }, 'mykola'), nato, brussels, monday, mykolaTag]);
    ok('checkout', '-q', 'clean-olena');
    const merge = git('merge', '--no-edit', 'clean-mykola');
    assert.equal(merge.status, 0, merge.stdout + merge.stderr);

    const merged = readSidecar('clean');
    const byId = new Map(merged.annotations.map((tag) => [tag.id, tag]));
    assert.deepEqual(merged.annotations.map((tag) => tag.text).sort(), ['Brussels', 'NATO', 'NATO officials', 'Volodymyr Zelensky', 'officials']);
    assert.equal(byId.get(zelensky.id)?.label, 'ORG');
    assert.equal(byId.get(nato.id)?.status, 'rejected');
    assert.equal(byId.has(monday.id), false, 'deleted on one side, unchanged on the other');
    assert.equal(ok('status', '--porcelain').trim(), '');
  });

  it('records a tag both branches changed differently as a conflict in valid JSON, and git flags the file', () => {
    const olenaTag = tagOn('officials', 'NORP');
    const mykolaTag = tagOn('Monday', 'TIME');
    branch('conflict-olena', 'conflicted', [changed(zelensky, { label: 'ORG' }, 'olena'), nato, brussels, olenaTag]);
    branch('conflict-mykola', 'conflicted', [changed(zelensky, { status: 'rejected' }, 'mykola'), nato, brussels, monday, { ...mykolaTag, id: 't-mykola' }]);
    ok('checkout', '-q', 'conflict-olena');
    const merge = git('merge', '--no-edit', 'conflict-mykola');
    assert.notEqual(merge.status, 0);
    assert.match(merge.stdout + merge.stderr, /CONFLICT.*conflicted\.annotations\.json/);
    assert.match(merge.stdout + merge.stderr, /1 tag changed differently on both branches/);
    assert.match(ok('diff', '--name-only', '--diff-filter=U'), /^corpus\/conflicted\.annotations\.json$/m);

    const text = readFileSync(sidecarFile('conflicted'), 'utf8');
    assert.doesNotMatch(text, /<<<<<<<|>>>>>>>|=======/);
    const merged = parseSidecar(text, sidecarFile('conflicted'));
    const byId = new Map(merged.annotations.map((tag) => [tag.id, tag]));
    assert.ok(byId.has(olenaTag.id) && byId.has('t-mykola'), 'both sides\' new tags');
    assert.equal(byId.has(monday.id), false, 'deleted on one side, unchanged on the other');
    const conflicted = byId.get(zelensky.id)!;
    assert.equal(conflicted.status, 'conflict');
    const { ours, theirs, base } = conflicted.conflict!;
    assert.deepEqual(
      [ours !== 'deleted' && [ours.label, ours.status, ours.annotator], theirs !== 'deleted' && [theirs.label, theirs.status, theirs.annotator], base?.label],
      [['ORG', 'accepted', 'olena'], ['PERSON', 'rejected', 'mykola'], 'PERSON'],
    );
    ok('merge', '--abort');
  });

  it('merges relations by id: both branches\' new relations on the same article kept; one changed differently on both is a conflict', () => {
    const relation = (id: string, type: string, from: Tag, to: Tag, annotator: string, status: Relation['status'] = 'accepted'): Relation =>
      ({ id, type, from: from.id, to: to.id, status, source: 'manual', annotator, created: '2024-06-01T12:00:00.000Z', modified: '2024-06-01T12:00:00.000Z' });
    const withRelations = (annotations: Tag[], relations: Relation[]) => writeFileSync(sidecarFile('related'), serializeSidecar({ ...sidecarOf('related.txt', annotations), relations }));
    const shared = relation('r-shared', 'LOCATED_IN', nato, brussels, 'olena');
    ok('checkout', '-q', 'main');
    writeFileSync(path.join(repo, 'corpus', 'related.txt'), TEXT);
    withRelations([zelensky, nato, brussels, monday], [shared]);
    ok('add', '-A');
    ok('commit', '-q', '-m', 'related: a first relation');
    const olenas = relation('r-olena', 'PART_OF', zelensky, nato, 'olena');
    const mykolas = relation('r-mykola', 'TIME_OF', monday, zelensky, 'mykola');
    const commit = (name: string, relations: Relation[]) => {
      ok('checkout', '-q', '-b', name, 'main');
      withRelations([zelensky, nato, brussels, monday], relations);
      ok('commit', '-q', '-am', name);
    };
    commit('related-olena', [shared, olenas]);
    commit('related-mykola', [shared, mykolas]);
    ok('checkout', '-q', 'related-olena');
    const merge = git('merge', '--no-edit', 'related-mykola');
    assert.equal(merge.status, 0, merge.stdout + merge.stderr);
    assert.deepEqual(readSidecar('related').relations?.map((r) => r.id).sort(), ['r-mykola', 'r-olena', 'r-shared']);

    commit('related-olena-2', [{ ...shared, type: 'PART_OF', modified: '2024-07-01T12:00:00.000Z' }]);
    commit('related-mykola-2', [{ ...shared, status: 'rejected', annotator: 'mykola', modified: '2024-07-02T12:00:00.000Z' }]);
    ok('checkout', '-q', 'related-olena-2');
    const conflicting = git('merge', '--no-edit', 'related-mykola-2');
    assert.notEqual(conflicting.status, 0);
    assert.match(conflicting.stdout + conflicting.stderr, /1 relation changed differently on both branches, kept in conflict state with both versions \(relations in conflict: r-shared\)/);
    const conflicted = readSidecar('related').relations!.find((r) => r.id === 'r-shared')!;
    assert.equal(conflicted.status, 'conflict');
    const { ours, theirs } = conflicted.conflict!;
    assert.deepEqual([ours !== 'deleted' && ours.type, theirs !== 'deleted' && theirs.status], ['PART_OF', 'rejected']);
    ok('merge', '--abort');
  });

  it('merges the lexicon rule by rule: names both annotators taught, counts added up, no conflict markers', () => {
    const lexiconFile = path.join(repo, 'corpus', 'marginalia.lexicon.json');
    const entry = (text: string, label: string, count: number, by: string): LexiconEntry => ({ text, label, kind: 'entity', count, by, article: 'clean.txt', at: '2024-05-01T12:00:00.000Z' });
    const writeLexicon = (entries: LexiconEntry[]) => writeFileSync(lexiconFile, serializeLexicon({ version: LEXICON_VERSION, entries, suppressions: [] }));
    ok('checkout', '-q', '-b', 'lexicon-base', 'main');
    writeLexicon([entry('NATO', 'ORG', 1, 'olena'), entry('Zelensky', 'PERSON', 1, 'olena')]);
    ok('add', '-A');
    ok('commit', '-q', '-m', 'a lexicon');
    // Each annotator learns a name next to the other's and tags NATO once more: every line is touched on both sides.
    ok('checkout', '-q', '-b', 'lexicon-olena', 'lexicon-base');
    writeLexicon([entry('Brussels', 'GPE', 1, 'olena'), entry('NATO', 'ORG', 2, 'olena'), entry('Zelensky', 'PERSON', 1, 'olena')]);
    ok('commit', '-q', '-am', 'olena learns');
    ok('checkout', '-q', '-b', 'lexicon-mykola', 'lexicon-base');
    writeLexicon([entry('Monday Club', 'ORG', 1, 'mykola'), entry('NATO', 'ORG', 2, 'olena'), entry('Zelensky', 'PERSON', 1, 'olena'), entry('Zelenskyy', 'PERSON', 1, 'mykola')]);
    ok('commit', '-q', '-am', 'mykola learns');
    ok('checkout', '-q', 'lexicon-olena');
    const merge = git('merge', '--no-edit', 'lexicon-mykola');
    assert.equal(merge.status, 0, merge.stdout + merge.stderr);
    const merged = parseLexicon(readFileSync(lexiconFile, 'utf8'), lexiconFile);
    assert.deepEqual(
      merged.entries.map(({ text, count }) => `${text} ${count}`),
      ['Brussels 1', 'Monday Club 1', 'NATO 3', 'Zelensky 1', 'Zelenskyy 1'],
    );
    assert.equal(ok('status', '--porcelain').trim(), '');
  });

  it('leaves ours in place, flagged by git, when a side is not a valid sidecar', () => {
    ok('checkout', '-q', '-b', 'broken-olena', 'main');
    writeFileSync(sidecarFile('clean'), '{"version": 2, "annotations": [');
    ok('commit', '-q', '-am', 'broken by hand');
    branch('broken-mykola', 'clean', [zelensky, nato, brussels]);
    ok('checkout', '-q', 'broken-olena');
    const merge = git('merge', '--no-edit', 'broken-mykola');
    assert.notEqual(merge.status, 0);
    assert.match(merge.stderr, /corpus\/clean\.annotations\.json \(ours\): not valid JSON/);
    assert.equal(readFileSync(sidecarFile('clean'), 'utf8'), '{"version": 2, "annotations": [');
    ok('merge', '--abort');
  });
});
