import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  DIGIT, EMPTY_FILTER_HASH, EMPTY_WORD_HASH, HASH_FILTER_MASK, LETTER, NOT_WORD, UNDERSCORE, UnitClasses, UnitSet, filterHashOf, filterHashUnit,
  hashFilter, hashUnit, isApostrophe, isDigit, isWhitespace, wordCharacterKinds,
} from './textScan';

const EVERY_UNIT = Array.from({ length: 65536 }, (_, code) => code);

describe('textScan: verdicts on characters', () => {
  it('a UnitSet says what its regex says of every UTF-16 unit, also when asked again', () => {
    const pattern = /[\p{L}\p{N}'’.,-]/u;
    const set = new UnitSet(pattern);
    for (let pass = 0; pass < 2; pass++) {
      const disagreeing = EVERY_UNIT.filter((code) => set.has(code) !== pattern.test(String.fromCharCode(code)));
      assert.deepEqual(disagreeing, []);
    }
  });

  it('UnitClasses works out each unit once and keeps its class', () => {
    const asked: number[] = [];
    const classes = new UnitClasses((code) => {
      asked.push(code);
      return code < 128 ? 1 : 2;
    });
    assert.deepEqual([classes.of(65), classes.of(0x416), classes.of(65), classes.of(0x416)], [1, 2, 1, 2]);
    assert.deepEqual(asked, [65, 0x416]);
  });

  it('isWhitespace is what a regex \\s matches, for every unit', () => {
    assert.deepEqual(EVERY_UNIT.filter((code) => isWhitespace(code) !== /\s/.test(String.fromCharCode(code))), []);
  });

  it('wordCharacterKinds marks what a regex \\w matches, and nothing else, by kind', () => {
    const kinds = wordCharacterKinds();
    assert.deepEqual(EVERY_UNIT.filter((code) => (kinds[code] !== NOT_WORD) !== /\w/.test(String.fromCharCode(code))), []);
    assert.deepEqual([kinds[0x61], kinds[0x5a], kinds[0x37], kinds[0x5f], kinds[0xe9]], [LETTER, LETTER, DIGIT, UNDERSCORE, NOT_WORD]);
    // Each call gives a table of its own, for the caller to add kinds to.
    kinds[0x24] = 9;
    assert.equal(wordCharacterKinds()[0x24], NOT_WORD);
  });

  it('digits and apostrophes', () => {
    assert.deepEqual(EVERY_UNIT.filter(isDigit).map((code) => String.fromCharCode(code)).join(''), '0123456789');
    assert.deepEqual(EVERY_UNIT.filter(isApostrophe), [0x27, 0x2019]);
  });
});

describe('textScan: word hashing', () => {
  const incrementally = (word: string, step: (hash: number, code: number) => number, empty: number): number => {
    let hash = empty;
    for (const unit of word.split('').map((char) => char.charCodeAt(0))) hash = step(hash, unit);
    return hash;
  };

  it('a whole word has the filter hash of its units hashed one by one, a small integer', () => {
    for (const word of ['', 'March', 'o’clock', 'İstanbul', 'x'.repeat(500)]) {
      const hash = filterHashOf(word);
      assert.equal(hash, incrementally(word, filterHashUnit, EMPTY_FILTER_HASH));
      assert.equal(hash, hash | 0);
    }
  });

  it('filter hashes fold ASCII case only when asked', () => {
    assert.notEqual(filterHashOf('Million'), filterHashOf('million'));
    assert.equal(filterHashOf('Million', true), filterHashOf('million', true));
    assert.equal(filterHashOf('MILLION', true), incrementally('million', filterHashUnit, EMPTY_FILTER_HASH));
  });

  it('a hash filter holds the masked hash of every word it was built from', () => {
    const words = ['January', 'quarter', 'FY', 'o', 'read more'];
    const filter = hashFilter(words);
    assert.equal(filter.length, HASH_FILTER_MASK + 1);
    for (const word of words) assert.equal(filter[filterHashOf(word) & HASH_FILTER_MASK], 1, word);
    assert.equal(filter.reduce((sum, bit) => sum + bit, 0) <= words.length, true);
    const folded = hashFilter(['US', 'Rs'], true);
    assert.equal(folded[filterHashOf('us') & HASH_FILTER_MASK], 1);
    assert.equal(folded[filterHashOf('rs') & HASH_FILTER_MASK], 1);
  });

  it('the vocabulary hash folds the typographic apostrophe into "\'" and stays a small integer', () => {
    const oBrien = incrementally('O’Brien', hashUnit, EMPTY_WORD_HASH);
    assert.equal(oBrien, incrementally("O'Brien", hashUnit, EMPTY_WORD_HASH));
    assert.notEqual(oBrien, incrementally('OBrien', hashUnit, EMPTY_WORD_HASH));
    assert.equal(oBrien, oBrien | 0);
  });
});
