/** Order statistics over timings: a median for the typical case, p95 for the slow tail a user notices. */
export function median(values: readonly number[]): number {
  return sorted(values)[Math.floor(values.length / 2)];
}

export function p95(values: readonly number[]): number {
  const ascending = sorted(values);
  return ascending[Math.min(ascending.length - 1, Math.ceil(ascending.length * 0.95) - 1)];
}

export function round(value: number, digits = 1): number {
  return Number(value.toFixed(digits));
}

/** Milliseconds of each of `runs` calls, after one untimed call that warms up the JIT and caches. */
export function timeRuns(runs: number, run: () => void): number[] {
  run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times;
}

function sorted(values: readonly number[]): number[] {
  if (values.length === 0) throw new RangeError('no values to summarise');
  return [...values].sort((a, b) => a - b);
}
