import { UnreadableFileError } from '../core/base/fileAccess';
import { withoutBom } from '../core/base/textFiles';
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';

/**
 * Reading the files a corpus holds (articles, sidecars, project files, lexicons), which anyone who can
 * push to the repository controls. `stat` says 0 bytes for a FIFO or a device, so a size check alone
 * lets a sidecar that is a symlink to /dev/zero be read forever (gigabytes), and a FIFO blocks the
 * reader until someone writes to it. So: the file is opened without waiting (O_NONBLOCK, which changes
 * nothing for a regular file), refused unless that open file is a regular file, and never read past
 * its cap, even if it grows while being read.
 */

/** Longest article read: far beyond any news article; past it, analysing would take the editor minutes. */
export const MAX_ARTICLE_BYTES = 128 * 1024 * 1024;

export { UnreadableFileError };

// Absent on Windows, where opening a named pipe does not wait for a writer in the same way.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
const CHUNK_BYTES = 1024 * 1024;

/**
 * How much to read next: the rest of the file as its size says, and one byte more (to see it grew);
 * a megabyte at a time beyond that. Reading a 4 KB article never allocates a megabyte: over 100,000
 * articles that churn kept the garbage collector busier than the reading.
 */
function chunkSize(size: number, total: number, maxBytes: number): number {
  // Past its size, the file grew while read: a megabyte at a time again.
  return Math.max(1, Math.min(CHUNK_BYTES, maxBytes + 1 - total, total < size ? size - total + 1 : CHUNK_BYTES));
}

/** The bytes of the regular file at `path` (symlinks followed), at most `maxBytes`; fs errors such as ENOENT pass through. */
export async function readRegularFile(path: string, maxBytes: number): Promise<Buffer> {
  const handle = await open(path, OPEN_FLAGS);
  try {
    const stats = await handle.stat();
    refuseUnlessReadable(path, stats, maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // One byte more than allowed is asked for, to tell a file of exactly maxBytes from a longer one.
      const buffer = Buffer.allocUnsafe(chunkSize(stats.size, total, maxBytes));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) throw tooLarge(path, total, maxBytes);
      // A regular file reads short only at its end.
      if (bytesRead < buffer.length) break;
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

/** readRegularFile, for the few callers that must answer synchronously. */
export function readRegularFileSync(path: string, maxBytes: number): Buffer {
  const fd = openSync(path, OPEN_FLAGS);
  try {
    const stats = fstatSync(fd);
    refuseUnlessReadable(path, stats, maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.allocUnsafe(chunkSize(stats.size, total, maxBytes));
      const bytesRead = readSync(fd, buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) throw tooLarge(path, total, maxBytes);
      if (bytesRead < buffer.length) break;
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/**
 * An article's text as every reader must see it: a regular file of at most MAX_ARTICLE_BYTES, decoded
 * as UTF-8 (a stray byte becomes U+FFFD, as the editor shows it: articles are never written back) and
 * without a byte order mark, so that offsets agree with the editor's (see withoutBom).
 */
export async function readArticleFile(path: string): Promise<string> {
  return withoutBom((await readRegularFile(path, MAX_ARTICLE_BYTES)).toString('utf8'));
}

/** readArticleFile, blocking: for a worker thread whose reads must not queue in the pool the server's own reads use. */
export function readArticleFileSync(path: string): string {
  return withoutBom(readRegularFileSync(path, MAX_ARTICLE_BYTES).toString('utf8'));
}

function refuseUnlessReadable(path: string, stats: Stats, maxBytes: number): void {
  // A folder fails as fs.readFile fails on it, so that callers keep telling it apart by its code.
  if (stats.isDirectory()) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${path}'`), { code: 'EISDIR', path });
  if (!stats.isFile()) {
    throw new UnreadableFileError(path, 'not-regular', `not a regular file (${kindOf(stats)}); Marginalia reads only regular files, so this one is left unread`);
  }
  if (stats.size > maxBytes) throw tooLarge(path, stats.size, maxBytes);
}

function tooLarge(path: string, size: number, maxBytes: number): UnreadableFileError {
  return new UnreadableFileError(path, 'too-large', `too large to open (over ${megabytes(maxBytes)}; Marginalia reads this file up to ${megabytes(maxBytes)})`, size);
}

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a file';
}

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}
