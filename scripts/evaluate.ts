// Prints the detector's precision and recall on the hand-made gold set (npm run eval).
import { evaluateGoldSet, loadGoldSet } from '../test/support/goldSet';
import type { Score } from '../server/src/core/agreement/spanScores';

const articles = loadGoldSet();
const { all, byKind, goldSpans } = evaluateGoldSet(articles);
const percent = (value: number) => (value * 100).toFixed(1).padStart(5);
const row = (name: string, exact: Score, overlap: Score) =>
  `${name.padEnd(12)} ${String(exact.truePositives + exact.falseNegatives).padStart(5)}   ${percent(exact.precision)} ${percent(exact.recall)} ${percent(exact.f1)}   ${percent(overlap.precision)} ${percent(overlap.recall)} ${percent(overlap.f1)}`;

console.log(`gold set: ${articles.length} articles, ${goldSpans} spans`);
console.log(`${''.padEnd(12)} ${'gold'.padStart(5)}   ${'exact P/R/F1'.padEnd(17)}   overlap P/R/F1`);
console.log(row('ALL', all.exact.overall, all.overlap.overall));
for (const [kind, scores] of Object.entries(byKind)) console.log(row(kind, scores.exact.overall, scores.overlap.overall));
for (const label of Object.keys(all.exact.byLabel)) console.log(row('  ' + label, all.exact.byLabel[label], all.overlap.byLabel[label]));
