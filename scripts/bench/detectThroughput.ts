/**
 * Detect throughput on one core (issue 17: at least 20 MB/s), against a single regular-expression pass over the same
 * text; and detection one article at a time, as `marginalia annotate` runs it (issue 19), where each document's
 * fixed costs count.
 */
import { detect, detectSpans } from '../../server/src/core/detect';
import { ArticleGenerator } from './articleGenerator';
import { report } from './figures';
import { corpusOf } from './seeds';
import { median, round } from './statistics';

export function benchDetect(short: boolean): void {
  const corpus = corpusOf(2_000_000);
  const megabytes = Buffer.byteLength(corpus) / 1e6;
  const runs = short ? 2 : 9;
  // The detector runs in a long-lived language server or batch worker: its rate is that of optimised code. V8
  // tiers a function up over several calls (the first calls over 2 MB took 963, 593, 325, 328, 242 ms, then
  // settled near 200 ms under load), so a median over the first seven measured warm-up, not detection. The
  // first call's time is printed beside the figure so that the cost of a cold start stays visible.
  const firstCallMs = timed(() => detect(corpus));
  const warmUpRuns = short ? 1 : 6;
  for (let i = 0; i < warmUpRuns; i++) detect(corpus);
  const detectMs = median(timedRuns(runs, () => detect(corpus)));
  // The speed of light for a scanner: one regular-expression pass that finds every word and number.
  const regexMs = median(timedRuns(runs, () => corpus.match(/\p{L}+|\d+/gu)));
  report('detect throughput', round(megabytes / (detectMs / 1000)), 'MB/s', { comparison: '>=', limit: 20 }, {
    corpusMB: round(megabytes),
    warmUpRuns,
    firstCallMB_s: round(megabytes / (firstCallMs / 1000)),
    ratioToRegexPass: round(regexMs / detectMs, 3),
  });
}

/** Generated articles of 1–6 KB (articleGenerator.ts), each detected on its own. */
const ARTICLES = 400;

/**
 * Milliseconds an article when `marginalia annotate` detects generated articles one at a time (detectSpans, as its
 * candidates are found), with the rate in MB/s beside it and the rate of the same articles joined into one document:
 * no target, the figure shows what each document's fixed costs take.
 */
export function benchDetectPerArticle(short: boolean): void {
  const generator = new ArticleGenerator();
  const articles = Array.from({ length: short ? 40 : ARTICLES }, (_, n) => generator.article(n));
  const megabytes = articles.reduce((sum, article) => sum + Buffer.byteLength(article), 0) / 1e6;
  const detectAll = () => {
    for (const article of articles) detectSpans(article);
  };
  // Warmed up as the throughput figure is: a batch worker runs optimised code after its first articles.
  const warmUpRuns = short ? 1 : 6;
  for (let i = 0; i < warmUpRuns; i++) detectAll();
  const allMs = median(timedRuns(short ? 2 : 9, detectAll));
  // The same text as one document: what the fixed costs of 400 documents add is the difference.
  const joined = articles.join('\n');
  for (let i = 0; i < warmUpRuns; i++) detectSpans(joined);
  const wholeMs = median(timedRuns(short ? 2 : 9, () => detectSpans(joined)));
  report('detect per article', round(allMs / articles.length, 3), 'ms', undefined, {
    articles: articles.length,
    averageKB: round((megabytes * 1000) / articles.length),
    MB_s: round(megabytes / (allMs / 1000)),
    oneDocumentMB_s: round(megabytes / (wholeMs / 1000)),
  });
}

function timed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function timedRuns(runs: number, run: () => unknown): number[] {
  return Array.from({ length: runs }, () => timed(run));
}
