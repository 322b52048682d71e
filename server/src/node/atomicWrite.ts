import { randomFillSync } from 'node:crypto';
import { closeSync, fsync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { RandomHexPool } from '../core/sidecar/tags';

export interface AtomicWriteOptions {
  /** Runs after the temp file is written and synced, before it replaces the target; throwing aborts the write. */
  beforeCommit?: () => Promise<void>;
}

/**
 * Replaces `path` with `content` (text as UTF-8) so that a crash or a concurrent reader sees the old
 * file or the new one, never half of one: write a temp file in the same folder (rename is only atomic within a
 * file system), fsync it, rename it over the target, then fsync the folder so the rename persists
 * (a sync shared with the writes renamed into the folder at the same time: see syncFolder).
 * Once this resolves, the content is on disk: whoever acknowledges a change after it may rely on it.
 */
export async function writeFileAtomically(path: string, content: string | Uint8Array | readonly Uint8Array[], options: AtomicWriteOptions = {}): Promise<void> {
  const folder = dirname(path);
  const tempPath = tempPathFor(path);
  try {
    const file = await open(tempPath, 'wx');
    try {
      // Parts one after another: a large file made of arrays is written without joining them first.
      for (const part of typeof content === 'string' || content instanceof Uint8Array ? [content] : content) await file.writeFile(part);
      await file.sync();
    } finally {
      await file.close();
    }
    await options.beforeCommit?.();
    await rename(tempPath, path);
  } catch (error) {
    // Only the temp file this call created: another writer's is never touched.
    await unlink(tempPath).catch(() => undefined);
    throw error;
  }
  await syncFolder(folder, false);
}

/**
 * writeFileAtomically for a worker thread, with the same steps and guarantees: opening, writing,
 * closing and renaming with blocking calls (microseconds of the thread's time; through FileHandles
 * and promises they cost pre-annotation more CPU than the system calls themselves), and the two syncs
 * (the temp file's, the folder's) on the thread pool, as they wait for the disk (milliseconds) while
 * the thread detects the next article. Never on the language server's own thread, whose editor must
 * not wait for a slow disk.
 */
export async function writeFileAtomicallyBlocking(path: string, content: string | Uint8Array | readonly Uint8Array[], options: AtomicWriteOptions = {}): Promise<void> {
  const folder = dirname(path);
  const tempPath = tempPathFor(path);
  try {
    const fd = openSync(tempPath, 'wx');
    try {
      for (const part of typeof content === 'string' || content instanceof Uint8Array ? [content] : content) writeAllSync(fd, typeof part === 'string' ? Buffer.from(part, 'utf8') : part);
      await fsyncOffThread(fd);
    } finally {
      closeSync(fd);
    }
    await options.beforeCommit?.();
    renameSync(tempPath, path);
  } catch (error) {
    // Only the temp file this call created: another writer's is never touched.
    try {
      unlinkSync(tempPath);
    } catch {
      // Not created, or gone.
    }
    throw error;
  }
  await syncFolder(folder, true);
}

/** writeSync until every byte is written (a write may take fewer). */
function writeAllSync(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}

/** fsync on the thread pool, through a callback: no FileHandle, no promise-based file call. */
function fsyncOffThread(fd: number): Promise<void> {
  return new Promise((resolve, reject) => fsync(fd, (error) => (error ? reject(error) : resolve())));
}

/** This process's pid, asked once: process.pid is a system call each time, and every temp file and lock names it. */
export const PID = process.pid;

/** Random hex digits from the system's generator, pooled: a call per temp file and lock (three an article written) cost more than the rest of naming them. */
const randomPool = new RandomHexPool((bytes) => void randomFillSync(bytes));

export function randomHex(bytes: number): string {
  return randomPool.next(bytes);
}

/**
 * A fresh temp file name beside `path`: hidden and ending in .tmp, so that watchers and globs for
 * sidecars ignore it, and carrying the writer's pid, so that a temp file left by a writer killed
 * mid-write can be told from one a live writer is still filling.
 */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${PID}-${randomHex(4)}.tmp`);
}

/** Whether `name` (a file name in the folder of `path`) is one of `path`'s temp files, of this version or an older one (no pid). */
export function isTempFileName(name: string, path: string): boolean {
  const prefix = `.${basename(path)}.`;
  return name.startsWith(prefix) && /^(\d+-)?[0-9a-f]{8}\.tmp$/.test(name.slice(prefix.length));
}

/**
 * Whether the temp file at `tempPath` was left by a process that no longer runs. An older version's
 * temp file names no pid: it is abandoned once older than `olderThanMs`, as no write takes that long.
 */
export async function isOwnedByDeadProcess(tempPath: string, olderThanMs: number): Promise<boolean> {
  const pid = /\.(\d+)-[0-9a-f]{8}\.tmp$/.exec(tempPath)?.[1];
  if (pid === undefined) {
    const stats = await stat(tempPath).catch(() => undefined);
    return stats !== undefined && Date.now() - stats.mtimeMs > olderThanMs;
  }
  return !isRunning(Number(pid));
}

/** Whether a process with this pid runs on this machine (possibly another user's: it cannot be signalled, but it runs). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** Folder syncs done by this thread: a test's window on how writes share them. */
let folderSyncs = 0;

export function folderSyncsDone(): number {
  return folderSyncs;
}

/** Per folder, the sync that writes renamed into it now will share: one not started yet. */
const nextFolderSync = new Map<string, Promise<void>>();
/** Per folder, the sync under way, which a rename made after it started cannot rely on. */
const folderSyncUnderWay = new Map<string, Promise<void>>();

/**
 * Makes the renames done in `folder` so far durable: a group commit. A sync of the folder persists
 * every rename made in it before the sync starts, so the writes that ask while none has started yet
 * share the next one; a write that asks while one is under way waits for that one to end, then shares
 * the next. Pre-annotation renames sidecars into the same folder a dozen at a time: one folder sync
 * (a journal commit) for them all instead of one each, and each write still resolves only once its
 * own rename is on disk.
 */
function syncFolder(folder: string, blocking: boolean): Promise<void> {
  const waiting = nextFolderSync.get(folder);
  if (waiting) return waiting;
  const previous = folderSyncUnderWay.get(folder) ?? Promise.resolve();
  const next = previous.then(() => {
    // From here on, a new rename needs the sync after this one.
    nextFolderSync.delete(folder);
    const underWay = blocking ? syncFolderOffThread(folder) : syncFolderNow(folder);
    folderSyncUnderWay.set(folder, underWay);
    return underWay.finally(() => {
      if (folderSyncUnderWay.get(folder) === underWay) folderSyncUnderWay.delete(folder);
    });
  });
  nextFolderSync.set(folder, next);
  return next;
}

async function syncFolderNow(folder: string): Promise<void> {
  folderSyncs++;
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some platforms (Windows) cannot open or fsync a folder; the rename has happened regardless.
  }
}

/** syncFolderNow for a worker thread: the folder opened and closed with blocking calls, synced on the thread pool. */
async function syncFolderOffThread(folder: string): Promise<void> {
  folderSyncs++;
  let fd: number;
  try {
    fd = openSync(folder, 'r');
  } catch {
    return; // As syncFolderNow: a platform that cannot open a folder.
  }
  try {
    await fsyncOffThread(fd);
  } catch {
    // As syncFolderNow: one that cannot fsync it.
  } finally {
    closeSync(fd);
  }
}
