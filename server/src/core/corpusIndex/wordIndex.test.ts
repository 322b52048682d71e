import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { occurrencesOf } from '../lexicon/matching';
import { WordIndex } from './wordIndex';

const TEXTS = [
  'Olena Kovalenko met Marek Nowak. OLENA KOVALENKO spoke; Kovalenko left.',
  'Drones hit Kyiv. drones again, Kyivstar down. Jean-Luc Moreau and Jean Luc Moreau.',
  'Søren Kierkegaard wrote; Tomasz Wiśniewski read 𝒳 Olena Kovalenko’s notes.',
];

/** What the index finds, as occurrencesOf over the texts would: article → [start, end] pairs. */
function found(index: WordIndex, phrase: string): Record<number, number[][]> {
  const result: Record<number, number[][]> = {};
  for (const [doc, places] of index.find(phrase, () => true) ?? []) result[doc] = places.starts.map((start, n) => [start, places.ends[n]!]);
  return result;
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

  it('finds a phrase where the lexicon would, in any of its forms, by its words', () => {
    for (const phrase of ['Olena Kovalenko', 'Kovalenko', 'drones', 'Kyiv', 'Jean-Luc Moreau', 'Wiśniewski', 'Marek', 'Nowhere'])
      assert.deepEqual(found(index, phrase), expected(TEXTS, phrase), phrase);
  });

  it('leaves a phrase that starts or ends without a word to the texts, naming the articles holding its words', () => {
    assert.equal(index.find('Nowak.', () => true), undefined);
    assert.deepEqual([...index.candidates('Nowak.', () => true)], [0]);
  });

  it('forgets an article read again, and finds it under its new number', () => {
    const again = new WordIndex();
    TEXTS.forEach((text, doc) => again.add(doc, text));
    again.remove(0);
    again.add(3, 'Now only Marek Nowak.');
    assert.deepEqual(found(again, 'Marek Nowak'), { 3: [[9, 20]] });
    assert.deepEqual(found(again, 'Olena Kovalenko'), expected([undefined, undefined, TEXTS[2]], 'Olena Kovalenko'));
  });
});
