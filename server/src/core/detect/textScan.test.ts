import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  DIGIT, EMPTY_WORD_HASH, HASH_FILTER_MASK, LETTER, NOT_WORD, UNDERSCORE, UnitClasses, UnitSet, hashFilter, hashOfWord, hashUnit,
  isApostrophe, isDigit, isWhitespace, wordCharacterKinds,
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
  const incrementally = (word: string, fold = (code: number) => code): number => {
    let hash = EMPTY_WORD_HASH;
    for (const unit of word.split('').map((char) => char.charCodeAt(0))) hash = hashUnit(hash, fold(unit));
    return hash;
  };

  it('a whole word hashes as the units hashed one by one, as a small integer', () => {
    for (const word of ['', 'March', 'o’clock', 'İstanbul', 'x'.repeat(500)]) {
      const hash = hashOfWord(word);
      assert.equal(hash, incrementally(word));
      assert.equal(hash, hash | 0);
    }
  });

  it('the typographic apostrophe hashes as "\'"; ASCII case folds only when asked', () => {
    assert.equal(hashOfWord('O’Brien'), hashOfWord("O'Brien"));
    assert.notEqual(hashOfWord('Million'), hashOfWord('million'));
    assert.equal(hashOfWord('Million', true), hashOfWord('million', true));
    assert.equal(hashOfWord('MILLION', true), incrementally('million'));
  });

  it('a hash filter holds the masked hash of every word it was built from', () => {
    const words = ['January', 'quarter', 'FY', 'o', 'read more'];
    const filter = hashFilter(words);
    assert.equal(filter.length, HASH_FILTER_MASK + 1);
    for (const word of words) assert.equal(filter[hashOfWord(word) & HASH_FILTER_MASK], 1, word);
    assert.equal(filter.reduce((sum, bit) => sum + bit, 0) <= words.length, true);
    const folded = hashFilter(['US', 'Rs'], true);
    assert.equal(folded[hashOfWord('us') & HASH_FILTER_MASK], 1);
    assert.equal(folded[hashOfWord('rs') & HASH_FILTER_MASK], 1);
  });
});
