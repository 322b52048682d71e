/**
 * The worker thread's side of pre-annotation. Workers run the bundle they were started from
 * (dist/cli.js, dist/server.js, the bench's), whose entry calls serveAnnotationWorker instead of its
 * usual work when isAnnotationWorker says it was started as one; so no separate worker file ships.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { Lexicon, type LexiconFile } from '../core/lexicon';
import { SidecarStore } from './sidecarStore';
import { annotateArticle } from './annotateArticle';
import { serveTasks } from './workerPool';
import type { RecogniserConfig } from '../core/recognisers/config';
import type { KnownLabel, Recognition } from './recognisers/recogniserSet';
import type { RelationType } from '../core/project/relationTypes';

const WORKER_ROLE = 'marginalia-annotate';

/** What articles share: their corpus's lexicon and label set. Sent to each worker once. */
export interface ArticleProfile {
  lexicon?: LexiconFile;
  /** The labels the project uses; absent: any. */
  labels?: string[];
  /** The project's relation types, for relation proposals; absent: none proposed. */
  relationTypes?: RelationType[];
  /**
   * The project's recognisers: asked by the main thread, which keeps one process per recogniser for the
   * whole run (a model loads once, not once per thread), on behalf of the worker (see RecogniseQuestion).
   */
  recognisers?: { folder: string; configs: RecogniserConfig[]; labels: KnownLabel[] };
}

/** A worker's question to the main thread (see WorkerQuestion): the recognisers' answers on an article's text. */
export interface RecogniseQuestion {
  profile: number;
  text: string;
}

/** A worker's instructions for the whole run (its workerData). */
export interface WorkerSetup {
  role: typeof WORKER_ROLE;
  profiles: ArticleProfile[];
  annotator: string;
  dryRun: boolean;
  /** ISO timestamp of the proposals: the run's start, the same in every worker. */
  now: string;
}

export interface AnnotationTask {
  article: string;
  /** Index into WorkerSetup.profiles. */
  profile: number;
  /** YYYY-MM-DD: relative dates' reference when the article states no date. */
  referenceDate?: string;
}

export function workerSetup(setup: Omit<WorkerSetup, 'role'>): WorkerSetup {
  return { role: WORKER_ROLE, ...setup };
}

/** Whether this thread was started as a pre-annotation worker. */
export function isAnnotationWorker(): boolean {
  return !isMainThread && (workerData as Partial<WorkerSetup> | null)?.role === WORKER_ROLE;
}

/**
 * Annotates each article the main thread sends, several at once: while one waits for the disk (the
 * sidecar's lock, temp file, rename), the next is detected. Each reply says how it went; an
 * unexpected failure is sent back as an error, never left to kill the thread silently.
 */
export function serveAnnotationWorker(): void {
  const setup = workerData as WorkerSetup;
  const port = parentPort!;
  // The plan refused articles whose names share a sidecar, listing each folder once; every write here changes the folder.
  // Blocking reads: a worker thread loses nothing by waiting microseconds for a local file (see blockingNodeFiles).
  const store = new SidecarStore({ namesChecked: true, blocking: true });
  const now = new Date(setup.now);
  const profiles = setup.profiles.map((profile) => ({
    lexicon: profile.lexicon ? new Lexicon(profile.lexicon) : undefined,
    labels: profile.labels ? new Set(profile.labels) : undefined,
    relationTypes: profile.relationTypes,
  }));
  serveTasks<AnnotationTask, Awaited<ReturnType<typeof annotateArticle>>>(
    port,
    (task, ask) => {
      const { lexicon, labels, relationTypes } = profiles[task.profile];
      const recognise = setup.profiles[task.profile].recognisers ? (text: string) => ask({ profile: task.profile, text } satisfies RecogniseQuestion) as Promise<Recognition> : undefined;
      return annotateArticle(task.article, { store, annotator: setup.annotator, dryRun: setup.dryRun, now, lexicon, labels, relationTypes, recognise, referenceDate: task.referenceDate });
    },
    (task) => task.article,
  );
}
