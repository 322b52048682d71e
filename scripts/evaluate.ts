// Prints the detector's figures on the hand-made gold set (npm run eval); definitions in test/support/goldScores.ts
// and test/fixtures/gold/README.md. Options: --json (the figures as JSON), --article NAME (that article's misses).
import { parseArgs } from 'node:util';
import { detectGoldSet, loadGoldSet } from '../test/support/goldSet';
import { scoreGold, type GoldFigures, type Ratio } from '../test/support/goldScores';
import { articleMisses } from '../test/support/goldMisses';
import type { Score } from '../server/src/core/agreement/spanScores';

function main(): number {
  let options: { json: boolean; article?: string };
  try {
    const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, article: { type: 'string' } } });
    options = { json: values.json ?? false, article: values.article };
  } catch (error) {
    console.error(`evaluate: ${(error as Error).message}\nusage: npm run eval -- [--json] [--article NAME]`);
    return 2;
  }
  const scored = detectGoldSet(loadGoldSet());
  if (options.article !== undefined) {
    const wanted = options.article.replace(/\.txt$/, '');
    const article = scored.find((candidate) => candidate.name.replace(/\.txt$/, '') === wanted);
    if (article === undefined) {
      console.error(`evaluate: no gold article '${options.article}'; the articles are: ${scored.map((candidate) => candidate.name).join(', ')}`);
      return 2;
    }
    const misses = articleMisses(article);
    if (options.json) console.log(JSON.stringify({ article: article.name, ...misses }, null, 2));
    else printMisses(article.name, misses);
    return 0;
  }
  const figures = scoreGold(scored);
  if (options.json) console.log(JSON.stringify(figures, null, 2));
  else printFigures(figures);
  return 0;
}

const percent = (value: number) => (value * 100).toFixed(1).padStart(5);
const ratio = (value: Ratio) => `${percent(value.share)}%  (${value.count} of ${value.of})`;
const prf = (score: Score) => `${percent(score.precision)} ${percent(score.recall)} ${percent(score.f1)}`;

function printFigures(figures: GoldFigures): void {
  const row = (name: string, exact: Score, overlap: Score) => `${name.padEnd(12)} ${String(exact.truePositives + exact.falseNegatives).padStart(5)}   ${prf(exact)}   ${prf(overlap)}`;
  console.log(`gold set: ${figures.articles} articles, ${figures.goldSpans} spans`);
  console.log(`${''.padEnd(12)} ${'gold'.padStart(5)}   ${'exact P/R/F1'.padEnd(17)}   overlap P/R/F1`);
  console.log(row('ALL', figures.all.exact.overall, figures.all.overlap.overall));
  for (const [kind, scores] of Object.entries(figures.byKind)) console.log(row(kind, scores.exact.overall, scores.overlap.overall));
  for (const label of Object.keys(figures.all.exact.byLabel)) console.log(row('  ' + label, figures.all.exact.byLabel[label]!, figures.all.overlap.byLabel[label]!));
  console.log('');
  console.log(`entities PER/ORG/LOC, typed exact span   P/R/F1 ${prf(figures.typedEntities.overall)}`);
  for (const [type, score] of Object.entries(figures.typedEntities.byType)) console.log(`  ${type.padEnd(38)} P/R/F1 ${prf(score)}`);
  console.log(`names in capitals found (overlap)         ${ratio(figures.capitals.found)}`);
  console.log(`names in capitals exact with label        ${ratio(figures.capitals.exact)}`);
  console.log(`ORG right (of gold ORG found)             ${ratio(figures.orgRight)}`);
  console.log(`dates strict (exact span)                P/R/F1 ${prf(figures.dates.strict)}`);
  console.log(`dates relaxed (overlap)                  P/R/F1 ${prf(figures.dates.relaxed)}`);
  console.log(`date value = TimeML (of dates found)      ${ratio(figures.dateValues)}`);
  console.log(`SET found                                 ${ratio(figures.sets.found)}`);
  console.log(`SET valued                                ${ratio(figures.sets.valued)}`);
}

function printMisses(name: string, misses: ReturnType<typeof articleMisses>): void {
  const line = (miss: { start: number; end: number; label: string; text: string; detail: string }) =>
    `  ${String(miss.start).padStart(5)}-${String(miss.end).padEnd(5)} ${miss.label.padEnd(11)} ${JSON.stringify(miss.text)}${miss.detail ? `  → ${miss.detail}` : ''}`;
  console.log(`${name}: gold spans missed (no prediction with the same span and label), with what overlaps them: ${misses.missed.length}`);
  misses.missed.forEach((miss) => console.log(line(miss)));
  console.log(`${name}: predictions not in gold: ${misses.spurious.length}`);
  misses.spurious.forEach((miss) => console.log(line(miss)));
  console.log(`${name}: dates found with a value other than gold's: ${misses.wrongValues.length}`);
  misses.wrongValues.forEach((miss) => console.log(line(miss)));
}

process.exitCode = main();
