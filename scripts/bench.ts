// `npm run bench`: how fast Marginalia is, one JSON object a line, then a table of figure, target
// and verdict. Throughputs come with a ratio to a baseline measured in the same run, because
// machines are noisy. `--short` (CI) measures every figure on smaller sizes with few repetitions,
// to prove the bench works, not to time it. `--only detect` measures only the figures named so.
// The same bundle is the pre-annotation worker: started as a worker thread it serves `marginalia
// annotate`'s articles, or runs the read-write baseline's task.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { isMarginaliaWorker, serveMarginaliaWorker } from '../server/src/node/workerEntry';
import { benchActivation } from './bench/activation';
import { benchBatchCommands } from './bench/batchCommands';
import { benchCheck } from './bench/check';
import { benchCorpusScale } from './bench/corpusScale';
import { benchDetect, benchDetectPerArticle } from './bench/detectThroughput';
import { benchEditTokens } from './bench/editTokens';
import { reportUnavailable, table } from './bench/figures';
import { benchFullTokens } from './bench/fullTokens';
import { benchLexiconLearning } from './bench/lexiconLearning';
import { benchPackageSize } from './bench/packageSize';
import { benchPreAnnotation } from './bench/preAnnotation';
import { runPreAnnotationTask, type PreAnnotationTask } from './bench/preAnnotationWorker';
import { benchQuickFix } from './bench/quickFix';
import { benchReanchor } from './bench/reanchor';
import { benchServerStart } from './bench/serverStart';
import { benchTransfer } from './bench/transfer';

async function main(): Promise<void> {
  const short = process.argv.includes('--short');
  // `--only <text>` measures just the figures whose name contains it, to iterate on one target.
  const onlyIndex = process.argv.indexOf('--only');
  const only = onlyIndex >= 0 ? process.argv[onlyIndex + 1] : undefined;
  // `--sizes 1000,10000`: the article counts of the batch commands' figures (default 1,000, 10,000 and 100,000, which takes
  // about 14 minutes).
  const sizesIndex = process.argv.indexOf('--sizes');
  const sizes = sizesIndex >= 0 ? process.argv[sizesIndex + 1]!.split(',').map(Number) : undefined;
  if (sizes?.some((size) => !Number.isInteger(size) || size < 1)) throw new Error(`--sizes must be article counts such as 1000,10000,100000, not '${process.argv[sizesIndex + 1]}'`);
  const started = performance.now();
  // Packaging comes first: it leaves minified bundles in dist/, so every later figure measures what ships.
  const measures: Array<[string, () => void | Promise<void>]> = [
    ['packaged extension size', () => benchPackageSize()],
    ['detect throughput', () => benchDetect(short)],
    ['detect per article', () => benchDetectPerArticle(short)],
    ['full semantic tokens, 1 MB article', () => benchFullTokens(short)],
    ['edit → semantic tokens delta, 100 KB article', () => benchEditTokens(short)],
    ['quick fix → sidecar written, 10k tags', () => benchQuickFix(short)],
    ['re-anchoring 10k tags, 1 MB article', () => benchReanchor(short)],
    ['check, 10k and 100k tags', () => benchCheck(short)],
    ['learning action → lexicon written', () => benchLexiconLearning(short)],
    ['batch commands (check, agreement, report, annotate) by corpus size', () => benchBatchCommands(short, sizes)],
    ['corpus of 1k, 10k and 100k articles: index, tag all, code actions', () => benchCorpusScale(short)],
    ['pre-annotation on 2 worker threads', () => benchPreAnnotation(short, __filename)],
    ['export and import, 1k and 10k articles', () => benchTransfer(short)],
    ['server start to first tokens', () => benchServerStart(short)],
    ['extension activation', () => benchActivation(short)],
  ];
  for (const [name, measure] of measures) {
    if (only !== undefined && !name.includes(only)) continue;
    try {
      await measure();
    } catch (error) {
      // One broken measure must not hide the others; the exit code still fails the run.
      console.error(error);
      reportUnavailable(name, '-', undefined, (error as Error).message.split('\n')[0]);
      process.exitCode = 1;
    }
  }
  const caveat = short ? '\nshort run: smaller sizes, few repetitions, to prove every figure can be measured; its verdicts are no timing (`npm run bench` times them)' : '';
  console.log(`\n${table()}\n${caveat}\n${short ? 'short run' : 'bench'} took ${Math.round((performance.now() - started) / 1000)} s`);
}

if (isMainThread) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
} else if (isMarginaliaWorker()) {
  serveMarginaliaWorker();
} else {
  void runPreAnnotationTask(workerData as PreAnnotationTask).then(() => parentPort!.postMessage('done'));
}
