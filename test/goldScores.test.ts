/**
 * The gold-set figures (npm run eval) on a tiny fixture whose every figure was worked out by hand:
 * the predictions are written here, not produced by the detector, so that the scoring alone is tested.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { scoreGold, sameTimexValue, timexValue, type GoldSpan, type PredictedSpan, type ScoredArticle } from './support/goldScores';
import { articleMisses } from './support/goldMisses';

/** The gold span of the first `needle` in `text`, in code points (the texts here are ASCII). */
function at(text: string, needle: string, label: string, extra: Partial<GoldSpan> = {}): GoldSpan {
  const start = text.indexOf(needle);
  assert.ok(start >= 0, needle);
  return { start, end: start + needle.length, label, text: needle, ...extra };
}

/** A prediction on the first `needle`, with the detector's value. */
function found(text: string, needle: string, label: string, value?: PredictedSpan['value']): PredictedSpan {
  const { start, end } = at(text, needle, label);
  return value === undefined ? { start, end, label } : { start, end, label, value };
}

const first = 'GENEVA - Acme Corp said on Tuesday that Denver beat Portland every week in the 1970s.';
const second = 'Portland won 5-3.';

const articles: ScoredArticle[] = [
  {
    name: 'first.txt',
    text: first,
    gold: [
      at(first, 'GENEVA', 'GPE'),
      at(first, 'Acme Corp', 'ORG'),
      at(first, 'Tuesday', 'DATE', { value: '2025-03-04' }),
      at(first, 'Denver', 'ORG'),
      at(first, 'Portland', 'ORG'),
      at(first, 'every week', 'DATE', { value: 'P1W', type: 'SET', quant: 'EACH' }),
      at(first, 'the 1970s', 'DATE', { value: '197' }),
    ],
    predicted: [
      found(first, 'GENEVA', 'GPE'),
      found(first, 'Acme', 'ORG'),
      found(first, 'Tuesday', 'DATE', { type: 'date', iso: '2025-03-11' }),
      found(first, 'Denver', 'GPE'),
      found(first, 'week', 'DATE', { type: 'duration', iso: 'P1W' }),
      found(first, 'the 1970s', 'DATE', { type: 'date', iso: '197X' }),
    ],
  },
  { name: 'second.txt', text: second, gold: [at(second, 'Portland', 'ORG'), at(second, '5-3', 'CARDINAL')], predicted: [found(second, 'Portland', 'ORG')] },
];

const close = (actual: number, expected: number, what: string) => assert.ok(Math.abs(actual - expected) < 1e-9, `${what}: ${actual} ≠ ${expected}`);

describe('gold-set figures', () => {
  const figures = scoreGold(articles);

  it('counts spans and scores all labels on exact spans', () => {
    assert.equal(figures.articles, 2);
    assert.equal(figures.goldSpans, 9);
    // 7 predictions; exact with label: GENEVA, Tuesday, the 1970s, Portland (second).
    close(figures.all.exact.overall.precision, 4 / 7, 'precision');
    close(figures.all.exact.overall.recall, 4 / 9, 'recall');
    assert.equal(figures.byKind['number']!.exact.overall.falseNegatives, 1);
  });

  it('scores typed entities PER/ORG/LOC on exact spans (GPE, LOC and FAC as LOC)', () => {
    // gold: GENEVA LOC, Acme Corp ORG, Denver ORG, Portland ORG ×2; predicted: GENEVA LOC, Acme ORG, Denver LOC, Portland ORG.
    close(figures.typedEntities.overall.precision, 2 / 4, 'precision');
    close(figures.typedEntities.overall.recall, 2 / 5, 'recall');
    close(figures.typedEntities.overall.f1, (2 * 0.5 * 0.4) / 0.9, 'F1');
    assert.equal(figures.typedEntities.byType['LOC']!.truePositives, 1);
    assert.equal(figures.typedEntities.byType['LOC']!.falsePositives, 1);
  });

  it('counts names in capitals, found on overlap and exact', () => {
    assert.deepEqual(figures.capitals.found, { count: 1, of: 1, share: 1 });
    assert.deepEqual(figures.capitals.exact, { count: 1, of: 1, share: 1 });
  });

  it('counts ORG right among the gold ORG spans that something overlaps', () => {
    // Acme Corp (ORG over it): right; Denver (GPE over it): wrong; Portland in the first: not found, left out; second: right.
    assert.deepEqual(figures.orgRight, { count: 2, of: 3, share: 2 / 3 });
  });

  it('scores dates as one class, strict and relaxed', () => {
    close(figures.dates.strict.f1, 2 / 3, 'strict');
    close(figures.dates.relaxed.f1, 1, 'relaxed');
  });

  it('counts date values among the dates found, a decade as TimeML writes it', () => {
    // Tuesday wrong; every week P1W = P1W (the value alone); 197X = 197.
    assert.deepEqual(figures.dateValues, { count: 2, of: 3, share: 2 / 3 });
  });

  it('counts SET found and valued, the quantifier included', () => {
    assert.deepEqual(figures.sets.found, { count: 1, of: 1, share: 1 });
    assert.deepEqual(figures.sets.valued, { count: 0, of: 1, share: 0 });
  });

  it('lists one article’s misses, spurious spans and wrong values', () => {
    const misses = articleMisses(articles[0]!);
    assert.deepEqual(
      misses.missed.map((miss) => `${miss.label} ${miss.text}: ${miss.detail}`),
      ['ORG Acme Corp: ORG Acme', 'ORG Denver: GPE Denver', 'ORG Portland: nothing', 'DATE every week: DATE week'],
    );
    assert.deepEqual(misses.spurious.map((miss) => `${miss.label} ${miss.text}`), ['ORG Acme', 'GPE Denver', 'DATE week']);
    assert.deepEqual(
      misses.wrongValues.map((miss) => `${miss.text}: ${miss.detail}`),
      ['Tuesday: gold 2025-03-04, detector 2025-03-11 on "Tuesday"', 'every week: gold P1W quant EACH, detector P1W on "week"'],
    );
  });
});

describe('TIMEX3 values of detections', () => {
  it('writes ranges as start/end, which equal no gold value', () => {
    assert.deepEqual(timexValue({ type: 'date', iso: '2025-06-01', endIso: '2025-06-05' }), { value: '2025-06-01/2025-06-05' });
    assert.deepEqual(timexValue({ type: 'duration', iso: 'P1Y', maxIso: 'P5Y' }), { value: 'P1Y/P5Y' });
    assert.equal(timexValue({ type: 'number', value: 3 }), undefined);
  });

  it('reads freq and quant from a value form it does not know', () => {
    const set = { type: 'set', iso: 'P1W', quant: 'EACH' } as unknown as Parameters<typeof timexValue>[0];
    assert.deepEqual(timexValue(set), { value: 'P1W', quant: 'EACH' });
  });

  it('takes 197X for the decade 197, and nothing else for equal', () => {
    assert.ok(sameTimexValue('197', '197X'));
    assert.ok(sameTimexValue('19', '19XX'));
    assert.ok(!sameTimexValue('1970', '197X'));
    assert.ok(!sameTimexValue('2025-W10', '2025-03-04'));
  });
});
