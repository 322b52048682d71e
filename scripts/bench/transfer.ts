/**
 * `marginalia export` and `import` over corpora of 1,000 and 10,000 seed-like articles with their
 * detected tags (accepted), through the same code as the CLI (node/corpusExport.ts, corpusImport.ts):
 * articles a second and the process's peak RSS, at both sizes so that growth shows. Export in JSONL
 * and CoNLL (the slowest, it tokenises) on worker threads, one per core, as the CLI runs it; import of
 * the JSONL (every article made, every tag written through the sidecar store, synced), read twice
 * (checked whole, then written) a line at a time. Peak RSS is the whole bench process's, sampled
 * while each run lasts: it includes what the process held before the run (the bench itself, memory
 * an earlier run left to the allocator), so it overstates a run alone, never understates it; worker
 * threads are in the same process, so their memory is counted.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { detect } from '../../server/src/core/detect';
import { CodePointIndex } from '../../server/src/core/base/offsets';
import { formatNamed } from '../../server/src/core/formats/registry';
import { newTag, serializeSidecar, SIDECAR_VERSION } from '../../server/src/core/sidecar';
import { exportCorpus } from '../../server/src/node/corpusExport';
import { importIntoCorpus } from '../../server/src/node/corpusImport';
import { report } from './figures';
import { withPeakRss } from './preAnnotation';
import { seedTexts } from './seeds';
import { round } from './statistics';

export async function benchTransfer(short: boolean): Promise<void> {
  const sizes = short ? [100, 1_000] : [1_000, 10_000];
  const work = mkdtempSync(path.join(tmpdir(), 'marginalia-bench-transfer-'));
  try {
    for (const size of sizes) {
      const corpus = path.join(work, `corpus-${size}`);
      writeCorpus(corpus, size);
      const peaks: number[] = [];
      for (const name of ['jsonl', 'conll'] as const) {
        const out = path.join(work, `out-${size}.${name}`);
        const run = await withPeakRss(() => exportCorpus({ format: formatNamed(name)!, corpus, out, statuses: new Set(['accepted']) }));
        if (run.result.documents !== size || run.result.notices.some((notice) => !/nested|overlapping|not carried|no place/i.test(notice.message))) {
          throw new Error(`export of ${size} articles as ${name}: ${run.result.documents} documents, notices: ${run.result.notices.slice(0, 2).map((notice) => notice.message).join('; ')}`);
        }
        peaks.push(run.peakRssBytes);
        report(`export ${name}, ${size / 1000}k articles`, round(size / run.seconds), 'articles/s', size === sizes[1] && name === 'jsonl' ? { comparison: '>=', limit: 2000 } : undefined, {
          seconds: round(run.seconds),
          tags: run.result.tags,
          peakRssMB: round(run.peakRssBytes / 1e6),
        });
      }
      const into = path.join(work, `imported-${size}`);
      const run = await withPeakRss(() => importIntoCorpus({ format: formatNamed('jsonl')!, into, input: path.join(work, `out-${size}.jsonl`), as: 'accepted' }));
      if (run.result.errors.length > 0 || run.result.articlesCreated !== size) throw new Error(`import of ${size} articles: ${run.result.errors[0]?.message ?? `${run.result.articlesCreated} made`}`);
      report(`import jsonl, ${size / 1000}k articles`, round(size / run.seconds), 'articles/s', undefined, { seconds: round(run.seconds), tags: run.result.tagsAdded, peakRssMB: round(run.peakRssBytes / 1e6) });
      peaks.push(run.peakRssBytes);
      report(`export and import peak RSS (the largest), ${size / 1000}k articles`, round(Math.max(...peaks) / 1e6), 'MB', size === sizes[1] ? { comparison: '<=', limit: 500 } : undefined);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** `size` articles cycling through the seeds (each made distinct by a numbered first line), every detected span an accepted tag. */
function writeCorpus(folder: string, size: number): void {
  mkdirSync(folder, { recursive: true });
  const seeds = seedTexts();
  for (let n = 0; n < size; n++) {
    const text = `Dispatch ${n}\n${seeds[n % seeds.length]}`;
    const name = `article-${String(n).padStart(5, '0')}.txt`;
    const index = new CodePointIndex(text);
    const annotations = detect(text).map((span) => newTag({ text, start: span.start, end: span.end, label: span.label, source: 'suggestion', annotator: 'bench', index }));
    writeFileSync(path.join(folder, name), text);
    writeFileSync(path.join(folder, name.replace(/\.txt$/, '.annotations.json')), serializeSidecar({ version: SIDECAR_VERSION, article: name, annotations }));
  }
}
