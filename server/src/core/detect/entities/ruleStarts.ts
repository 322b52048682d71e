/**
 * The tokens the wire-news rules start from, found in one walk over a document's tokens. Each of these rules looks
 * at a few tokens only (a shouted word, a model code, a score, an opening quote), and each used to walk the whole
 * token list to find them: four walks over hundreds of thousands of tokens, each a visible share of recognition.
 * Here each distinct word is classified once, and one walk lists the tokens of each kind, in order.
 */
import type { TokenList } from './tokenize';
import { SCORE_ROLE } from './teams';
import { OPENING_QUOTE } from './works';

/** Tokens by the rule that starts from them, each list in token order. */
export interface RuleStarts {
  /** Word tokens whose word is shouted ("KOVAC"): capitals.ts, initials.ts. */
  shouted: Int32Array;
  /** Tokens from the second on whose word has a role in models.ts (a model code, "crude", a naming verb). */
  models: Int32Array;
  /** Tokens whose word is a score or a number that may start one (teams.ts). */
  scores: Int32Array;
  /** Tokens neither first nor last whose word opens a quote (works.ts). */
  quotes: Int32Array;
}

const SHOUTED = 1;
const MODEL = 2;
const SCORE = 4;
const QUOTE = 8;

/** The roles of each word (by word id) that the rules worked out for their own use: modelRoles, teamRoles. */
export interface WordRoles {
  models: Uint8Array;
  teams: Uint8Array;
}

export function findRuleStarts(tokens: TokenList, roles: WordRoles): RuleStarts {
  const { vocabulary } = tokens;
  const lists = tokens.wordLists();
  const kinds = new Uint8Array(vocabulary.length);
  for (let id = 0; id < kinds.length; id++) {
    kinds[id] =
      (tokens.isShoutedWord(id) ? SHOUTED : 0) | (roles.models[id] !== 0 ? MODEL : 0) | ((roles.teams[id]! & SCORE_ROLE) !== 0 ? SCORE : 0) | ((lists[id]! & OPENING_QUOTE) !== 0 ? QUOTE : 0);
  }
  const shouted: number[] = [];
  const models: number[] = [];
  const scores: number[] = [];
  const quotes: number[] = [];
  const last = tokens.length - 1;
  for (let i = 0; i < tokens.length; i++) {
    const kind = kinds[tokens.wordId(i)]!;
    // Most tokens are lowercase words and punctuation no rule starts from.
    if (kind === 0) continue;
    if ((kind & SHOUTED) !== 0 && tokens.isWord(i)) shouted.push(i);
    if ((kind & MODEL) !== 0 && i > 0) models.push(i);
    if ((kind & SCORE) !== 0) scores.push(i);
    if ((kind & QUOTE) !== 0 && i > 0 && i < last) quotes.push(i);
  }
  return { shouted: Int32Array.from(shouted), models: Int32Array.from(models), scores: Int32Array.from(scores), quotes: Int32Array.from(quotes) };
}
