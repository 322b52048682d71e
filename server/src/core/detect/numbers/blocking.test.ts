import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { utf16Units } from '../shared/utf16Units';
import { isYearLike } from './amounts';
import { isWrittenAmount, looksLikeCode } from './blocking';
import { type Token, Tokenizer } from './tokens';

/** The regex the unit-by-unit check stands for. */
const VALID_DIGITS = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

function codeByText(digits: string): boolean {
  const point = digits.indexOf('.');
  const integer = point < 0 ? digits : digits.slice(0, point);
  return (integer.length > 1 && integer.startsWith('0')) || (integer.length >= 7 && !integer.includes(','));
}

describe('digit tokens', () => {
  it('read as amounts, codes and years exactly as the regexes on their text do', () => {
    const digitsText = fc.oneof(fc.stringMatching(/^[0-9][0-9,.]{0,14}$/), fc.stringMatching(/^[12][0-9][0-9,.]{0,3}$/));
    fc.assert(
      fc.property(digitsText, (text) => {
        const units = utf16Units(text);
        const tokenizer = new Tokenizer(text, units);
        const count = tokenizer.tokenize(0, text.length);
        for (const token of tokenizer.tokens.slice(0, count) as Token[]) {
          if (token.kind !== 'num') continue;
          assert.equal(isWrittenAmount(units, token.start, token.end), VALID_DIGITS.test(token.text), token.text);
          assert.equal(looksLikeCode(units, token.start, token.end), codeByText(token.text), token.text);
          assert.equal(isYearLike(units, token), /^(?:18|19|20)\d\d$/.test(token.text), token.text);
        }
      }),
      { numRuns: 5000 },
    );
    for (const [text, amount] of [['1,234,567.89', true], ['1234,567', false], ['1,23', false], ['1.2.3', false], ['12.5', true], ['007', true]] as const) {
      assert.equal(isWrittenAmount(utf16Units(text), 0, text.length), amount, text);
    }
  });
});
