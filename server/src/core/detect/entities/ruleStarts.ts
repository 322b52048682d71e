/**
 * What the entity rules need from every token of a text, found in one walk over its tokens: where a name may start
 * (recognise.ts reads chunks there, document-names.ts looks learnt names up there), where each wire-news rule
 * starts (a shouted word, a model code, a score, an opening quote) and which words the text writes capitalised
 * and in lowercase (lowercaseFormsOf in index.ts). Each rule used to walk the whole token list for its few tokens: six walks
 * over the hundreds of thousands of tokens of a long text, each a visible share of detection, where a text has only
 * a few thousand distinct words. Here each distinct word is classified once, and one walk lists the tokens of
 * each kind, in order.
 */
import type { TokenList } from './tokenize';
import type { LineKind } from './boilerplate';
import { STATIC_INDEX } from './knownNames';
import { modelRoles } from './models';
import { SCORE_ROLE, teamRoles } from './teams';
import { OPENING_QUOTE } from './works';
import { wordListBit } from './wordLists';

/** The roles of each word (by word id) that the rules work out for their own use: modelRoles, teamRoles. */
export interface WordRoles {
  models: Uint8Array;
  teams: Uint8Array;
}

/** Tokens by the rule that starts from them, each list in token order, and the words' roles they were found by. */
export interface TokenStarts {
  roles: WordRoles;
  /** Capitalised tokens, and word tokens that may open a gazetteer phrase starting in lowercase ("iPhone"). */
  names: Int32Array;
  /** Word tokens whose word is shouted ("KOVAC"): capitals.ts, initials.ts. */
  shouted: Int32Array;
  /** Tokens from the second on whose word has a role in models.ts (a model code, "crude", a naming verb). */
  models: Int32Array;
  /** Tokens whose word is a score or a number that may start one (teams.ts). */
  scores: Int32Array;
  /** Tokens neither first nor last whose word opens a quote (works.ts). */
  quotes: Int32Array;
  /** By word id: CAPITALISED when a token writes it capitalised, LOWERCASE_IN_PROSE when one writes it on a prose line. */
  wordMarks: Uint8Array;
}

export const CAPITALISED = 1;
export const LOWERCASE_IN_PROSE = 2;

/** Gazetteer phrases that start with a lowercase word ("the Netherlands", "iPhone"); document names never do. */
const LOWERCASE_PHRASE_START = wordListBit([...STATIC_INDEX.byFirstWord.keys()].filter((word) => !/^\p{Lu}/u.test(word)));

/** What a word is to the walk, by word id. */
const SHOUTED = 1;
const MODEL = 2;
const SCORE = 4;
const QUOTE = 8;
const PHRASE_START = 16;

export function findTokenStarts(tokens: TokenList, lines: readonly LineKind[]): TokenStarts {
  const roles: WordRoles = { models: modelRoles(tokens), teams: teamRoles(tokens) };
  const lists = tokens.wordLists();
  const kinds = new Uint8Array(tokens.vocabulary.length);
  for (let id = 0; id < kinds.length; id++) {
    const inLists = lists[id]!;
    kinds[id] =
      (tokens.isShoutedWord(id) ? SHOUTED : 0) |
      (roles.models[id] !== 0 ? MODEL : 0) |
      ((roles.teams[id]! & SCORE_ROLE) !== 0 ? SCORE : 0) |
      ((inLists & OPENING_QUOTE) !== 0 ? QUOTE : 0) |
      ((inLists & LOWERCASE_PHRASE_START) !== 0 ? PHRASE_START : 0);
  }
  const wordMarks = new Uint8Array(kinds.length);
  // A fifth of a text's tokens may start a name: a typed array as long as the text's tokens holds them without the
  // copies a growing array makes (the other lists are short).
  const names = new Int32Array(tokens.length);
  let nameCount = 0;
  const shouted: number[] = [];
  const models: number[] = [];
  const scores: number[] = [];
  const quotes: number[] = [];
  const last = tokens.length - 1;
  for (let i = 0; i < tokens.length; i++) {
    const id = tokens.wordId(i);
    const kind = kinds[id]!;
    if (tokens.isCapitalised(i)) {
      wordMarks[id] |= CAPITALISED;
      names[nameCount++] = i;
    } else if (tokens.isWord(i)) {
      if ((kind & PHRASE_START) !== 0) names[nameCount++] = i;
      // A word's line is looked at until one token of the word is found on a prose line: most words recur.
      if ((wordMarks[id]! & LOWERCASE_IN_PROSE) === 0 && lines[tokens.line(i)] === 'prose') wordMarks[id] |= LOWERCASE_IN_PROSE;
    }
    // Most tokens are lowercase words and punctuation no wire-news rule starts from.
    if ((kind & (SHOUTED | MODEL | SCORE | QUOTE)) === 0) continue;
    if ((kind & SHOUTED) !== 0 && tokens.isWord(i)) shouted.push(i);
    if ((kind & MODEL) !== 0 && i > 0) models.push(i);
    if ((kind & SCORE) !== 0) scores.push(i);
    if ((kind & QUOTE) !== 0 && i > 0 && i < last) quotes.push(i);
  }
  return {
    roles,
    names: names.subarray(0, nameCount),
    shouted: Int32Array.from(shouted),
    models: Int32Array.from(models),
    scores: Int32Array.from(scores),
    quotes: Int32Array.from(quotes),
    wordMarks,
  };
}
