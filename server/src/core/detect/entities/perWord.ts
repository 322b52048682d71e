import type { TokenList } from './tokenize';

/**
 * A fact about the words of one document that depends on the word alone, worked out the first time a word is
 * asked about: a document repeats its words, and a set or map lookup per token was a large share of recognition.
 */
export class PerWord<T> {
  private readonly values: T[];
  private readonly known: Uint8Array;

  constructor(
    private readonly tokens: TokenList,
    private readonly compute: (word: string) => T,
  ) {
    this.values = new Array<T>(tokens.vocabulary.length);
    this.known = new Uint8Array(tokens.vocabulary.length);
  }

  /** The fact for the word of token `index`. */
  at(index: number): T {
    const id = this.tokens.wordId(index);
    if (this.known[id] === 0) {
      this.values[id] = this.compute(this.tokens.vocabulary[id]!);
      this.known[id] = 1;
    }
    return this.values[id]!;
  }
}
