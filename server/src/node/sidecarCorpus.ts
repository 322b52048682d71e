import { stat } from 'node:fs/promises';
import { basename, dirname, relative, sep } from 'node:path';
import type { ProgressReporter } from '../core/base/progress';
import { inOrderAhead } from '../core/base/readAhead';
import { readArticleFile } from './regularFile';
import type { CorpusFile, UnreadableFile } from '../core/report/corpusReport';
import { SidecarError } from '../core/sidecar/errors';
import type { Relation, Tag } from '../core/sidecar/schema';
import { SidecarStore } from './sidecarStore';
import { findSidecars, type FoundSidecar } from './corpusFiles';

/** Files read ahead of the one handed over: the disk and the CPU overlap, and at most this many articles are held. */
const READ_AHEAD = 8;

/** A sidecar with its article, read; or why it could not be. */
export type CorpusItem = { document: CorpusFile } | { unreadable: UnreadableFile };

/**
 * Every sidecar below `path` (a folder, or one sidecar) with its article, as `check` and `agreement`
 * find them, handed to `visit` one at a time in order, or the file that could not be read as such,
 * with why: a corpus of any size is read in the memory of a few articles (the list of paths aside).
 * Throws when `path` is neither a folder nor a sidecar. `progress` hears of each file as it is read.
 */
export async function eachCorpusFile(path: string, visit: (item: CorpusItem) => void | Promise<void>, progress?: ProgressReporter): Promise<void> {
  const sidecars = await findSidecars(path);
  const root = (await stat(path)).isFile() ? dirname(path) : path;
  const store = new SidecarStore();
  for await (const item of inOrderAhead(sidecars, READ_AHEAD, (found) => readItem(found, root, store), progress)) await visit(item);
}

async function readItem(found: FoundSidecar, root: string, store: SidecarStore): Promise<CorpusItem> {
  if (found.articlePath === undefined) return { unreadable: { file: found.path, problem: `its article ${basename(found.path).replace(/\.annotations\.json$/, '.txt')} is missing` } };
  const text = await readArticleFile(found.articlePath).catch((error: Error) => error);
  if (text instanceof Error) return { unreadable: { file: found.path, problem: `cannot read its article ${found.articlePath} (${text.message})` } };
  let tags: Tag[];
  let relations: Relation[];
  try {
    const { sidecar } = await store.read(found.articlePath);
    tags = sidecar.annotations;
    relations = sidecar.relations ?? [];
  } catch (error) {
    if (!(error instanceof SidecarError)) throw error;
    return { unreadable: { file: found.path, problem: error.problem } };
  }
  return { document: { path: found.articlePath, name: relative(root, found.articlePath).split(sep).join('/'), text, tags, relations } };
}
