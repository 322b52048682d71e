import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { ProgressReporter } from '../core/base/progress';
import type { FormatNotice, FormatTag, ExportDocument } from '../core/formats/types';
import type { Format } from '../core/formats/registry';
import type { ConllScheme } from '../core/formats/conll';
import type { Tag, TagStatus } from '../core/sidecar/schema';
import { CodePointIndex } from '../core/base/offsets';
import { findArticlesBelow } from './corpusFiles';
import { articleSelectorFor, corpusLabels } from './projectFiles';
import { readArticleFile } from './regularFile';
import { SidecarStore } from './sidecarStore';

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
}

/** Articles read ahead of the one being converted. */
const READ_AHEAD = 8;

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
  const store = new SidecarStore();
  const labels = corpusLabels(root);
  const options = { labels, ...(request.scheme ? { scheme: request.scheme } : {}), ...(request.strict ? { strict: true } : {}) };
  const notices: FormatNotice[] = [];
  let tags = 0;
  // Reading runs a few articles ahead of converting and writing, so that the disk and the CPU overlap;
  // never more than READ_AHEAD articles are held, whatever the corpus's size.
  const read = (path: string) => Promise.all([readArticleFile(path), store.read(path)]).then(
    ([text, loaded]) => ({ text, stored: loaded.sidecar.annotations as readonly Tag[] }),
    (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }),
  );
  const documents = async function* (): AsyncGenerator<ExportDocument> {
    const pending = articles.slice(0, READ_AHEAD).map(read);
    for (const [index, path] of articles.entries()) {
      progress?.report(index, articles.length);
      const name = relative(root, path).split(sep).join('/') || path.split(sep).pop()!;
      const next = articles[index + READ_AHEAD];
      const loaded = await pending.shift()!;
      if (next !== undefined) pending.push(read(next));
      if ('error' in loaded) {
        notices.push({ document: name, message: `not exported: ${loaded.error}` });
        continue;
      }
      const chosen = chooseTags(name, loaded.text, loaded.stored, request, notices);
      tags += chosen.length;
      yield { name, text: loaded.text, tags: chosen };
    }
    progress?.report(articles.length, articles.length);
  };

  const { exporter } = request.format;
  if (exporter.kind === 'stream') {
    const out = resolve(request.out);
    await mkdir(dirname(out), { recursive: true });
    const partial = `${out}.partial-${process.pid}`;
    const stream = createWriteStream(partial, { encoding: 'utf8' });
    // One error at any time fails the export; a full buffer waits for 'drain' (streamed: the corpus is never held).
    let failure: Error | undefined;
    stream.on('error', (error) => (failure = error));
    const write = async (chunk: string) => {
      if (failure) throw failure;
      if (!stream.write(chunk)) await new Promise<void>((done) => stream.once('drain', done));
      if (failure) throw failure;
    };
    let count = 0;
    const writer = exporter.writer(options);
    try {
      await write(writer.header());
      for await (const document of documents()) {
        const written = writer.document(document);
        count++;
        notices.push(...written.notices);
        await write(written.text);
      }
      await write(writer.footer());
      await new Promise<void>((done, fail) => stream.end((error?: Error | null) => (error ? fail(error) : done())));
      await rename(partial, out);
    } catch (error) {
      stream.destroy();
      await rm(partial, { force: true });
      throw error;
    }
    return { documents: count, tags, notices };
  }

  const folder = resolve(request.out);
  const existing = await readdir(folder).catch(() => undefined);
  if (existing && existing.length > 0) throw new Error(`${request.out} is not empty: a ${request.format.name} export goes into a new or empty folder, so that no file of an earlier export is mixed in`);
  const partial = `${folder}.partial-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  let count = 0;
  try {
    const writeFiles = async (files: ReadonlyArray<{ path: string; content: string }>) => {
      for (const file of files) {
        const target = join(partial, ...file.path.split('/'));
        await mkdir(dirname(target), { recursive: true });
        await writeAll(target, file.content);
      }
    };
    for await (const document of documents()) {
      const written = exporter.document(document, options);
      notices.push(...written.notices);
      await writeFiles(written.files);
      count++;
    }
    if (exporter.finish) await writeFiles(exporter.finish(options));
    if (existing) await rm(folder, { recursive: true });
    await rename(partial, folder);
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
  return { documents: count, tags, notices };
}

/** The tags that go out: the statuses and annotator asked for, sound (not orphaned, not in conflict). */
function chooseTags(name: string, text: string, stored: readonly Tag[], request: ExportRequest, notices: FormatNotice[]): FormatTag[] {
  const index = new CodePointIndex(text);
  const chosen: FormatTag[] = [];
  for (const tag of stored) {
    if (request.annotator !== undefined && tag.annotator !== request.annotator) continue;
    const what = `${tag.label} "${tag.text}" ${tag.start}..${tag.end} (${tag.id})`;
    if (tag.status === 'conflict') {
      notices.push({ document: name, message: `${what} not exported: in conflict between two branches (keep ours or theirs first)` });
      continue;
    }
    if (!request.statuses.has(tag.status)) continue;
    const sound = tag.anchor !== 'orphaned' && tag.end <= index.length && text.slice(index.toUtf16(tag.start), index.toUtf16(tag.end)) === tag.text;
    if (!sound) {
      notices.push({ document: name, message: `${what} not exported: orphaned (its text is no longer at its offsets; re-attach it in the editor)` });
      continue;
    }
    chosen.push({
      id: tag.id,
      start: tag.start,
      end: tag.end,
      text: tag.text,
      label: tag.label,
      kind: tag.kind,
      status: tag.status,
      annotator: tag.annotator,
      created: tag.created,
      modified: tag.modified,
      ...(tag.history ? { history: tag.history } : {}),
    });
  }
  return chosen;
}


async function writeAll(path: string, content: string): Promise<void> {
  const stream = createWriteStream(path, { encoding: 'utf8' });
  await new Promise<void>((done, fail) => {
    stream.once('error', fail);
    stream.end(content, () => done());
  });
}
