import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { ArticleToAnnotate } from './annotatePlan';
import type { ArticleSelector } from '../core/project/articleSelector';
import { PROJECT_FILE_NAME } from '../core/project/projectFile';
import { isSidecarPath, sidecarPathFor } from '../core/sidecar/paths';
import { articlesSharingSidecars } from '../core/sidecar/sharedSidecars';

/**
 * The corpus on disk: walking its folders, listing its articles and sidecars, and telling when their
 * files changed. Every command and the server find articles and sidecars here, so that they agree on
 * which files a corpus holds.
 */

const ARTICLE_NAME = /\.txt$/i;

/** One file met by walkCorpus. */
export interface WalkedFile {
  /** Joined to the folder walked. */
  path: string;
  name: string;
  /** The names of the files of its folder, sorted: what tells which article a sidecar belongs to. */
  siblings: readonly string[];
}

/**
 * Visits each file below `root`, depth first, in the order of names (byte order) within each folder,
 * files and folders interleaved. Folders named node_modules or starting with "." are skipped. A
 * folder that cannot be listed throws, unless `skipUnlistable` (a listing for display, where a folder
 * deleted meanwhile is simply gone).
 */
export async function walkCorpus(root: string, visit: (file: WalkedFile) => void | Promise<void>, options: { skipUnlistable?: boolean } = {}): Promise<void> {
  const walk = async (folder: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      if (options.skipUnlistable) return;
      throw error;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const siblings = entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        // Dot folders hold git's objects, editors' settings and caches; node_modules holds other people's files.
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) await walk(path);
      } else if (entry.isFile()) {
        await visit({ path, name: entry.name, siblings });
      }
    }
  };
  await walk(root);
}

export interface FoundSidecar {
  path: string;
  /** The article beside it, if there is one. */
  articlePath: string | undefined;
  /**
   * The articles of its folder that would all have this sidecar, here or on a case-insensitive file
   * system (`a.txt` and `a.TXT`; `A.txt` and `a.txt`): which one it belongs to cannot be told.
   */
  sharedBy?: string[];
}

/**
 * Sidecars below `path` (or `path` itself), sorted, each with the article beside it; what `check` and
 * `agreement` read. Folders named node_modules or starting with "." are skipped. The project files
 * (marginalia.json) met on the way are added to `projectFiles`, when given.
 */
export async function findSidecars(path: string, projectFiles?: string[]): Promise<FoundSidecar[]> {
  const stats = await stat(path).catch(() => undefined);
  if (!stats) throw new Error(`${path}: no such file or folder`);
  if (stats.isFile()) {
    if (!isSidecarPath(path)) throw new Error(`${path} is not a sidecar (*.annotations.json); give a folder or a sidecar`);
    const folder = dirname(path);
    const names = await readdir(folder);
    return [{ path, articlePath: articleAmong(folder, names, basename(path)), ...sharing(sharedSidecarsAmong(names), basename(path)) }];
  }
  const found: FoundSidecar[] = [];
  // The folder's groups of articles sharing a sidecar, worked out once per folder (its file names are one array).
  let shared: { of: readonly string[]; groups: Map<string, string[]> } | undefined;
  await walkCorpus(path, (file) => {
    if (isSidecarPath(file.name)) {
      if (shared?.of !== file.siblings) shared = { of: file.siblings, groups: sharedSidecarsAmong(file.siblings) };
      found.push({ path: file.path, articlePath: articleAmong(dirname(file.path), file.siblings, file.name), ...sharing(shared.groups, file.name) });
    } else if (file.name === PROJECT_FILE_NAME) projectFiles?.push(file.path);
  });
  return found;
}

/** The sidecars below each folder, each once even when folders nest. */
export async function findSidecarsIn(folders: readonly string[]): Promise<FoundSidecar[]> {
  const byPath = new Map<string, FoundSidecar>();
  for (const folder of folders) for (const found of await findSidecars(folder)) byPath.set(found.path, found);
  return [...byPath.values()];
}

/** The groups of articles sharing a sidecar among a folder's file names, by the sidecar's name in lower case. */
function sharedSidecarsAmong(names: readonly string[]): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const [article, group] of articlesSharingSidecars(names)) byKey.set(sidecarPathFor(article).toLowerCase(), group);
  return byKey;
}

function sharing(shared: ReadonlyMap<string, string[]>, sidecarName: string): Pick<FoundSidecar, 'sharedBy'> {
  const group = shared.get(sidecarName.toLowerCase());
  return group ? { sharedBy: group } : {};
}

/** The article whose sidecar is `sidecarName`, among the file names of its folder (its extension may be .txt in any case). */
function articleAmong(folder: string, names: readonly string[], sidecarName: string): string | undefined {
  const article = names.find((name) => ARTICLE_NAME.test(name) && sidecarPathFor(name) === sidecarName);
  return article === undefined ? undefined : join(folder, article);
}

export interface FoundArticles {
  /** Sorted by folder, then name; at most the limit asked for. */
  paths: string[];
  /** Articles found beyond the limit, left out. */
  omitted: number;
}

/**
 * The articles below `folders`: .txt files that `isArticle` accepts. Folders named node_modules or
 * starting with "." are skipped, as `marginalia check` skips them; so is a folder that cannot be listed.
 */
export async function findArticleFiles(folders: readonly string[], isArticle: (path: string) => boolean, limit: number): Promise<FoundArticles> {
  const found: FoundArticles = { paths: [], omitted: 0 };
  for (const folder of folders) {
    await walkCorpus(
      folder,
      ({ path, name }) => {
        if (!ARTICLE_NAME.test(name) || !isArticle(path)) return;
        if (found.paths.length < limit) found.paths.push(path);
        else found.omitted++;
      },
      { skipUnlistable: true },
    );
  }
  return found;
}

/**
 * The articles `marginalia annotate PATH...` works on, sorted within each PATH, each once: a .txt
 * file given by name, and the .txt files below a folder (node_modules and dot folders skipped, as
 * `marginalia check` skips them) that the marginalia.json governing them selects (its `articles`
 * and `exclude` globs); without one, every .txt file. Throws, naming it, for a PATH that does not
 * exist or is neither a folder nor a .txt file.
 */
export async function findArticlesBelow(paths: readonly string[], selector: ArticleSelector): Promise<ArticleToAnnotate[]> {
  const found = new Map<string, ArticleToAnnotate>();
  const isArticle = (path: string) => (selector.projectOf(path).project ? selector.isArticle(path) : true);
  for (const given of paths) {
    const stats = await stat(given).catch(() => undefined);
    if (!stats) throw new Error(`${given}: no such file or folder`);
    if (stats.isFile()) {
      if (!ARTICLE_NAME.test(given)) throw new Error(`${given} is not an article (a .txt file); give articles or folders`);
      if (!found.has(resolve(given))) found.set(resolve(given), { path: given, root: join(given, '..') });
      continue;
    }
    await walkCorpus(given, ({ path, name }) => {
      if (ARTICLE_NAME.test(name) && isArticle(resolve(path)) && !found.has(resolve(path))) found.set(resolve(path), { path, root: given });
    });
  }
  return [...found.values()];
}

/**
 * The articles the editor would open as such below each target (a folder, or one article), each with
 * the workspace folder it lies in: where its lexicon is when no marginalia.json governs it.
 */
export async function findWorkspaceArticles(targets: readonly string[], folders: readonly string[], selector: ArticleSelector): Promise<ArticleToAnnotate[]> {
  const rootOf = (path: string) => folders.find((folder) => !relative(folder, path).startsWith('..')) ?? targets.find((target) => !relative(target, path).startsWith('..')) ?? path;
  const paths = new Set<string>();
  for (const target of targets) {
    const stats = await stat(target).catch(() => undefined);
    if (!stats) throw new Error(`${target}: no such file or folder`);
    if (stats.isFile()) {
      if (!selector.isArticle(target)) throw new Error(`${basename(target)} is not an article (put it under seeds/ or in a folder with a marginalia.json)`);
      paths.add(target);
    } else {
      for (const path of (await findArticleFiles([target], (path) => selector.isArticle(path), Infinity)).paths) paths.add(path);
    }
  }
  return [...paths].map((path) => ({ path, root: rootOf(path) }));
}

/** Size and modification time of a file, which change whenever it does; undefined when there is no file. */
export async function fileStamp(path: string): Promise<string | undefined> {
  try {
    const { size, mtimeMs } = await stat(path);
    return `${size}:${mtimeMs}`;
  } catch {
    return undefined;
  }
}

/** The stamps of an article and of its sidecar (undefined when it has none): what was read of them holds while both stay. */
export async function articleStamps(path: string): Promise<{ article: string | undefined; sidecar: string | undefined }> {
  const [article, sidecar] = await Promise.all([fileStamp(path), fileStamp(sidecarPathFor(path))]);
  return { article, sidecar };
}

/**
 * What was made of files, by path, each with the stamp its files had then (see fileStamp): kept while
 * the stamp stays, so that going over a corpus of thousands of articles again reads only those that changed.
 */
export class StampedCache<T> {
  private readonly remembered = new Map<string, { stamp: string; value: T }>();

  /** What was made of `path` when its files had `stamp`; undefined when they changed since, or it was never made. */
  get(path: string, stamp: string): T | undefined {
    const known = this.remembered.get(path);
    return known?.stamp === stamp ? known.value : undefined;
  }

  /** What was last made of `path`, whatever its files' stamp is now. */
  last(path: string): T | undefined {
    return this.remembered.get(path)?.value;
  }

  has(path: string): boolean {
    return this.remembered.has(path);
  }

  set(path: string, stamp: string, value: T): void {
    this.remembered.set(path, { stamp, value });
  }

  delete(path: string): void {
    this.remembered.delete(path);
  }

  /** Forgets the paths `keep` rejects (those no longer listed), so that memory stays bounded. */
  retain(keep: (path: string) => boolean): void {
    for (const path of this.remembered.keys()) if (!keep(path)) this.remembered.delete(path);
  }
}
