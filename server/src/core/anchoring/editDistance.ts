/**
 * Levenshtein distance between `a` and `b` (UTF-16 units), or Infinity as soon as it must exceed
 * `limit`: the fuzzy stage only cares whether two short texts are close, so a hopeless comparison
 * stops after a few rows.
 */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return Infinity;
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(substitution, previous[j] + 1, current[j - 1] + 1);
      if (current[j] < rowMinimum) rowMinimum = current[j];
    }
    if (rowMinimum > limit) return Infinity;
    [previous, current] = [current, previous];
  }
  return previous[b.length] <= limit ? previous[b.length] : Infinity;
}
