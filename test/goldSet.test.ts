/**
 * Floors on the hand-made gold set (articles on sports, finance, courts and more, unlike the seeds):
 * a change that makes detection worse fails here. `npm run eval` prints the full table.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateGoldSet, loadGoldSet } from './support/goldSet';

/** Measured figures rounded down, so that noise passes and a real regression does not. */
const FLOORS: Record<string, number> = { all: 0.83, entity: 0.72, number: 0.92, date: 0.92 };

describe('the hand-made gold set', () => {
  const articles = loadGoldSet();
  const { all, byKind, goldSpans } = evaluateGoldSet(articles);

  it('has at least 300 spans over several articles, every one slicing its article', () => {
    assert.ok(articles.length >= 5, `${articles.length} articles`);
    assert.ok(goldSpans >= 300, `${goldSpans} spans`);
  });

  for (const [kind, floor] of Object.entries(FLOORS)) {
    it(`finds ${kind} spans with overlap F1 of at least ${floor}`, () => {
      const scores = kind === 'all' ? all : byKind[kind];
      assert.ok(scores.overlap.overall.f1 >= floor, `overlap F1 ${scores.overlap.overall.f1.toFixed(3)} < ${floor}`);
    });
  }
});
