import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
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

  it('pair overlapping spans by the largest one-to-one matching, not the first pair found', () => {
    // "European Union Commission president spoke.": a greedy sweep pairs bob's 0–25 with ann's 0–14 and
    // leaves "Union" and "Commission" unpaired; 0–25 with 15–25 and 9–14 with 0–14 pair all four.
    const ann = [span(0, 14, 'ORG'), span(15, 25, 'ORG')];
    const bob = [span(0, 25, 'ORG'), span(9, 14, 'ORG')];
    for (const [predicted, gold] of [[bob, ann], [ann, bob], [[...bob].reverse(), [...ann].reverse()]]) {
      const { overall } = scoreSpans(predicted, gold).overlap;
      assert.deepEqual([overall.truePositives, overall.f1], [2, 1]);
    }
  });

  it('find the largest matching along a chain of overlapping spans', () => {
    // Each prediction overlaps the gold span before it and the one after: pairing each with the one
    // before leaves the last gold span free, which a greedy choice of "before" would have used.
    const predicted = [span(8, 12, 'GPE'), span(18, 22, 'GPE'), span(28, 32, 'GPE'), span(38, 50, 'GPE')];
    const gold = [span(0, 10, 'GPE'), span(10, 20, 'GPE'), span(20, 30, 'GPE'), span(30, 40, 'GPE')];
    assert.equal(scoreSpans(predicted, gold).overlap.overall.truePositives, 4);
    assert.equal(scoreSpans(gold, predicted).overlap.overall.truePositives, 4);
  });

  it('match as many overlapping pairs as trying every pairing does, either way round', () => {
    const spans = fc.array(
      fc.tuple(fc.nat(30), fc.integer({ min: 1, max: 12 })).map(([start, length]) => span(start, start + length, 'ORG')),
      { maxLength: 7 },
    );
    const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
    // Every way of pairing each prediction with a free overlapping gold span, or with none.
    const mostPairs = (predicted: ReturnType<typeof span>[], gold: ReturnType<typeof span>[]): number => {
      if (predicted.length === 0) return 0;
      const [first, ...rest] = predicted;
      let best = mostPairs(rest, gold);
      gold.forEach((other, i) => {
        if (overlaps(first, other)) best = Math.max(best, 1 + mostPairs(rest, gold.filter((_, j) => j !== i)));
      });
      return best;
    };
    fc.assert(
      fc.property(spans, spans, (predicted, gold) => {
        const expected = mostPairs(predicted, gold);
        assert.equal(scoreSpans(predicted, gold).overlap.overall.truePositives, expected);
        assert.equal(scoreSpans(gold, predicted).overlap.overall.truePositives, expected);
      }),
      { numRuns: 500 },
    );
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
