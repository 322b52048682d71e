/** How the scanner looks at tokens: lower-cased text, kinds, gaps, capitals, number words. */
import { parseWordNumber } from '../shared/wordNumbers';
import { filterHashOf } from '../shared/textScan';
import { START_WORDS } from './anchors';
import { type Token, UNHASHED } from './tokens';
import {
  CENT_NOUNS, COUNTED_AFTER_ONE, CURRENCY_NOUNS, DASH_UNITS, LIST_JOINERS, MINUS_SIGN_UNITS, MODIFIERS_BY_FIRST_WORD, ORDINAL_SUFFIXES, PENCE_NOUNS,
  PERCENT_PHRASES, PRONOUN_BEFORE_ONE, SCALE_WORDS, SCORE_WORDS, TIME_UNITS, WORD_UNITS_BY_FIRST, YEAR_CONTEXT,
} from './vocabulary';

/** parseWordNumber for one lower-cased word, remembered: it is asked about most words of the text. */
const wordValues = new Map<string, number | undefined>();
const WORD_CACHE_LIMIT = 50_000;

export function wordValue(lower: string): number | undefined {
  const known = wordValues.get(lower);
  if (known !== undefined || wordValues.has(lower)) return known;
  const value = lower.length <= 9 ? parseWordNumber(lower) : undefined;
  if (wordValues.size < WORD_CACHE_LIMIT) wordValues.set(lower, value);
  return value;
}

/** A word of a number phrase ("five", "thousand"), not "a", "an", "half" or "dozen". */
export function isNumberWord(lower: string): boolean {
  if (SCALE_WORDS.has(lower)) return true;
  const value = wordValue(lower);
  return value !== undefined && Number.isInteger(value) && lower !== 'a' && lower !== 'an' && lower !== 'dozen';
}

/**
 * The lower-case words the rules compare tokens with, by their filter hash (see Token.foldedHash): a token that is one
 * of them, in any case, gets the table's string as its lower-case text, without slicing and lower-casing its own and
 * with its hash for set lookups already known. Of two words with one hash the first is kept; the other is lower-cased
 * as any other word is.
 */
const KNOWN_WORDS: ReadonlyMap<number, string> = (() => {
  const words = [
    ...START_WORDS, ...[...MODIFIERS_BY_FIRST_WORD.values()].flat(2), ...ORDINAL_SUFFIXES, ...TIME_UNITS, ...CURRENCY_NOUNS.keys(),
    ...CENT_NOUNS, ...PENCE_NOUNS, ...PERCENT_PHRASES.flatMap((phrase) => phrase.words), ...[...WORD_UNITS_BY_FIRST.values()].flat().flatMap((unit) => unit.words),
    ...SCORE_WORDS, ...LIST_JOINERS, ...PRONOUN_BEFORE_ONE, ...YEAR_CONTEXT, ...COUNTED_AFTER_ONE, 'of', 'few', 'half', 'quarter', 'the',
  ];
  const known = new Map<number, string>();
  for (const word of words) {
    const hash = filterHashOf(word, true);
    if (/^[a-z']+$/.test(word) && !known.has(hash)) known.set(hash, word);
  }
  return known;
})();

/** The known word (see KNOWN_WORDS) that `token` is in some case, if any. */
function knownLowerCase(token: Token, units: Uint16Array): string | undefined {
  if (token.foldedHash === UNHASHED) return undefined;
  const known = KNOWN_WORDS.get(token.foldedHash);
  if (known === undefined || known.length !== token.end - token.start) return undefined;
  // A hashed word holds only ASCII letters and "'", which "| 32" lower-cases as toLowerCase does.
  for (let k = 0; k < known.length; k++) {
    if ((units[token.start + k]! | 32) !== known.charCodeAt(k)) return undefined;
  }
  return known;
}

/** text.toLowerCase(), without its cost for the many words that hold no capital and no accent. */
function toLowerCase(text: string): string {
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if ((code >= 65 && code <= 90) || code >= 128) return text.toLowerCase();
  }
  return text;
}

/**
 * The tokens of one stretch as the number rules read them: by index, where an index past either end reads as no
 * token, with each token's lower-cased text worked out once.
 */
export class TokenView {
  constructor(
    /** The stretch's tokens, `count` of them, then undefined if the array goes on (see Tokenizer.tokens). */
    readonly tokens: readonly Token[],
    readonly count: number,
    /** The UTF-16 units of the text the tokens come from. */
    readonly units: Uint16Array,
  ) {}

  lower(index: number): string {
    const token = this.tokens[index];
    if (token === undefined) return '';
    return (token.lowered ??= knownLowerCase(token, this.units) ?? toLowerCase(token.text));
  }

  isWord(index: number, lower: string): boolean {
    const token = this.tokens[index];
    if (token?.kind !== 'word') return false;
    // A hashed word is ASCII, which keeps its length in lower case: one of another length is not `lower`, and need not
    // be lower-cased to tell (a word with a "İ" grows in lower case, so the others are lower-cased and compared).
    if (token.foldedHash !== UNHASHED && token.end - token.start !== lower.length) return false;
    return this.lower(index) === lower;
  }

  /** The token at `index` follows on the same line (not across a paragraph or a line of page furniture). */
  continues(index: number): boolean {
    const token = this.tokens[index];
    return token !== undefined && token.gap !== 2;
  }

  glued(index: number): boolean {
    const token = this.tokens[index];
    return token !== undefined && token.gap === 0;
  }

  isCapitalised(index: number): boolean {
    const token = this.tokens[index];
    return token?.kind === 'word' && token.text[0] !== token.text[0].toLowerCase();
  }

  /** First word of a sentence, a line, a quotation or a heading, where capitals say nothing about names. */
  startsSentence(index: number): boolean {
    const token = this.tokens[index];
    if (token === undefined || token.gap === 2 || index === 0) return true;
    const previous = this.tokens[index - 1];
    return previous.kind === 'sym' && /^[.!?:;"“”‘'’(\[—–\-•*>|]$/.test(previous.text);
  }

  isNumberToken(index: number): boolean {
    const token = this.tokens[index];
    if (token === undefined) return false;
    if (token.kind === 'num') return !token.blocked;
    return token.kind === 'word' && isNumberWord(this.lower(index));
  }

  isGluedDash(index: number): boolean {
    const token = this.tokens[index];
    return token !== undefined && token.gap === 0 && this.isOneUnitOf(token, DASH_UNITS);
  }

  /** The token is a minus sign (or a hyphen or dash written as one). */
  isMinusSign(index: number): boolean {
    const token = this.tokens[index];
    return token !== undefined && this.isOneUnitOf(token, MINUS_SIGN_UNITS);
  }

  /** A token one unit long whose unit is in `units`: DASHES.has(token.text), say, without slicing the text. */
  private isOneUnitOf(token: Token, units: ReadonlySet<number>): boolean {
    return token.end - token.start === 1 && units.has(this.units[token.start]!);
  }
}
