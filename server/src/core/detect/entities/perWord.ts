import type { TokenList } from './tokenize';

/** A value no fact has: the mark of a word not asked about yet. */
const UNASKED: unique symbol = Symbol('unasked');

/**
 * A fact about the words of one document that depends on the word alone, worked out the first time a word is
 * asked about: a document repeats its words, and a set or map lookup per token was a large share of recognition.
 * One array holds the facts and the words not yet asked about, so a document's many facts cost one allocation each
 * (a short article has as many distinct words as tokens, and a second, typed array per fact was a visible share).
 */
export class PerWord<T> {
  /** Made on the first question: some facts are never asked of a document (the capitals of one without any). */
  private values: Array<T | typeof UNASKED> | undefined;

  constructor(
    private readonly tokens: TokenList,
    private readonly compute: (word: string) => T,
  ) {}

  /** The fact for the word of token `index`. */
  at(index: number): T {
    const id = this.tokens.wordId(index);
    this.values ??= new Array<T | typeof UNASKED>(this.tokens.vocabulary.length).fill(UNASKED);
    const known = this.values[id]!;
    if (known !== UNASKED) return known;
    const value = this.compute(this.tokens.vocabulary[id]!);
    this.values[id] = value;
    return value;
  }
}
