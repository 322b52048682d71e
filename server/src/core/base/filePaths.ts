/**
 * File paths as the core handles them: absolute, '/'-separated strings (what Node gives on POSIX, and
 * what the shells hand over elsewhere), worked on as text so that the core needs no `node:path` and
 * runs unchanged in a web worker. Only what the core needs: the name, the folder, joining, and the
 * path of a file inside a folder.
 */

/** The last segment: "a.txt" of "/corpus/a.txt". */
export function baseName(path: string): string {
  const trimmed = trimTrailingSlash(path);
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** The folder holding `path`: "/corpus" of "/corpus/a.txt"; "/" of "/a.txt" and of "/". */
export function folderOf(path: string): string {
  const trimmed = trimTrailingSlash(path);
  const slash = trimmed.lastIndexOf('/');
  if (slash < 0) return '.';
  return slash === 0 ? '/' : trimmed.slice(0, slash);
}

/** `folder` and `name` joined by one '/'. */
export function joinPath(folder: string, name: string): string {
  return folder.endsWith('/') ? folder + name : `${folder}/${name}`;
}

/** The '/'-separated path of `path` inside `folder`, or undefined when it is the folder itself or lies outside it. */
export function pathInside(folder: string, path: string): string | undefined {
  const base = trimTrailingSlash(folder);
  const prefix = base === '' || base === '/' ? '/' : `${base}/`;
  if (!path.startsWith(prefix) || path.length === prefix.length) return undefined;
  const inside = path.slice(prefix.length);
  // "/a/../b" is not inside "/a": paths are expected normalised, but a dot segment is never trusted.
  if (inside.split('/').some((segment) => segment === '..' || segment === '.')) return undefined;
  return inside;
}

function trimTrailingSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}
