/**
 * `marginalia check`, `agreement`, `report` and `annotate` over generated tagged corpora of 1,000,
 * 10,000 and 100,000 articles (about 14 minutes at 100,000; `--sizes 1000,10000` leaves it out): seconds and the peak RSS of the CLI
 * process itself (the built bin, run as a user runs it; its peak read from process.resourceUsage()
 * as it exits). Time should grow linearly with the articles, memory not at all (targets from the
 * issue: ≤ 1 GB at 100,000 articles; annotate 100,000 articles in ≤ 150 s on 2 cores).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, type CliRun } from './cliRun';
import { report } from './figures';
import { round } from './statistics';
import { writeTaggedCorpus } from './taggedCorpus';

/** The target for `annotate`: 100,000 articles in 2.5 min on 2 cores. */
const ANNOTATE_TARGET_RATE = Math.ceil(100_000 / 150);

/** One CLI run; anything but exit 0 (check's 1 too) means the generated corpus was not read as the figure claims. */
function runCliOk(args: readonly string[], scratch: string): CliRun {
  const run = runCli(args, scratch);
  if (run.status !== 0) throw new Error(`marginalia ${args.join(' ')} ended with ${run.status}: ${run.stderr.slice(0, 500)}`);
  return run;
}

/** `sizes`: article counts to measure (default 1,000, 10,000 and 100,000, to show the growth; 1,000 in the short run). */
export async function benchBatchCommands(short: boolean, sizes: readonly number[] = short ? [1_000] : [1_000, 10_000, 100_000]): Promise<void> {
  for (const count of sizes) {
    const scratch = mkdtempSync(path.join(tmpdir(), 'marginalia-bench-batch-'));
    try {
      const corpus = path.join(scratch, 'corpus');
      // The articles annotate pre-annotates (without sidecars) are written first, beside the tagged corpus: a corpus
      // that is annotated has not just had tens of thousands of files deleted around it, and on this machine's ext4
      // each file created soon after mass deletions scans past the freed inodes (14% of a run's CPU in a profile).
      const plain = path.join(scratch, 'plain');
      writeTaggedCorpus(plain, count, { sidecars: false });
      const generated = performance.now();
      writeTaggedCorpus(corpus, count);
      const generationSeconds = round((performance.now() - generated) / 1000, 1);
      const commands: Array<[string, string[]]> = [
        ['check', ['check', '--no-progress', '--format', 'json', corpus]],
        ['agreement', ['agreement', '--no-progress', '--format', 'json', corpus]],
        ['report', ['report', '--no-progress', '--format', 'json', corpus]],
      ];
      for (const [name, args] of commands) {
        const run = runCliOk(args, scratch);
        const label = `${count.toLocaleString('en-US')} articles`;
        report(`${name}, ${label}`, round(run.seconds, 2), 's', undefined, { articles: count, articlesPerSecond: round(count / run.seconds), ...(name === 'check' && { generationSeconds }) });
        report(`${name} peak RSS, ${label}`, round(run.peakRssBytes / 1e6), 'MB', { comparison: '<=', limit: 1000 }, { articles: count });
      }
      // Pre-annotation of articles without sidecars, as the rate (917 articles/s) was measured.
      const annotate = runCliOk(['annotate', '--no-progress', '--workers', '2', '--format', 'json', plain], scratch);
      const label = `${count.toLocaleString('en-US')} articles`;
      // The target is 100,000 articles in 2.5 min; smaller runs show the growth without a verdict, as the corpus
      // figures do: there each thread's start-up and compiler warm-up (about a second) weigh on the rate.
      const atScale = count >= 100_000;
      report(`annotate, ${label}`, round(annotate.seconds, 2), 's', atScale ? { comparison: '<=', limit: round((150 * count) / 100_000, 1) } : undefined, { articles: count, articlesPerSecond: round(count / annotate.seconds) });
      report(`annotate rate, ${label}`, round(count / annotate.seconds), 'articles/s', atScale ? { comparison: '>=', limit: ANNOTATE_TARGET_RATE } : undefined, { articles: count, cpuSeconds: round(annotate.cpuSeconds, 2) });
      report(`annotate peak RSS, ${label}`, round(annotate.peakRssBytes / 1e6), 'MB', { comparison: '<=', limit: 1000 }, { articles: count });
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
}
