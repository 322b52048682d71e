/**
 * The document-wide set of capitalised words also written in lowercase in prose ("Drones" / "drones"), kept up
 * to date as blocks of the document come and go, by counting the blocks that use each word.
 */
import type { WordUsage } from './entities';

export class LowercaseVocabulary {
  /** Lowercased capitalised words, by the number of blocks using them. */
  private readonly capitalised = new Map<string, number>();
  /** Words written in lowercase on prose lines, by the number of blocks using them. */
  private readonly lowercase = new Map<string, number>();
  /** What lowercaseFormsOfCapitalisedWords gives for the whole document; updated in place. */
  readonly words = new Set<string>();

  /** Takes blocks out and in; returns the words that entered or left `words`. */
  change(removed: readonly WordUsage[], added: readonly WordUsage[]): Set<string> {
    const touched = new Set<string>();
    for (const usage of removed) {
      count(this.capitalised, usage.capitalisedLowered, -1, touched);
      count(this.lowercase, usage.lowercaseInProse, -1, touched);
    }
    for (const usage of added) {
      count(this.capitalised, usage.capitalisedLowered, 1, touched);
      count(this.lowercase, usage.lowercaseInProse, 1, touched);
    }
    const flipped = new Set<string>();
    for (const word of touched) {
      const isMember = this.capitalised.has(word) && this.lowercase.has(word);
      if (isMember === this.words.has(word)) continue;
      flipped.add(word);
      if (isMember) this.words.add(word);
      else this.words.delete(word);
    }
    return flipped;
  }
}

function count(counts: Map<string, number>, words: ReadonlySet<string>, step: 1 | -1, touched: Set<string>): void {
  for (const word of words) {
    const updated = (counts.get(word) ?? 0) + step;
    if (updated === 0) counts.delete(word);
    else counts.set(word, updated);
    touched.add(word);
  }
}
