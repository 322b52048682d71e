import type { ProgressReporter } from './progress';

/**
 * `load` of each item, handed over in the items' order while the next `ahead` are already under way:
 * reading and converting overlap (the disk and the CPU), and however many the items, at most `ahead`
 * loaded ones are held. `progress` hears of each item as it is handed over. A consumer that stops early
 * leaves the loads under way to finish on their own: their failures are not reported as unhandled.
 */
export async function* inOrderAhead<T, R>(items: readonly T[], ahead: number, load: (item: T) => Promise<R>, progress?: ProgressReporter): AsyncGenerator<R> {
  const start = (item: T): Promise<R> => {
    const loading = load(item);
    // Awaited in turn below, where a failure is thrown.
    loading.catch(() => undefined);
    return loading;
  };
  const pending = items.slice(0, ahead).map(start);
  for (let index = 0; index < items.length; index++) {
    progress?.report(index, items.length);
    const loaded = await pending.shift()!;
    const next = items[index + ahead];
    if (index + ahead < items.length) pending.push(start(next as T));
    yield loaded;
  }
  progress?.report(items.length, items.length);
}
