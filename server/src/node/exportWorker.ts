/**
 * The worker thread's side of an export: reads articles and their sidecars and chooses the tags that
 * go out (loadForExport), for the main thread to write in order. Bundles serve this when started with
 * this role (see workerEntry.ts), as they serve pre-annotation.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { TagStatus } from '../core/sidecar/schema';
import { loadForExport, type LoadedArticle } from './exportArticle';
import { SidecarStore } from './sidecarStore';
import { serveTasks } from './workerPool';

const EXPORT_ROLE = 'marginalia-export';

export interface ExportWorkerSetup {
  role: typeof EXPORT_ROLE;
  statuses: TagStatus[];
  annotator?: string;
}

/** One article: its path and its name in the export. */
export interface ExportTask {
  path: string;
  name: string;
}

export function exportWorkerSetup(filter: { statuses: ReadonlySet<TagStatus>; annotator?: string }): ExportWorkerSetup {
  return { role: EXPORT_ROLE, statuses: [...filter.statuses], ...(filter.annotator !== undefined ? { annotator: filter.annotator } : {}) };
}

export function isExportWorker(): boolean {
  return !isMainThread && (workerData as Partial<ExportWorkerSetup> | null)?.role === EXPORT_ROLE;
}

export function serveExportWorker(): void {
  const setup = workerData as ExportWorkerSetup;
  const filter = { statuses: new Set(setup.statuses), ...(setup.annotator !== undefined ? { annotator: setup.annotator } : {}) };
  // This thread only reads: blocking reads cost it nothing and are several times cheaper.
  const store = new SidecarStore({ blockingReads: true });
  serveTasks<ExportTask, LoadedArticle>(parentPort!, (task) => loadForExport(task.path, task.name, filter, store, true), (task) => task.path);
}
