/**
 * Keeps one small object of each kind a detection makes per document alive for good, so that optimised code stays
 * valid from one document to the next.
 *
 * Why: V8 gives objects of one class (or one object literal, wherever it is written) a hidden class, a "map", and
 * optimised code checks for it. A map that was built by adding fields is held only by its objects. Between two
 * documents every per-document object is garbage, so a full collection there found no object of these maps alive,
 * freed them, and threw away every optimised function that checked for them (`node --trace-deopt`: "reason: weak
 * objects", about 80 functions of the entity detector at once). The next document then ran unoptimised while the
 * compiler rebuilt them: over one 2 MB text, one run in three or four took 1.5–2.5 times as long, and a batch of short
 * articles paid the same at every full collection. A kept object of the same class, or a literal with the same fields
 * in the same order and of the same kinds (a fraction where the real ones hold fractions, a string where they hold
 * strings), keeps the map, and the next document's objects get it back.
 *
 * Each kind is kept once, small, made when its module loads: this holds a few hundred bytes, never a document.
 */
const kept: object[] = [];

/** Keeps `object`, a small object of a kind detection makes for each document, alive for good; returns it. */
export function keepShape<T extends object>(object: T): T {
  kept.push(object);
  return object;
}
