/**
 * A worker thread's lock file, one per folder, hard-linked as each of the thread's locks there (see
 * fileLock.ts, blocking). A lock file made and removed for every sidecar frees an inode each time, and
 * on ext4 without a journal (this project's build machines) creating a file scans past every inode
 * freed in the last 30 seconds or so: pre-annotation's own locks made its file creations slower as a
 * run went on (a tenth of its CPU). Linking one file as each lock and unlinking the lock's name frees
 * nothing while the thread holds a lock in the folder; the file goes once it holds none there.
 *
 * The file holds what any lock holds (pid, time, nonce, host), so that a lock linked to it reads as a
 * lock of this process. Its name is hidden and ends in .tmp, as temp files do, so that watchers and
 * globs for sidecars ignore it; one left by a process killed meanwhile (its pid in the name, no longer
 * running) is removed by the next takeover of a stale lock in the folder (see isSharedLockFileName).
 */
import { closeSync, fstatSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { PID, randomHex } from './atomicWrite';

export interface SharedLockFile {
  folder: string;
  path: string;
  /** Open for the thread's whole use of it: locks' mtimes are refreshed through it. */
  fd: number;
  ino: bigint;
  /** The thread's locks linked to it now. */
  holders: number;
}

/** This thread's, by folder (module state is per thread: each worker thread has its own). */
const byFolder = new Map<string, SharedLockFile>();

/** The thread's lock file in `folder`, made (holding `content`) if it has none there yet. */
export function sharedLockFileIn(folder: string, content: () => string): SharedLockFile {
  const known = byFolder.get(folder);
  if (known) return known;
  const path = join(folder, `.marginalia-lock.${PID}-${randomHex(4)}.tmp`);
  const fd = openSync(path, 'wx');
  try {
    writeSync(fd, content());
    const file: SharedLockFile = { folder, path, fd, ino: fstatSync(fd, { bigint: true }).ino, holders: 0 };
    byFolder.set(folder, file);
    return file;
  } catch (error) {
    closeSync(fd);
    unlinkQuietly(path);
    throw error;
  }
}

/** Removes the file once none of the thread's locks is linked to it. */
export function removeIfUnused(file: SharedLockFile): void {
  if (file.holders > 0) return;
  forget(file);
  unlinkQuietly(file.path);
  try {
    closeSync(file.fd);
  } catch {
    // Closed already.
  }
}

/**
 * Makes the next lock in the folder use a new file: this one's name is gone (removed by someone else),
 * so it can be linked no more. The locks linked to it stay as they are.
 */
export function forget(file: SharedLockFile): void {
  if (byFolder.get(file.folder) === file) byFolder.delete(file.folder);
}

/** The pid in the name of a thread's lock file, if `name` is one. */
export function sharedLockFileOwner(name: string): number | undefined {
  const pid = /^\.marginalia-lock\.(\d+)-[0-9a-f]{8}\.tmp$/.exec(name)?.[1];
  return pid === undefined ? undefined : Number(pid);
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Gone already.
  }
}
