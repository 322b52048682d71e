/**
 * Index of the first of ascending `values` that is at least `limit` (so also: how many are below it). The one binary
 * search of the code base, for plain and typed arrays alike.
 */
export function firstAtLeast(values: ArrayLike<number>, limit: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (values[mid]! < limit) low = mid + 1;
    else high = mid;
  }
  return low;
}
