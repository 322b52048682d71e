import { FileLockError, type HeldLock } from '../core/base/fileAccess';
import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import { closeSync, futimesSync, linkSync, statSync, unlinkSync } from 'node:fs';
import { link, open, readdir, readFile, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isOwnedByDeadProcess, isRunning, isTempFileName, PID, randomHex, tempPathFor } from './atomicWrite';
import { forget, removeIfUnused, sharedLockFileIn, sharedLockFileOwner, type SharedLockFile } from './sharedLockFile';

/**
 * A holder refreshes its lock's mtime this often while it works, so that a lock not refreshed for
 * STALE_AFTER_MS is known to be abandoned even when its pid now belongs to some other live process.
 */
const REFRESH_EVERY_MS = 2_000;
/** This machine's name, asked once: a lock is taken for every sidecar written, and each ask is a system call. */
const HOST = hostname();
/** Ten refreshes missed: the holder died, is frozen, or its pid was reused after a crash. */
export const STALE_AFTER_MS = 20_000;
/** Longer than STALE_AFTER_MS, so that a lock left by a crash is always taken over within one wait. */
export const GIVE_UP_AFTER_MS = 30_000;
/** A takeover claim is held for a few milliseconds; one this old was left by a process killed while taking over. */
const CLAIM_STALE_AFTER_MS = 5_000;

export { FileLockError };

export type { HeldLock };

export interface FileLockOptions {
  /** How long to wait for a live holder before giving up; default GIVE_UP_AFTER_MS. */
  waitMs?: number;
  /**
   * Take a lock nobody holds, and release it, with blocking calls: for a worker thread, where the
   * promise-based calls cost pre-annotation more CPU than the system calls themselves. Waiting for a
   * lock someone else holds (and taking over a stale one) stays asynchronous. Never on the language
   * server's own thread, whose editor must not wait for a slow disk.
   */
  blocking?: boolean;
}

/**
 * Runs `work` while holding a lock file beside `path`, so that two processes (two editor windows,
 * the CLI and the editor) never interleave a read-modify-write of the same file. The lock is created
 * whole (written aside, then hard-linked into place), so it never exists without its holder's pid.
 * A lock whose holder died (kill -9) is recognised by its dead pid, or by its mtime that nobody
 * refreshes any more, and taken over by exactly one waiter (see takeOver).
 */
export async function withFileLock<T>(path: string, work: (lock: HeldLock) => Promise<T>, options: FileLockOptions = {}): Promise<T> {
  const lockPath = lockPathFor(path);
  const blocking = options.blocking === true;
  const held = (blocking ? tryCreateSync(path, lockPath) : undefined) ?? (await acquire(path, lockPath, options.waitMs ?? GIVE_UP_AFTER_MS));
  // Through the lock's own file: after a takeover, the lock at that path is someone else's.
  const refresh = setInterval(() => {
    const now = new Date();
    if (held.handle) held.handle.utimes(now, now).catch(() => undefined);
    else touch(held.fd, now);
  }, REFRESH_EVERY_MS);
  refresh.unref();
  try {
    if (held.tookOver) await removeOrphanedTempFiles(path);
    return await work({ assertHeld: blocking ? async () => assertHeldSync(lockPath, held) : () => assertHeld(lockPath, held) });
  } finally {
    clearInterval(refresh);
    if (blocking) releaseSync(lockPath, held);
    else await release(lockPath, held);
  }
}

function lockPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.lock`);
}

interface Held {
  /** The lock file's descriptor, open: its mtime is refreshed through it. */
  fd: number;
  /** The same, as a FileHandle when taken asynchronously (closed through it). */
  handle?: FileHandle;
  /** When taken with blocking calls: the thread's lock file in the folder, linked as this lock. */
  shared?: SharedLockFile;
  /** Its inode: tells whether it is still in place. */
  ino: bigint;
  /** Whether a stale lock was removed on the way: its holder's temp files may be lying around. */
  tookOver: boolean;
}

async function acquire(path: string, lockPath: string, waitMs: number): Promise<Held> {
  const deadline = Date.now() + waitMs;
  let tookOver = false;
  for (let attempt = 0; ; attempt++) {
    const held = await tryCreate(path, lockPath);
    if (held) return { ...held, tookOver };
    const holder = await inspect(lockPath);
    if (!holder) continue; // Released meanwhile.
    if (holder.stale && (await takeOver(path, lockPath, holder))) {
      tookOver = true;
      continue;
    }
    if (Date.now() > deadline) {
      throw new FileLockError(lockPath, `locked by another process (pid ${holder.pid ?? 'unknown'}, lock file ${lockPath}) for more than ${waitMs < 1000 ? `${waitMs} ms` : `${Math.round(waitMs / 1000)} s`}; try again once it is done`);
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(50, 2 + attempt * 2)));
  }
}

/** Creates the lock if there is none; undefined when one exists. */
async function tryCreate(path: string, lockPath: string): Promise<Omit<Held, 'tookOver'> | undefined> {
  const content = lockContent();
  // Written under a temp name first, then linked: link fails if the lock exists, and the lock never
  // exists empty (a lock without a pid could only be judged by its age).
  const staging = tempPathFor(path);
  let handle: FileHandle;
  try {
    handle = await open(staging, 'wx');
  } catch (error) {
    throw lockFailure(lockPath, error);
  }
  let linked = false;
  try {
    await handle.writeFile(content);
    try {
      await link(staging, lockPath);
      linked = true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return undefined;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw lockFailure(lockPath, error);
      // A file system without hard links (FAT, some network shares): create it in place instead.
      return await createInPlace(lockPath, content);
    }
    const ino = (await handle.stat({ bigint: true })).ino;
    return { fd: handle.fd, handle, ino };
  } finally {
    await unlink(staging).catch(() => undefined);
    if (!linked) await handle.close().catch(() => undefined);
  }
}

/** Who holds the lock: pid, since when, a nonce (two locks never read alike), and this machine. */
function lockContent(): string {
  return `${PID} ${Date.now()} ${randomHex(8)} ${HOST}\n`;
}

/**
 * tryCreate with blocking calls: the thread's lock file in the folder (see sharedLockFile.ts), which
 * holds this process's pid from its start, linked as the lock, so that the lock never exists without
 * it. Not held: undefined when the lock exists, and when the file system has no hard links, both of
 * which the asynchronous acquire handles (waiting, taking over, creating in place).
 */
function tryCreateSync(path: string, lockPath: string): Held | undefined {
  let shared: SharedLockFile;
  try {
    shared = sharedLockFileIn(dirname(path), lockContent);
  } catch (error) {
    throw lockFailure(lockPath, error);
  }
  try {
    // Now, not when the file was made: a lock's age is its mtime's, and this lock is new. A new mtime
    // also tells this lock from the earlier ones the file stood for (a takeover checks it moves the
    // very lock it judged stale, by inode, mtime and content).
    touch(shared.fd, new Date());
    linkSync(shared.path, lockPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // The file was removed by someone else (a clean-up of the folder): the asynchronous path locks instead, and the next lock makes a new file.
    if (code === 'ENOENT') forget(shared);
    removeIfUnused(shared);
    if (code === 'ENOENT' || code === 'EEXIST' || code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS' || code === 'EOPNOTSUPP') return undefined;
    throw lockFailure(lockPath, error);
  }
  shared.holders++;
  return { fd: shared.fd, ino: shared.ino, shared, tookOver: false };
}

/** Sets the mtime of the open lock file; a failure only means a refresh missed (the next one comes). */
function touch(fd: number, now: Date): void {
  try {
    futimesSync(fd, now, now);
  } catch {
    // Missed.
  }
}

async function createInPlace(lockPath: string, content: string): Promise<Omit<Held, 'tookOver'> | undefined> {
  let handle: FileHandle;
  try {
    handle = await open(lockPath, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw lockFailure(lockPath, error);
  }
  await handle.writeFile(content);
  return { fd: handle.fd, handle, ino: (await handle.stat({ bigint: true })).ino };
}

function lockFailure(lockPath: string, error: unknown): FileLockError {
  const cause = error as NodeJS.ErrnoException;
  if (cause.code === 'ENAMETOOLONG') {
    return new FileLockError(lockPath, `the file name is too long for the file system once Marginalia adds its lock and temp files beside it (${lockPath}); use a shorter file name`, { cause });
  }
  return new FileLockError(lockPath, `cannot create the lock file ${lockPath} (${cause.message})`, { cause });
}

interface Holder {
  /** Content, inode and mtime: what the takeover checks is still there before removing it. */
  identity: string;
  pid?: number;
  stale: boolean;
}

/**
 * A lock without a pid and time (empty) was left by a process killed while creating it in place: an
 * older version, or on a file system without hard links. After this long it is abandoned.
 */
const EMPTY_LOCK_GRACE_MS = 3_000;

/** Who holds the lock and whether they are gone; undefined when there is no lock. */
async function inspect(lockPath: string): Promise<Holder | undefined> {
  let content: string;
  let ino: bigint;
  let mtimeNs: bigint;
  let mtimeMs: number;
  try {
    content = await readFile(lockPath, 'utf8');
    const stats = await stat(lockPath, { bigint: true });
    ({ ino, mtimeNs } = stats);
    mtimeMs = Number(stats.mtimeMs);
  } catch {
    return undefined; // Released meanwhile: just try again.
  }
  // A rename keeps the inode and mtime: the lock moved aside is recognised by all three.
  const identity = `${ino} ${mtimeNs} ${content}`;
  const [pidText, sinceText, , host] = content.trim().split(' ');
  const pid = Number(pidText);
  const age = Date.now() - mtimeMs;
  if (!Number.isInteger(pid) || pid <= 0 || !Number(sinceText)) return { identity, stale: age > EMPTY_LOCK_GRACE_MS };
  // Not refreshed: whatever process has that pid now, it is not a holder at work.
  if (age > STALE_AFTER_MS) return { identity, pid, stale: true };
  // A pid means nothing on another machine (a shared network folder): there, only the age tells.
  if (host !== undefined && host !== HOST) return { identity, pid, stale: false };
  return { identity, pid, stale: !isRunning(pid) };
}

/**
 * Removes the stale lock `holder` saw, making sure that it removes that lock and no other: when two
 * waiters judge a lock stale at once, the second must not delete the lock the first has just created.
 * So a takeover first claims that very lock (a claim file named after its identity, created
 * exclusively: one winner), checks the lock is still the one judged stale, moves it aside (rename is
 * atomic) and checks again what it moved; a live lock moved by mistake is put back. Answers whether
 * it removed the lock.
 */
async function takeOver(path: string, lockPath: string, holder: Holder): Promise<boolean> {
  const claimPath = join(dirname(path), `.${basename(path)}.${createHash('sha256').update(holder.identity).digest('hex').slice(0, 12)}.claim`);
  let claim: FileHandle;
  try {
    claim = await open(claimPath, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw lockFailure(lockPath, error);
    await removeIfAbandoned(claimPath);
    await new Promise((resolve) => setTimeout(resolve, 2));
    return false;
  }
  try {
    await claim.writeFile(`${process.pid} ${Date.now()}\n`);
    if ((await inspect(lockPath))?.identity !== holder.identity) return false; // Taken over and released meanwhile.
    const aside = tempPathFor(path);
    try {
      await rename(lockPath, aside);
    } catch {
      return false;
    }
    if ((await inspect(aside))?.identity === holder.identity) {
      await unlink(aside).catch(() => undefined);
      return true;
    }
    // Not the lock judged stale (its holder came back to life and released it, and someone locked
    // again): put it back where its holder expects it, unless yet another process locked meanwhile,
    // in which case that holder's assertHeld fails before it writes anything.
    await link(aside, lockPath).catch(() => undefined);
    await unlink(aside).catch(() => undefined);
    return false;
  } finally {
    await claim.close().catch(() => undefined);
    await unlink(claimPath).catch(() => undefined);
  }
}

/** Removes a takeover claim whose claimer died while taking over, which would otherwise block everyone. */
async function removeIfAbandoned(claimPath: string): Promise<void> {
  try {
    const [content, stats] = await Promise.all([readFile(claimPath, 'utf8'), stat(claimPath)]);
    const pid = Number(content.split(' ')[0]);
    const age = Date.now() - stats.mtimeMs;
    if (age > CLAIM_STALE_AFTER_MS || (pid > 0 && !isRunning(pid)) || (!pid && age > EMPTY_LOCK_GRACE_MS)) await unlink(claimPath);
  } catch {
    // Gone meanwhile.
  }
}

async function assertHeld(lockPath: string, held: Held): Promise<void> {
  let ino: bigint | undefined;
  try {
    ino = (await stat(lockPath, { bigint: true })).ino;
  } catch {
    ino = undefined;
  }
  if (ino !== held.ino) throw lostLock(lockPath);
}

function assertHeldSync(lockPath: string, held: Held): void {
  if (statSync(lockPath, { bigint: true, throwIfNoEntry: false })?.ino !== held.ino) throw lostLock(lockPath);
}

function lostLock(lockPath: string): FileLockError {
  return new FileLockError(lockPath, `lost the lock ${lockPath} to another process (this one was too slow, over ${STALE_AFTER_MS / 1000} s, and was taken for dead); nothing written, try again`);
}

async function release(lockPath: string, held: Held): Promise<void> {
  try {
    // Only our own lock: after a takeover (we were frozen), the lock in place is someone else's.
    if ((await stat(lockPath, { bigint: true })).ino === held.ino) await unlink(lockPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  } finally {
    if (held.handle) await held.handle.close().catch(() => undefined);
    else closeQuietly(held.fd);
  }
}

/** release with blocking calls. */
function releaseSync(lockPath: string, held: Held): void {
  try {
    // Only our own lock: after a takeover (we were frozen), the lock in place is someone else's.
    if (statSync(lockPath, { bigint: true, throwIfNoEntry: false })?.ino === held.ino) unlinkSync(lockPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  } finally {
    if (held.shared) {
      held.shared.holders--;
      removeIfUnused(held.shared);
    } else if (held.handle) held.handle.close().catch(() => undefined);
    else closeQuietly(held.fd);
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Closed already.
  }
}

/**
 * Temp files of writers that died mid-write (their pid is in the name and no longer runs), and the lock
 * files of worker threads killed meanwhile; never one of a live process. Listing the folder is costly in big corpora, so only after taking over a stale lock.
 */
async function removeOrphanedTempFiles(path: string): Promise<void> {
  const folder = dirname(path);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return;
  }
  const orphans = names.filter((name) => isTempFileName(name, path));
  const checks = await Promise.all(orphans.map(async (name) => ((await isOwnedByDeadProcess(join(folder, name), STALE_AFTER_MS)) ? name : undefined)));
  await Promise.all(checks.filter((name) => name !== undefined).map((name) => unlink(join(folder, name)).catch(() => undefined)));
  // A worker thread's lock file (see sharedLockFile.ts), left by a process killed while it held locks here.
  const deadThreadsLocks = names.filter((name) => {
    const pid = sharedLockFileOwner(name);
    return pid !== undefined && !isRunning(pid);
  });
  await Promise.all(deadThreadsLocks.map((name) => unlink(join(folder, name)).catch(() => undefined)));
  // Claims of a process killed while taking over some earlier lock.
  const prefix = `.${basename(path)}.`;
  const claims = names.filter((name) => name.startsWith(prefix) && /^[0-9a-f]{12}\.claim$/.test(name.slice(prefix.length)));
  await Promise.all(claims.map((name) => removeIfAbandoned(join(folder, name))));
}
