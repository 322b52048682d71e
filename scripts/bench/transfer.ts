/**
 * `marginalia export` and `import` over corpora of 1,000 and 10,000 seed-like articles with their
 * detected tags (accepted): the built CLI in a child process, as a user runs it (cliRun.ts), so that
 * the peak RSS is the command's own, worker threads included, and not the bench's. Articles a second,
 * and CPU seconds (all threads; steadier than the clock on a shared machine), at both sizes so that
 * growth shows. Export in every format, each held to the target at the larger size (2,000
 * articles a second on 2 cores): JSONL, CoNLL (it tokenises), brat (a folder of file pairs), doccano,
 * Label Studio and Web Annotation (numbered or counted across the export: converted on the threads,
 * placed in order by the main thread); import of the JSONL (every article made, every tag written
 * through the sidecar store, synced).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { detect } from '../../server/src/core/detect';
import { CodePointIndex } from '../../server/src/core/base/offsets';
import { newTag, serializeSidecar, SIDECAR_VERSION } from '../../server/src/core/sidecar';
import { runCli, type CliRun } from './cliRun';
import { report } from './figures';
import { seedTexts } from './seeds';
import { round } from './statistics';

/**
 * What an export of these corpora may say on stderr: what the format cannot carry (CoNLL's nested tags,
 * brat's and doccano's annotators, Label Studio's user known only by an email), nothing else.
 */
const EXPECTED_NOTICE = /nested|overlapping|not carried|no place|not an email address/i;
/** Every format, with the file name its export is written to (brat: a folder). */
const EXPORTS = ['jsonl', 'conll', 'brat', 'doccano', 'labelstudio', 'webannotation'] as const;

export async function benchTransfer(short: boolean): Promise<void> {
  const sizes = short ? [100, 1_000] : [1_000, 10_000];
  const work = mkdtempSync(path.join(tmpdir(), 'marginalia-bench-transfer-'));
  try {
    for (const size of sizes) {
      const corpus = path.join(work, `corpus-${size}`);
      writeCorpus(corpus, size);
      const peaks: number[] = [];
      const figures = (run: CliRun, tags: number) => ({ seconds: round(run.seconds), cpuSeconds: round(run.cpuSeconds), cpuMsPerArticle: round((1000 * run.cpuSeconds) / size, 3), tags, peakRssMB: round(run.peakRssBytes / 1e6) });
      for (const name of EXPORTS) {
        const out = path.join(work, `out-${size}.${name}`);
        const run = runCli(['export', '--format', name, '--status', 'accepted', '--out', out, corpus], work);
        const done = /Exported (\d+) tags? of (\d+) articles?/.exec(run.stdout);
        const unexpected = run.stderr.split('\n').filter((line) => line.trim() !== '' && !EXPECTED_NOTICE.test(line));
        if (!done || Number(done[2]) !== size || unexpected.length > 0 || (run.status !== 0 && run.status !== 2)) {
          throw new Error(`export of ${size} articles as ${name} ended with ${run.status}: ${run.stdout.trim()} ${unexpected.slice(0, 2).join('; ')}`);
        }
        peaks.push(run.peakRssBytes);
        report(`export ${name}, ${size / 1000}k articles`, round(size / run.seconds), 'articles/s', size === sizes[1] ? { comparison: '>=', limit: 2000 } : undefined, figures(run, Number(done[1])));
        // The JSONL stays for the import below; the others would only fill the disk (Web Annotation: 550 MB at 10k).
        if (name !== 'jsonl') rmSync(out, { recursive: true, force: true });
      }
      const into = path.join(work, `imported-${size}`);
      const run = runCli(['import', '--format', 'jsonl', '--as', 'accepted', '--into', into, path.join(work, `out-${size}.jsonl`)], work);
      const done = /Imported (\d+) tags? as accepted into \d+ articles? \((\d+) new\)/.exec(run.stdout);
      if (run.status !== 0 || !done || Number(done[2]) !== size) throw new Error(`import of ${size} articles ended with ${run.status}: ${run.stdout.trim()} ${run.stderr.slice(0, 300)}`);
      report(`import jsonl, ${size / 1000}k articles`, round(size / run.seconds), 'articles/s', undefined, figures(run, Number(done[1])));
      peaks.push(run.peakRssBytes);
      report(`export and import peak RSS (the largest), ${size / 1000}k articles`, round(Math.max(...peaks) / 1e6), 'MB', size === sizes[1] ? { comparison: '<=', limit: 500 } : undefined);
      rmSync(into, { recursive: true, force: true });
      rmSync(corpus, { recursive: true, force: true });
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
