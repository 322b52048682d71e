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
 * One-to-one: each gold span is paired with at most one prediction, so one long prediction covering
 * two gold spans counts once; the pairs are those of the largest one-to-one matching, so that the
 * count does not depend on which pair is looked at first (and is the same either way round).
 *
 * Spans only overlap within a cluster (a maximal run of spans, of both sets, that overlap one
 * another in a chain), so each cluster is matched on its own, by augmenting paths (Kuhn's
 * algorithm): per label and document a cluster is a handful of spans.
 */
function countOverlapMatches(predicted: readonly LabelledSpan[], gold: readonly LabelledSpan[]): number {
  const spans = [...predicted.map((span) => ({ span, isGold: false })), ...gold.map((span) => ({ span, isGold: true }))].sort((a, b) => byStart(a.span, b.span));
  let matches = 0;
  let cluster: { predicted: LabelledSpan[]; gold: LabelledSpan[] } = { predicted: [], gold: [] };
  let clusterEnd = -Infinity;
  for (const { span, isGold } of spans) {
    if (span.start >= clusterEnd) {
      matches += largestMatching(cluster.predicted, cluster.gold);
      cluster = { predicted: [], gold: [] };
    }
    (isGold ? cluster.gold : cluster.predicted).push(span);
    clusterEnd = Math.max(clusterEnd, span.end);
  }
  return matches + largestMatching(cluster.predicted, cluster.gold);
}

/** The size of the largest one-to-one matching between overlapping spans of the two lists. */
function largestMatching(predicted: readonly LabelledSpan[], gold: readonly LabelledSpan[]): number {
  if (predicted.length === 0 || gold.length === 0) return 0;
  const overlapping = predicted.map((span) => gold.flatMap((other, index) => (span.start < other.end && other.start < span.end ? [index] : [])));
  /** The prediction each gold span is paired with, or -1. */
  const partner = new Array<number>(gold.length).fill(-1);
  let matches = 0;
  for (let root = 0; root < predicted.length; root++) if (augment(root, overlapping, partner)) matches++;
  return matches;
}

/**
 * Looks for a path from prediction `root` to a free gold span that alternates between unpaired and
 * paired overlaps, and if there is one, flips the pairs along it (one more pair). A loop with its own
 * stack rather than recursion: a long chain of overlapping spans must not overflow the call stack.
 */
function augment(root: number, overlapping: readonly number[][], partner: number[]): boolean {
  const visited = new Uint8Array(partner.length);
  // Each frame: a prediction, the next of its overlaps to try, and the gold span taken towards the next frame.
  const stack = [{ prediction: root, next: 0, via: -1 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (frame.next === overlapping[frame.prediction].length) {
      stack.pop();
      continue;
    }
    const g = overlapping[frame.prediction][frame.next++];
    if (visited[g]) continue;
    visited[g] = 1;
    if (partner[g] !== -1) {
      // Taken: go on only if its partner can move to another gold span.
      frame.via = g;
      stack.push({ prediction: partner[g], next: 0, via: -1 });
      continue;
    }
    partner[g] = frame.prediction;
    for (let k = stack.length - 2; k >= 0; k--) partner[stack[k].via] = stack[k].prediction;
    return true;
  }
  return false;
}

function byStart(a: LabelledSpan, b: LabelledSpan): number {
  return a.start - b.start || a.end - b.end;
}

/** Precision, recall and F1 of match counts (also to sum the counts of several documents). */
export function toScore(counts: { truePositives: number; falsePositives: number; falseNegatives: number }): Score {
  const { truePositives, falsePositives, falseNegatives } = counts;
  const precision = truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives);
  const recall = truePositives + falseNegatives === 0 ? 1 : truePositives / (truePositives + falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives, falsePositives, falseNegatives, precision, recall, f1 };
}
