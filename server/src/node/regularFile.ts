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

/** The bytes of the regular file at `path` (symlinks followed), at most `maxBytes`; fs errors such as ENOENT pass through. */
export async function readRegularFile(path: string, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of regularFileChunks(path, maxBytes)) {
    chunks.push(chunk);
    total += chunk.length;
  }
  return Buffer.concat(chunks, total);
}

/**
 * The bytes of the regular file at `path` a chunk (up to 1 MB) at a time, with the same checks as
 * readRegularFile, for a reader that streams a file too big to hold (an import).
 */
export async function* regularFileChunks(path: string, maxBytes: number): AsyncGenerator<Buffer> {
  const handle = await open(path, OPEN_FLAGS);
  try {
    const stats = await handle.stat();
    refuseUnlessReadable(path, stats, maxBytes);
    const reading = new CappedReading(path, stats.size, maxBytes);
    for (;;) {
      const buffer = reading.nextBuffer();
      const chunk = reading.took(buffer, (await handle.read(buffer, 0, buffer.length, null)).bytesRead);
      if (chunk === undefined) break;
      yield chunk;
    }
  } finally {
    await handle.close();
  }
}

/**
 * The bytes of the regular file at `path` from byte `start` on (at most `maxBytes`), and its size when
 * opened: an append-only file (the lexicon's journal) is read again from where the last read ended.
 */
export async function readRegularFileFrom(path: string, start: number, maxBytes: number): Promise<{ bytes: Buffer; size: number }> {
  const handle = await open(path, OPEN_FLAGS);
  try {
    const stats = await handle.stat();
    refuseUnlessReadable(path, stats, Number.MAX_SAFE_INTEGER);
    const length = Math.max(0, stats.size - start);
    if (length > maxBytes) throw tooLarge(path, length, maxBytes);
    const bytes = Buffer.allocUnsafe(length);
    let read = 0;
    // Up to the size seen at opening: what is appended meanwhile is for the next read.
    while (read < length) {
      const { bytesRead } = await handle.read(bytes, read, length - read, start + read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return { bytes: bytes.subarray(0, read), size: stats.size };
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
    const reading = new CappedReading(path, stats.size, maxBytes);
    const chunks: Buffer[] = [];
    for (;;) {
      const buffer = reading.nextBuffer();
      const chunk = reading.took(buffer, readSync(fd, buffer, 0, buffer.length, null));
      if (chunk === undefined) break;
      chunks.push(chunk);
    }
    return Buffer.concat(chunks, reading.total);
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

/**
 * How many bytes to ask for next, `total` read so far of a file whose size was `size`: the rest of the
 * file and one byte more (so that the next read finds the end at once), never more than a chunk, and
 * one byte more than allowed, to tell a file of exactly maxBytes from a longer one. Reading a small
 * file into a 1 MB buffer each time made an export of 10,000 articles allocate 20 GB, which the
 * garbage collector then spent a third of the run on.
 */
function nextReadSize(total: number, size: number, maxBytes: number): number {
  const rest = total <= size ? size - total + 1 : CHUNK_BYTES;
  return Math.min(rest, CHUNK_BYTES, maxBytes + 1 - total);
}

/**
 * The rule of a capped read, shared by the blocking and the asynchronous loop (which differ only in how
 * they read): the buffer for the next read, and what a read brought — a chunk, or undefined at the end;
 * a file that grew past `maxBytes` while being read is refused.
 */
class CappedReading {
  total = 0;

  constructor(
    private readonly path: string,
    private readonly size: number,
    private readonly maxBytes: number,
  ) {}

  nextBuffer(): Buffer {
    return Buffer.allocUnsafe(nextReadSize(this.total, this.size, this.maxBytes));
  }

  took(buffer: Buffer, bytesRead: number): Buffer | undefined {
    if (bytesRead === 0) return undefined;
    this.total += bytesRead;
    if (this.total > this.maxBytes) throw tooLarge(this.path, this.total, this.maxBytes);
    return buffer.subarray(0, bytesRead);
  }
}

/** readArticleFile with a blocking read, for a worker thread (see blockingNodeFiles). */
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
