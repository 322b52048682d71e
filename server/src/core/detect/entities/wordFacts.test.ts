/**
 * The facts the vocabulary works out from a word's units while it reads it, and the lowercase forms found through
 * it, against their definitions on strings: detection reads them instead of asking each word's string.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lowercaseFormsOf, lowercaseFormsOfCapitalisedWords, readEntityText, wordUsages } from './index';
import { findTokenStarts } from './ruleStarts';
import { isShoutedWord } from './wordCase';
import { wordListBit } from './wordLists';

/** Words in every case and script the rules meet, apostrophes and joiners included. */
const WORDS = [
  'Drones', 'drones', 'DRONES', 'Kovac', 'KOVAC', 'kovac', "O'BRIEN", "O'Brien", 'o’brien', 'O’BRIEN', 'Kyiv-based',
  'SAINT-GERMAIN', 'saint-germain', 'Saint-Germain', 'İSTANBUL', 'istanbul', 'i̇stanbul', 'Straße', 'STRASSE', 'straße',
  '\u212aELVIN', 'kelvin', 'Kelvin', 'ÉCOLE', 'école', 'École', 'ΣΟΦΙΑ', 'σοφια', 'Σοφια', 'F-16', 'A320', 'A', 'I', 'V',
  'US', 'us', 'Us', 'NICE', 'nice', 'Nice', "PEOPLE'S", "people's", 'AT&T', 'U.S.', 'ǅemal', 'ǄEMAL', 'ǆemal', 'Ⅻ',
  'ⅻ', 'ß', 'ﬁ', 'ŉ', 'Σ', 'ς', '2024', 'the', 'The', 'THE', 'ẞLOW', 'sslow', 'ßlow', 'Sslow',
];
const SEPARATORS = [' ', ' ', ' ', '\n', ', ', '. ', ' - ', '\n\n', ': '];
const text = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { maxLength: 60 })
  .map((pieces) => pieces.map(([word, separator]) => word + separator).join(''));

/** isShoutedWord as first written, on the word's case-mapped copies. */
function shoutedByDefinition(word: string): boolean {
  if (word.length === 0 || word !== word.toUpperCase() || word === word.toLowerCase()) return false;
  if (/\d/.test(word)) return false;
  return /^\p{L}/u.test(word);
}

test('a word is in capitals for the vocabulary and isShoutedWord exactly when its case-mapped copies say so', () => {
  fc.assert(
    fc.property(text, (sample) => {
      const { tokens } = readEntityText(sample);
      tokens.vocabulary.forEach((word, id) => {
        assert.equal(tokens.isShoutedWord(id), shoutedByDefinition(word), word);
        assert.equal(isShoutedWord(word), shoutedByDefinition(word), word);
      });
      assert.equal(tokens.anyShouted, tokens.vocabulary.some(shoutedByDefinition));
    }),
    { numRuns: 300 },
  );
  for (const word of [...WORDS, '', "'", '-', 'ÀB1', 'AB1', '1AB', 'Ä', 'Ǆ']) assert.equal(isShoutedWord(word), shoutedByDefinition(word), word);
});

test('the lowercase forms of a whole text found through the vocabulary are those its word usage gives', () => {
  fc.assert(
    fc.property(text, (sample) => {
      const read = readEntityText(sample);
      const usage = wordUsages(read, [{ from: 0, to: read.tokens.length }])[0]!;
      assert.deepEqual([...lowercaseFormsOf(read.tokens, findTokenStarts(read.tokens, read.lines).wordMarks)].sort(), [...lowercaseFormsOfCapitalisedWords(usage)].sort());
    }),
    { numRuns: 300 },
  );
});

test('a word is looked up lower-cased among the words of the text, ASCII or not', () => {
  const { tokens } = readEntityText('Drones and drones; École and école; KOVAC; Straße');
  const id = (word: string) => tokens.vocabulary.indexOf(word);
  assert.equal(tokens.lowercaseWordId(id('Drones')), id('drones'));
  assert.equal(tokens.lowercaseWordId(id('École')), id('école'));
  assert.equal(tokens.lowercaseWordId(id('KOVAC')), -1);
  assert.equal(tokens.lowercaseWordId(id('drones')), id('drones'));
  assert.equal(tokens.idOfWord('straße'), -1);
  assert.equal(tokens.idOfWord('Straße'), id('Straße'));
});

test("a word list added once documents have been read is in the next document's table", () => {
  readEntityText('Denver beat Portland 5-3.').tokens.wordLists();
  const bit = wordListBit(['Portland']);
  const { tokens } = readEntityText('Denver beat Portland 5-3.');
  assert.notEqual(tokens.wordLists()[tokens.idOfWord('Portland')]! & bit, 0);
  assert.equal(tokens.wordLists()[tokens.idOfWord('Denver')]! & bit, 0);
});

test('the word lists of a word are read from one table per document', () => {
  const { tokens } = readEntityText('Denver beat Portland in the film "Sweet Home", said the minister.');
  const lists = tokens.wordLists();
  assert.equal(lists.length, tokens.vocabulary.length);
  // "Denver" is in no fixed list; "beat" after a team and before one; "the" is a minor word and a connector's.
  assert.equal(lists[tokens.vocabulary.indexOf('Denver')], 0);
  assert.notEqual(lists[tokens.vocabulary.indexOf('beat')], 0);
  assert.notEqual(lists[tokens.vocabulary.indexOf('film')], 0);
  assert.equal(tokens.wordLists(), lists);
});

test('a compound splits into its parts each time it is met, whatever its apostrophes', () => {
  const { tokens } = readEntityText("Kyiv-based firms. Kyiv-based firms. Ivano-Frankivsk O’Brien-Kyiv O'Brien-Kyiv long-range long-range");
  const texts = Array.from({ length: tokens.length }, (_, i) => tokens.text(i) + (tokens.isHyphenJoined(i) ? '(joined)' : ''));
  assert.deepEqual(texts, [
    'Kyiv', 'based(joined)', 'firms', '.', 'Kyiv', 'based(joined)', 'firms', '.', 'Ivano-Frankivsk', "O'Brien", 'Kyiv(joined)', "O'Brien",
    'Kyiv(joined)', 'long-range', 'long-range',
  ]);
});
