/**
 * The one walk over a text's tokens (ruleStarts.ts) against each list's definition on every token: the rules read
 * only the tokens listed, so a token left out is a name or a product lost without any other test noticing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readEntityText } from './index';
import { STATIC_INDEX } from './knownNames';
import { modelRoles } from './models';
import { SCORE_ROLE, teamRoles } from './teams';
import { findTokenStarts } from './ruleStarts';
import { firstAtLeast } from '../../base/sortedSearch';

/** Words of each kind the walk lists (and of none), in the cases and shapes wire news writes them. */
const WORDS = [
  'Kovac', 'KOVAC', 'kovac', 'iPhone', 'the', 'The', 'Netherlands', 'crude', 'Brent', 'called', 'Skarabey', 'Quasar',
  '5', '2024', 'X2', 'A320', '3-2', '12', '-', 'beat', 'film', '"', '“', '‘', "'", '”', 'GENEVA', 'Reuters', 'said',
  'de', 'von', 'of', '&', 'F-16', 'Su-34', 'ÉCOLE', 'école', 'tablets', '(', ')', 'NICE', 'nice', 'US',
];
const SEPARATORS = [' ', ' ', ' ', '\n', ', ', '. ', ' - ', '\n\n'];
const text = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { maxLength: 80 })
  .map((pieces) => pieces.map(([word, separator]) => word + separator).join(''));

const OPENING_QUOTES = new Set(['"', '“', '‘', "'"]);

function tokensWhere(count: number, keep: (i: number) => boolean): number[] {
  const kept: number[] = [];
  for (let i = 0; i < count; i++) if (keep(i)) kept.push(i);
  return kept;
}

test('the walk lists exactly the tokens each rule starts from, in order, and marks the words by case', () => {
  fc.assert(
    fc.property(text, (sample) => {
      const { tokens, lines } = readEntityText(sample);
      const starts = findTokenStarts(tokens, lines);
      const models = modelRoles(tokens);
      const teams = teamRoles(tokens);
      const n = tokens.length;
      const phraseStart = (i: number) => STATIC_INDEX.byFirstWord.has(tokens.text(i)) && !/^\p{Lu}/u.test(tokens.text(i));
      assert.deepEqual([...starts.names], tokensWhere(n, (i) => tokens.isCapitalised(i) || (tokens.isWord(i) && phraseStart(i))));
      assert.deepEqual([...starts.shouted], tokensWhere(n, (i) => tokens.isWord(i) && tokens.isShoutedWord(tokens.wordId(i))));
      assert.deepEqual([...starts.models], tokensWhere(n, (i) => i > 0 && models[tokens.wordId(i)] !== 0));
      assert.deepEqual([...starts.scores], tokensWhere(n, (i) => (teams[tokens.wordId(i)]! & SCORE_ROLE) !== 0));
      assert.deepEqual([...starts.quotes], tokensWhere(n, (i) => i > 0 && i < n - 1 && OPENING_QUOTES.has(tokens.text(i))));
      tokens.vocabulary.forEach((word, id) => {
        const capitalised = tokensWhere(n, (i) => tokens.wordId(i) === id && tokens.isCapitalised(i)).length > 0;
        const inProse = tokensWhere(n, (i) => tokens.wordId(i) === id && !tokens.isCapitalised(i) && tokens.isWord(i) && lines[tokens.line(i)] === 'prose').length > 0;
        assert.equal((starts.wordMarks[id]! & 1) !== 0, capitalised, `${word} capitalised`);
        assert.equal((starts.wordMarks[id]! & 2) !== 0, inProse, `${word} in prose`);
      });
    }),
    { numRuns: 300 },
  );
});

test('firstAtLeast finds the first element at or after a value in an ascending list', () => {
  const sorted = Int32Array.from([2, 5, 5, 9]);
  assert.deepEqual([0, 2, 3, 5, 6, 9, 10].map((value) => firstAtLeast(sorted, value)), [0, 0, 1, 1, 3, 3, 4]);
  assert.equal(firstAtLeast(new Int32Array(0), 3), 0);
});
