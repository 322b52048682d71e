/**
 * The fixed word lists that rules look every distinct word of a document up in (the verbs after a team, the cues
 * of a work's title, the lowercase starts of gazetteer phrases...), added by the modules as they load and merged
 * into one table: a document's words are looked up once there, instead of once in each list. In a short article nearly
 * every word is new, and a set lookup per word and list was a visible share of detection.
 *
 * The table is keyed by the vocabulary's own hash of each word (vocabulary.ts), which the tokenizer computed
 * while it read the word: a lookup costs no hashing of the word's string, which a Map would do for each new word.
 */
import { wordHash, type Vocabulary } from './vocabulary';

/** Word → the bits of the lists that hold it, while lists are added. */
const MEMBERSHIPS = new Map<string, number>();
let lists = 0;

/** The memberships as an open-addressing table by word hash, built when the first document is read. */
interface HashedTable {
  mask: number;
  /** Per slot: the word (undefined for an empty slot), its hash and its bits. */
  words: Array<string | undefined>;
  hashes: Int32Array;
  bits: Int32Array;
}

let table: HashedTable | undefined;

function hashedTable(): HashedTable {
  let capacity = 16;
  // Half full at most, so a word in no list (most words) meets an empty slot at once.
  while (capacity < MEMBERSHIPS.size * 2) capacity *= 2;
  const built: HashedTable = { mask: capacity - 1, words: new Array<string | undefined>(capacity).fill(undefined), hashes: new Int32Array(capacity), bits: new Int32Array(capacity) };
  for (const [word, bits] of MEMBERSHIPS) {
    const hash = wordHash(word);
    let slot = hash & built.mask;
    while (built.words[slot] !== undefined) slot = (slot + 1) & built.mask;
    built.words[slot] = word;
    built.hashes[slot] = hash;
    built.bits[slot] = bits;
  }
  return built;
}

/** Adds a list to the table (at module load); its words' memberships then have the bit returned. */
export function wordListBit(words: Iterable<string>): number {
  if (lists >= 31) throw new Error('wordListBit: more than 31 word lists, the bits of one integer');
  const bit = 1 << lists++;
  for (const word of words) MEMBERSHIPS.set(word, (MEMBERSHIPS.get(word) ?? 0) | bit);
  // A module loaded after documents were read: the next document reads a table with its list.
  table = undefined;
  return bit;
}

/**
 * The memberships of each word of a vocabulary (by word id), found by each word's hash (`wordHash`, which the
 * tokenizer computed as it read the word): one probe per word.
 */
export function membershipsOf(vocabulary: Vocabulary): Int32Array {
  table ??= hashedTable();
  const { mask, words, bits } = table;
  const memberships = new Int32Array(vocabulary.words.length);
  for (let id = 0; id < memberships.length; id++) {
    const hash = vocabulary.hashOf(id);
    for (let slot = hash & mask; words[slot] !== undefined; slot = (slot + 1) & mask) {
      if (table.hashes[slot] === hash && words[slot] === vocabulary.words[id]) {
        memberships[id] = bits[slot]!;
        break;
      }
    }
  }
  return memberships;
}
