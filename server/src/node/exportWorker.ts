/**
 * The worker thread's side of an export: reads articles and their sidecars and chooses the tags that
 * go out (loadForExport), for the main thread to write in order. Bundles serve this when started with
 * this role (see workerEntry.ts), as they serve pre-annotation.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { formatNamed, type ExportOptions } from '../core/formats/registry';
import type { TagStatus } from '../core/sidecar/schema';
import { loadForExport, type LoadedArticle } from './exportArticle';
import { SidecarStore } from './sidecarStore';
import { serveTasks } from './workerPool';

const EXPORT_ROLE = 'marginalia-export';

export interface ExportWorkerSetup {
  role: typeof EXPORT_ROLE;
  statuses: TagStatus[];
  annotator?: string;
  /** A perDocument, pieces or folder format: the thread converts each document too, and sends its text, piece or files. */
  convert?: { format: string; options: ExportOptions };
}

/** One article: its path and its name in the export. */
export interface ExportArticle {
  path: string;
  name: string;
}

/**
 * A batch of articles, answered with their LoadedArticles in the same order: one message each way for
 * many articles, not for each (a message's cost, on both threads, was a tenth of a JSONL export's).
 */
export type ExportTask = ExportArticle[];

export function exportWorkerSetup(filter: { statuses: ReadonlySet<TagStatus>; annotator?: string }, convert?: ExportWorkerSetup['convert']): ExportWorkerSetup {
  return { role: EXPORT_ROLE, statuses: [...filter.statuses], ...(filter.annotator !== undefined ? { annotator: filter.annotator } : {}), ...(convert ? { convert } : {}) };
}

export function isExportWorker(): boolean {
  return !isMainThread && (workerData as Partial<ExportWorkerSetup> | null)?.role === EXPORT_ROLE;
}

export function serveExportWorker(): void {
  const setup = workerData as ExportWorkerSetup;
  const filter = { statuses: new Set(setup.statuses), ...(setup.annotator !== undefined ? { annotator: setup.annotator } : {}) };
  // This thread only reads: blocking reads cost it nothing and are several times cheaper.
  const store = new SidecarStore({ blocking: true });
  const exporter = setup.convert ? formatNamed(setup.convert.format)?.exporter : undefined;
  const options = setup.convert?.options;
  // Stateless (perDocument, or a folder's document): this thread converts each document as the main thread would.
  const writer = exporter?.kind === 'stream' && exporter.perDocument ? exporter.writer(options!) : undefined;
  // State from one document to the next: this thread makes each document's piece, the main thread places it.
  const pieces = exporter?.kind === 'stream' ? exporter.pieces : undefined;
  const folder = exporter?.kind === 'folder' ? exporter : undefined;
  // Each text encoded into a buffer of its own, moved to the main thread: a string would be copied twice
  // on the way, and then encoded by the main thread anyway.
  const encoder = new TextEncoder();
  const convert = async (task: ExportArticle): Promise<LoadedArticle> => {
    const loaded = await loadForExport(task.path, task.name, filter, store, true);
    if (!loaded.document) return loaded;
    const tags = loaded.document.tags.length;
    if (writer) {
      const { text, notices } = writer.document(loaded.document);
      return { converted: { bytes: encoder.encode(text), notices, tags }, notices: loaded.notices };
    }
    if (pieces) {
      const { body, ...piece } = pieces.piece(loaded.document, options!);
      return { converted: { piece, ...(body !== undefined ? { body: encoder.encode(body) } : {}), notices: [], tags }, notices: loaded.notices };
    }
    if (folder) {
      const { files, notices } = folder.document(loaded.document, options!);
      return { converted: { files, notices, tags }, notices: loaded.notices };
    }
    return loaded;
  };
  serveTasks<ExportTask, LoadedArticle[]>(
    parentPort!,
    async (batch) => {
      // One after the other: the reads block, so running them at once would gain nothing.
      const loaded: LoadedArticle[] = [];
      for (const task of batch) loaded.push(await convert(task));
      return loaded;
    },
    (batch) => (batch.length === 1 ? batch[0].path : `${batch[0]?.path} and ${batch.length - 1} more`),
    // TextEncoder's buffer: an ArrayBuffer of its own, never a pool's (moving a pool would detach its other users).
    (loaded) => loaded.flatMap(({ converted }) => {
      if (converted && 'bytes' in converted) return [converted.bytes.buffer as ArrayBuffer];
      if (converted && 'piece' in converted && converted.body) return [converted.body.buffer as ArrayBuffer];
      return [];
    }),
  );
}
