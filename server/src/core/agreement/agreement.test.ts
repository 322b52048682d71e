import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { TagStatus } from '../sidecar/schema';
import { agreement, tokenLabelSequences, type AgreementDocument } from './agreement';

const TEXT = 'Anna met Bob in Kyiv today.';
/** A tag on the first occurrence of `words` in TEXT. */
const tag = (annotator: string, words: string, label: string, status: TagStatus = 'accepted') => {
  const start = TEXT.indexOf(words);
  return { start, end: start + words.length, label, status, annotator };
};
const document = (name: string, ...tags: ReturnType<typeof tag>[]): AgreementDocument => ({ name, text: TEXT, tags });

describe('agreement between two annotators', () => {
  it('is perfect when they claim the same spans with the same labels', () => {
    const report = agreement([document('a', tag('ann', 'Anna', 'PERSON'), tag('bob', 'Anna', 'PERSON'), tag('ann', 'Kyiv', 'GPE'), tag('bob', 'Kyiv', 'GPE'))], 'ann', 'bob');
    const { overall, byLabel } = report.documents[0];
    assert.deepEqual([overall.exact.f1, overall.overlap.f1, overall.kappa], [1, 1, 1]);
    assert.deepEqual([byLabel.PERSON.kappa, byLabel.GPE.kappa], [1, 1]);
    assert.deepEqual(overall.claims, [2, 2]);
  });

  it('is below chance when they tag different words', () => {
    // Tokens Anna met Bob in Kyiv today: PERSON O O O O O against O O PERSON O O O.
    // p_o = 4/6, p_e = (1·1 + 5·5)/36, κ = (6·4 − 26) / (36 − 26) = −0.2
    const report = agreement([document('a', tag('ann', 'Anna', 'PERSON'), tag('bob', 'Bob', 'PERSON'))], 'ann', 'bob');
    const { overall } = report.documents[0];
    assert.deepEqual([overall.exact.f1, overall.overlap.f1], [0, 0]);
    assert.ok(Math.abs(overall.kappa + 0.2) < 1e-15);
  });

  it('counts a shifted boundary as an overlap match only, and as disagreement on the tokens it moved', () => {
    const report = agreement([document('a', tag('ann', 'Kyiv', 'GPE'), tag('bob', 'Kyiv today', 'GPE'))], 'ann', 'bob');
    const { overall } = report.documents[0];
    assert.deepEqual([overall.exact.f1, overall.overlap.f1], [0, 1]);
    assert.ok(overall.kappa < 1);
  });

  it('pairs overlapping spans by the largest one-to-one matching, the same either way round', () => {
    const text = 'European Union Commission president spoke.';
    const on = (annotator: string, start: number, end: number) => ({ start, end, label: 'ORG', status: 'accepted' as const, annotator });
    const eu: AgreementDocument = { name: 'eu', text, tags: [on('ann', 0, 14), on('ann', 15, 25), on('bob', 0, 25), on('bob', 9, 14)] };
    for (const [first, second] of [['ann', 'bob'], ['bob', 'ann']]) {
      const { overall } = agreement([eu], first, second).documents[0];
      assert.deepEqual([overall.overlap.truePositives, overall.overlap.f1], [2, 1]);
    }
  });

  it('counts a relabelled span against both labels', () => {
    const report = agreement([document('a', tag('ann', 'Bob', 'PERSON'), tag('bob', 'Bob', 'ORG'))], 'ann', 'bob');
    const { byLabel } = report.documents[0];
    assert.deepEqual(Object.keys(byLabel), ['ORG', 'PERSON']);
    assert.deepEqual([byLabel.PERSON.claims, byLabel.ORG.claims], [[1, 0], [0, 1]]);
    assert.equal(byLabel.PERSON.exact.f1, 0);
  });

  it('counts only accepted tags: rejected and proposed ones are nobody’s claim', () => {
    const report = agreement(
      [document('a', tag('ann', 'Anna', 'PERSON'), tag('bob', 'Anna', 'PERSON'), tag('bob', 'Bob', 'ORG', 'rejected'), tag('ann', 'Kyiv', 'GPE', 'proposed'))],
      'ann',
      'bob',
    );
    assert.deepEqual(report.documents[0].overall.claims, [1, 1]);
    assert.equal(report.documents[0].overall.kappa, 1);
  });

  it('agrees perfectly, by convention, when both read a document and claimed nothing', () => {
    const report = agreement([document('a', tag('ann', 'Anna', 'PERSON', 'rejected'), tag('bob', 'Bob', 'PERSON', 'rejected'))], 'ann', 'bob');
    const { overall, byLabel } = report.documents[0];
    assert.deepEqual([overall.exact.f1, overall.kappa, overall.claims], [1, 1, [0, 0]]);
    assert.deepEqual(byLabel, {});
  });

  it('skips a document one annotator has left no tag in, naming who', () => {
    const report = agreement([document('done', tag('ann', 'Anna', 'PERSON'), tag('bob', 'Anna', 'PERSON')), document('half', tag('ann', 'Anna', 'PERSON'))], 'ann', 'bob');
    assert.deepEqual(report.documents.map((compared) => compared.name), ['done']);
    assert.deepEqual(report.skipped, [{ name: 'half', missing: ['bob'] }]);
  });

  it('over the corpus, sums span counts and pools the tokens of all documents', () => {
    const agreeing = document('agreeing', tag('ann', 'Anna', 'PERSON'), tag('bob', 'Anna', 'PERSON'));
    const differing = document('differing', tag('ann', 'Anna', 'PERSON'), tag('bob', 'Bob', 'PERSON'));
    const { corpus } = agreement([agreeing, differing], 'ann', 'bob');
    assert.equal(corpus.tokens, 12);
    assert.deepEqual([corpus.overall.exact.truePositives, corpus.overall.exact.falsePositives, corpus.overall.exact.falseNegatives], [1, 1, 1]);
    // Pooled tokens: 10 agreements of 12, ann and bob each tag 2 PERSON tokens: κ = (12·10 − (2·2 + 10·10)) / (144 − 104) = 0.4
    assert.ok(Math.abs(corpus.overall.kappa - 0.4) < 1e-15);
  });

  it('never matches spans of different documents, even at the same offsets', () => {
    const { corpus } = agreement([document('a', tag('ann', 'Anna', 'PERSON'), tag('bob', 'Bob', 'ORG', 'rejected')), document('b', tag('bob', 'Anna', 'PERSON'), tag('ann', 'Bob', 'ORG', 'rejected'))], 'ann', 'bob');
    assert.equal(corpus.overall.overlap.truePositives, 0);
  });

  it('exposes the token categories each annotator gave, for checking kappa elsewhere', () => {
    const sequences = tokenLabelSequences(document('a', tag('ann', 'Kyiv', 'GPE'), tag('bob', 'Kyiv', 'LOC'), tag('bob', 'today', 'DATE')), 'ann', 'bob');
    assert.deepEqual(sequences, { first: ['O', 'O', 'O', 'O', 'GPE', 'O'], second: ['O', 'O', 'O', 'O', 'LOC', 'DATE'] });
  });
});
