/**
 * The fixed word lists that rules look every distinct word of a document up in (the verbs after a team, the cues
 * of a work's title, the lowercase starts of gazetteer phrases...), merged into one table built when the modules
 * load: a document's words are looked up once there, instead of once in each list. In a short article nearly
 * every word is new, and a set lookup per word and list was a visible share of detection.
 */

/** Word → the bits of the lists that hold it. */
const MEMBERSHIPS = new Map<string, number>();
let lists = 0;
let read = false;

/** Adds a list to the table; its words' memberships then have the bit returned. Only at module load. */
export function wordListBit(words: Iterable<string>): number {
  // A list added after a document was read would be missing from that document's table: a programming error.
  if (read) throw new Error('wordListBit: a word list was added after detection started');
  if (lists >= 31) throw new Error('wordListBit: more than 31 word lists');
  const bit = 1 << lists++;
  for (const word of words) MEMBERSHIPS.set(word, (MEMBERSHIPS.get(word) ?? 0) | bit);
  return bit;
}

/** The memberships of each word of a vocabulary (by word id): one lookup per word. */
export function membershipsOf(vocabulary: readonly string[]): Int32Array {
  read = true;
  const memberships = new Int32Array(vocabulary.length);
  for (let id = 0; id < vocabulary.length; id++) memberships[id] = MEMBERSHIPS.get(vocabulary[id]!) ?? 0;
  return memberships;
}
