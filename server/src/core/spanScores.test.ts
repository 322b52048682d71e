import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { scoreSpans } from './spanScores';

const span = (start: number, end: number, label: string) => ({ start, end, label });

describe('span scores', () => {
  it('count a prediction with the same boundaries and label as an exact match', () => {
    const scores = scoreSpans([span(0, 5, 'PERSON')], [span(0, 5, 'PERSON')]);
    assert.deepEqual([scores.exact.overall.precision, scores.exact.overall.recall, scores.exact.overall.f1], [1, 1, 1]);
  });

  it('count a prediction with shifted boundaries only as an overlap match', () => {
    const scores = scoreSpans([span(0, 8, 'MONEY')], [span(2, 8, 'MONEY')]);
    assert.equal(scores.exact.overall.truePositives, 0);
    assert.equal(scores.overlap.overall.truePositives, 1);
  });

  it('never match spans of different labels', () => {
    const scores = scoreSpans([span(0, 5, 'ORG')], [span(0, 5, 'PERSON')]);
    assert.equal(scores.overlap.overall.truePositives, 0);
    assert.equal(scores.overlap.byLabel.ORG.falsePositives, 1);
    assert.equal(scores.overlap.byLabel.PERSON.falseNegatives, 1);
  });

  it('let one long prediction claim only one of the gold spans it covers', () => {
    const scores = scoreSpans([span(0, 20, 'GPE')], [span(0, 5, 'GPE'), span(10, 15, 'GPE')]);
    assert.equal(scores.overlap.overall.truePositives, 1);
    assert.equal(scores.overlap.overall.falseNegatives, 1);
  });

  it('compute precision and recall per label', () => {
    const predicted = [span(0, 3, 'DATE'), span(5, 8, 'DATE'), span(10, 12, 'CARDINAL')];
    const gold = [span(0, 3, 'DATE'), span(10, 12, 'CARDINAL'), span(20, 22, 'CARDINAL')];
    const { byLabel, overall } = scoreSpans(predicted, gold).exact;
    assert.equal(byLabel.DATE.precision, 0.5);
    assert.equal(byLabel.DATE.recall, 1);
    assert.equal(byLabel.CARDINAL.recall, 0.5);
    assert.equal(overall.truePositives, 2);
    assert.ok(Math.abs(overall.f1 - 2 / 3) < 1e-12);
  });

  it('score empty sets as perfect, not as a division by zero', () => {
    assert.equal(scoreSpans([], []).exact.overall.f1, 1);
  });
});
