import { formsOf, occurrencesOf } from '../lexicon/matching';
import { eachWord, type WordIndex } from './wordIndex';

/** One article's places of a phrase: UTF-16 starts and ends, in order. */
interface Places {
  starts: number[];
  ends: number[];
}

/** A phrase's forms (formsOf) by their words, with the words' numbers in the index once known. */
interface FormWords {
  words: string[];
  ids: number[];
}

/**
 * The phrases the word places cannot tell (WordIndex.find answers undefined: "Jean-Luc Moreau",
 * "Pieter de Vries", "drones"), kept by their text: each one's places in every article, found once
 * when it is first tracked (in the texts of the articles holding all its words) and from then on in
 * each article as it is indexed, whose text is in hand. Learnt texts are tracked as they are learnt,
 * so that counting one across the corpus reads no file at Ctrl+.
 *
 * An article indexed is searched only for the phrases whose words it holds, which its entries in the
 * word index tell at once (it is the last article of each list): a few integer checks per phrase.
 */
export class TrackedPhrases {
  private readonly places = new Map<string, Map<number, Places>>();
  private readonly forms = new Map<string, FormWords[]>();
  /** The index the words' numbers were taken from: another one (a rebuild) numbers words afresh. */
  private numbered: WordIndex | undefined;

  has(phrase: string): boolean {
    return this.places.has(phrase);
  }

  /**
   * Starts keeping `phrase`: its places in the articles `docs` (which must include every live article
   * holding its words), each text given by `textOf` (undefined when it cannot be read: none there).
   */
  track(phrase: string, docs: Iterable<number>, textOf: (doc: number) => string | undefined): void {
    if (this.places.has(phrase)) return;
    const found = new Map<number, Places>();
    for (const doc of docs) {
      const text = textOf(doc);
      if (text !== undefined) this.search(found, doc, text, phrase);
    }
    this.keep(phrase, found);
  }

  /** Article `doc` was indexed with `text` (already added to `index`): its places of every phrase kept. */
  added(doc: number, text: string, index: WordIndex): void {
    if (this.places.size === 0) return;
    if (this.numbered !== index) {
      this.numbered = index;
      for (const forms of this.forms.values()) for (const form of forms) form.ids.fill(-1);
    }
    for (const [phrase, forms] of this.forms) {
      if (forms.some((form) => holdsAll(index, form, doc))) this.search(this.places.get(phrase)!, doc, text, phrase);
    }
  }

  /** Article `doc` is forgotten. */
  removed(doc: number): void {
    for (const found of this.places.values()) found.delete(doc);
  }

  /** Forgets every article's places, keeping the phrases: the index is rebuilt from the files. */
  clearPlaces(): void {
    for (const found of this.places.values()) found.clear();
  }

  /** Each place of a kept phrase in the articles `accept` takes, by article; false, visiting nothing, when it is not kept. */
  each(phrase: string, accept: (doc: number) => boolean, visit: (doc: number, start: number, end: number) => void): boolean {
    const found = this.places.get(phrase);
    if (!found) return false;
    for (const [doc, { starts, ends }] of found) {
      if (!accept(doc)) continue;
      for (let n = 0; n < starts.length; n++) visit(doc, starts[n]!, ends[n]!);
    }
    return true;
  }

  /** Every phrase's places, for the index's cache. */
  image(): Record<string, Array<[number, number[], number[]]>> {
    const image: Record<string, Array<[number, number[], number[]]>> = {};
    for (const [phrase, found] of this.places) image[phrase] = [...found].map(([doc, { starts, ends }]) => [doc, starts, ends]);
    return image;
  }

  /** The phrases of a cache's image, in articles `isLive` takes. */
  static fromImage(image: Readonly<Record<string, ReadonlyArray<readonly [number, number[], number[]]>>>, isLive: (doc: number) => boolean): TrackedPhrases {
    const tracked = new TrackedPhrases();
    for (const [phrase, entries] of Object.entries(image)) {
      const found = new Map<number, Places>();
      for (const [doc, starts, ends] of entries) if (isLive(doc) && starts.length === ends.length) found.set(doc, { starts, ends });
      tracked.keep(phrase, found);
    }
    return tracked;
  }

  private keep(phrase: string, found: Map<number, Places>): void {
    this.places.set(phrase, found);
    this.forms.set(
      phrase,
      formsOf(phrase).map((form) => {
        const words: string[] = [];
        eachWord(form, (word) => words.push(word));
        return { words, ids: words.map(() => -1) };
      }),
    );
  }

  private search(found: Map<number, Places>, doc: number, text: string, phrase: string): void {
    const places = occurrencesOf(text, phrase);
    if (places.length > 0) found.set(doc, { starts: places.map((place) => place.start), ends: places.map((place) => place.end) });
  }
}

/** Whether article `doc` holds every word of a form (numbered in `index` as first met). */
function holdsAll(index: WordIndex, form: FormWords, doc: number): boolean {
  for (let n = 0; n < form.words.length; n++) {
    if (form.ids[n]! < 0) form.ids[n] = index.numberOf(form.words[n]!);
    if (form.ids[n]! < 0 || !index.holds(form.ids[n]!, doc)) return false;
  }
  return true;
}
