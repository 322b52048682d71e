import { CodePointIndex } from '../offsets';

/** A word or number of an article, in code point offsets (end exclusive), as tags count. */
export interface Token {
  start: number;
  end: number;
}

/** Letters (with their combining marks, so that a decomposed "é" stays inside its word) and digits. */
const TOKEN = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * The tokens of an article: maximal runs of letters and digits. Punctuation, symbols and spaces
 * belong to no token, so "$50-billion" is "50" and "billion", and a tag that differs from another
 * only by a quote or a full stop covers the same tokens.
 */
export function tokenize(text: string): Token[] {
  const index = new CodePointIndex(text);
  return [...text.matchAll(TOKEN)].map((match) => ({
    start: index.toCodePoint(match.index),
    end: index.toCodePoint(match.index + match[0].length),
  }));
}
