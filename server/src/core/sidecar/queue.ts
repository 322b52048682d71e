/** Runs tasks one after another per key, in the order they were queued; different keys run freely. */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(() => task());
    // A failed task must not stop the ones queued behind it: the tail swallows its error.
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    // Forget idle keys so that the map does not grow with every file ever touched.
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
