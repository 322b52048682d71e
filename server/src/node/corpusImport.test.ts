/**
 * Import writes several articles at once (each written whole and synced before it counts, as alone):
 * waiting for the disk, or for another writer's lock, on one article does not hold up the next ones;
 * and what it reports is what importing one at a time reports, in the input's order.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatNamed } from '../core/formats/registry';
import { importIntoCorpus, type ImportOutcome } from './corpusImport';
import { withFileLock } from './fileLock';

const TEXT = (n: number) => `Dispatch ${n}: Zelensky met NATO officials in Brussels.`;
const line = (n: number, label = 'GPE') => JSON.stringify({ text: TEXT(n), spans: [{ start: TEXT(n).indexOf('Brussels'), end: TEXT(n).indexOf('Brussels') + 8, label }] });

describe('import of many documents', () => {
  let work = '';
  before(() => (work = mkdtempSync(path.join(tmpdir(), 'marginalia-import-'))));
  after(() => rmSync(work, { recursive: true, force: true }));

  it('writes the next articles while another writer holds the lock of the first one\'s sidecar', async () => {
    const into = path.join(work, 'locked');
    mkdirSync(into);
    const input = path.join(work, 'in.jsonl');
    writeFileSync(input, [1, 2, 3].map((n) => line(n)).join('\n') + '\n');
    const others = ['in-0002.annotations.json', 'in-0003.annotations.json'].map((name) => path.join(into, name));
    let importing: Promise<ImportOutcome> | undefined;
    let writtenMeanwhile = false;
    await withFileLock(path.join(into, 'in-0001.annotations.json'), async () => {
      const watcher = watch(into);
      try {
        importing = importIntoCorpus({ format: formatNamed('jsonl')!, into, input, as: 'proposed' });
        const gaveUp = importing.then(() => false, () => false);
        // Until the other two sidecars are there, or the import ends without them (it waited for this lock alone).
        writtenMeanwhile = await new Promise<boolean>((done) => {
          const check = () => others.every((file) => existsSync(file)) && done(true);
          watcher.on('change', check);
          void gaveUp.then(done);
          check();
        });
      } finally {
        watcher.close();
      }
    });
    assert.equal(writtenMeanwhile, true, 'the articles after the locked one were written while it was locked');
    const outcome = await importing!;
    assert.deepEqual({ created: outcome.articlesCreated, touched: outcome.articlesTouched, added: outcome.tagsAdded, warnings: outcome.warnings }, { created: 3, touched: 3, added: 3, warnings: [] });
  });

  it('reports in the order of the input, as one at a time would', async () => {
    const into = path.join(work, 'ordered');
    const input = path.join(work, 'labels.jsonl');
    writeFileSync(input, Array.from({ length: 40 }, (_, n) => line(n)).join('\n') + '\n');
    // Every other article is already there with other text: one warning each, in file order.
    mkdirSync(into);
    for (let n = 1; n < 40; n += 2) writeFileSync(path.join(into, `labels-${String(n + 1).padStart(4, '0')}.txt`), 'Other text.');
    const outcome = await importIntoCorpus({ format: formatNamed('jsonl')!, into, input, as: 'accepted' });
    assert.deepEqual(outcome.errors.map((error) => error.message), []);
    assert.deepEqual({ created: outcome.articlesCreated, added: outcome.tagsAdded, warnings: outcome.warnings.length }, { created: 20, added: 20, warnings: 20 });
    assert.match(outcome.warnings[0]!.message, /labels-0002\.txt exists with other text/);
    const again = await importIntoCorpus({ format: formatNamed('jsonl')!, into, input, as: 'accepted' });
    assert.deepEqual({ created: again.articlesCreated, added: again.tagsAdded, kept: again.tagsKept }, { created: 0, added: 0, kept: 20 });
    const lines = (result: ImportOutcome) => result.warnings.map((warning) => warning.line);
    assert.deepEqual(lines(outcome), Array.from({ length: 20 }, (_, n) => 2 * n + 2));
    assert.deepEqual(lines(outcome), [...lines(outcome)].sort((a, b) => a! - b!));
    assert.deepEqual(lines(again), lines(outcome));
  });
});
