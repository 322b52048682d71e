/**
 * Progress and cancellation for long corpus operations (checking every sidecar, pre-annotating a
 * folder). The core only reports numbers and asks whether to stop; the CLI draws them as a progress
 * bar on a terminal, the language server as LSP work-done progress (a cancellable notification).
 */

/** Told how far an operation has got. Called often: implementations throttle what they show. */
export interface ProgressReporter {
  report(done: number, total: number, message?: string): void;
}

/** Asked between items whether the person asked to stop. */
export interface Cancellation {
  readonly isCancelled: () => boolean;
}

export interface ProgressOptions {
  progress?: ProgressReporter;
  cancellation?: Cancellation;
  /**
   * Items worked on at once (default 1). More than one overlaps file reads, or keeps worker threads
   * busy; results still come back in the items' order.
   */
  concurrency?: number;
}

export interface ProgressOutcome<R> {
  /** The results of the items finished, in the items' order. */
  results: R[];
  /** Items finished: all of them unless cancelled. */
  done: number;
  total: number;
  cancelled: boolean;
}

/**
 * Runs `work` on each item, reporting after each one finishes. Once cancelled, no further item is
 * started; those already started are awaited, so every item is either finished or never begun (a
 * cancelled operation leaves no half-written file). The first error stops it the same way, then is thrown.
 */
export async function eachWithProgress<T, R>(items: readonly T[], work: (item: T) => Promise<R>, options: ProgressOptions = {}): Promise<ProgressOutcome<R>> {
  const { progress, cancellation } = options;
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));
  const total = items.length;
  const finished = new Map<number, R>();
  let next = 0;
  let failure: { error: unknown } | undefined;
  const stopped = () => failure !== undefined || cancellation?.isCancelled() === true;
  progress?.report(0, total);
  const lane = async (): Promise<void> => {
    while (next < total && !stopped()) {
      const index = next++;
      try {
        finished.set(index, await work(items[index]));
      } catch (error) {
        failure ??= { error };
        return;
      }
      progress?.report(finished.size, total);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, lane));
  if (failure) throw failure.error;
  const results = [...finished.keys()].sort((a, b) => a - b).map((index) => finished.get(index) as R);
  return { results, done: results.length, total, cancelled: results.length < total };
}
