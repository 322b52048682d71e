import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The path of a file: URI, or undefined for any other scheme (untitled:, vscode-notebook-cell:, …)
 * or a malformed file: URI (one naming a remote host on POSIX): such a document has no file on disk.
 */
export function pathOfUri(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The file: URI of a path, as the client names documents. */
export function uriOfPath(path: string): string {
  return pathToFileURL(path).href;
}
