import { stat } from 'node:fs/promises';
import { basename, dirname, relative, sep } from 'node:path';
import type { ProgressReporter } from '../core/base/progress';
import { readArticleFile } from './regularFile';
import type { CorpusFile, UnreadableFile } from '../core/report/corpusReport';
import { SidecarError } from '../core/sidecar/errors';
import type { Relation, Tag } from '../core/sidecar/schema';
import { SidecarStore } from './sidecarStore';
import { findSidecars } from './corpusFiles';

/**
 * Every sidecar below `path` (a folder, or one sidecar) with its article, as `check` and `agreement`
 * find them, and the files that could not be read as such, each with why. Throws when `path` is
 * neither a folder nor a sidecar. `progress` hears of each file as it is read.
 */
export async function loadSidecarCorpus(path: string, progress?: ProgressReporter): Promise<{ documents: CorpusFile[]; unreadable: UnreadableFile[] }> {
  const sidecars = await findSidecars(path);
  const root = (await stat(path)).isFile() ? dirname(path) : path;
  const store = new SidecarStore();
  const documents: CorpusFile[] = [];
  const unreadable: UnreadableFile[] = [];
  for (const [index, found] of sidecars.entries()) {
    progress?.report(index, sidecars.length);
    if (found.articlePath === undefined) {
      unreadable.push({ file: found.path, problem: `its article ${basename(found.path).replace(/\.annotations\.json$/, '.txt')} is missing` });
      continue;
    }
    const text = await readArticleFile(found.articlePath).catch((error: Error) => error);
    if (text instanceof Error) {
      unreadable.push({ file: found.path, problem: `cannot read its article ${found.articlePath} (${text.message})` });
      continue;
    }
    let tags: Tag[];
    let relations: Relation[];
    try {
      const { sidecar } = await store.read(found.articlePath);
      tags = sidecar.annotations;
      relations = sidecar.relations ?? [];
    } catch (error) {
      if (!(error instanceof SidecarError)) throw error;
      unreadable.push({ file: found.path, problem: error.problem });
      continue;
    }
    documents.push({ path: found.articlePath, name: relative(root, found.articlePath).split(sep).join('/'), text, tags, relations });
  }
  progress?.report(sidecars.length, sidecars.length);
  return { documents, unreadable };
}
