import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PROJECT_FILE_NAME } from './project/projectFile';
import { isSidecarPath, sidecarPathFor } from './sidecar/paths';
import { articlesSharingSidecars } from './sidecar/sharedSidecars';

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
  const walk = async (folder: string): Promise<void> => {
    const entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const names = entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
    const shared = sharedSidecarsAmong(names);
    for (const entry of entries) {
      if (entry.isFile() && isSidecarPath(entry.name)) found.push({ path: join(folder, entry.name), articlePath: articleAmong(folder, names, entry.name), ...sharing(shared, entry.name) });
      else if (entry.isFile() && entry.name === PROJECT_FILE_NAME) projectFiles?.push(join(folder, entry.name));
      // Dot folders hold git's objects, editors' settings and caches; node_modules holds other people's files.
      else if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) await walk(join(folder, entry.name));
    }
  };
  await walk(path);
  return found;
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
  const article = names.find((name) => /\.txt$/i.test(name) && sidecarPathFor(name) === sidecarName);
  return article === undefined ? undefined : join(folder, article);
}
