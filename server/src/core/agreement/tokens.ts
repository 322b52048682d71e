import { CodePointIndex } from '../base/offsets';

/** A word or number of an article, in code point offsets (end exclusive), as tags count. */
export interface Token {
  start: number;
  end: number;
}

/**
 * A letter or digit, then letters, digits and marks. A mark (a combining accent, a variation selector)
 * belongs to the token before it, so that a decomposed "é" stays inside its word; one that follows no
 * letter or digit, as the emoji selector after "❤", is no token of its own.
 */
const TOKEN = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

/**
 * The tokens of an article: maximal runs of letters and digits, with the marks that follow them.
 * Punctuation, symbols and spaces belong to no token, so "$50-billion" is "50" and "billion", and a
 * tag that differs from another only by a quote or a full stop covers the same tokens.
 */
export function tokenize(text: string): Token[] {
  const index = new CodePointIndex(text);
  return [...text.matchAll(TOKEN)].map((match) => ({
    start: index.toCodePoint(match.index),
    end: index.toCodePoint(match.index + match[0].length),
  }));
}
