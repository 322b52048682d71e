/** `marginalia check`, as a person or a CI job runs it over a corpus: the built bin, real files, real exit codes. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CodePointIndex } from '../server/src/core/base/offsets';
import { newTag, serializeSidecar, SIDECAR_VERSION, type Tag } from '../server/src/core/sidecar';

const BIN = path.join(__dirname, '..', 'bin', 'marginalia.js');
const marginalia = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });

const TEXT = '🏆 President Volodymyr Zelensky met NATO officials in Brussels.\n';
const tagOn = (text: string, label: string, id: string, article = TEXT) => {
  const start = [...article.slice(0, article.indexOf(text))].length;
  return { ...newTag({ text: article, start, end: start + [...text].length, label, source: 'manual', annotator: 'olena' }), id };
};

describe('marginalia check', () => {
  let corpus = '';
  let healthy = '';
  const write = (relative: string, text: string) => {
    const file = path.join(corpus, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  };
  const writeSidecar = (relative: string, annotations: Tag[]) =>
    write(relative, serializeSidecar({ version: SIDECAR_VERSION, article: path.basename(relative).replace('.annotations.json', '.txt'), annotations }));

  before(() => {
    corpus = mkdtempSync(path.join(tmpdir(), 'marginalia-check-'));
    healthy = path.join(corpus, 'healthy');
    const zelensky = tagOn('Zelensky', 'PERSON', 't-zelensky');
    write('healthy/a.txt', TEXT);
    writeSidecar('healthy/a.annotations.json', [zelensky, tagOn('NATO', 'ORG', 't-nato')]);
    // An earlier format version is still healthy: it is read through the migration.
    write('healthy/old.txt', TEXT);
    write('healthy/old.annotations.json', JSON.stringify({ version: 1, article: 'old.txt', annotations: [zelensky] }));
    // Not part of the corpus.
    write('healthy/node_modules/pkg/x.annotations.json', 'not json');
    write('healthy/.history/x.annotations.json', 'not json');

    // The article was edited after tagging: "Zelensky" became "Zelinsky" (the name is further on), and "Brussels" is gone.
    const edited = '🏆 President Volodymyr Zelinsky met NATO officials in Antwerp. Zelensky left.\n';
    write('troubled/edited.txt', edited);
    const { id: _id, ...nato } = tagOn('NATO', 'ORG', 't-nato');
    const ours = { ...nato, status: 'accepted' as const };
    const theirs = { ...ours, label: 'NORP', status: 'rejected' as const };
    writeSidecar('troubled/edited.annotations.json', [
      tagOn('Zelensky', 'PERSON', 't-zelensky'),
      tagOn('Brussels', 'GPE', 't-brussels'),
      { ...tagOn('NATO', 'ORG', 't-nato', edited), status: 'conflict', conflict: { ours, theirs } },
      { ...tagOn('Zelensky', 'PERSON', 't-far'), start: 500, end: 508 },
    ]);
    writeSidecar('troubled/lost.annotations.json', [tagOn('NATO', 'ORG', 't-nato')]);
    write('troubled/invalid.txt', TEXT);
    write('troubled/invalid.annotations.json', JSON.stringify({ version: SIDECAR_VERSION, article: 'invalid.txt', annotations: [{ ...tagOn('NATO', 'ORG', 't-bad'), end: 'x' }] }, null, 2));
    write('troubled/broken.txt', TEXT);
    write('troubled/broken.annotations.json', '{\n  "version": 2,\n  "annotations": [\n    {"id" "t-1"}\n');
    write('troubled/newer.txt', TEXT);
    write('troubled/newer.annotations.json', JSON.stringify({ version: SIDECAR_VERSION + 1, article: 'newer.txt', annotations: [] }));
  });
  after(() => rmSync(corpus, { recursive: true, force: true }));

  it('passes a healthy corpus with exit code 0, counting tags per file, skipping node_modules and dot-folders', () => {
    const run = marginalia(healthy, 'check');
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.equal(
      run.stdout,
      ['a.annotations.json: 2 tags, all well', 'old.annotations.json: 1 tag, all well', 'Checked 2 sidecars: all well.', ''].join('\n'),
    );
  });

  it('reports each problem on a line of its own, path:line first, with exit code 1', () => {
    const run = marginalia(corpus, 'check', 'troubled');
    assert.equal(run.status, 1, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    const edited = path.join('troubled', 'edited.annotations.json');
    const lineOf = (id: string) => lines.find((line) => line.includes(`tag ${id} `));
    assert.equal(lineOf('t-zelensky'), `${edited}:5: tag t-zelensky PERSON "Zelensky" at 22-30: text is "Zelinsky" in the article; "Zelensky" is at 62-70`);
    assert.equal(lineOf('t-nato'), `${edited}:6: tag t-nato ORG "NATO" at 35-39: in conflict between two branches: ours ORG "NATO" at 35-39 / theirs NORP "NATO" at 35-39 (rejected)`);
    assert.equal(lineOf('t-brussels'), `${edited}:7: tag t-brussels GPE "Brussels" at 53-61: text is "Antwerp." in the article; orphaned: "Brussels" is nowhere in it`);
    assert.equal(lineOf('t-far'), `${edited}:8: tag t-far PERSON "Zelensky" at 500-508: past the end of the article (77 characters)`);
    assert.ok(lines.includes(`${edited}: 4 tags, 4 problems`));
    assert.ok(lines.includes(`${path.join('troubled', 'lost.annotations.json')}: article lost.txt is missing (expected beside the sidecar)`));
    assert.match(run.stdout, /^troubled\/invalid\.annotations\.json:\d+: annotations\[0\]\.end: Invalid input: expected number, received string$/m);
    assert.match(run.stdout, /^troubled\/broken\.annotations\.json:4: not valid JSON/m);
    assert.match(run.stdout, /^troubled\/newer\.annotations\.json: written by a newer Marginalia/m);
    assert.match(lines.at(-1)!, /^Checked 5 sidecars: 8 problems in 5 of them\.$/);
  });

  it('prints the same findings as JSON for tools', () => {
    const run = marginalia(corpus, 'check', '--format', 'json', 'troubled');
    assert.equal(run.status, 1);
    const report = JSON.parse(run.stdout);
    const edited = report.sidecars.find((file: { sidecar: string }) => file.sidecar.endsWith('edited.annotations.json'));
    assert.equal(edited.article, path.join('troubled', 'edited.txt'));
    assert.equal(edited.tags, 4);
    assert.deepEqual(edited.problems.map((problem: { kind: string; tagId: string }) => [problem.kind, problem.tagId]).sort(), [
      ['conflict', 't-nato'],
      ['orphan', 't-brussels'],
      ['out-of-range', 't-far'],
      ['text-mismatch', 't-zelensky'],
    ]);
    assert.equal(report.problems, 8);
  });

  it('checks a single sidecar too', () => {
    const run = marginalia(corpus, 'check', path.join('healthy', 'a.annotations.json'));
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /2 tags, all well/);
  });

  // Quadratic in tags, `check` gave no answer in a minute on this (10,000 tags took 3.6 s); linear, it
  // takes about a second. The kill after a minute is a hang guard, not a speed target (that is the bench's).
  it('checks a sidecar of 100,000 tags and names the troubled ones on their lines', () => {
    const words = Array.from({ length: 100_000 }, (_, n) => `Word${n.toString(36)}`);
    const text = words.map((word) => `${word} said so. `).join('');
    const index = new CodePointIndex(text);
    let start = 0;
    const tags = words.map((word, n) => {
      const tag = { ...newTag({ text, index, start, end: start + word.length, label: 'ORG', source: 'manual', annotator: 'olena' }), id: `t-${n}` };
      start += `${word} said so. `.length;
      // One tag in 10,000 is one character off, so its text is elsewhere.
      return n % 10_000 === 9_999 ? { ...tag, start: tag.start + 1, end: tag.end + 1 } : tag;
    });
    write('large/big.txt', text);
    writeSidecar('large/big.annotations.json', tags);
    const run = spawnSync(process.execPath, [BIN, 'check', '--format', 'json', 'large'], { cwd: corpus, encoding: 'utf8', timeout: 60_000 });
    assert.equal(run.signal, null, 'no answer in a minute');
    assert.equal(run.status, 1, run.stderr);
    const [report] = JSON.parse(run.stdout).sidecars;
    assert.equal(report.tags, 100_000);
    const lines = serializeSidecar({ version: SIDECAR_VERSION, article: 'big.txt', annotations: tags }).split('\n');
    assert.deepEqual(
      report.problems.map((problem: { kind: string; tagId: string; line: number }) => [problem.kind, problem.tagId, problem.line]),
      Array.from({ length: 10 }, (_, k) => {
        const id = `t-${k * 10_000 + 9_999}`;
        return ['text-mismatch', id, lines.findIndex((line) => line.includes(`"id": "${id}"`)) + 1];
      }),
    );
  });

  it('rejects bad usage with exit code 2 and a clear message', () => {
    for (const args of [['check', 'no-such-folder'], ['check', path.join('healthy', 'a.txt')], ['check', '--format', 'xml'], ['check', 'healthy', 'troubled']]) {
      const run = marginalia(corpus, ...args);
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, /^marginalia/);
    }
  });

  it('reports a project file that fails its schema, on its line, with exit code 1', () => {
    write('project/marginalia.json', '{\n  "labels": {\n    "WEAPON": { "kind": "entity" }\n  },\n  "lables": {}\n}\n');
    write('project/a.txt', TEXT);
    writeSidecar('project/a.annotations.json', [tagOn('NATO', 'ORG', 't-nato')]);
    const run = marginalia(corpus, 'check', 'project');
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /project\/marginalia\.json:5:3: lables: unknown key "lables"/);
    assert.match(run.stdout, /1 problem in 1 of them/);
    const json = JSON.parse(marginalia(corpus, 'check', '--format', 'json', 'project').stdout);
    assert.equal(json.problems, 1);
    assert.equal(json.projectFiles[0].problems[0].line, 5);
    write('project/marginalia.json', '{ "labels": { "WEAPON": { "kind": "entity" } } }\n');
    const fixed = marginalia(corpus, 'check', 'project');
    assert.equal(fixed.status, 0, fixed.stdout);
    assert.match(fixed.stdout, /Checked 1 sidecar and 1 project file: all well/);
  });

  it('--fix moves tags after their text and marks the lost ones orphaned in the sidecar, keeping their last offsets', () => {
    const article = 'President Volodymyr Zelensky met NATO officials in Brussels.\n';
    write('fix/a.txt', article);
    const zelensky = tagOn('Zelensky', 'PERSON', 't-zelensky', article);
    const brussels = tagOn('Brussels', 'GPE', 't-brussels', article);
    writeSidecar('fix/a.annotations.json', [zelensky, brussels]);
    const edited = 'Breaking: President Volodymyr Zelensky met NATO officials.\n';
    write('fix/a.txt', edited);
    const run = marginalia(corpus, 'check', '--fix', 'fix');
    assert.equal(run.status, 1, 'an orphan is still a problem');
    assert.match(run.stderr, /fix\/a\.annotations\.json: fixed: 1 tag moved to where its text now is, 1 marked orphaned/);
    const stored = JSON.parse(readFileSync(path.join(corpus, 'fix/a.annotations.json'), 'utf8'));
    assert.equal(stored.version, SIDECAR_VERSION);
    const byId = new Map(stored.annotations.map((tag: Tag) => [tag.id, tag]));
    const moved = byId.get('t-zelensky') as Tag;
    assert.equal([...edited].slice(moved.start, moved.end).join(''), 'Zelensky');
    assert.equal(moved.anchor, undefined);
    const lost = byId.get('t-brussels') as Tag;
    assert.equal(lost.anchor, 'orphaned');
    assert.deepEqual([lost.start, lost.end, lost.text], [brussels.start, brussels.end, 'Brussels'], 'kept where it last stood');
    assert.match(run.stdout, /t-brussels GPE "Brussels" at \d+-\d+: marked orphaned/);
    // A second run has nothing more to fix.
    const again = marginalia(corpus, 'check', '--fix', 'fix');
    assert.doesNotMatch(again.stderr, /fixed/);
  });
});
