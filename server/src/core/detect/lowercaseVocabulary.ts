/**
 * The document-wide set of capitalised words also written in lowercase in prose ("Drones" / "drones"), kept up
 * to date as blocks of the document come and go, by counting the blocks that use each word.
 */
import type { WordUsage } from './entities/index';

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
    // Counted by pairs, as only what differs between a block and its replacement moves a count: an edit
    // replaces a few blocks with similar ones, whose thousand words are then looked at once each.
    for (let n = 0; n < Math.max(removed.length, added.length); n++) {
      const before = removed[n] ?? NO_USAGE;
      const after = added[n] ?? NO_USAGE;
      countDifference(this.capitalised, before.capitalisedLowered, after.capitalisedLowered, touched);
      countDifference(this.lowercase, before.lowercaseInProse, after.lowercaseInProse, touched);
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

const NO_USAGE: WordUsage = { capitalised: new Set(), capitalisedLowered: new Set(), lowercaseInProse: new Set() };

function countDifference(counts: Map<string, number>, before: ReadonlySet<string>, after: ReadonlySet<string>, touched: Set<string>): void {
  for (const word of before) if (!after.has(word)) count(counts, word, -1, touched);
  for (const word of after) if (!before.has(word)) count(counts, word, 1, touched);
}

function count(counts: Map<string, number>, word: string, step: 1 | -1, touched: Set<string>): void {
  const updated = (counts.get(word) ?? 0) + step;
  if (updated === 0) counts.delete(word);
  else counts.set(word, updated);
  touched.add(word);
}
