/**
 * The reference date of undated articles on the command line: marginalia.json's "referenceDate" (one
 * date, or read from each article's path) in `annotate` and `detect`, `--reference-date` in its place,
 * the article's own date first. The built bin, worker threads, real files.
 */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseSidecar } from '../server/src/core/sidecar';
import { PROJECT_ROOT } from './support/projectRoot';

const BIN = path.join(PROJECT_ROOT, 'bin', 'marginalia.js');
const marginalia = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

/** Tuesday 2024-03-05 is the Tuesday before Wednesday 2024-03-06; before Tuesday 2019-01-15 it is 2019-01-08. */
const UNDATED = 'GENEVA - Talks collapsed, officials said on Tuesday.\n';
const DATED = 'date 2019-01-16\nTalks collapsed, officials said on Tuesday.\n';

/** The value of the proposal on "Tuesday" in an article's sidecar. */
function tuesdayIn(article: string): unknown {
  const sidecar = article.replace(/\.txt$/, '.annotations.json');
  const tags = parseSidecar(readFileSync(sidecar, 'utf8'), sidecar).annotations;
  return tags.find((tag) => tag.text === 'Tuesday')?.value;
}

describe('the reference date on the command line', () => {
  const folders: string[] = [];
  after(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));
  /** A corpus with this marginalia.json and articles at these paths. */
  function corpus(project: object, articles: Record<string, string>): string {
    const root = mkdtempSync(path.join(tmpdir(), 'marginalia-refdate-'));
    folders.push(root);
    writeFileSync(path.join(root, 'marginalia.json'), JSON.stringify(project));
    for (const [name, text] of Object.entries(articles)) {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), text);
    }
    return root;
  }

  it('annotate resolves "on Tuesday" against the date in the path, the article\'s own date first', () => {
    const root = corpus({ referenceDate: { fromPath: '(\\d{4})/(\\d{2})/(\\d{2})/' } }, { '2024/03/06/talks.txt': UNDATED, '2024/03/06/dated.txt': DATED, 'drafts/talks.txt': UNDATED });
    const run = marginalia('annotate', '--workers', '1', root);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
    assert.deepEqual(tuesdayIn(path.join(root, '2024/03/06/talks.txt')), { type: 'date', iso: '2024-03-05' });
    assert.deepEqual(tuesdayIn(path.join(root, '2024/03/06/dated.txt')), { type: 'date', iso: '2019-01-15' }, 'the date the article states wins');
    assert.equal(tuesdayIn(path.join(root, 'drafts/talks.txt')), undefined, 'a path without a date: the value is left relative');
  });

  it('annotate --reference-date stands in for the project\'s rule, not for the article\'s own date', () => {
    const root = corpus({ referenceDate: '2024-03-06' }, { 'talks.txt': UNDATED, 'dated.txt': DATED });
    const run = marginalia('annotate', '--workers', '1', '--reference-date', '2025-11-05', root);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(tuesdayIn(path.join(root, 'talks.txt')), { type: 'date', iso: '2025-11-04' });
    assert.deepEqual(tuesdayIn(path.join(root, 'dated.txt')), { type: 'date', iso: '2019-01-15' });
    const bad = marginalia('annotate', '--reference-date', '2025-02-30', root);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--reference-date must be a date as YYYY-MM-DD, not '2025-02-30'/);
  });

  it('annotate names an article whose path gives a day that does not exist, and annotates it without the value', () => {
    const root = corpus({ referenceDate: { fromPath: '(\\d{4})-(\\d{2})-(\\d{2})' } }, { '2024-02-30-talks.txt': UNDATED });
    const run = marginalia('annotate', '--workers', '1', root);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /2024-02-30-talks\.txt: referenceDate\.fromPath in marginalia\.json reads 2024-02-30 from the path 2024-02-30-talks\.txt, which is not a real day/);
    const sidecar = path.join(root, '2024-02-30-talks.annotations.json');
    assert.ok(parseSidecar(readFileSync(sidecar, 'utf8'), sidecar).annotations.some((tag) => tag.text === 'Tuesday' && tag.value === undefined));
  });

  it('detect takes the project\'s rule too, and --reference-date in its place', () => {
    const root = corpus({ referenceDate: '2024-03-06' }, { 'talks.txt': UNDATED });
    const valueOf = (run: ReturnType<typeof marginalia>) => run.stdout.trim().split('\n').map((line) => JSON.parse(line)).find((d) => d.text === 'Tuesday')?.value;
    assert.deepEqual(valueOf(marginalia('detect', path.join(root, 'talks.txt'))), { type: 'date', iso: '2024-03-05' });
    assert.deepEqual(valueOf(marginalia('detect', '--reference-date', '2025-11-05', path.join(root, 'talks.txt'))), { type: 'date', iso: '2025-11-04' });
  });
});
