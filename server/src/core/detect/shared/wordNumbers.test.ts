import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseWordNumber } from './wordNumbers';

describe('parseWordNumber', () => {
  it('reads number phrases', () => {
    assert.equal(parseWordNumber('twenty-five'), 25);
    assert.equal(parseWordNumber('Two hundred and five'), 205);
    assert.equal(parseWordNumber('a dozen'), 12);
    assert.equal(parseWordNumber('three thousand'), 3000);
  });

  it('gives nothing for the names an object inherits, whatever words surround them', () => {
    // Looked up in plain objects, these answered with a function or Object.prototype.
    for (const word of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf']) {
      for (const phrase of [word, `${word} hundred`, `two ${word}`, `twenty-${word}`, `${word}-five`, `two hundred and ${word}`]) {
        assert.equal(parseWordNumber(phrase), undefined, phrase);
      }
    }
  });
});
