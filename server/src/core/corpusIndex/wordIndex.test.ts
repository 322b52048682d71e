import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { occurrencesOf } from '../lexicon/matching';
import { WordIndex } from './wordIndex';

const TEXTS = [
  'Olena Kovalenko met Marek Nowak. OLENA KOVALENKO spoke; Kovalenko left.',
  'Drones hit Kyiv. drones again, Kyivstar down. Jean-Luc Moreau and Jean Luc Moreau.',
  'Søren Kierkegaard wrote; Tomasz Wiśniewski read 𝒳 Olena Kovalenko’s notes.',
];

/**
 * What the index finds, by its places for a name, else by searching the texts of the articles it
 * names (as the corpus index's worker does): article → [start, end] pairs.
 */
function found(index: WordIndex, phrase: string, texts: ReadonlyArray<string | undefined> = TEXTS): Record<number, number[][]> {
  const places = index.find(phrase, () => true);
  if (places) return Object.fromEntries([...places].map(([doc, { starts, ends }]) => [doc, starts.map((start, n) => [start, ends[n]!])]));
  return expected(texts.map((text, doc) => (index.candidates(phrase, () => true).has(doc) ? text : undefined)), phrase);
}

function expected(texts: ReadonlyArray<string | undefined>, phrase: string): Record<number, number[][]> {
  const result: Record<number, number[][]> = {};
  texts.forEach((text, doc) => {
    const places = text === undefined ? [] : occurrencesOf(text, phrase);
    if (places.length > 0) result[doc] = places.map(({ start, end }) => [start, end]);
  });
  return result;
}

describe('word index', () => {
  const index = new WordIndex();
  TEXTS.forEach((text, doc) => index.add(doc, text));

  it('finds a phrase where the lexicon would, in any of its forms: a name by its places, the others in the texts it names', () => {
    for (const phrase of ['Olena Kovalenko', 'Kovalenko', 'drones', 'Kyiv', 'Jean-Luc Moreau', 'Jean Luc Moreau', 'Wiśniewski', 'Marek', 'Nowhere', 'Nowak.', 'down'])
      assert.deepEqual(found(index, phrase), expected(TEXTS, phrase), phrase);
  });

  it('places a name without its texts, and leaves other phrases to the texts of the articles holding all their words', () => {
    assert.ok(index.find('Olena Kovalenko', () => true));
    assert.ok(index.find('Jean Luc Moreau', () => true), 'one space between names: by places');
    for (const phrase of ['Jean-Luc Moreau', 'Nowak.', 'drones', 'Pieter de Vries']) assert.equal(index.find(phrase, () => true), undefined, phrase);
    assert.deepEqual([...index.candidates('Nowak.', () => true)], [0]);
    assert.deepEqual([...index.candidates('drones', () => true)], [1], 'either form: "drones" or "Drones"');
  });

  it('forgets an article read again, and finds it under its new number', () => {
    const again = new WordIndex();
    TEXTS.forEach((text, doc) => again.add(doc, text));
    again.remove(0);
    again.add(3, 'Now only Marek Nowak.');
    const texts = [undefined, TEXTS[1], TEXTS[2], 'Now only Marek Nowak.'];
    assert.deepEqual(found(again, 'Marek Nowak', texts), { 3: [[9, 20]] });
    assert.deepEqual(found(again, 'Olena Kovalenko', texts), expected(texts, 'Olena Kovalenko'));
    assert.deepEqual(found(again, 'drones', texts), expected(texts, 'drones'));
  });
});

describe('word index over many articles', () => {
  it('finds names as the texts hold them, whichever word is rarer and however long the lists', () => {
    const names = ['Olena Kovalenko', 'Marek Nowak', 'Kovalenko Marek', 'Olena', 'The Hague Court'];
    const texts = Array.from({ length: 400 }, (_, n) => [`Report ${n}:`, n % 3 === 0 ? 'Olena Kovalenko' : 'Olena  Kovalenko', n % 7 === 0 ? 'met Marek Nowak' : 'met Marek', n % 5 === 0 ? 'at The Hague Court.' : 'at The Hague.', 'Kovalenko Marek,'].join(' '));
    const index = new WordIndex();
    texts.forEach((text, doc) => index.add(doc, text));
    for (const name of names) assert.deepEqual(found(index, name, texts), expected(texts, name), name);
  });
});
