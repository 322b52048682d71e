import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CodePointIndex } from './offsets';

describe('code point offsets', () => {
  it('are the UTF-16 offsets when the text has no emoji or other astral characters', () => {
    const index = new CodePointIndex('Kyiv, café — naïve');
    assert.equal(index.toCodePoint(6), 6);
    assert.equal(index.toUtf16(6), 6);
    assert.equal(index.length, 18);
  });

  it('count an emoji before a name as one character, as Python does', () => {
    const text = '🏆 Messi scored';
    const index = new CodePointIndex(text);
    const utf16Start = text.indexOf('Messi');
    assert.equal(utf16Start, 3);
    assert.equal(index.toCodePoint(utf16Start), 2);
    assert.equal([...text].slice(2, 7).join(''), 'Messi');
    assert.equal(index.toUtf16(2), 3);
  });

  it('map an offset inside a surrogate pair to the start of that character', () => {
    const index = new CodePointIndex('a😀b');
    assert.equal(index.toCodePoint(2), 1);
    assert.equal(index.toCodePoint(3), 2);
  });

  it('count a lone surrogate as one character', () => {
    const index = new CodePointIndex('a\ud800b\udc00c');
    assert.equal(index.length, 5);
    assert.equal(index.toCodePoint(4), 4);
  });

  it('clamp offsets outside the text', () => {
    const index = new CodePointIndex('a😀');
    assert.equal(index.toCodePoint(-5), 0);
    assert.equal(index.toCodePoint(99), 2);
    assert.equal(index.toUtf16(99), 3);
  });

  it('round-trip every character boundary of any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const index = new CodePointIndex(text);
        const chars = [...text];
        assert.equal(index.length, chars.length);
        let utf16 = 0;
        for (let codePoint = 0; codePoint <= chars.length; codePoint++) {
          assert.equal(index.toUtf16(codePoint), utf16);
          assert.equal(index.toCodePoint(utf16), codePoint);
          utf16 += chars[codePoint]?.length ?? 0;
        }
      }),
    );
  });
});
