import { Worker } from 'node:worker_threads';
import { indexSetup, type IndexedArticle, type IndexedPage, type IndexMessage, type IndexQuestion, type PhraseCount, type Viewer } from './corpusIndexWorker';

/**
 * The server's handle on the corpus index, which lives in a worker thread (corpusIndexWorker.ts):
 * questions are sent and answered in order, so that an answer follows every update sent before it.
 * `script` is the bundle the server runs from, whose entry serves the index when started as its worker.
 */
export class CorpusIndexThread {
  private readonly worker: Worker;
  private next = 0;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  /** Settles when the first build is done (or failed): until then, counts would be partial. */
  readonly built: Promise<number>;
  private failure: Error | undefined;

  /** `onLog`: the index's lines for the server's log (the cache loaded, written, or why not). */
  constructor(script: string, folders: string[], articles: string[] | undefined, onProgress: (done: number, total: number) => void, onLog: (line: string) => void = () => {}) {
    this.worker = new Worker(script, { workerData: indexSetup(folders, articles) });
    // An idle index must not keep a CLI or a test process alive.
    this.worker.unref();
    this.worker.on('message', (message: IndexMessage) => {
      if ('progress' in message) return onProgress(message.progress.done, message.progress.total);
      if ('log' in message) return onLog(message.log);
      const waiter = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      if ('error' in message) waiter?.reject(new Error(`corpus index: ${message.error}`));
      else waiter?.resolve(message.result);
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`corpus index: its worker thread ended (exit code ${code})`)));
    this.built = this.ask({ type: 'build' }) as Promise<number>;
  }

  update(paths: string[]): Promise<void> {
    return this.ask({ type: 'update', paths }) as Promise<void>;
  }

  count(phrase: string, folder: string, exclude: string[], viewer: Viewer): Promise<PhraseCount> {
    return this.ask({ type: 'count', phrase, folder, exclude, viewer }) as Promise<PhraseCount>;
  }

  /** The closed articles of corpus `folder` where `phrase` may stand untagged, sorted by path. */
  holding(phrase: string, folder: string, exclude: string[], viewer: Viewer): Promise<string[]> {
    return this.ask({ type: 'holding', phrase, folder, exclude, viewer }) as Promise<string[]>;
  }

  /** Phrases to keep by their text (learnt texts the word places cannot tell): their articles are read now, in the background. */
  track(phrases: string[]): Promise<void> {
    return this.ask({ type: 'track', phrases }) as Promise<void>;
  }

  /** Writes the index's cache now if it changed since last written (when the server stops). */
  save(): Promise<void> {
    return this.ask({ type: 'save' }) as Promise<void>;
  }

  list(viewer: Viewer): Promise<IndexedArticle[]> {
    return this.ask({ type: 'list', viewer }) as Promise<IndexedArticle[]>;
  }

  /** Children `offset` onwards (at most `limit`) of `folder` ('' for the top), named as corpusNameOf names articles. */
  page(folder: string, offset: number, limit: number, viewer: Viewer): Promise<IndexedPage> {
    return this.ask({ type: 'page', folder, offset, limit, viewer }) as Promise<IndexedPage>;
  }

  async stop(): Promise<void> {
    this.failure ??= new Error('corpus index: stopped');
    await this.worker.terminate();
  }

  private ask(question: IndexQuestion): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, question });
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.waiting.values()) waiter.reject(this.failure);
    this.waiting.clear();
  }
}
