/**
 * CoNLL's tokeniser finds the common token (a run of ASCII letters) without its pattern, for speed:
 * it must cut every text exactly as the pattern alone does (the rule as written in conllTokens.ts).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CLITIC_SUFFIX, TOKEN, cutTokens, type TextToken } from '../../server/src/core/formats/conllTokens';
import { seedDocuments } from './formatArbitraries';

/** The rule by its pattern alone: every match, a clitic cut off its word. */
function byPattern(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  for (const match of text.matchAll(new RegExp(TOKEN.source, 'gu'))) {
    const start = match.index;
    const end = start + match[0].length;
    const clitic = CLITIC_SUFFIX.exec(match[0]);
    if (clitic !== null) tokens.push({ start, end: start + clitic.index }, { start: start + clitic.index, end });
    else tokens.push({ start, end });
  }
  return tokens;
}

/** Letters, and every character that can end, join, extend or begin a token. */
const unit = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('a', 'b', 'z', 'A', 'M', 'r', 's', 'U', 'S', 'n', 't', ' ') },
  {
    weight: 4,
    arbitrary: fc.constantFrom('.', ',', ':', ';', '!', '?', ')', '(', '"', "'", '’', '-', '/', '&', ']', '}', '\n', '\r', '\t', '1', '0', '…', '“'),
  },
  { weight: 2, arbitrary: fc.constantFrom('é', 'e\u0301', '\u0301', 'ß', 'Ж', '中', '😀', '👍🏽', '🇺🇦', '\u200d', '\u200c', '\u00a0', '\u2028', '\u0085', '\x1c', '\ufeff', '\ud800', '$', '%', '_') },
);

describe('CoNLL tokens', () => {
  it('are those of the pattern alone, for any text', () => {
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), (units) => {
        const text = units.join('');
        assert.deepEqual(cutTokens(text), byPattern(text));
      }),
      { numRuns: 20000 },
    );
  });

  it('are those of the pattern alone for the seed articles', () => {
    for (const document of seedDocuments()) assert.deepEqual(cutTokens(document.text), byPattern(document.text));
  });
});
