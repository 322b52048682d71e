import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { tenseAround } from './tense';

/** Where tenseAround reads: the clause before the date back to its sentence's start, and the rest of the sentence after it. */
describe('the clause tenseAround reads', () => {
  it('starts after the last sentence end before the date, and a sentence end after the date closes it', () => {
    assert.equal(tenseAround('It said so. The board will meet on Monday', 35, 41), 'future');
    assert.equal(tenseAround('The board will meet. It said on Monday', 33, 39), 'past');
    // A line break, then spaces: the sentence end is ".\n", whose white space cannot start another ("\n ").
    assert.equal(tenseAround('It will go.\n  on Monday', 15, 21), undefined);
    assert.equal(tenseAround('It will go;\n on Monday it said', 14, 20), 'past');
    // No white space after the stop: no sentence end ("3.5", "U.S.").
    assert.equal(tenseAround('It will go.on Monday', 14, 20), 'future');
    // After the date, only up to the end of its sentence.
    assert.equal(tenseAround('On Monday the board. It will meet', 3, 9), undefined);
    assert.equal(tenseAround('On Monday the board will meet. It said', 3, 9), 'future');
  });

  it('is cut at the reach: a sentence end whose white space lies past the date is none', () => {
    assert.equal(tenseAround('It will meet.\nMonday', 12, 20), 'future');
    assert.equal(tenseAround(`It said. ${'x '.repeat(80)}on Monday`, 170, 176), undefined);
    assert.equal(tenseAround(`It will ${'x '.repeat(70)}on Monday`, 151, 157), 'future');
    assert.equal(tenseAround(`It will ${'x '.repeat(80)}on Monday`, 171, 177), undefined);
    // After the date: "will" ends at the reach's last character, or one past it.
    assert.equal(tenseAround(`On Monday  ${'x '.repeat(72)}will`, 3, 9), 'future');
    assert.equal(tenseAround(`On Monday   ${'x '.repeat(72)}will`, 3, 9), undefined);
  });

  it('is the same wherever sentence ends, spaces and cues fall', () => {
    const pieces = ['.', '!', '?', ';', '\n', ' ', ' ', '\t', '\u00a0', 'x', 'said', 'will', 'would', 'next', 'to be held', 'was set', 'U.S.', '3.5'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 120 }), fc.nat(), fc.nat(), (parts, a, b) => {
      const text = parts.join('');
      const start = text.length === 0 ? 0 : a % text.length;
      const end = start + (text.length === start ? 0 : b % (text.length - start));
      assert.equal(tenseAround(text, start, end), oracle(text, start, end));
    }), { numRuns: 3000 });
  });
});

/** The clause and the rest of its sentence cut out as the doc of tense.ts says, then read by tenseAround with nothing around them. */
function oracle(text: string, start: number, end: number): string | undefined {
  const sentenceEnd = /[.!?;\n]\s/g;
  const before = text.slice(Math.max(0, start - 150), start);
  let sentenceStart = 0;
  for (let boundary = sentenceEnd.exec(before); boundary; boundary = sentenceEnd.exec(before)) sentenceStart = boundary.index + 1;
  const clause = before.slice(sentenceStart);
  const after = text.slice(end, Math.min(text.length, end + 150));
  sentenceEnd.lastIndex = 0;
  const rest = after.slice(0, sentenceEnd.exec(after)?.index ?? after.length);
  // The clause and the rest as tenseAround reads them, with the cues between them cut off by a line of their own.
  const tense = tenseAround(`${clause}\n\n${rest}`, clause.length, clause.length + 2);
  return tense;
}
