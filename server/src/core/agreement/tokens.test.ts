import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { OUTSIDE, tokenLabels } from './tokenLabels';
import { tokenize } from './tokens';

const words = (text: string) => tokenize(text).map(({ start, end }) => [...text].slice(start, end).join(''));

describe('tokens', () => {
  it('are maximal runs of letters and digits, without punctuation, symbols or spaces', () => {
    assert.deepEqual(words('Kyiv’s $50-billion plan, 3.5%.'), ['Kyiv', 's', '50', 'billion', 'plan', '3', '5']);
  });

  it('count code points, so that an emoji before a word does not shift it', () => {
    assert.deepEqual(tokenize('🏆 Odesa'), [{ start: 2, end: 7 }]);
  });

  it('keep a combining accent inside its word', () => {
    assert.deepEqual(words('Cafe\u0301 Kyiv'), ['Cafe\u0301', 'Kyiv']);
  });

  it('never make a token of a mark or variation selector that follows no letter or digit', () => {
    // A heart with its emoji variation selector, a lone combining accent after a space, a keycap digit.
    assert.deepEqual(words('I \u2764\ufe0f Kyiv \u0301 1\ufe0f\u20e3 \ufe0e.'), ['I', 'Kyiv', '1\ufe0f\u20e3']);
    assert.deepEqual(tokenize('\u0301Odesa'), [{ start: 1, end: 6 }]);
  });
});

describe('token labels', () => {
  const text = 'President Volodymyr Zelensky visited Odesa.';
  const tokens = tokenize(text);

  it('give each token the label of the tag covering it, and "O" to the others', () => {
    const labels = tokenLabels(tokens, [{ start: 10, end: 28, label: 'PERSON' }, { start: 37, end: 42, label: 'GPE' }]);
    assert.deepEqual(labels, [OUTSIDE, 'PERSON', 'PERSON', OUTSIDE, 'GPE']);
  });

  it('give a word the label of a tag that covers only part of it', () => {
    assert.deepEqual(tokenLabels(tokens, [{ start: 12, end: 24, label: 'PERSON' }]), [OUTSIDE, 'PERSON', 'PERSON', OUTSIDE, OUTSIDE]);
  });

  it('take the innermost of nested tags, whatever their order', () => {
    const outer = { start: 0, end: 28, label: 'PERSON' };
    const inner = { start: 0, end: 9, label: 'ORG' };
    assert.deepEqual(tokenLabels(tokens, [outer, inner]).slice(0, 3), ['ORG', 'PERSON', 'PERSON']);
    assert.deepEqual(tokenLabels(tokens, [inner, outer]).slice(0, 3), ['ORG', 'PERSON', 'PERSON']);
  });

  it('break a tie between tags on the same span by label, whatever their order', () => {
    const spans = [{ start: 37, end: 42, label: 'LOC' }, { start: 37, end: 42, label: 'GPE' }];
    assert.equal(tokenLabels(tokens, spans)[4], 'GPE');
    assert.equal(tokenLabels(tokens, spans.reverse())[4], 'GPE');
  });
});
