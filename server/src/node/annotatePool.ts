/**
 * Pre-annotating many articles on worker threads, one per core by default: the detector is CPU-bound,
 * so threads, not concurrent promises, are what uses a second core.
 */
import { eachWithProgress, type ProgressOptions, type ProgressOutcome } from '../core/base/progress';
import type { ArticleOutcome } from './annotateArticle';
import { workerSetup, type AnnotationTask, type ArticleProfile, type RecogniseQuestion } from './annotateWorker';
import { RecogniserSet, type Recognition } from './recognisers/recogniserSet';
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
  /** What relative dates are resolved against when the article states no date (see core/project/referenceDate.ts). */
  referenceDate?: string;
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
  /** A recogniser failed (which, and what it did): said once per recogniser and kind of failure. */
  recogniserProblem?: (message: string) => void;
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
  const recognisers = new RunRecognisers(run.profiles, run.recogniserProblem ?? (() => undefined));
  const pool = new WorkerPool<AnnotationTask, ArticleOutcome>(
    run.workerScript ?? defaultWorkerScript(),
    threads,
    workerSetup({ profiles: [...run.profiles], annotator: run.annotator, dryRun: run.dryRun === true, now: (run.now ?? new Date()).toISOString() }),
    'pre-annotation',
    (question) => recognisers.ask(question as RecogniseQuestion),
  );
  try {
    return await eachWithProgress(run.articles, (article) => pool.run({ article: article.path, profile: article.profile, ...(article.referenceDate && { referenceDate: article.referenceDate }) }), { ...options, concurrency: threads * ARTICLES_IN_FLIGHT_PER_WORKER });
  } finally {
    await pool.close();
    recognisers.close();
  }
}

/**
 * The run's recognisers, asked on the workers' behalf: one set per profile that names any (and so one
 * process per recogniser for the run, whatever the threads), made when first asked.
 */
class RunRecognisers {
  private readonly sets = new Map<string, RecogniserSet>();

  constructor(
    private readonly profiles: readonly ArticleProfile[],
    private readonly report: (message: string) => void,
  ) {}

  /** A set reports and absorbs its recognisers' failures; anything else is reported here, and the article goes on without them. */
  async ask({ profile, text }: RecogniseQuestion): Promise<Recognition> {
    try {
      return await this.answer(profile, text);
    } catch (error) {
      this.report(`Marginalia: asking the recognisers failed (${error instanceof Error ? error.message : String(error)})`);
      return { answers: [], failed: this.names(profile) };
    }
  }

  private async answer(profile: number, text: string): Promise<Recognition> {
    const wanted = this.profiles[profile]?.recognisers;
    if (!wanted) return { answers: [], failed: [] };
    // Profiles of one project differ by label set only: they share its processes.
    const key = `${wanted.folder}\u0000${JSON.stringify(wanted.configs)}`;
    let set = this.sets.get(key);
    if (!set) this.sets.set(key, (set = new RecogniserSet(wanted.configs, wanted.folder, this.report)));
    return set.recognise(text, wanted.labels);
  }

  private names(profile: number): string[] {
    return this.profiles[profile]?.recognisers?.configs.map((config) => config.name) ?? [];
  }

  close(): void {
    for (const set of this.sets.values()) set.close();
  }
}

