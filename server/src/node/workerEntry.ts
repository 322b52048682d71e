/**
 * What a bundle (dist/cli.js, dist/server.js, the bench) does when it was started as a worker thread:
 * the job its workerData names. Every entry asks this first, so no separate worker file ships.
 */
import { isAnnotationWorker, serveAnnotationWorker } from './annotateWorker';
import { isCorpusIndexWorker, serveCorpusIndexWorker } from './corpusIndexWorker';
import { isExportWorker, serveExportWorker } from './exportWorker';

/** Whether this thread was started as one of Marginalia's worker threads. */
export function isMarginaliaWorker(): boolean {
  return isAnnotationWorker() || isExportWorker() || isCorpusIndexWorker();
}

/** Serves the job this worker thread was started for. */
export function serveMarginaliaWorker(): void {
  if (isExportWorker()) serveExportWorker();
  // The language server's corpus index (node/corpusIndexWorker.ts).
  else if (isCorpusIndexWorker()) serveCorpusIndexWorker();
  else serveAnnotationWorker();
}
