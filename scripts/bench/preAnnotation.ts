/**
 * Pre-annotating many generated articles on two worker threads (one per core): seconds, articles a
 * second and the peak memory of the whole process, against the same files just read and written.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ArticleGenerator } from './articleGenerator';
import { report } from './figures';
import type { PreAnnotationTask } from './preAnnotationWorker';
import { round } from './statistics';

const WORKER_THREADS = 2;
/** The goal: 10,000 articles in 30 s, scaled for the short run's smaller batch. */
const SECONDS_PER_10K_ARTICLES = 30;
const RSS_SAMPLE_INTERVAL_MS = 10;

/** `workerScript` is the bench's own entry, which runs runPreAnnotationTask when started as a worker. */
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
    const annotation = await runOnWorkers(workerScript, 'annotate', files);
    const readWrite = await runOnWorkers(workerScript, 'read-write', files);
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

async function runOnWorkers(workerScript: string, work: PreAnnotationTask['work'], files: string[]): Promise<WorkersRun> {
  let peakRssBytes = process.memoryUsage.rss();
  const sampler = setInterval(() => (peakRssBytes = Math.max(peakRssBytes, process.memoryUsage.rss())), RSS_SAMPLE_INTERVAL_MS);
  const start = performance.now();
  try {
    const tagCounts = await Promise.all(
      Array.from({ length: WORKER_THREADS }, (_, worker) => {
        const task: PreAnnotationTask = { work, files: files.filter((_, i) => i % WORKER_THREADS === worker) };
        return new Promise<number>((resolve, reject) => {
          const thread = new Worker(workerScript, { workerData: task });
          thread.once('message', resolve);
          thread.once('error', reject);
          thread.once('exit', (code) => reject(new Error(`a pre-annotation worker exited with code ${code} before finishing`)));
        });
      }),
    );
    return { seconds: (performance.now() - start) / 1000, tags: tagCounts.reduce((sum, count) => sum + count, 0), peakRssBytes: Math.max(peakRssBytes, process.memoryUsage.rss()) };
  } finally {
    clearInterval(sampler);
  }
}
