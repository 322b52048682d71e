/**
 * The worker thread's side of pre-annotation. Workers run the bundle they were started from
 * (dist/cli.js, dist/server.js, the bench's), whose entry calls serveAnnotationWorker instead of its
 * usual work when isAnnotationWorker says it was started as one; so no separate worker file ships.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { Lexicon, type LexiconFile } from '../core/lexicon';
import { SidecarStore } from './sidecarStore';
import { annotateArticle, type ArticleOutcome } from './annotateArticle';
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
   * whole run (a model loads once, not once per thread), on behalf of the worker (see RecogniseRequest).
   */
  recognisers?: { folder: string; configs: RecogniserConfig[]; labels: KnownLabel[] };
}

/** A worker asks the main thread for the recognisers' answers on an article's text. */
export interface RecogniseRequest {
  type: 'recognise';
  id: number;
  profile: number;
  text: string;
}

export interface RecogniseReply {
  type: 'recognised';
  id: number;
  recognition: Recognition;
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
  id: number;
  article: string;
  /** Index into WorkerSetup.profiles. */
  profile: number;
}

export type AnnotationReply = { id: number; outcome: ArticleOutcome } | { id: number; error: string };

/** What a worker sends the main thread: an article's outcome, or a question for the recognisers. */
export type WorkerMessage = AnnotationReply | RecogniseRequest;

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
  const store = new SidecarStore({ namesChecked: true });
  const now = new Date(setup.now);
  const profiles = setup.profiles.map((profile) => ({
    lexicon: profile.lexicon ? new Lexicon(profile.lexicon) : undefined,
    labels: profile.labels ? new Set(profile.labels) : undefined,
    relationTypes: profile.relationTypes,
  }));
  const asked = new Map<number, (recognition: Recognition) => void>();
  let nextQuestion = 0;
  const recogniseFor = (profile: number) => (text: string) =>
    new Promise<Recognition>((resolve) => {
      const id = nextQuestion++;
      asked.set(id, resolve);
      port.postMessage({ type: 'recognise', id, profile, text } satisfies RecogniseRequest);
    });
  port.on('message', (message: AnnotationTask | RecogniseReply) => {
    if ('type' in message) {
      asked.get(message.id)?.(message.recognition);
      asked.delete(message.id);
      return;
    }
    const task = message;
    const { lexicon, labels, relationTypes } = profiles[task.profile];
    const recognise = setup.profiles[task.profile].recognisers ? recogniseFor(task.profile) : undefined;
    annotateArticle(task.article, { store, annotator: setup.annotator, dryRun: setup.dryRun, now, lexicon, labels, relationTypes, recognise }).then(
      (outcome) => port.postMessage({ id: task.id, outcome } satisfies AnnotationReply),
      (error: unknown) => port.postMessage({ id: task.id, error: `${task.article}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}` } satisfies AnnotationReply),
    );
  });
}
