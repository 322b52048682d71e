/**
 * `marginalia report --format csv` streams its rows (issue 19): each article's rows go out as the
 * article is read (spooled to a temporary file until their section is printed), so a corpus whose
 * rows would not fit in the JS heap the CLI is given is reported on whole. 3,000 tagged articles make
 * 278,000 rows (17 MB of CSV): holding them, and the figures they come from, ran out of a 64 MB heap
 * (V8 aborted) before the rows streamed. And streamed, the CSV is exactly that of the whole report.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeTaggedCorpus } from '../scripts/bench/taggedCorpus';
import { reportCsv } from '../server/src/core/report/reportCsv';
import { PROJECT_ROOT } from './support/projectRoot';

const BIN = path.join(PROJECT_ROOT, 'bin', 'marginalia.js');
const ARTICLES = 3000;
const HEAP_MB = 64;

const report = (folder: string, format: 'csv' | 'json', heap?: number) =>
  spawnSync(process.execPath, [...(heap ? [`--max-old-space-size=${heap}`] : []), BIN, 'report', '--format', format, '--no-progress', folder], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });

describe('marginalia report --format csv streams its rows', () => {
  let work = '';
  before(() => {
    work = mkdtempSync(path.join(tmpdir(), 'marginalia-report-csv-'));
    writeTaggedCorpus(path.join(work, 'small'), 30);
    writeTaggedCorpus(path.join(work, 'large'), ARTICLES);
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('prints exactly the CSV of the whole report (marginalia report --format json), section by section', () => {
    const json = report(path.join(work, 'small'), 'json');
    assert.equal(json.status, 0, json.stderr);
    const whole = JSON.parse(json.stdout);
    assert.equal(whole.progress.articles.length, 30);
    assert.equal(whole.agreement.documents.length, 30);
    const csv = report(path.join(work, 'small'), 'csv');
    assert.equal(csv.status, 0, csv.stderr);
    assert.equal(csv.stdout, reportCsv(whole));
  });

  it(`reports on ${ARTICLES} tagged articles in a ${HEAP_MB} MB heap, every article's rows in`, () => {
    const csv = report(path.join(work, 'large'), 'csv', HEAP_MB);
    assert.equal(csv.status, 0, csv.stderr.slice(-2000));
    const lines = csv.stdout.split('\r\n');
    const last = 'part-002/article-002999.txt';
    assert.ok(lines.includes(`progress,${last},,percent,0`), 'the last article\'s progress');
    assert.ok(lines.some((line) => line.startsWith(`agreement,${last},,exact_f1,`)), 'the last article\'s agreement');
    assert.equal(lines.filter((line) => /^progress,[^,]*,,total,/.test(line)).length, ARTICLES + 1, 'progress rows of every article, and of the corpus');
  });
});
