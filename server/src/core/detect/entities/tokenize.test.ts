import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from './tokenize';

const options = { isKnownCompound: () => false };

/**
 * Every token of a large text reads back as written, also once the token columns have grown past the first guess
 * of their size.
 */
describe('the token columns of a large text', () => {
  test('hold every token, past the first guess of their size', () => {
    // One token per two characters, twice the tokens the builder first makes room for: the columns grow.
    const lines = Array.from({ length: 4000 }, (_, line) => `${line % 2 ? 'Kyiv' : 'a'} b c d e f g h i j k l m n o p q r s t u v w x y z .`);
    const text = lines.join('\n');
    const tokens = tokenize(text, options);
    let i = 0;
    for (let line = 0; line < lines.length; line++) {
      const start = text.indexOf(lines[line]!, line === 0 ? 0 : tokens.end(i - 1));
      for (const [k, word] of lines[line]!.split(' ').entries()) {
        const offset = start + lines[line]!.split(' ').slice(0, k).join(' ').length + (k > 0 ? 1 : 0);
        assert.deepEqual(
          [tokens.start(i), tokens.end(i), tokens.line(i), tokens.text(i), tokens.isWord(i), tokens.isCapitalised(i), tokens.opensSentence(i)],
          [offset, offset + word.length, line, word, word !== '.', word === 'Kyiv', k === 0],
        );
        i++;
      }
    }
    assert.equal(tokens.length, i);
    assert.deepEqual([...tokens.lineStarts()], lines.map((_, line) => line * 27));
    assert.deepEqual([...tokens.lineStartLines()], lines.map((_, line) => line));
  });
});

describe('isAsciiWord', () => {
  test('tells words of ASCII characters (typographic apostrophes folded) from others', () => {
    const tokens = tokenize('We’ve café Kyiv COO\u212aIE', options);
    assert.deepEqual(
      Array.from({ length: tokens.length }, (_, i) => [tokens.text(i), tokens.isAsciiWord(tokens.wordId(i))]),
      [["We've", true], ['café', false], ['Kyiv', true], ['COO\u212aIE', false]],
    );
  });
});
