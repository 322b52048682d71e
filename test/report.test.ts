/** `marginalia report`, as a person or a tool runs it: the built bin, the agreement fixtures, real exit codes. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { AgreementReport } from '../server/src/core/agreement';
import type { CorpusReport } from '../server/src/core/report';
import { PROJECT_ROOT } from './support/projectRoot';

const BIN = path.join(PROJECT_ROOT, 'bin', 'marginalia.js');
const FIXTURES = path.join('test', 'fixtures', 'agreement');
const marginalia = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: PROJECT_ROOT, encoding: 'utf8' });

describe('marginalia report', () => {
  it('holds exactly the figures of marginalia agreement on the same folder', () => {
    const reported = marginalia('report', '--format', 'json', FIXTURES);
    assert.equal(reported.status, 0, reported.stderr);
    const report = JSON.parse(reported.stdout) as CorpusReport;
    const measured = JSON.parse(marginalia('agreement', '--format', 'json', FIXTURES).stdout) as AgreementReport;
    assert.ok(report.agreement.measured);
    assert.deepEqual(report.agreement.corpus, measured.corpus);
    // The report names articles from the folder it was given; agreement, by the path as given.
    assert.deepEqual(report.agreement.documents, measured.documents.map((document) => ({ ...document, name: path.basename(document.name) })));
    assert.deepEqual(report.agreement.annotators, ['ann', 'bob']);
  });

  it('counts every tag of the fixtures by label and by article', () => {
    const report = JSON.parse(marginalia('report', FIXTURES).stdout) as CorpusReport;
    assert.equal(report.progress.articles.length, 5);
    assert.equal(report.progress.overall.total, 94 + 104 + 151 + 392 + 197);
    assert.equal(report.labels.reduce((sum, label) => sum + label.total, 0), report.progress.overall.total);
    assert.equal(report.labels.find((label) => label.label === 'PERSON')?.color, '#e0568a', 'the label set’s colour');
  });

  it('prints CSV with the five documented columns', () => {
    const run = marginalia('report', '--format', 'csv', FIXTURES);
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.split('\r\n');
    assert.equal(lines[0], 'section,article,label,measure,value');
    assert.ok(lines.includes('progress,000_d6449e741489756f.txt,,total,94'));
  });

  it('refuses bad usage with a clear message and exit code 2', () => {
    for (const [args, message] of [
      [['--format', 'xml', FIXTURES], /--format must be json or csv, not 'xml'/],
      [['--annotators', 'ann', FIXTURES], /--annotators takes two different names/],
      [['--annotators', 'ann,dan', FIXTURES], /no accepted tags by dan \(annotators found: ann, bob\)/],
      [['no-such-folder'], /no-such-folder: no such file or folder/],
    ] as const) {
      const run = marginalia('report', ...args);
      assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message);
    }
  });
});
