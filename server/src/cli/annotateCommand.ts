import { relative, resolve, sep } from 'node:path';
import { shardOf } from '../core/annotate/shard';
import type { ArticleOutcome } from '../node/annotateArticle';
import { planAnnotation } from '../node/annotatePlan';
import { annotateArticles } from '../node/annotatePool';
import { DEFAULT_PROPOSER } from '../core/annotate/proposals';
import type { Cancellation, ProgressReporter } from '../core/base/progress';
import { articleSelectorFor } from '../node/projectFiles';
import { findArticlesBelow } from '../node/corpusFiles';
import { ProgressBar } from './progressBar';

export type AnnotateFormat = 'summary' | 'json';

export interface AnnotateRequest {
  paths: string[];
  workers: number;
  dryRun: boolean;
  format: AnnotateFormat;
  /** The proposals' signature; the tool's name by default. */
  annotator?: string;
  /** Only the articles of shard `index` of `count` (see core/annotate/shard.ts): one job of an array. */
  shard?: { index: number; count: number };
  /** YYYY-MM-DD for articles that state no date, in place of marginalia.json's "referenceDate". */
  referenceDate?: string;
}

/** Exit code of a run stopped by Ctrl+C, as a shell reports a command ended by SIGINT. */
export const CANCELLED_EXIT_CODE = 130;

/** What `marginalia annotate` reports, summed over the articles. */
export interface AnnotateSummary {
  articles: number;
  /** Articles finished: fewer than `articles` when cancelled. */
  done: number;
  changed: number;
  unchanged: number;
  skipped: Array<{ article: string; reason: string }>;
  added: number;
  removed: number;
  kept: number;
  /** Relations proposed between tags (QUANTITY_OF, PRODUCES), and the tool's own earlier ones removed as no longer found. */
  relationsAdded: number;
  relationsRemoved: number;
  workers: number;
  seconds: number;
  dryRun: boolean;
  cancelled: boolean;
}

/**
 * Pre-annotates the articles below the paths on worker threads. Exit codes: 0 done, 2 bad usage or
 * an article skipped (unreadable, binary, a broken sidecar, project or lexicon file: named on
 * stderr, left untouched, the others still annotated), 130 cancelled (the articles under way were
 * finished first).
 */
export async function runAnnotate(request: AnnotateRequest, out: (chunk: string) => void, err: (line: string) => void, progress?: ProgressReporter, cancellation?: Cancellation): Promise<number> {
  const started = performance.now();
  const selector = articleSelectorFor([]);
  let plan;
  try {
    const found = await findArticlesBelow(request.paths, selector);
    const shard = request.shard;
    // By the article's path in its corpus (from its marginalia.json's folder, else from the PATH given): the same on every machine.
    const articles = shard ? found.filter(({ path, root }) => shardOf(corpusPathOf(resolve(path), resolve(selector.projectOf(resolve(path)).project?.folder ?? root)), shard.count) === shard.index) : found;
    plan = await planAnnotation(articles, { projectOf: (path) => selector.projectOf(resolve(path)), referenceDate: request.referenceDate });
  } catch (error) {
    err(`marginalia annotate: ${(error as Error).message}`);
    return 2;
  }
  for (const warning of plan.warnings) err(warning);
  const total = plan.articles.length + plan.skipped.length;
  // Said as they happen (once per recogniser and kind of failure); the run goes on with the detector.
  let recogniserProblems = 0;
  const recogniserProblem = (message: string) => {
    recogniserProblems++;
    err(message);
  };
  const outcome = await annotateArticles(
    { articles: plan.articles, profiles: plan.profiles, annotator: request.annotator ?? DEFAULT_PROPOSER, dryRun: request.dryRun, workers: request.workers, recogniserProblem },
    { progress: progress && { report: (done, _total, message) => progress.report(done + plan.skipped.length, total, message) }, cancellation },
  );
  const outcomes: ArticleOutcome[] = [...plan.skipped, ...outcome.results];
  const summary = summarize(outcomes, { articles: total, workers: Math.min(request.workers, Math.max(1, plan.articles.length)), seconds: (performance.now() - started) / 1000, dryRun: request.dryRun, cancelled: outcome.cancelled });
  for (const { article, reason } of summary.skipped) err(`${article}: skipped: ${reason}`);
  out(request.format === 'json' ? JSON.stringify(summary, null, 2) + '\n' : forPeople(summary, request.paths));
  if (summary.cancelled) return CANCELLED_EXIT_CODE;
  return summary.skipped.length > 0 || recogniserProblems > 0 ? 2 : 0;
}

/** `path` relative to `folder`, '/'-separated. */
function corpusPathOf(path: string, folder: string): string {
  return relative(folder, path).split(sep).join('/');
}

function summarize(outcomes: readonly ArticleOutcome[], run: Pick<AnnotateSummary, 'articles' | 'workers' | 'seconds' | 'dryRun' | 'cancelled'>): AnnotateSummary {
  const summary: AnnotateSummary = { articles: run.articles, done: outcomes.length, changed: 0, unchanged: 0, skipped: [], added: 0, removed: 0, kept: 0, relationsAdded: 0, relationsRemoved: 0, workers: run.workers, seconds: Math.round(run.seconds * 100) / 100, dryRun: run.dryRun, cancelled: run.cancelled };
  for (const outcome of outcomes) {
    if (outcome.status === 'skipped') {
      summary.skipped.push({ article: outcome.article, reason: outcome.reason });
      continue;
    }
    summary[outcome.status]++;
    summary.added += outcome.added;
    summary.removed += outcome.removed;
    summary.kept += outcome.kept;
    summary.relationsAdded += outcome.relations?.added ?? 0;
    summary.relationsRemoved += outcome.relations?.removed ?? 0;
  }
  return summary;
}

/**
 * "Pre-annotated 120 articles in 3.4 s on 2 worker threads: 5,210 proposals added, 12 removed (no
 * longer found), 40 kept; 3 articles unchanged." (the skipped ones are named on stderr).
 */
function forPeople(summary: AnnotateSummary, paths: readonly string[]): string {
  if (summary.articles === 0) return `No articles (.txt files) in ${paths.join(', ')}.\n`;
  const annotated = summary.changed + summary.unchanged;
  const seconds = `${summary.seconds.toFixed(1)} s`;
  const threads = plural(summary.workers, 'worker thread');
  const counts = summary.dryRun
    ? `would add ${plural(summary.added, 'proposal')} and remove ${summary.removed} (no longer found), keep ${summary.kept}; nothing written`
    : `${plural(summary.added, 'proposal')} added, ${summary.removed} removed (no longer found), ${summary.kept} kept`;
  const head = summary.cancelled
    ? `Cancelled after ${summary.done} of ${plural(summary.articles, 'article')} (those under way were finished): ${annotated} pre-annotated in ${seconds}`
    : `${summary.dryRun ? 'Dry run: checked' : 'Pre-annotated'} ${plural(annotated, 'article')} in ${seconds} on ${threads}`;
  const relations =
    summary.relationsAdded + summary.relationsRemoved === 0
      ? ''
      : summary.dryRun
        ? `; would propose ${plural(summary.relationsAdded, 'relation')} and remove ${summary.relationsRemoved}`
        : `; ${plural(summary.relationsAdded, 'relation')} proposed, ${summary.relationsRemoved} removed (no longer found)`;
  const skipped = summary.skipped.length > 0 ? `; ${plural(summary.skipped.length, 'article')} skipped and left untouched (named on stderr)` : '';
  return `${head}: ${counts}${relations}; ${plural(summary.unchanged, 'article')} unchanged${skipped}.\n`;
}

function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * Runs `annotate` with a progress bar on stderr (on a terminal only) where Ctrl+C cancels cleanly:
 * the first one stops handing out articles and lets those under way finish, so every sidecar is
 * written whole, then the summary says how far it got; a second one ends the process at once, as
 * Ctrl+C usually does (a sidecar write is atomic, so even that leaves no half-written file).
 */
export async function withCancellableProgressBar<T>(label: string, disabled: boolean, command: (bar: ProgressBar, cancellation: Cancellation) => Promise<T>): Promise<T> {
  const bar = new ProgressBar(process.stderr, label, { disabled, env: process.env });
  let cancelled = false;
  const interruptedAgain = () => {
    bar.clear();
    // The listener is gone (once), so the signal now takes its default course: the process ends.
    process.kill(process.pid, 'SIGINT');
  };
  const interrupted = () => {
    cancelled = true;
    bar.clear();
    process.stderr.write('Cancelling: finishing the articles under way (Ctrl+C again to stop at once)…\n');
    process.once('SIGINT', interruptedAgain);
  };
  process.once('SIGINT', interrupted);
  try {
    return await command(bar, { isCancelled: () => cancelled });
  } finally {
    process.removeListener('SIGINT', interrupted);
    process.removeListener('SIGINT', interruptedAgain);
    bar.clear();
  }
}
