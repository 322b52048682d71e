import { formsOf, isWordUnit } from '../lexicon/matching';

/**
 * Which words stand in which articles of a corpus, and where the names stand: for each word that does
 * not start with a lower-case letter ("Kovalenko", "NATO", "2025", "Київ"), the articles and UTF-16
 * offsets where it stands as a whole word, each marked when one plain space and another word follow;
 * for the other words ("the", "drones"), only the articles holding them. A name ("Olena Kovalenko")
 * is then found by its rarest word, each other word checked at its place, without reading a text:
 * counting it in 100,000 articles reads only the places of its words. Any other phrase ("Jean-Luc",
 * "Pieter de Vries", "drones") gets the articles holding all its words, whose texts tell the rest.
 *
 * Memory: two 32-bit integers per name word of the corpus, one per article and lower-case word, in
 * growable typed arrays (no object per place). An article read again gets a new number; its old
 * entries stay behind, skipped, until they outnumber the live ones and are swept. Numbers only grow,
 * so every list stays sorted by article (then offset), which lets a check find an entry by binary search.
 */

/** One article's places of a phrase: UTF-16 offsets, in order. */
export interface PhrasePlaces {
  doc: number;
  starts: number[];
  ends: number[];
}

/** A growable list of 32-bit integers. */
class Ints {
  data: Int32Array<ArrayBufferLike> = new Int32Array(2);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(Math.max(4, Math.ceil(this.data.length * 1.5)));
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  /** Keeps the values `keep` takes, in a buffer no larger than they need. */
  filter(keep: (value: number, at: number) => boolean, stride: number): void {
    let kept = 0;
    for (let at = 0; at < this.length; at += stride) {
      if (!keep(this.data[at]!, at)) continue;
      for (let n = 0; n < stride; n++) this.data[kept++] = this.data[at + n]!;
    }
    this.length = kept;
    this.trim();
  }

  trim(): void {
    if (this.data.length > this.length) this.data = this.data.slice(0, Math.max(2, this.length));
  }
}

/**
 * The first entry of a sorted list at or after (doc, key): pairs when `stride` is 2 (compared on both),
 * single articles when 1.
 */
function lowerBound(list: Ints, stride: number, doc: number, key: number): number {
  let low = 0;
  let high = list.length / stride;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const d = list.data[mid * stride]!;
    if (d < doc || (d === doc && stride === 2 && list.data[mid * 2 + 1]! < key)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Whether a word starting with this UTF-16 unit is looked up by article only: it starts with a lower-case letter. */
function isLowerCaseStart(code: number): boolean {
  if (code < 128) return code >= 97 && code <= 122;
  const char = String.fromCharCode(code);
  return char !== char.toUpperCase();
}

/** The words of `text` (maximal runs of letters and digits, the lexicon's word characters) with their UTF-16 starts. */
export function eachWord(text: string, visit: (word: string, start: number) => void): void {
  let start = -1;
  for (let at = 0; at < text.length; at++) {
    const word = isWordUnit(text, at);
    if (word && start < 0) start = at;
    else if (!word && start >= 0) {
      visit(text.slice(start, at), start);
      start = -1;
    }
  }
  if (start >= 0) visit(text.slice(start), start);
}

/** A name form's words at offsets from its start, when its places can tell it: words that are not lower case, one plain space between. */
function nameWords(form: string): Array<{ word: string; offset: number }> | undefined {
  const words: Array<{ word: string; offset: number }> = [];
  eachWord(form, (word, offset) => words.push({ word, offset }));
  // A word's mark is one bit of a 32-bit integer (see find): longer phrases are left to the texts.
  if (words.length === 0 || words.length > 30 || words[0]!.offset !== 0) return undefined;
  for (let n = 0; n < words.length; n++) {
    const { word, offset } = words[n]!;
    const end = offset + word.length;
    if (isLowerCaseStart(word.charCodeAt(0))) return undefined;
    if (n + 1 < words.length ? words[n + 1]!.offset !== end + 1 || form[end] !== ' ' : end !== form.length) return undefined;
  }
  return words;
}

/**
 * The index as plain arrays, for its cache on disk (node/corpusIndexCache.ts): the live entries only,
 * each word's list after the one before.
 */
export interface WordIndexImage {
  words: string[];
  /** Per word, how many integers its list holds. */
  lengths: Int32Array;
  /** The lists, one after another. */
  data: Int32Array;
  /** Per article number: how many entries it has, -1 when it is not live (forgotten, or never given). */
  entries: Int32Array;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

export class WordIndex {
  /**
   * The words met, found by a hash of their characters computed while scanning: no string is made
   * for a word already known (a corpus has millions of words and some thousands of distinct ones).
   */
  private readonly words: string[] = [];
  private readonly hashes: number[] = [];
  private slots = new Int32Array(1 << 12);
  /** Per word: pairs (article, offset × 2 + 1 when a space and a word follow) for names; articles for lower-case words. */
  private readonly lists: Ints[] = [];
  private readonly byArticle: boolean[] = [];
  private readonly live: boolean[] = [];
  private liveEntries = 0;
  private deadEntries = 0;
  private readonly entryCounts: number[] = [];

  /** Indexes a text as article `doc`, which must be larger than every number given before. */
  add(doc: number, text: string): void {
    let entries = 0;
    let start = -1;
    let hash = FNV_OFFSET;
    const end = text.length;
    for (let at = 0; at <= end; at++) {
      if (at < end && isWordUnit(text, at)) {
        if (start < 0) {
          start = at;
          hash = FNV_OFFSET;
        }
        hash = Math.imul(hash ^ text.charCodeAt(at), FNV_PRIME);
        continue;
      }
      if (start < 0) continue;
      const id = this.wordId(text, start, at, hash, true);
      const list = this.lists[id]!;
      if (this.byArticle[id]) {
        if (list.length === 0 || list.data[list.length - 1] !== doc) {
          list.push(doc);
          entries++;
        }
      } else {
        const spaceThenWord = text.charCodeAt(at) === 32 && at + 1 < end && isWordUnit(text, at + 1);
        list.push(doc);
        list.push(start * 2 + (spaceThenWord ? 1 : 0));
        entries += 2;
      }
      start = -1;
    }
    this.live[doc] = true;
    this.entryCounts[doc] = entries;
    this.liveEntries += entries;
  }

  /** Forgets article `doc`: its entries are skipped from now on, and swept once they outnumber the live ones. */
  remove(doc: number): void {
    if (!this.live[doc]) return;
    this.live[doc] = false;
    const entries = this.entryCounts[doc] ?? 0;
    this.liveEntries -= entries;
    this.deadEntries += entries;
    if (this.deadEntries > this.liveEntries && this.deadEntries > 100_000) this.sweep();
  }

  /** The index as plain arrays (copies: the index may change while they are written). */
  image(): WordIndexImage {
    if (this.deadEntries > 0) this.sweep();
    const lengths = new Int32Array(this.lists.length);
    let total = 0;
    this.lists.forEach((list, id) => {
      lengths[id] = list.length;
      total += list.length;
    });
    const data = new Int32Array(total);
    let at = 0;
    for (const list of this.lists) {
      data.set(list.data.subarray(0, list.length), at);
      at += list.length;
    }
    const entries = new Int32Array(this.live.length).fill(-1);
    this.live.forEach((live, doc) => {
      if (live) entries[doc] = this.entryCounts[doc] ?? 0;
    });
    return { words: [...this.words], lengths, data, entries };
  }

  /**
   * The index an image was made of. Its lists become views of `image.data`, which must not be used
   * elsewhere. Throws when the arrays do not fit together (a cache written wrong, or by other code):
   * an index that answered from them would be wrong without a sign.
   */
  static fromImage(image: WordIndexImage): WordIndex {
    const { words, lengths, data, entries } = image;
    if (lengths.length !== words.length) throw new Error(`${words.length} words but ${lengths.length} lists`);
    const index = new WordIndex();
    let at = 0;
    for (let id = 0; id < words.length; id++) {
      const word = words[id]!;
      const length = lengths[id]!;
      let hash = FNV_OFFSET;
      for (let n = 0; n < word.length; n++) hash = Math.imul(hash ^ word.charCodeAt(n), FNV_PRIME);
      if (word.length === 0 || index.wordId(word, 0, word.length, hash, true) !== id) throw new Error(`word ${id} ("${word}") is empty or given twice`);
      const stride = index.byArticle[id] ? 1 : 2;
      if (length < 0 || length % stride !== 0 || at + length > data.length) throw new Error(`the list of "${word}" does not fit the data`);
      const list = index.lists[id]!;
      list.data = data.subarray(at, at + length);
      list.length = length;
      // Every entry names a live article, in order: what find and candidates rely on.
      for (let n = 0, previous = -1; n < length; n += stride) {
        const doc = list.data[n]!;
        if (doc < previous || doc >= entries.length || entries[doc]! < 0) throw new Error(`the list of "${word}" names article ${doc}, which is not live or out of order`);
        previous = doc;
      }
      at += length;
    }
    if (at !== data.length) throw new Error(`${data.length - at} integers after the last list`);
    entries.forEach((count, doc) => {
      if (count < 0) return;
      index.live[doc] = true;
      index.entryCounts[doc] = count;
      index.liveEntries += count;
    });
    return index;
  }

  /** Gives back the room growth left over (after the first build). */
  trim(): void {
    for (const list of this.lists) list.trim();
  }

  /**
   * Where `phrase` stands as whole words, in any of its forms (formsOf), in the live articles `accept`
   * takes, by article; undefined when some form is not a name the places can tell (see nameWords):
   * then `candidates` names the articles whose texts must be searched.
   */
  find(phrase: string, accept: (doc: number) => boolean): Map<number, PhrasePlaces> | undefined {
    const found = new Map<number, PhrasePlaces>();
    const placed = this.each(phrase, accept, (doc, start, end) => {
      let places = found.get(doc);
      if (!places) found.set(doc, (places = { doc, starts: [], ends: [] }));
      places.starts.push(start);
      places.ends.push(end);
    });
    if (!placed) return undefined;
    // Forms found apart (the taught form and its capitals) are merged in text order, as occurrencesOf gives them.
    for (const places of found.values()) {
      if (places.starts.length < 2) continue;
      const order = places.starts.map((_, n) => n).sort((a, b) => places.starts[a]! - places.starts[b]!);
      places.starts = order.map((n) => places.starts[n]!);
      places.ends = order.map((n) => places.ends[n]!);
    }
    return found;
  }

  /**
   * `find` without gathering: each place of `phrase` in the articles `accept` takes, form by form
   * (each in article order), to `visit`; false, visiting nothing, when the places cannot tell the phrase.
   */
  each(phrase: string, accept: (doc: number) => boolean, visit: (doc: number, start: number, end: number) => void): boolean {
    const forms = formsOf(phrase);
    const formWords = forms.map(nameWords);
    if (formWords.some((words) => words === undefined)) return false;
    forms.forEach((form, f) => {
      const words = formWords[f]!;
      const lists = words.map(({ word }) => this.listOf(word));
      if (lists.some((list) => list === undefined)) return;
      // The rarest word leads: the fewer places to check.
      let lead = 0;
      for (let n = 1; n < lists.length; n++) if (lists[n]!.length < lists[lead]!.length) lead = n;
      // The lead's places, moved to where the phrase would start: sorted, as its list is.
      const { data, length } = lists[lead]!;
      const leadOffset = words[lead]!.offset;
      let docs: number[] = [];
      let starts: number[] = [];
      let marks: number[] = [];
      for (let at = 0; at < length; at += 2) {
        const doc = data[at]!;
        const start = (data[at + 1]! >> 1) - leadOffset;
        if (start < 0 || !this.live[doc] || !accept(doc)) continue;
        docs.push(doc);
        starts.push(start);
        marks.push((data[at + 1]! & 1) << lead);
      }
      // Each other word keeps the places where it stands at its offset: a walk along both sorted lists
      // when its list is not much longer, else a binary search for each place.
      for (let n = 0; n < words.length && docs.length > 0; n++) {
        if (n === lead) continue;
        const list = lists[n]!;
        const offset = words[n]!.offset;
        const kept = { docs: [] as number[], starts: [] as number[], marks: [] as number[] };
        const walk = list.length / 2 < 8 * docs.length;
        let at = 0;
        for (let k = 0; k < docs.length; k++) {
          const doc = docs[k]!;
          const key = (starts[k]! + offset) * 2;
          let entry = -1;
          if (walk) {
            while (at < list.length && (list.data[at]! < doc || (list.data[at] === doc && list.data[at + 1]! >> 1 < key >> 1))) at += 2;
            if (at < list.length && list.data[at] === doc && list.data[at + 1]! >> 1 === key >> 1) entry = list.data[at + 1]!;
          } else entry = this.placeAt(list, doc, key >> 1);
          if (entry < 0) continue;
          kept.docs.push(doc);
          kept.starts.push(starts[k]!);
          // Each word but the last must be followed by one space and a word: the next one, at its offset.
          kept.marks.push(n + 1 < words.length ? marks[k]! | ((entry & 1) << n) : marks[k]!);
        }
        ({ docs, starts, marks } = kept);
      }
      for (let k = 0; k < docs.length; k++) if (this.followedAsNeeded(words.length, marks[k]!)) visit(docs[k]!, starts[k]!, starts[k]! + form.length);
    });
    return true;
  }

  /** The live articles `accept` takes whose words include all of `phrase`'s, in some form: where its texts must be searched. */
  candidates(phrase: string, accept: (doc: number) => boolean): Set<number> {
    const docs = new Set<number>();
    for (const form of formsOf(phrase)) {
      const words: string[] = [];
      eachWord(form, (word) => words.push(word));
      const ids = words.map((word) => this.idOf(word));
      if (ids.length === 0 || ids.some((id) => id < 0)) continue;
      const lead = ids.reduce((rarest, id) => (this.articleCount(id) < this.articleCount(rarest) ? id : rarest));
      const stride = this.byArticle[lead] ? 1 : 2;
      const list = this.lists[lead]!;
      for (let at = 0; at < list.length; at += stride) {
        const doc = list.data[at]!;
        if (docs.has(doc) || !this.live[doc] || !accept(doc)) continue;
        if (ids.every((id) => id === lead || this.holds(id, doc))) docs.add(doc);
      }
    }
    return docs;
  }

  /** Whether every word but the last of a phrase of `count` words is followed by one space and a word: bit n of `marks` for word n. */
  private followedAsNeeded(count: number, marks: number): boolean {
    const wanted = (1 << (count - 1)) - 1;
    return (marks & wanted) === wanted;
  }

  /** The entry of a name word's list at (doc, start), or -1. */
  private placeAt(list: Ints, doc: number, start: number): number {
    const at = lowerBound(list, 2, doc, start * 2);
    if (at * 2 >= list.length || list.data[at * 2] !== doc) return -1;
    const value = list.data[at * 2 + 1]!;
    return value >> 1 === start ? value : -1;
  }

  /** The number of a word (stable for the index's life), -1 when no article held it yet. */
  numberOf(word: string): number {
    return this.idOf(word);
  }

  /** Whether article `doc`, live or not, holds word number `id`: at once for the article added last. */
  holds(id: number, doc: number): boolean {
    const stride = this.byArticle[id] ? 1 : 2;
    const list = this.lists[id]!;
    if (list.length > 0 && list.data[list.length - stride] === doc) return true;
    const at = lowerBound(list, stride, doc, -1);
    return at * stride < list.length && list.data[at * stride] === doc;
  }

  /** Entries of a word's list, in articles' terms: what makes a word rare. */
  private articleCount(id: number): number {
    return this.byArticle[id] ? this.lists[id]!.length : this.lists[id]!.length / 2;
  }

  private listOf(word: string): Ints | undefined {
    const id = this.idOf(word);
    return id < 0 || this.byArticle[id] ? undefined : this.lists[id];
  }

  private idOf(word: string): number {
    let hash = FNV_OFFSET;
    for (let at = 0; at < word.length; at++) hash = Math.imul(hash ^ word.charCodeAt(at), FNV_PRIME);
    return this.wordId(word, 0, word.length, hash, false);
  }

  /** The number of the word `text[start..end)` (whose hash is `hash`), made when `make` and new; -1 when unknown. */
  private wordId(text: string, start: number, end: number, hash: number, make: boolean): number {
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const taken = this.slots[slot]!;
      if (taken === 0) break;
      const id = taken - 1;
      if (this.hashes[id] === hash && this.words[id]!.length === length && text.startsWith(this.words[id]!, start)) return id;
    }
    if (!make) return -1;
    const id = this.words.length;
    this.words.push(text.slice(start, end));
    this.hashes.push(hash);
    this.lists.push(new Ints());
    this.byArticle.push(isLowerCaseStart(text.charCodeAt(start)));
    // Kept at most half full, so that a probe ends soon.
    if (this.words.length * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(id);
    return id;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    for (let id = 0; id < this.words.length; id++) this.place(id);
  }

  private place(id: number): void {
    const mask = this.slots.length - 1;
    let slot = this.hashes[id]! & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = id + 1;
  }

  private sweep(): void {
    const alive = (doc: number) => this.live[doc] === true;
    this.lists.forEach((list, id) => list.filter((doc) => alive(doc), this.byArticle[id] ? 1 : 2));
    this.deadEntries = 0;
  }
}
