/**
 * Marking the tokens findings cover. A document has tens of thousands of findings of one to four tokens each, and
 * the typed arrays' fill builtin costs more per call than a loop over so few elements.
 */

/** Same as `array.fill(value, from, to)`, negative and out-of-range bounds included, as a loop. */
export function fillRange(array: Int32Array | Uint8Array, value: number, from: number, to: number): void {
  const { length } = array;
  const start = from < 0 ? Math.max(length + from, 0) : Math.min(from, length);
  const end = to < 0 ? Math.max(length + to, 0) : Math.min(to, length);
  for (let t = start; t < end; t++) array[t] = value;
}
