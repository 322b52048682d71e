import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cohenKappa, KappaCounts, labelKappa } from './kappa';

/** `count` items on which the first annotator said `first` and the second `second`. */
const items = (count: number, first: string, second: string) => Array.from({ length: count }, () => [first, second] as const);
const annotators = (...groups: (readonly (readonly [string, string])[])[]) => {
  const pairs = groups.flat();
  return [pairs.map(([first]) => first), pairs.map(([, second]) => second)] as const;
};

describe("Cohen's kappa", () => {
  it('is 1 when the annotators agree on every item', () => {
    assert.equal(cohenKappa(['PERSON', 'O', 'GPE'], ['PERSON', 'O', 'GPE']), 1);
  });

  it('is 0.4 on the textbook 2×2 table: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no', () => {
    // p_o = 35/50 = 0.7; p_e = 0.5·0.6 + 0.5·0.4 = 0.5; κ = (0.7 − 0.5) / (1 − 0.5)
    const [first, second] = annotators(items(20, 'yes', 'yes'), items(5, 'yes', 'no'), items(10, 'no', 'yes'), items(15, 'no', 'no'));
    assert.ok(Math.abs(cohenKappa(first, second) - 0.4) < 1e-15);
  });

  it('is negative when they agree less often than chance would have them', () => {
    // Each tags one of four words, not the same one: p_o = 2/4, p_e = (1·1 + 3·3)/16, κ = −1/3
    assert.ok(Math.abs(cohenKappa(['PERSON', 'O', 'O', 'O'], ['O', 'O', 'PERSON', 'O']) + 1 / 3) < 1e-15);
  });

  it('is 0 when one annotator uses a single category and the other never does', () => {
    assert.equal(cohenKappa(['O', 'O'], ['PERSON', 'PERSON']), 0);
  });

  it('is 1 by convention when both put every item in the same category, where the formula is 0/0 (scikit-learn says NaN)', () => {
    assert.equal(cohenKappa(['O', 'O', 'O'], ['O', 'O', 'O']), 1);
  });

  it('is 1 by convention when there are no items', () => {
    assert.equal(cohenKappa([], []), 1);
  });

  it('refuses sequences of different lengths', () => {
    assert.throws(() => cohenKappa(['O'], ['O', 'O']), RangeError);
  });

  it('per label, treats every other category as "not this label"', () => {
    const first = ['PERSON', 'ORG', 'O', 'O'];
    const second = ['PERSON', 'GPE', 'O', 'ORG'];
    assert.equal(labelKappa(first, second, 'PERSON'), 1);
    // ORG: yes/no, no/no, no/no, no/yes → p_o = 1/2, p_e = (1·1 + 3·3)/16 → κ = −1/3
    assert.ok(Math.abs(labelKappa(first, second, 'ORG') + 1 / 3) < 1e-15);
  });

  it('counted document by document, is exactly the kappa of the documents laid end to end', () => {
    const documents = [
      [['PERSON', 'ORG', 'O', 'O', 'GPE'], ['PERSON', 'GPE', 'O', 'ORG', 'GPE']],
      [['O', 'O'], ['O', 'PERSON']],
      [[], []],
      [['DATE', 'DATE', 'O'], ['DATE', 'O', 'O']],
    ];
    const counts = new KappaCounts();
    for (const [first, second] of documents) counts.add(first!, second!);
    const first = documents.flatMap(([sequence]) => sequence!);
    const second = documents.flatMap(([, sequence]) => sequence!);
    assert.equal(counts.length, first.length);
    assert.equal(counts.kappa(), cohenKappa(first, second));
    for (const label of ['PERSON', 'ORG', 'GPE', 'DATE', 'O', 'NORP']) assert.equal(counts.labelKappa(label), labelKappa(first, second, label), label);
    assert.equal(new KappaCounts().kappa(), cohenKappa([], []));
  });
});
