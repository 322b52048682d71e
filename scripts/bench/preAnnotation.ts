/**
 * Pre-annotating many generated articles on two worker threads (one per core): seconds, articles a
 * second and the peak memory of the whole process, against the same files just read and written.
 * The pre-annotation is `marginalia annotate --workers 2` itself (runAnnotate): the same article
 * search, worker pool and worker code, the workers started from this bundle.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { runAnnotate, type AnnotateSummary } from '../../server/src/cli/annotateCommand';
import { ArticleGenerator } from './articleGenerator';
import { report } from './figures';
import type { PreAnnotationTask } from './preAnnotationWorker';
import { round } from './statistics';

const WORKER_THREADS = 2;
/** The goal: 10,000 articles in 30 s, scaled for the short run's smaller batch. */
const SECONDS_PER_10K_ARTICLES = 30;
const RSS_SAMPLE_INTERVAL_MS = 10;

/** `workerScript` is the bench's own entry, which serves as a pre-annotation worker, or runs the baseline's task, when started as a worker. */
export async function benchPreAnnotation(short: boolean, workerScript: string): Promise<void> {
  const articleCount = short ? 1_000 : 10_000;
  const folder = mkdtempSync(path.join(tmpdir(), 'marginalia-bench-articles-'));
  try {
    const generator = new ArticleGenerator();
    const files = Array.from({ length: articleCount }, (_, n) => {
      // One flat folder, the hardest case for a store that touches its folder on each write.
      const file = path.join(folder, `article-${String(n).padStart(5, '0')}.txt`);
      writeFileSync(file, generator.article(n));
      return file;
    });
    // Annotation first, so that its sidecar writes do not scan folders holding the baseline's copies too.
    const annotation = await annotateFolder(folder);
    const readWrite = await runOnWorkers(workerScript, files);
    const articlesPerSecond = articleCount / annotation.seconds;
    report('pre-annotation on 2 worker threads', round(annotation.seconds, 2), 's', { comparison: '<=', limit: (SECONDS_PER_10K_ARTICLES * articleCount) / 10_000 }, {
      articles: articleCount,
      articlesPerSecond: round(articlesPerSecond),
      tags: annotation.tags,
      ratioToReadWrite: round(articlesPerSecond / (articleCount / readWrite.seconds), 4),
    });
    report('pre-annotation peak RSS', round(annotation.peakRssBytes / 1e6), 'MB', { comparison: '<=', limit: 1000 }, { articles: articleCount });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

interface WorkersRun {
  seconds: number;
  tags: number;
  /** Of the whole process: worker threads share its memory. */
  peakRssBytes: number;
}

/** `marginalia annotate --workers 2 --format json FOLDER`, in this process. */
async function annotateFolder(folder: string): Promise<WorkersRun> {
  let printed = '';
  const problems: string[] = [];
  const run = await withPeakRss(() => runAnnotate({ paths: [folder], workers: WORKER_THREADS, dryRun: false, format: 'json' }, (chunk) => (printed += chunk), (line) => problems.push(line)));
  if (run.result !== 0) throw new Error(`marginalia annotate ended with ${run.result}: ${problems.join('; ')}`);
  const summary = JSON.parse(printed) as AnnotateSummary;
  return { seconds: run.seconds, tags: summary.added, peakRssBytes: run.peakRssBytes };
}

/** The baseline: each thread reads its share of the articles and writes them back out. */
async function runOnWorkers(workerScript: string, files: string[]): Promise<WorkersRun> {
  const run = await withPeakRss(() =>
    Promise.all(
      Array.from({ length: WORKER_THREADS }, (_, worker) => {
        const task: PreAnnotationTask = { files: files.filter((_, i) => i % WORKER_THREADS === worker) };
        return new Promise<void>((resolve, reject) => {
          const thread = new Worker(workerScript, { workerData: task });
          thread.once('message', () => resolve());
          thread.once('error', reject);
          thread.once('exit', (code) => reject(new Error(`a read-write worker exited with code ${code} before finishing`)));
        });
      }),
    ),
  );
  return { seconds: run.seconds, tags: 0, peakRssBytes: run.peakRssBytes };
}

/** Runs `work`, with its seconds and the process's peak RSS meanwhile. */
export async function withPeakRss<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; peakRssBytes: number }> {
  let peakRssBytes = process.memoryUsage.rss();
  const sampler = setInterval(() => (peakRssBytes = Math.max(peakRssBytes, process.memoryUsage.rss())), RSS_SAMPLE_INTERVAL_MS);
  const start = performance.now();
  try {
    const result = await work();
    return { result, seconds: (performance.now() - start) / 1000, peakRssBytes: Math.max(peakRssBytes, process.memoryUsage.rss()) };
  } finally {
    clearInterval(sampler);
  }
}
