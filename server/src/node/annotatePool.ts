/**
 * Pre-annotating many articles on worker threads, one per core by default: the detector is CPU-bound,
 * so threads, not concurrent promises, are what uses a second core.
 */
import { eachWithProgress, type ProgressOptions, type ProgressOutcome } from '../core/base/progress';
import type { ArticleOutcome } from './annotateArticle';
import { workerSetup, type AnnotationTask, type ArticleProfile } from './annotateWorker';
import { defaultWorkerCount, defaultWorkerScript, maxWorkerCount, WorkerPool } from './workerPool';

export { defaultWorkerCount, defaultWorkerScript, maxWorkerCount };

/**
 * Articles each worker holds at once: while one article's sidecar is being written (lock file, temp
 * file, fsync, rename), the worker detects the next. A cancelled run finishes at most this many per
 * worker before it stops.
 */
const ARTICLES_IN_FLIGHT_PER_WORKER = 8;

export interface PlannedArticle {
  path: string;
  /** Index into the run's profiles. */
  profile: number;
}

export interface AnnotationRun {
  articles: readonly PlannedArticle[];
  profiles: readonly ArticleProfile[];
  /** Who signs the proposals. */
  annotator: string;
  dryRun?: boolean;
  /** Worker threads; default: one per core (os.availableParallelism()). Never more than the articles. */
  workers?: number;
  /** The file each worker thread runs; default: defaultWorkerScript(). */
  workerScript?: string;
  /** The proposals' timestamp; default: now. */
  now?: Date;
}

/**
 * Pre-annotates the run's articles on worker threads, handing them out one at a time through
 * eachWithProgress: progress after each article, and once cancelled no article is started while
 * those under way finish, so each sidecar is written whole or not at all. Outcomes come back in the
 * articles' order. The threads end with the run, however it ends.
 */
export async function annotateArticles(run: AnnotationRun, options: Omit<ProgressOptions, 'concurrency'> = {}): Promise<ProgressOutcome<ArticleOutcome>> {
  if (run.articles.length === 0) {
    options.progress?.report(0, 0);
    return { results: [], done: 0, total: 0, cancelled: false };
  }
  const threads = Math.max(1, Math.min(Math.floor(run.workers ?? defaultWorkerCount()), maxWorkerCount(), run.articles.length));
  const pool = new WorkerPool<AnnotationTask, ArticleOutcome>(
    run.workerScript ?? defaultWorkerScript(),
    threads,
    workerSetup({ profiles: [...run.profiles], annotator: run.annotator, dryRun: run.dryRun === true, now: (run.now ?? new Date()).toISOString() }),
    'pre-annotation',
  );
  try {
    return await eachWithProgress(run.articles, (article) => pool.run({ article: article.path, profile: article.profile }), { ...options, concurrency: threads * ARTICLES_IN_FLIGHT_PER_WORKER });
  } finally {
    await pool.close();
  }
}

