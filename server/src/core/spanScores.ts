/**
 * Precision, recall and F1 of one set of labelled spans against another, per label and overall,
 * on exact match (same start, end and label) and on overlap match (same label, spans share a
 * character). Used to score the detector on gold sets, and annotators against each other.
 */

export interface LabelledSpan {
  start: number;
  end: number;
  label: string;
}

export interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface SpanScores {
  exact: { overall: Score; byLabel: Record<string, Score> };
  overlap: { overall: Score; byLabel: Record<string, Score> };
}

export type MatchMode = 'exact' | 'overlap';

export function scoreSpans(predicted: readonly LabelledSpan[], gold: readonly LabelledSpan[]): SpanScores {
  return { exact: scoreMode(predicted, gold, 'exact'), overlap: scoreMode(predicted, gold, 'overlap') };
}

function scoreMode(predicted: readonly LabelledSpan[], gold: readonly LabelledSpan[], mode: MatchMode) {
  const labels = [...new Set([...predicted, ...gold].map((span) => span.label))].sort();
  const byLabel: Record<string, Score> = {};
  const totals = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  for (const label of labels) {
    const counts = countMatches(
      predicted.filter((span) => span.label === label),
      gold.filter((span) => span.label === label),
      mode,
    );
    byLabel[label] = toScore(counts);
    totals.truePositives += counts.truePositives;
    totals.falsePositives += counts.falsePositives;
    totals.falseNegatives += counts.falseNegatives;
  }
  return { overall: toScore(totals), byLabel };
}

function countMatches(predicted: readonly LabelledSpan[], gold: readonly LabelledSpan[], mode: MatchMode) {
  const truePositives = mode === 'exact' ? countExactMatches(predicted, gold) : countOverlapMatches(predicted, gold);
  return { truePositives, falsePositives: predicted.length - truePositives, falseNegatives: gold.length - truePositives };
}

function countExactMatches(predicted: readonly LabelledSpan[], gold: readonly LabelledSpan[]): number {
  const unclaimed = new Map<string, number>();
  for (const span of gold) unclaimed.set(`${span.start}:${span.end}`, (unclaimed.get(`${span.start}:${span.end}`) ?? 0) + 1);
  let matches = 0;
  for (const span of predicted) {
    const key = `${span.start}:${span.end}`;
    const left = unclaimed.get(key) ?? 0;
    if (left > 0) {
      unclaimed.set(key, left - 1);
      matches++;
    }
  }
  return matches;
}

/**
 * One-to-one: each gold span is claimed by at most one prediction, so one long prediction covering
 * two gold spans counts once. Greedy sweep over both lists sorted by start.
 */
function countOverlapMatches(predicted: readonly LabelledSpan[], gold: readonly LabelledSpan[]): number {
  const goldSorted = [...gold].sort(byStart);
  const claimed = new Uint8Array(goldSorted.length);
  let matches = 0;
  let firstOpen = 0;
  for (const span of [...predicted].sort(byStart)) {
    while (firstOpen < goldSorted.length && (claimed[firstOpen] || goldSorted[firstOpen].end <= span.start)) firstOpen++;
    for (let i = firstOpen; i < goldSorted.length && goldSorted[i].start < span.end; i++) {
      if (!claimed[i] && span.start < goldSorted[i].end) {
        claimed[i] = 1;
        matches++;
        break;
      }
    }
  }
  return matches;
}

function byStart(a: LabelledSpan, b: LabelledSpan): number {
  return a.start - b.start || a.end - b.end;
}

function toScore(counts: { truePositives: number; falsePositives: number; falseNegatives: number }): Score {
  const { truePositives, falsePositives, falseNegatives } = counts;
  const precision = truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives);
  const recall = truePositives + falseNegatives === 0 ? 1 : truePositives / (truePositives + falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives, falsePositives, falseNegatives, precision, recall, f1 };
}
