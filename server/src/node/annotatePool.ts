/**
 * Pre-annotating many articles on worker threads, one per core by default: the detector is CPU-bound,
 * so threads, not concurrent promises, are what uses a second core.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { eachWithProgress, type ProgressOptions, type ProgressOutcome } from '../core/base/progress';
import type { ArticleOutcome } from './annotateArticle';
import { workerSetup, type AnnotationTask, type ArticleProfile, type RecogniseReply, type WorkerMessage } from './annotateWorker';
import { RecogniserSet } from './recognisers/recogniserSet';

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
  /** A recogniser failed (which, and what it did): said once per recogniser and kind of failure. */
  recogniserProblem?: (message: string) => void;
}

/** One per core, at least one. */
export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Most worker threads a run may start. The work is all computation, so threads beyond the cores gain
 * nothing, and each holds its own detector (about 27 MB): 300 of them took 8.2 GB and ran 8 times
 * slower than one. Twice the cores, and at least 16, leaves room for scripts written on a bigger machine.
 */
export function maxWorkerCount(): number {
  return Math.max(16, 2 * defaultWorkerCount());
}

/**
 * The file a worker thread starts. Bundled (dist/cli.js, dist/server.js, the bench), this code runs
 * inside the bundle, whose entry serves as an annotation worker when started as one (see
 * isAnnotationWorker): so `__filename`, which in a bundle is the bundle, from the CLI and from the
 * language server alike. From sources under tsx (tests), the worker entry beside this file.
 */
export function defaultWorkerScript(): string {
  return __filename.endsWith('.ts') ? join(__dirname, 'annotateWorkerMain.ts') : __filename;
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
  const pool = new WorkerPool(
    run.workerScript ?? defaultWorkerScript(),
    threads,
    {
      profiles: [...run.profiles],
      annotator: run.annotator,
      dryRun: run.dryRun === true,
      now: (run.now ?? new Date()).toISOString(),
    },
    recognisers,
  );
  try {
    return await eachWithProgress(run.articles, (article) => pool.annotate(article), { ...options, concurrency: threads * ARTICLES_IN_FLIGHT_PER_WORKER });
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

  async answer(profile: number, text: string): Promise<RecogniseReply['recognition']> {
    const wanted = this.profiles[profile]?.recognisers;
    if (!wanted) return { answers: [], failed: [] };
    // Profiles of one project differ by label set only: they share its processes.
    const key = `${wanted.folder}\u0000${JSON.stringify(wanted.configs)}`;
    let set = this.sets.get(key);
    if (!set) this.sets.set(key, (set = new RecogniserSet(wanted.configs, wanted.folder, this.report)));
    return set.recognise(text, wanted.labels);
  }

  problem(message: string): void {
    this.report(message);
  }

  names(profile: number): string[] {
    return this.profiles[profile]?.recognisers?.configs.map((config) => config.name) ?? [];
  }

  close(): void {
    for (const set of this.sets.values()) set.close();
  }
}

interface Pending {
  resolve: (outcome: ArticleOutcome) => void;
  reject: (error: Error) => void;
}

interface PoolWorker {
  thread: Worker;
  pending: Map<number, Pending>;
  /** Why it can take no more articles (crashed, exited); set once. */
  failure?: Error;
}

class WorkerPool {
  private readonly workers: PoolWorker[];
  private nextId = 0;

  constructor(
    script: string,
    count: number,
    setup: Parameters<typeof workerSetup>[0],
    private readonly recognisers: RunRecognisers,
  ) {
    this.workers = Array.from({ length: count }, () => this.start(script, setup));
  }

  /** Sends the article to the worker with the fewest under way. */
  annotate(article: PlannedArticle): Promise<ArticleOutcome> {
    const worker = this.workers.reduce((best, candidate) => (candidate.pending.size < best.pending.size ? candidate : best));
    if (worker.failure) return Promise.reject(worker.failure);
    const task: AnnotationTask = { id: this.nextId++, article: article.path, profile: article.profile };
    return new Promise<ArticleOutcome>((resolve, reject) => {
      worker.pending.set(task.id, { resolve, reject });
      worker.thread.postMessage(task);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.thread.terminate()));
  }

  private start(script: string, setup: Parameters<typeof workerSetup>[0]): PoolWorker {
    const thread = startThread(script, workerSetup(setup));
    const worker: PoolWorker = { thread, pending: new Map() };
    const fail = (error: Error) => {
      worker.failure ??= error;
      for (const pending of worker.pending.values()) pending.reject(worker.failure);
      worker.pending.clear();
    };
    thread.on('message', (reply: WorkerMessage) => {
      if ('type' in reply) {
        // A set reports and absorbs its recognisers' failures; anything else must still answer, or the article would wait forever.
        const answered = this.recognisers.answer(reply.profile, reply.text).catch((error: unknown) => {
          this.recognisers.problem(`Marginalia: asking the recognisers failed (${error instanceof Error ? error.message : String(error)})`);
          return { answers: [], failed: this.recognisers.names(reply.profile) };
        });
        void answered.then((recognition) => thread.postMessage({ type: 'recognised', id: reply.id, recognition } satisfies RecogniseReply));
        return;
      }
      const pending = worker.pending.get(reply.id);
      if (!pending) return;
      worker.pending.delete(reply.id);
      if ('error' in reply) pending.reject(new Error(`pre-annotation failed in a worker thread: ${reply.error}`));
      else pending.resolve(reply.outcome);
    });
    thread.on('error', (error) => fail(new Error(`a pre-annotation worker thread failed: ${error.message}`, { cause: error })));
    thread.on('exit', (code) => fail(new Error(`a pre-annotation worker thread exited (code ${code})`)));
    return worker;
  }
}

/** A worker thread on `script`; a TypeScript source is loaded through tsx, as the tests run it. */
function startThread(script: string, workerData: unknown): Worker {
  if (!script.endsWith('.ts')) return new Worker(script, { workerData });
  // Resolved from here at run time only: bundles never take this path, and must not try to bundle tsx.
  const tsx = createRequire(__filename).resolve('tsx/cjs');
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(script)});`, { eval: true, workerData });
}
