import { readdir, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Longer than any read-merge-write of a sidecar; a lock older than this is stale, whoever holds it. */
const STALE_AFTER_MS = 30_000;
const GIVE_UP_AFTER_MS = 15_000;

/**
 * Runs `work` while holding a lock file beside `path`, so that two processes (two editor windows,
 * the CLI and the editor) never interleave a read-modify-write of the same sidecar. A lock left by
 * a process that died (kill -9) is recognised by its dead pid, or its age, and taken over.
 */
export async function withFileLock<T>(path: string, work: () => Promise<T>): Promise<T> {
  const lockPath = join(dirname(path), `.${basename(path)}.lock`);
  const deadline = Date.now() + GIVE_UP_AFTER_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      await writeFile(lockPath, `${process.pid} ${Date.now()}\n`, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (await isStale(lockPath)) {
        // Its holder died, perhaps mid-write: its temp files are orphans now (only a lock holder writes them).
        await removeOrphanedTempFiles(path);
        await rm(lockPath, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`${path} is locked by another process (${lockPath}); try again`);
      await new Promise((resolve) => setTimeout(resolve, Math.min(50, 2 + attempt * 2)));
    }
  }
  try {
    return await work();
  } finally {
    // unlink rather than rm, which looks at the path first: this runs on every sidecar write.
    await unlink(lockPath).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
}

/** A lock whose writer died before writing its pid stays empty; after this long it is abandoned. */
const EMPTY_LOCK_GRACE_MS = 1_000;

async function isStale(lockPath: string): Promise<boolean> {
  let content: string;
  let age: number;
  try {
    content = await readFile(lockPath, 'utf8');
    age = Date.now() - (await stat(lockPath)).mtimeMs;
  } catch {
    return false; // Released meanwhile: just try again.
  }
  const [pid, since] = content.trim().split(' ').map(Number);
  // A lock file still being written has no content yet; give its writer a moment, not forever.
  if (!pid || !since) return age > EMPTY_LOCK_GRACE_MS;
  if (Date.now() - since > STALE_AFTER_MS) return true;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Temp files of writers killed mid-write. Listing the folder is costly in big corpora, so only after a crash. */
async function removeOrphanedTempFiles(path: string): Promise<void> {
  const prefix = `.${basename(path)}.`;
  const folder = dirname(path);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return;
  }
  await Promise.all(names.filter((name) => name.startsWith(prefix) && name.endsWith('.tmp')).map((name) => rm(join(folder, name), { force: true })));
}
