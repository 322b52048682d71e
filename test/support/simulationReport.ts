// `npm run bench:annotator`: a simulated annotator works through two corpora in file order, with and
// without the project lexicon learning from their actions; prints, per article and cumulatively,
// actions per correct tag and the suggestions' precision and recall, as a table and as one JSON object
// a line. The same figures, from the same code, are asserted by test/annotatorSimulation.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { claimsOf } from '../../server/src/core/agreement/claims';
import { detectSpans } from '../../server/src/core/detect';
import { ACTION_SECONDS, estimatedSeconds } from './keystrokeModel';
import { simulateAnnotator, type AnnotationFigures, type SimulationRun, type TruthArticle } from './simulation';
import { parseSidecar } from '../../server/src/core/sidecar';
import { loadGoldSet } from './goldSet';
import { PROJECT_ROOT } from './projectRoot';

export interface TruthSet {
  name: string;
  /** Where the true tags come from, and what that means for the figures. */
  note: string;
  articles: TruthArticle[];
}

export interface SetResult {
  set: TruthSet;
  withoutLearning: SimulationRun;
  withLearning: SimulationRun;
}

const AGREEMENT_FIXTURES = path.join(PROJECT_ROOT, 'test', 'fixtures', 'agreement');

/** The two corpora, each article with its detections computed once for both runs. */
export function loadTruthSets(): TruthSet[] {
  const gold = loadGoldSet().map(({ name, text, spans }) => ({ name, text, truth: spans.map(({ start, end, label }) => ({ start, end, label })) }));
  const seeds = readdirSync(AGREEMENT_FIXTURES)
    .filter((file) => file.endsWith('.annotations.json'))
    .sort()
    .map((file) => {
      const sidecar = parseSidecar(readFileSync(path.join(AGREEMENT_FIXTURES, file), 'utf8'), file);
      const text = readFileSync(path.join(AGREEMENT_FIXTURES, sidecar.article), 'utf8');
      return { name: sidecar.article, text, truth: claimsOf(sidecar.annotations, 'ann').map(({ start, end, label }) => ({ start, end, label })) };
    });
  const withDetections = (articles: TruthArticle[]) => articles.map((article) => ({ ...article, detections: detectSpans(article.text) }));
  return [
    { name: 'gold', note: 'test/fixtures/gold: original articles annotated by hand, independently of the detector', articles: withDetections(gold) },
    {
      name: 'seeds',
      note: "seeds, truth = annotator ann's accepted tags in test/fixtures/agreement, derived from the detector's output with simulated mistakes: these figures flatter the detector",
      articles: withDetections(seeds),
    },
  ];
}

export function runAnnotatorSimulation(sets: readonly TruthSet[] = loadTruthSets()): SetResult[] {
  return sets.map((set) => ({ set, withoutLearning: simulateAnnotator(set.articles, { learning: false }), withLearning: simulateAnnotator(set.articles, { learning: true }) }));
}

/**
 * Estimated seconds on the articles after the first (keystroke-level model): every true tag made by
 * hand with no suggestion at all (what the published studies compare with), with the detector's
 * suggestions, and with learning too.
 */
export function laterSeconds(result: SetResult): { byHandOnly: number; detector: number; learning: number } {
  const byHandOnly = estimatedSeconds({ accepts: 0, rejects: 0, relabels: 0, manual: result.withoutLearning.later.truth });
  return { byHandOnly, detector: result.withoutLearning.later.estimatedSeconds, learning: result.withLearning.later.estimatedSeconds };
}

/** How much learning saves on the articles after the first: 1 − with / without, of a per-tag figure. */
export function laterSaving(result: SetResult, figure: 'actionsPerTag' | 'byHandPerTag' = 'actionsPerTag'): number {
  return 1 - result.withLearning.later[figure] / result.withoutLearning.later[figure];
}

const percent = (value: number) => (value * 100).toFixed(1);
const ratio = (value: number) => value.toFixed(3);

/** One run as a table: per article, its figures and the cumulative ones up to it; then files 2..n. */
export function simulationTable(set: TruthSet, run: SimulationRun): string {
  const header = ['#', 'article', 'truth', 'P%', 'R%', 'accept', 'reject', 'relabel', 'manual', 'act/tag', 'hand/tag', 'cum P%', 'cum R%', 'cum act/tag', 'cum hand/tag'];
  const cells = (figures: AnnotationFigures) => [String(figures.truth), percent(figures.precision), percent(figures.recall), String(figures.accepts), String(figures.rejects), String(figures.relabels), String(figures.manual), ratio(figures.actionsPerTag), ratio(figures.byHandPerTag)];
  const rows = run.files.map((file, n) => {
    const cumulative = run.cumulative[n];
    return [String(n + 1), set.articles[n].name, ...cells(file), percent(cumulative.precision), percent(cumulative.recall), ratio(cumulative.actionsPerTag), ratio(cumulative.byHandPerTag)];
  });
  rows.push(['', `files 2..${run.files.length}`, ...cells(run.later), '', '', '', '']);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (row: string[]) => row.map((cell, column) => (column === 1 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  return [`${set.name}, ${run.learning ? 'with' : 'without'} learning`, line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

export function printAnnotatorSimulation(): void {
  const started = performance.now();
  const results = runAnnotatorSimulation();
  for (const result of results) {
    for (const run of [result.withoutLearning, result.withLearning]) {
      run.files.forEach((file, n) => console.log(JSON.stringify({ set: result.set.name, learning: run.learning, file: n + 1, ...round(file), cumulative: round(run.cumulative[n]) })));
    }
    console.log(
      JSON.stringify({
        set: result.set.name,
        summary: 'files 2..n',
        withoutLearning: round(result.withoutLearning.later),
        withLearning: round(result.withLearning.later),
        actionsSaved: Number(laterSaving(result).toFixed(4)),
        byHandSaved: Number(laterSaving(result, 'byHandPerTag').toFixed(4)),
        estimatedSeconds: Object.fromEntries(Object.entries(laterSeconds(result)).map(([run, seconds]) => [run, Math.round(seconds)])),
        note: result.set.note,
      }),
    );
  }
  console.log(
    '\nP%, R%: the suggestions shown on opening the article, exact precision and recall against the true tags (span and label).' +
      '\nrelabel: a suggestion on a true span with another label, one action. act/tag: all actions (accept + reject + relabel + manual) per true tag, 1 at best.' +
      '\nhand/tag: tags made by hand (manual + relabel) per true tag. cum: the articles so far. With learning, the corpus lexicon learns each accepted,' +
      '\nrelabelled or manual entity tag (numbers and dates are not learnt, as in the editor) and suppresses each rejection between the same two words.' +
      `\nEstimated time: the keystroke-level model (server/src/core/annotate/keystrokeModel.ts): accept ${ACTION_SECONDS.accept.toFixed(2)} s, reject ${ACTION_SECONDS.reject.toFixed(2)} s, relabel ${ACTION_SECONDS.relabel.toFixed(2)} s, a tag by hand ${ACTION_SECONDS.manual.toFixed(2)} s.`,
  );
  for (const result of results) {
    console.log(`\n${result.set.name}: ${result.set.note}\n`);
    console.log(`${simulationTable(result.set, result.withoutLearning)}\n\n${simulationTable(result.set, result.withLearning)}\n`);
    const files = `files 2..${result.set.articles.length}`;
    console.log(
      `${files}: actions per correct tag ${ratio(result.withoutLearning.later.actionsPerTag)} → ${ratio(result.withLearning.later.actionsPerTag)} with learning (${signed(laterSaving(result))}), ` +
        `tags by hand per correct tag ${ratio(result.withoutLearning.later.byHandPerTag)} → ${ratio(result.withLearning.later.byHandPerTag)} (${signed(laterSaving(result, 'byHandPerTag'))}); ` +
        `lexicon at the end: ${result.withLearning.lexiconSize} entries and suppressions`,
    );
    const { byHandOnly, detector, learning } = laterSeconds(result);
    const less = (seconds: number) => `${percent(1 - seconds / byHandOnly)}% less`;
    console.log(
      `${files}, estimated time (keystroke-level model): every tag by hand ${Math.round(byHandOnly)} s; with the detector's suggestions ${Math.round(detector)} s (${less(detector)}); ` +
        `with learning too ${Math.round(learning)} s (${less(learning)}; learning itself: ${signed(1 - learning / detector, 'less time', 'more time')} than the detector alone)`,
    );
  }
  console.log('');
  console.log(`simulation took ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** Figures with ratios to 4 decimals, for the JSON lines. */
function round(figures: AnnotationFigures): AnnotationFigures {
  const fixed = (value: number) => Number(value.toFixed(4));
  return { ...figures, precision: fixed(figures.precision), recall: fixed(figures.recall), actionsPerTag: fixed(figures.actionsPerTag), byHandPerTag: fixed(figures.byHandPerTag), estimatedSeconds: Number(figures.estimatedSeconds.toFixed(1)) };
}

/** "12.3% fewer", "4.0% more"; of time, "12.3% less time". */
function signed(saving: number, fewer = 'fewer', more = 'more'): string {
  return saving >= 0 ? `${percent(saving)}% ${fewer}` : `${percent(-saving)}% ${more}`;
}

