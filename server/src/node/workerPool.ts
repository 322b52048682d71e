/**
 * Worker threads for the CPU-bound corpus work (pre-annotation, export): threads, not concurrent
 * promises, are what uses a second core. One pool for every such job; what a thread does is chosen
 * by the role in its workerData (see workerEntry.ts).
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker, type MessagePort, type TransferListItem } from 'node:worker_threads';

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
 * inside the bundle, whose entry serves as a worker when started as one (see isMarginaliaWorker): so
 * `__filename`, which in a bundle is the bundle, from the CLI and from the language server alike.
 * From sources under tsx (tests), the worker entry beside this file.
 */
export function defaultWorkerScript(): string {
  return __filename.endsWith('.ts') ? join(__dirname, 'annotateWorkerMain.ts') : __filename;
}

/** A task as sent to a thread, and its answer. */
export interface WorkerMessage<T> {
  id: number;
  task: T;
}
export type WorkerReply<R> = { id: number; result: R } | { id: number; error: string };

/**
 * A thread's question to the main thread, and its answer: what only the main thread can give while a
 * task runs (pre-annotation asks for the recognisers' answers, whose processes the main thread keeps,
 * one per recogniser for the whole run, whatever the threads).
 */
export interface WorkerQuestion {
  question: number;
  ask: unknown;
}
export type WorkerAnswer = { answer: number; reply: unknown } | { answer: number; error: string };

/** Answers the threads' questions; a pool without one has threads that never ask. */
export type QuestionAnswerer = (ask: unknown) => Promise<unknown>;

interface Pending<R> {
  resolve: (result: R) => void;
  reject: (error: Error) => void;
}

interface PoolWorker<R> {
  thread: Worker;
  pending: Map<number, Pending<R>>;
  /** Why it can take no more tasks (crashed, exited); set once. */
  failure?: Error;
}

/**
 * Threads on one script, each given `setup` as its workerData; `run` sends a task to the thread with
 * the fewest under way. A thread that fails fails its tasks under way and takes no more; `close`
 * ends them all.
 */
export class WorkerPool<T, R> {
  private readonly workers: PoolWorker<R>[];
  private nextId = 0;

  /** `what` names the job in errors ("pre-annotation", "export"). */
  constructor(
    script: string,
    count: number,
    setup: unknown,
    private readonly what: string,
    private readonly answerer?: QuestionAnswerer,
  ) {
    this.workers = Array.from({ length: count }, () => this.start(script, setup));
  }

  run(task: T): Promise<R> {
    const worker = this.workers.reduce((best, candidate) => (candidate.pending.size < best.pending.size ? candidate : best));
    if (worker.failure) return Promise.reject(worker.failure);
    const id = this.nextId++;
    return new Promise<R>((resolve, reject) => {
      worker.pending.set(id, { resolve, reject });
      worker.thread.postMessage({ id, task } satisfies WorkerMessage<T>);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.thread.terminate()));
  }

  private start(script: string, setup: unknown): PoolWorker<R> {
    const thread = startThread(script, setup);
    const worker: PoolWorker<R> = { thread, pending: new Map() };
    const fail = (error: Error) => {
      worker.failure ??= error;
      for (const pending of worker.pending.values()) pending.reject(worker.failure);
      worker.pending.clear();
    };
    thread.on('message', (reply: WorkerReply<R> | WorkerQuestion) => {
      if ('question' in reply) {
        this.answer(thread, reply);
        return;
      }
      const pending = worker.pending.get(reply.id);
      if (!pending) return;
      worker.pending.delete(reply.id);
      if ('error' in reply) pending.reject(new Error(`${this.what} failed in a worker thread: ${reply.error}`));
      else pending.resolve(reply.result);
    });
    thread.on('error', (error) => fail(new Error(`a ${this.what} worker thread failed: ${error.message}`, { cause: error })));
    thread.on('exit', (code) => fail(new Error(`a ${this.what} worker thread exited (code ${code})`)));
    return worker;
  }

  /** Always answers, if only with an error: a task waiting on its question would otherwise wait forever. */
  private answer(thread: Worker, { question, ask }: WorkerQuestion): void {
    const answered = this.answerer ? this.answerer(ask) : Promise.reject(new Error(`this ${this.what} pool answers no questions`));
    answered.then(
      (reply) => thread.postMessage({ answer: question, reply } satisfies WorkerAnswer),
      (error: unknown) => thread.postMessage({ answer: question, error: error instanceof Error ? error.message : String(error) } satisfies WorkerAnswer),
    );
  }
}

/**
 * The thread's side: answers each task with `handle`, several at once (while one waits for the disk,
 * the next computes). `ask` puts a question to the main thread (see WorkerQuestion). `transferOf`
 * names the buffers of a result that are moved to the main thread rather than copied. An unexpected
 * failure is sent back as an error, never left to kill the thread silently.
 */
export function serveTasks<T, R>(
  port: MessagePort,
  handle: (task: T, ask: (question: unknown) => Promise<unknown>) => Promise<R>,
  describe: (task: T) => string,
  transferOf?: (result: R) => TransferListItem[],
): void {
  const waiting = new Map<number, { resolve: (reply: unknown) => void; reject: (error: Error) => void }>();
  let nextQuestion = 0;
  const ask = (question: unknown) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextQuestion++;
      waiting.set(id, { resolve, reject });
      port.postMessage({ question: id, ask: question } satisfies WorkerQuestion);
    });
  port.on('message', (message: WorkerMessage<T> | WorkerAnswer) => {
    if ('answer' in message) {
      const asked = waiting.get(message.answer);
      waiting.delete(message.answer);
      if ('error' in message) asked?.reject(new Error(message.error));
      else asked?.resolve(message.reply);
      return;
    }
    const { id, task } = message;
    handle(task, ask).then(
      (result) => port.postMessage({ id, result } satisfies WorkerReply<R>, transferOf?.(result)),
      (error: unknown) => port.postMessage({ id, error: `${describe(task)}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}` } satisfies WorkerReply<R>),
    );
  });
}

/** A worker thread on `script`; a TypeScript source is loaded through tsx, as the tests run it. */
function startThread(script: string, workerData: unknown): Worker {
  if (!script.endsWith('.ts')) return new Worker(script, { workerData });
  // Resolved from here at run time only: bundles never take this path, and must not try to bundle tsx.
  const tsx = createRequire(__filename).resolve('tsx/cjs');
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(script)});`, { eval: true, workerData });
}
