import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { ProgressReporter } from '../core/base/progress';
import { inOrderAhead } from '../core/base/readAhead';
import type { FormatNotice, ExportDocument, Piece } from '../core/formats/types';
import type { ExportOptions, Format, PlacingWriter } from '../core/formats/registry';
import type { StreamWriter } from '../core/formats/streamWriter';
import type { ConllScheme } from '../core/formats/conll';
import type { TagStatus } from '../core/sidecar/schema';
import { findArticlesBelow } from './corpusFiles';
import { loadForExport, type ConvertedArticle, type LoadedArticle } from './exportArticle';
import { exportWorkerSetup, type ExportTask } from './exportWorker';
import { articleSelectorFor, corpusLabels, relationTypesLookup } from './projectFiles';
import { SidecarStore } from './sidecarStore';
import { defaultWorkerCount, defaultWorkerScript, maxWorkerCount, WorkerPool } from './workerPool';

export interface ExportRequest {
  format: Format;
  /** The corpus folder (or one article). */
  corpus: string;
  /** One file for stream formats, a folder for folder formats. */
  out: string;
  /** Tags of these statuses go out (default: accepted and approved). */
  statuses: ReadonlySet<TagStatus>;
  /** Only this annotator's tags, when given. */
  annotator?: string;
  /** CoNLL's scheme and strictness. */
  scheme?: ConllScheme;
  strict?: boolean;
  /** Worker threads that read the articles (default: one per core); 0 reads them on this thread. */
  workers?: number;
  /** The file each worker thread runs; default: defaultWorkerScript(). */
  workerScript?: string;
}

/** A document a worker thread has already converted: its text or files in the format, and its notices. */
interface Converted {
  converted: ConvertedArticle;
}

/** Articles sent to a thread in one message, and answered in one (see ExportTask). */
const BATCH = 8;
/** Batches read ahead of the one being written, for each thread that reads (at most this many articles held a thread). */
const READ_AHEAD = 4;
/**
 * Fewer articles than this are read on this thread: starting a thread (loading the bundle) costs
 * about what reading a few hundred articles does.
 */
const ARTICLES_WORTH_THREADS = 500;

export interface ExportOutcome {
  documents: number;
  tags: number;
  /** What was left out or could not be said, each named: the command exits 2 when there is any. */
  notices: FormatNotice[];
}

/**
 * Writes the corpus's tags in an interchange format, article by article in the order of their paths,
 * never holding the corpus in memory: each article is read, converted and written before the next.
 * Orphaned tags (marked so, or whose text is not at their offsets) and tags in conflict are never
 * exported as if they were sound: they are left out and named. The output appears whole or not at
 * all: a file is written aside and renamed, a folder must be new or empty.
 */
export async function exportCorpus(request: ExportRequest, progress?: ProgressReporter): Promise<ExportOutcome> {
  const root = resolve(request.corpus);
  const articles = (await findArticlesBelow([root], articleSelectorFor([]))).map((article) => resolve(article.path)).sort();
  const labels = corpusLabels(root);
  // The relation types, as the labels, of the corpus's marginalia.json (the nearest one up).
  const relationTypes = relationTypesLookup()(join(root, 'any.txt'));
  const options = { labels, relationTypes, ...(request.scheme ? { scheme: request.scheme } : {}), ...(request.strict ? { strict: true } : {}) };
  const notices: FormatNotice[] = [];
  let tags = 0;
  // Reading and checking sidecars is most of the work: on a big corpus worker threads do it, one per
  // core, while this thread converts and writes, in the articles' order.
  const threads = articles.length < ARTICLES_WORTH_THREADS ? 0 : Math.max(0, Math.min(Math.floor(request.workers ?? defaultWorkerCount()), maxWorkerCount()));
  const filter = { statuses: request.statuses, ...(request.annotator !== undefined ? { annotator: request.annotator } : {}) };
  const { exporter } = request.format;
  // A format whose documents convert alone (or into pieces placed in order) is converted on the threads too:
  // only its text, piece or files come back.
  const convert = exporter.kind === 'folder' || exporter.perDocument || exporter.pieces ? { format: request.format.name, options } : undefined;
  const pool = threads > 0 ? new WorkerPool<ExportTask, LoadedArticle[]>(request.workerScript ?? defaultWorkerScript(), threads, exportWorkerSetup(filter, convert), 'export') : undefined;
  const store = new SidecarStore();
  const nameOf = (path: string) => relative(root, path).split(sep).join('/') || path.split(sep).pop()!;
  const load = (batch: readonly string[]): Promise<LoadedArticle[]> =>
    pool ? pool.run(batch.map((path) => ({ path, name: nameOf(path) }))) : Promise.all(batch.map((path) => loadForExport(path, nameOf(path), filter, store)));
  const batches: string[][] = [];
  for (let start = 0; start < articles.length; start += BATCH) batches.push(articles.slice(start, start + BATCH));
  // Progress in articles, as people count them, though batches are what is handed over.
  const articleProgress = progress && { report: (done: number, _total: number, message?: string) => progress.report(Math.min(done * BATCH, articles.length), articles.length, message) };
  // Reading runs a few batches ahead of converting and writing, so that the disk and the CPU overlap;
  // never more than this many articles are held, whatever the corpus's size.
  const ahead = READ_AHEAD * Math.max(1, threads);
  const documents = async function* (): AsyncGenerator<ExportDocument | Converted> {
    for await (const batch of inOrderAhead(batches, ahead, load, articleProgress)) {
      for (const loaded of batch) {
        notices.push(...loaded.notices);
        if (loaded.converted) {
          tags += loaded.converted.tags;
          yield { converted: loaded.converted };
          continue;
        }
        if (!loaded.document) continue;
        tags += loaded.document.tags.length;
        yield loaded.document;
      }
    }
  };

  try {
    const count = await writeExport(request, options, documents(), notices);
    return { documents: count, tags, notices };
  } finally {
    await pool?.close();
  }
}

/**
 * Writes the documents as they come: a file written aside and renamed, or a folder (new or empty)
 * written aside and renamed. The number of documents written.
 */
async function writeExport(request: ExportRequest, options: ExportOptions, documents: AsyncIterable<ExportDocument | Converted>, notices: FormatNotice[]): Promise<number> {
  const { exporter } = request.format;
  if (exporter.kind === 'stream') {
    const out = resolve(request.out);
    await mkdir(dirname(out), { recursive: true });
    const partial = `${out}.partial-${process.pid}`;
    const stream = createWriteStream(partial, { encoding: 'utf8' });
    // One error at any time fails the export; a full buffer waits for 'drain' (streamed: the corpus is never held).
    let failure: Error | undefined;
    stream.on('error', (error) => (failure = error));
    const write = async (chunk: string | Uint8Array) => {
      if (failure) throw failure;
      if (!stream.write(chunk)) await new Promise<void>((done) => stream.once('drain', done));
      if (failure) throw failure;
    };
    let count = 0;
    // A format converted in pieces is written by the writer that places them, whichever thread converted.
    const placing: PlacingWriter | undefined = exporter.pieces?.writer(options);
    const writer: StreamWriter = placing ?? exporter.writer(options);
    const place = (piece: Piece) => {
      if (!placing) throw new Error(`a ${request.format.name} export was handed a piece, which its format does not make`);
      return placing.place(piece);
    };
    try {
      await write(writer.header());
      for await (const document of documents) {
        const converted = 'converted' in document ? document.converted : writer.document(document);
        const written = 'piece' in converted ? place(converted.piece) : converted;
        if ('files' in written) throw new Error('a stream export was handed files');
        count++;
        notices.push(...written.notices);
        await write('bytes' in written ? written.bytes : written.text);
        // A piece's body goes right after what placing it wrote.
        if ('piece' in converted && converted.body) await write(converted.body);
      }
      await write(writer.footer());
      await new Promise<void>((done, fail) => stream.end((error?: Error | null) => (error ? fail(error) : done())));
      await rename(partial, out);
    } catch (error) {
      stream.destroy();
      await rm(partial, { force: true });
      throw error;
    }
    return count;
  }

  const folder = resolve(request.out);
  const existing = await readdir(folder).catch(() => undefined);
  if (existing && existing.length > 0) throw new Error(`${request.out} is not empty: a ${request.format.name} export goes into a new or empty folder, so that no file of an earlier export is mixed in`);
  const partial = `${folder}.partial-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  let count = 0;
  try {
    // Each folder made once, not once a file (a brat export writes two files an article). Blocking
    // writes: a promise's file handle cost the main thread ten times the write itself (two files an
    // article made it the export's bottleneck), and each write of a small file blocks for microseconds.
    const folders = new Set<string>();
    const writeFiles = (files: ReadonlyArray<{ path: string; content: string }>) => {
      for (const file of files) {
        const target = join(partial, ...file.path.split('/'));
        const folder = dirname(target);
        if (!folders.has(folder)) {
          mkdirSync(folder, { recursive: true });
          folders.add(folder);
        }
        writeFileSync(target, file.content, 'utf8');
      }
    };
    for await (const document of documents) {
      const written = 'converted' in document ? document.converted : exporter.document(document, options);
      if (!('files' in written)) throw new Error('a folder export was handed text');
      notices.push(...written.notices);
      writeFiles(written.files);
      count++;
    }
    if (exporter.finish) writeFiles(exporter.finish(options));
    if (existing) await rm(folder, { recursive: true });
    await rename(partial, folder);
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
  return count;
}
