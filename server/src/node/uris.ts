import { fileURLToPath } from 'node:url';

/** The file path of a `file:` URI, or undefined for another scheme or a URI that names no file. */
export function pathOfUri(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
