import { formsOf, isWordChar } from '../lexicon/matching';

/**
 * Which words stand where in which articles of a corpus: for each word (as written, case kept), the
 * articles and UTF-16 offsets where it stands as a whole word. A phrase ("Olena Kovalenko") is found
 * by its rarest word, then each other word checked at its place, so that counting a name in 100,000
 * articles reads only the places of that name, never the texts.
 *
 * Memory: two 32-bit integers per word of the corpus, in growable typed arrays (no object per place).
 * An article read again gets a new number; its old places stay behind, skipped, until they outnumber
 * the live ones and are swept. Numbers only grow, so every word's places stay sorted by article then
 * offset, which lets a check find a place by binary search.
 */

/** One article's places of a phrase: UTF-16 offsets, in order. */
export interface PhrasePlaces {
  doc: number;
  starts: number[];
  ends: number[];
}

class Places {
  data = new Int32Array(4);
  length = 0;

  push(doc: number, start: number): void {
    if (this.length + 2 > this.data.length) {
      const grown = new Int32Array(Math.max(8, Math.ceil(this.data.length * 1.5)) & ~1);
      grown.set(this.data.subarray(0, this.length));
      this.data = grown;
    }
    this.data[this.length++] = doc;
    this.data[this.length++] = start;
  }

  /** Whether (doc, start) is one of the places: binary search, the pairs being sorted. */
  has(doc: number, start: number): boolean {
    let low = 0;
    let high = this.length >> 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const d = this.data[2 * mid]!;
      const s = this.data[2 * mid + 1]!;
      if (d < doc || (d === doc && s < start)) low = mid + 1;
      else high = mid;
    }
    return low < this.length >> 1 && this.data[2 * low] === doc && this.data[2 * low + 1] === start;
  }

  /** Keeps only the places of live articles, in a buffer no larger than they need. */
  sweep(alive: (doc: number) => boolean): void {
    let kept = 0;
    for (let at = 0; at < this.length; at += 2) {
      if (!alive(this.data[at]!)) continue;
      this.data[kept++] = this.data[at]!;
      this.data[kept++] = this.data[at + 1]!;
    }
    this.length = kept;
    this.data = this.data.slice(0, Math.max(2, kept));
  }

  trim(): void {
    if (this.data.length > this.length) this.data = this.data.slice(0, Math.max(2, this.length));
  }
}

/**
 * The words of `text` (maximal runs of letters and digits, the lexicon's word characters) with their
 * UTF-16 starts; and, through `other`, every other character but the plain space (punctuation, line
 * breaks), so that a phrase's separators are checked too ("Jean-Luc" is not "Jean Luc").
 */
export function eachWord(text: string, visit: (word: string, start: number) => void, other?: (char: string, at: number) => void): void {
  let start = -1;
  for (let at = 0; at < text.length; ) {
    const code = text.charCodeAt(at);
    const width = code >= 0xd800 && code <= 0xdbff && at + 1 < text.length ? 2 : 1;
    const word = code < 128 ? (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122) : isWordChar(text.slice(at, at + width));
    if (word && start < 0) start = at;
    else if (!word && start >= 0) {
      visit(text.slice(start, at), start);
      start = -1;
    }
    if (!word && code !== 32 && other) other(text.slice(at, at + width), at);
    at += width;
  }
  if (start >= 0) visit(text.slice(start), start);
}

interface FormParts {
  words: Array<{ word: string; offset: number }>;
  /** Its characters between words, space or not. */
  others: Array<{ char: string; offset: number }>;
}

/** A phrase form as words and other characters at offsets from its start; undefined when it does not start and end with a word. */
function partsOfForm(form: string): FormParts | undefined {
  const words: FormParts['words'] = [];
  const others: FormParts['others'] = [];
  eachWord(form, (word, offset) => words.push({ word, offset }), (char, offset) => others.push({ char, offset }));
  for (let at = form.indexOf(' '); at >= 0; at = form.indexOf(' ', at + 1)) others.push({ char: ' ', offset: at });
  if (words.length === 0) return undefined;
  const last = words[words.length - 1]!;
  // "Yahoo!" or "#MeToo": whether a word touches it from outside is not in the index; the text must tell.
  if (words[0]!.offset !== 0 || last.offset + last.word.length !== form.length) return undefined;
  return { words, others };
}

export class WordIndex {
  private readonly vocabulary = new Map<string, number>();
  private readonly places: Places[] = [];
  /** Each character other than words and the plain space, and all of them together (what a space of a phrase must not meet). */
  private readonly otherPlaces = new Map<string, Places>();
  private readonly anyOther = new Places();
  private readonly live: boolean[] = [];
  private liveWords = 0;
  private deadWords = 0;
  private readonly wordCounts: number[] = [];

  /** Indexes a text as article `doc`, which must be larger than every number given before. */
  add(doc: number, text: string): void {
    let count = 0;
    eachWord(text, (word, start) => {
      let id = this.vocabulary.get(word);
      if (id === undefined) {
        id = this.places.length;
        this.vocabulary.set(word, id);
        this.places.push(new Places());
      }
      this.places[id]!.push(doc, start);
      count++;
    }, (char, at) => {
      let places = this.otherPlaces.get(char);
      if (!places) this.otherPlaces.set(char, (places = new Places()));
      places.push(doc, at);
      this.anyOther.push(doc, at);
      count += 2;
    });
    this.live[doc] = true;
    this.wordCounts[doc] = count;
    this.liveWords += count;
  }

  /** Forgets article `doc`: its places are skipped from now on, and swept once they outnumber the live ones. */
  remove(doc: number): void {
    if (!this.live[doc]) return;
    this.live[doc] = false;
    const count = this.wordCounts[doc] ?? 0;
    this.liveWords -= count;
    this.deadWords += count;
    if (this.deadWords > this.liveWords && this.deadWords > 100_000) this.sweep();
  }

  /** Gives back the room growth left over (after the first build). */
  trim(): void {
    for (const places of this.allPlaces()) places.trim();
  }

  private allPlaces(): Places[] {
    return [...this.places, ...this.otherPlaces.values(), this.anyOther];
  }

  /**
   * Where `phrase` stands as whole words, in any of its forms (formsOf), in the live articles `accept`
   * takes, by article; undefined when the phrase does not start and end with a word character, so that
   * only the texts can tell (the caller reads them). Words are checked at their offsets, so two
   * separators of the same length count alike ("Jean-Luc" and "Jean Luc"); the preview and the tagging
   * read the texts and check each place again.
   */
  find(phrase: string, accept: (doc: number) => boolean): Map<number, PhrasePlaces> | undefined {
    const found = new Map<number, PhrasePlaces>();
    for (const form of formsOf(phrase)) {
      const parts = partsOfForm(form);
      if (!parts) return undefined;
      const { words, others } = parts;
      const between = others.map(({ char }) => (char === ' ' ? undefined : this.otherPlaces.get(char)));
      if (between.some((list, n) => list === undefined && others[n]!.char !== ' ')) continue;
      const lists = words.map(({ word }) => this.placesOf(word));
      if (lists.some((list) => list === undefined)) continue;
      // The rarest word leads: the fewer places to check.
      let lead = 0;
      for (let n = 1; n < lists.length; n++) if (lists[n]!.length < lists[lead]!.length) lead = n;
      const { data, length } = lists[lead]!;
      const leadOffset = words[lead]!.offset;
      for (let at = 0; at < length; at += 2) {
        const doc = data[at]!;
        if (!this.live[doc] || !accept(doc)) continue;
        const start = data[at + 1]! - leadOffset;
        if (start < 0) continue;
        let whole = true;
        for (let n = 0; n < words.length && whole; n++) if (n !== lead && !lists[n]!.has(doc, start + words[n]!.offset)) whole = false;
        for (let n = 0; n < others.length && whole; n++) {
          const at = start + others[n]!.offset;
          if (others[n]!.char === ' ' ? this.anyOther.has(doc, at) : !between[n]!.has(doc, at)) whole = false;
        }
        if (!whole) continue;
        let places = found.get(doc);
        if (!places) found.set(doc, (places = { doc, starts: [], ends: [] }));
        places.starts.push(start);
        places.ends.push(start + form.length);
      }
    }
    // Forms found apart (the taught form and its capitals) are merged in text order, as occurrencesOf gives them.
    for (const places of found.values()) {
      if (places.starts.length < 2) continue;
      const order = places.starts.map((_, n) => n).sort((a, b) => places.starts[a]! - places.starts[b]!);
      places.starts = order.map((n) => places.starts[n]!);
      places.ends = order.map((n) => places.ends[n]!);
    }
    return found;
  }

  /** The articles whose words include all of `phrase`'s (any form): where the texts must tell for a phrase `find` cannot. */
  candidates(phrase: string, accept: (doc: number) => boolean): Set<number> {
    const docs = new Set<number>();
    for (const form of formsOf(phrase)) {
      const words: string[] = [];
      eachWord(form, (word) => words.push(word));
      const lists = words.map((word) => this.placesOf(word));
      if (lists.length === 0 || lists.some((list) => list === undefined)) continue;
      const lead = lists.reduce((rarest, list) => (list!.length < rarest!.length ? list : rarest))!;
      for (let at = 0; at < lead.length; at += 2) {
        const doc = lead.data[at]!;
        if (this.live[doc] && accept(doc) && lists.every((list) => list === lead || hasDoc(list!, doc))) docs.add(doc);
      }
    }
    return docs;
  }

  private placesOf(word: string): Places | undefined {
    const id = this.vocabulary.get(word);
    return id === undefined ? undefined : this.places[id];
  }

  private sweep(): void {
    const alive = (doc: number) => this.live[doc] === true;
    for (const places of this.allPlaces()) places.sweep(alive);
    this.deadWords = 0;
  }
}

/** Whether article `doc` has any place in `list` (sorted pairs: binary search on the article). */
function hasDoc(list: Places, doc: number): boolean {
  let low = 0;
  let high = list.length >> 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (list.data[2 * mid]! < doc) low = mid + 1;
    else high = mid;
  }
  return low < list.length >> 1 && list.data[2 * low] === doc;
}
