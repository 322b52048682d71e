import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { occurrencesOf } from '../lexicon/matching';
import { TrackedPhrases } from './trackedPhrases';
import { WordIndex } from './wordIndex';

const TEXTS = ['Jean-Luc Moreau met Pieter de Vries.', 'JEAN-LUC MOREAU spoke; drones. Drones!', 'Nothing here but Jean and Luc.'];
const PHRASES = ['Jean-Luc Moreau', 'Pieter de Vries', 'drones'];

/** What a tracked phrase's places say, by article: [start, end] pairs. */
function placesOf(tracked: TrackedPhrases, phrase: string): Record<number, number[][]> {
  const found: Record<number, number[][]> = {};
  tracked.each(phrase, () => true, (doc, start, end) => (found[doc] ??= []).push([start, end]));
  return found;
}

function expected(texts: ReadonlyArray<string | undefined>, phrase: string): Record<number, number[][]> {
  const found: Record<number, number[][]> = {};
  texts.forEach((text, doc) => {
    const places = text === undefined ? [] : occurrencesOf(text, phrase);
    if (places.length > 0) found[doc] = places.map(({ start, end }) => [start, end]);
  });
  return found;
}

describe('phrases kept by their text', () => {
  it('finds a phrase where the lexicon would when tracked, then in each article indexed after, and forgets the removed', () => {
    const index = new WordIndex();
    const tracked = new TrackedPhrases();
    TEXTS.slice(0, 2).forEach((text, doc) => index.add(doc, text));
    for (const phrase of PHRASES) tracked.track(phrase, index.candidates(phrase, () => true), (doc) => TEXTS[doc]);
    // Article 2 comes after the phrases were tracked; article 3 is article 0 read again, changed.
    const texts: Array<string | undefined> = [...TEXTS, 'Drones and Pieter de Vries again.'];
    for (const doc of [2, 3]) {
      index.add(doc, texts[doc]!);
      tracked.added(doc, texts[doc]!, index);
    }
    index.remove(0);
    tracked.removed(0);
    texts[0] = undefined;
    for (const phrase of PHRASES) assert.deepEqual(placesOf(tracked, phrase), expected(texts, phrase), phrase);
    assert.equal(tracked.each('Olena', () => true, () => {}), false, 'a phrase not tracked says so');

    const again = TrackedPhrases.fromImage(tracked.image(), (doc) => doc !== 1);
    assert.deepEqual(placesOf(again, 'drones'), expected([undefined, undefined, undefined, texts[3]], 'drones'));
  });
});
