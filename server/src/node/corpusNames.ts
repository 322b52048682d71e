import { basename, relative, sep } from 'node:path';

/**
 * How the corpus view and the report name an article: '/'-separated from its workspace folder,
 * prefixed by the folder's name when there are several; its own path when it is in none.
 */
export function corpusNameOf(folders: readonly string[], path: string): string {
  const folder = folders.find((candidate) => !relative(candidate, path).startsWith('..'));
  if (folder === undefined) return path;
  const inside = relative(folder, path).split(sep).join('/');
  return folders.length > 1 ? `${basename(folder)}/${inside}` : inside;
}
