/** `marginalia agreement`, as a person or a tool runs it: the built bin, real files, real exit codes. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { agreement, type AgreementReport } from '../server/src/core/agreement';
import { newTag, parseSidecar, serializeSidecar, SIDECAR_VERSION, type Tag } from '../server/src/core/sidecar';

const BIN = path.join(__dirname, '..', 'bin', 'marginalia.js');
const PROJECT = path.join(__dirname, '..');
const FIXTURES = path.join('test', 'fixtures', 'agreement');
const marginalia = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });

const TEXT = 'President Volodymyr Zelensky met NATO officials in Brussels.\n';
const tagOn = (words: string, label: string, annotator: string, status: Tag['status'] = 'accepted') => {
  const start = TEXT.indexOf(words);
  return newTag({ text: TEXT, start, end: start + words.length, label, source: 'manual', status, annotator });
};

/** The fixtures as the command reads them, named by their path from the project. */
function fixtureCorpus() {
  return readdirSync(path.join(PROJECT, FIXTURES))
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => {
      const article = path.join(FIXTURES, name);
      const sidecar = article.replace(/\.txt$/, '.annotations.json');
      return { name: article, text: readFileSync(path.join(PROJECT, article), 'utf8'), tags: parseSidecar(readFileSync(path.join(PROJECT, sidecar), 'utf8'), sidecar).annotations };
    });
}

describe('marginalia agreement', () => {
  let corpus = '';
  const write = (relative: string, text: string) => {
    const file = path.join(corpus, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  };
  /** An article and its sidecar holding `tags`. */
  const writeArticle = (relative: string, tags: Tag[]) => {
    write(relative, TEXT);
    write(relative.replace(/\.txt$/, '.annotations.json'), serializeSidecar({ version: SIDECAR_VERSION, article: path.basename(relative), annotations: tags }));
  };

  before(() => {
    corpus = mkdtempSync(path.join(tmpdir(), 'marginalia-agreement-'));
    writeArticle('pair/both.txt', [tagOn('Volodymyr Zelensky', 'PERSON', 'ann'), tagOn('Zelensky', 'PERSON', 'bob'), tagOn('NATO', 'ORG', 'ann'), tagOn('NATO', 'ORG', 'bob')]);
    writeArticle('pair/only-ann.txt', [tagOn('NATO', 'ORG', 'ann')]);
    write('pair/orphan.annotations.json', serializeSidecar({ version: SIDECAR_VERSION, article: 'orphan.txt', annotations: [tagOn('NATO', 'ORG', 'ann')] }));
    write('pair/broken.txt', TEXT);
    write('pair/broken.annotations.json', '{ "version": 2,');
    writeArticle('pair/edited.txt', [{ ...tagOn('NATO', 'ORG', 'ann'), text: 'OTAN' }, tagOn('NATO', 'ORG', 'bob')]);
    writeArticle('trio/a.txt', [tagOn('Zelensky', 'PERSON', 'ann'), tagOn('Zelensky', 'PERSON', 'bob'), tagOn('Brussels', 'GPE', 'carol')]);
    writeArticle('apart/a.txt', [tagOn('NATO', 'ORG', 'ann')]);
    writeArticle('apart/b.txt', [tagOn('NATO', 'ORG', 'bob')]);
    writeArticle('solo/a.txt', [tagOn('NATO', 'ORG', 'ann'), tagOn('Brussels', 'GPE', 'bob', 'rejected')]);
  });
  after(() => rmSync(corpus, { recursive: true, force: true }));

  it('prints for tools exactly the report of the two annotators found in the fixtures', () => {
    const run = marginalia(PROJECT, 'agreement', '--format', 'json', FIXTURES);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
    const printed = JSON.parse(run.stdout) as AgreementReport & { unreadable: unknown[] };
    assert.deepEqual(printed, { ...agreement(fixtureCorpus(), 'ann', 'bob'), unreadable: [] });
    assert.equal(printed.documents.length, 5);
  });

  it('prints for people a row a label, the corpus overall, then a row a document', () => {
    const run = marginalia(PROJECT, 'agreement', FIXTURES);
    assert.equal(run.status, 0, run.stderr);
    const report = agreement(fixtureCorpus(), 'ann', 'bob');
    const lines = run.stdout.split('\n');
    assert.match(lines[0], /^Agreement of ann and bob on 5 documents \([\d,]+ tokens\)$/);
    assert.match(lines[2], /^label\s+ann\s+bob\s+exact F1\s+overlap F1\s+kappa$/);
    const figures = (name: string, { claims, exact, overlap, kappa }: AgreementReport['corpus']['overall']) =>
      new RegExp(`^${name}\\s+${claims[0]}\\s+${claims[1]}\\s+${exact.f1.toFixed(3)}\\s+${overlap.f1.toFixed(3)}\\s+${kappa.toFixed(3)}$`);
    for (const [label, byLabel] of Object.entries(report.corpus.byLabel)) assert.ok(lines.some((line) => figures(label, byLabel).test(line)), label);
    assert.ok(lines.some((line) => figures('overall', report.corpus.overall).test(line)));
    for (const document of report.documents) assert.ok(lines.some((line) => figures(document.name, document.overall).test(line)), document.name);
  });

  it('compares the annotators named with --annotators, the first as the reference', () => {
    const run = marginalia(PROJECT, 'agreement', '--annotators', 'bob,ann', '--format', 'json', FIXTURES);
    assert.equal(run.status, 0, run.stderr);
    const printed = JSON.parse(run.stdout) as AgreementReport;
    const straight = agreement(fixtureCorpus(), 'ann', 'bob');
    assert.deepEqual(printed.annotators, ['bob', 'ann']);
    assert.deepEqual(printed.corpus.overall.claims, [...straight.corpus.overall.claims].reverse());
    assert.equal(printed.corpus.overall.kappa, straight.corpus.overall.kappa);
  });

  it('names each article it leaves out, and why, and compares the rest', () => {
    const run = marginalia(corpus, 'agreement', 'pair');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^Agreement of ann and bob on 1 document \(8 tokens\)/);
    const stderr = run.stderr.split('\n');
    const about = (file: string) => stderr.find((line) => line.startsWith(path.join('pair', file)));
    assert.match(about('broken.annotations.json') ?? '', /: skipped: not valid JSON/);
    assert.match(about('edited.annotations.json') ?? '', /: skipped: 1 tag does not match the article at its offsets \(run marginalia check\)/);
    assert.match(about('orphan.annotations.json') ?? '', /: skipped: its article orphan\.txt is missing/);
    assert.equal(about('only-ann.txt'), `${path.join('pair', 'only-ann.txt')}: skipped: no tags by bob`);
  });

  it('asks which two to compare when there are not exactly two annotators', () => {
    const run = marginalia(corpus, 'agreement', 'trio');
    assert.equal(run.status, 2);
    assert.match(run.stderr, /found 3 annotators \(ann, bob, carol\) below trio; agreement needs two: name them with --annotators A,B/);
    assert.equal(marginalia(corpus, 'agreement', '--annotators', 'ann,bob', 'trio').status, 0);
  });

  it('counts only accepted tags when looking for annotators: a rejected suggestion is no claim', () => {
    const run = marginalia(corpus, 'agreement', 'solo');
    assert.equal(run.status, 2);
    assert.match(run.stderr, /found one annotator \(ann\) below solo/);
  });

  it('exits with 2 when no article has tags by both', () => {
    const run = marginalia(corpus, 'agreement', 'apart');
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /nothing to compare: no article below apart has tags by both ann and bob/);
  });

  it('measures relations too: F1 per type and overall, in the table and in JSON, symmetric types either way round', () => {
    const [zelenskyA, natoA, brusselsA] = [tagOn('Volodymyr Zelensky', 'PERSON', 'ann'), tagOn('NATO', 'ORG', 'ann'), tagOn('Brussels', 'GPE', 'ann')];
    const [zelenskyB, natoB, brusselsB] = [tagOn('Zelensky', 'PERSON', 'bob'), tagOn('NATO', 'ORG', 'bob'), tagOn('Brussels', 'GPE', 'bob')];
    const relation = (id: string, type: string, from: Tag, to: Tag) => ({ id, type, from: from.id, to: to.id, status: 'accepted' as const, source: 'manual' as const, annotator: from.annotator, created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z' });
    // ann: PART_OF Zelensky→NATO, LOCATED_IN NATO→Brussels; bob: PART_OF on "Zelensky" (overlap only), ALLY_OF NATO↔Brussels written the other way, LOCATED_IN exact.
    const relations = [relation('r-1', 'PART_OF', zelenskyA, natoA), relation('r-2', 'LOCATED_IN', natoA, brusselsA), relation('r-3', 'ALLY_OF', natoA, brusselsA), relation('r-4', 'PART_OF', zelenskyB, natoB), relation('r-5', 'LOCATED_IN', natoB, brusselsB), relation('r-6', 'ALLY_OF', brusselsB, natoB)];
    write('related/a.txt', TEXT);
    write('related/a.annotations.json', serializeSidecar({ version: SIDECAR_VERSION, article: 'a.txt', annotations: [zelenskyA, natoA, brusselsA, zelenskyB, natoB, brusselsB], relations }));
    const json = marginalia(corpus, 'agreement', '--format', 'json', 'related');
    assert.equal(json.status, 0, json.stderr);
    const figures = (JSON.parse(json.stdout) as AgreementReport).corpus.relations!;
    // exact: LOCATED_IN and ALLY_OF (symmetric) match, PART_OF does not: 2 of 3 each, F1 2/3; overlap: all 3.
    assert.deepEqual([figures.claims, figures.exact.truePositives, figures.overlap.truePositives], [[3, 3], 2, 3]);
    assert.deepEqual(Object.fromEntries(Object.entries(figures.byType).map(([type, byType]) => [type, byType.exact.f1])), { ALLY_OF: 1, LOCATED_IN: 1, PART_OF: 0 });
    const table = marginalia(corpus, 'agreement', 'related');
    assert.match(table.stdout, /\nrelation +ann +bob +exact F1 +overlap F1\nALLY_OF +1 +1 +1\.000 +1\.000\nLOCATED_IN +1 +1 +1\.000 +1\.000\nPART_OF +1 +1 +0\.000 +1\.000\noverall +3 +3 +0\.667 +1\.000\n/);
  });

  it('reads a single sidecar too', () => {
    const run = marginalia(corpus, 'agreement', '--annotators', 'ann,bob', path.join('pair', 'both.annotations.json'));
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /on 1 document/);
  });

  it('rejects bad usage with exit code 2 and a clear message', () => {
    const cases: [string[], RegExp][] = [
      [['--format', 'xml'], /--format must be table or json, not 'xml'/],
      [['--annotators', 'ann'], /--annotators takes two different names separated by a comma/],
      [['--annotators', 'ann,ann'], /--annotators takes two different names/],
      [['--annotators', 'ann,bob,carol'], /--annotators takes two different names/],
      [['pair', 'trio'], /agreement takes one PATH/],
      [['no-such-folder'], /no-such-folder: no such file or folder/],
      [['--annotators', 'ann,dave', 'trio'], /no accepted tags by dave below trio \(annotators found: ann, bob, carol\)/],
      [['--bogus'], /Unknown option '--bogus'/],
    ];
    for (const [args, message] of cases) {
      const run = marginalia(corpus, 'agreement', ...args);
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, /^marginalia/);
      assert.match(run.stderr, message, args.join(' '));
    }
  });

  it('is described in the help', () => {
    assert.match(marginalia(corpus, '--help').stdout, /marginalia agreement \[--annotators A,B\] \[--format table\|json\] \[PATH\]/);
  });
});
