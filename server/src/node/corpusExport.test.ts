/**
 * Export on worker threads (issue 16: reading and checking sidecars is most of an export's work) gives
 * the very bytes, and the very notices in the same order, that reading on the main thread gives.
 * From sources: the threads load the worker entry through tsx, as the tests run.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatNamed } from '../core/formats/registry';
import { newTag, serializeSidecar, SIDECAR_VERSION } from '../core/sidecar';
import { exportCorpus } from './corpusExport';
import { newRelation } from '../core/tagging/relationOperations';
import type { Relation } from '../core/sidecar/schema';

/** Above the size at which an export starts threads. */
const ARTICLES = 520;

describe('exportCorpus on worker threads', () => {
  let work = '';
  before(() => {
    work = mkdtempSync(path.join(tmpdir(), 'marginalia-export-threads-'));
    const corpus = path.join(work, 'corpus');
    mkdirSync(corpus);
    writeFileSync(path.join(corpus, 'marginalia.json'), '{}\n');
    for (let n = 0; n < ARTICLES; n++) {
      const name = `article-${String(n).padStart(4, '0')}.txt`;
      const text = `Dispatch ${n} 🇺🇦: President Volodymyr Zelensky met NATO officials in Brussels.\r\nKyiv é́ Brussels.\n`;
      const file = path.join(corpus, name);
      writeFileSync(file, text);
      const start = [...text.slice(0, text.indexOf('NATO'))].length;
      const annotator = n % 2 ? 'ann' : 'bob';
      const tags = [newTag({ text, start, end: start + 4, label: 'ORG', source: 'manual', annotator })];
      // Every 5th article has relations: the converting threads place them as the main thread does.
      const relations: Relation[] = [];
      if (n % 5 === 0) {
        const personStart = [...text.slice(0, text.indexOf('Volodymyr'))].length;
        tags.push(newTag({ text, start: personStart, end: personStart + 18, label: 'PERSON', source: 'manual', annotator }));
        relations.push(newRelation({ type: 'PART_OF', from: tags[1]!.id, to: tags[0]!.id, status: 'accepted', source: 'manual', annotator }));
        relations.push(newRelation({ type: 'ALLY_OF', from: tags[0]!.id, to: tags[1]!.id, status: 'accepted', source: 'manual', annotator }));
      }
      // Every 97th article has an orphan (named, left out); every 131st a sidecar that is not JSON (named, article left out).
      if (n % 97 === 0) tags.push({ ...newTag({ text, start: 0, end: 8, label: 'EVENT', source: 'manual', annotator: 'ann' }), text: 'Dispatcx' });
      const sidecar = n % 131 === 0 ? '{ not json' : serializeSidecar({ version: SIDECAR_VERSION, article: name, annotations: tags, ...(relations.length > 0 ? { relations } : {}) });
      writeFileSync(file.replace(/\.txt$/, '.annotations.json'), sidecar);
    }
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  for (const format of ['jsonl', 'conll', 'labelstudio', 'webannotation']) {
    it(`writes the same ${format} bytes and notices with 2 threads as on this thread`, async () => {
      const run = async (workers: number) => {
        const out = path.join(work, `${format}-${workers}.out`);
        const outcome = await exportCorpus({ format: formatNamed(format)!, corpus: path.join(work, 'corpus'), out, statuses: new Set(['accepted']), workers });
        return { outcome, bytes: readFileSync(out) };
      };
      const threaded = await run(2);
      const inThread = await run(0);
      assert.equal(threaded.outcome.documents, ARTICLES - Math.ceil(ARTICLES / 131));
      assert.ok(threaded.outcome.notices.some((notice) => /orphaned/.test(notice.message)));
      assert.ok(threaded.outcome.notices.some((notice) => notice.document === 'article-0131.txt' && /not exported/.test(notice.message)));
      assert.deepEqual(threaded.outcome, inThread.outcome);
      assert.ok(threaded.bytes.equals(inThread.bytes), 'the same bytes');
      if (format === 'labelstudio' || format === 'webannotation') assert.ok(threaded.bytes.includes(format === 'labelstudio' ? '"type":"relation"' : '"motivation":"linking"'), 'relations written');
    });
  }

  it('writes the same brat files and notices with 2 threads as on this thread', async () => {
    const run = async (workers: number) => {
      const out = path.join(work, `brat-${workers}`);
      const outcome = await exportCorpus({ format: formatNamed('brat')!, corpus: path.join(work, 'corpus'), out, statuses: new Set(['accepted']), workers });
      const files = readdirSync(out).sort();
      return { outcome, files, contents: files.map((file) => readFileSync(path.join(out, file), 'utf8')) };
    };
    const threaded = await run(2);
    const inThread = await run(0);
    assert.equal(threaded.files.length, 2 * (ARTICLES - Math.ceil(ARTICLES / 131)) + 1);
    assert.deepEqual(threaded, inThread);
    assert.ok(threaded.contents.some((content) => /^R\d+\tPART_OF Arg1:T\d+ Arg2:T\d+$/m.test(content)), 'relations written');
  });
});
