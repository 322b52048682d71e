import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PROJECT_FILE_NAME } from './project/projectFile';
import { isSidecarPath, sidecarPathFor } from './sidecar/paths';

export interface FoundSidecar {
  path: string;
  /** The article beside it, if there is one. */
  articlePath: string | undefined;
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
    return [{ path, articlePath: articleAmong(folder, await readdir(folder), basename(path)) }];
  }
  const found: FoundSidecar[] = [];
  const walk = async (folder: string): Promise<void> => {
    const entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const names = entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
    for (const entry of entries) {
      if (entry.isFile() && isSidecarPath(entry.name)) found.push({ path: join(folder, entry.name), articlePath: articleAmong(folder, names, entry.name) });
      else if (entry.isFile() && entry.name === PROJECT_FILE_NAME) projectFiles?.push(join(folder, entry.name));
      // Dot folders hold git's objects, editors' settings and caches; node_modules holds other people's files.
      else if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) await walk(join(folder, entry.name));
    }
  };
  await walk(path);
  return found;
}

/** The article whose sidecar is `sidecarName`, among the file names of its folder (its extension may be .txt in any case). */
function articleAmong(folder: string, names: readonly string[], sidecarName: string): string | undefined {
  const article = names.find((name) => /\.txt$/i.test(name) && sidecarPathFor(name) === sidecarName);
  return article === undefined ? undefined : join(folder, article);
}
