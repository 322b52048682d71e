import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { mkdir, open, readdir, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { FileAccess } from '../core/base/fileAccess';
import { writeFileAtomically, writeFileAtomicallyBlocking } from './atomicWrite';
import { withFileLock } from './fileLock';
import { readRegularFile, readRegularFileFrom, readRegularFileSync } from './regularFile';

/** The core's file access on Node's file system: regular files only, capped; atomic, synced writes; lock files beside the file. */
export const nodeFiles: FileAccess = {
  async read(path, maxBytes) {
    try {
      return await readRegularFile(path, maxBytes);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  },
  async readFrom(path, start, maxBytes) {
    try {
      return await readRegularFileFrom(path, start, maxBytes);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  },
  async append(path, content) {
    await mkdir(dirname(path), { recursive: true });
    const handle = await open(path, 'a');
    try {
      await handle.writeFile(content, 'utf8');
      // Durable before the action is reported done, as an atomic write is.
      await handle.datasync();
    } finally {
      await handle.close();
    }
  },
  async remove(path) {
    await unlink(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  },
  writeAtomically: (path, content, options) => writeFileAtomically(path, content, options),
  withLock: (path, work, options) => withFileLock(path, work, options),
  async list(folder) {
    return readdir(folder).catch(() => undefined);
  },
  async stamp(path) {
    const found = await stat(path).catch(() => undefined);
    return found && `${found.mtimeMs}:${found.ctimeMs}:${found.ino}`;
  },
  async identity(path) {
    const found = await stat(path).catch(() => undefined);
    return found?.isFile() ? `${found.dev}:${found.ino}` : undefined;
  },
  hash: (bytes) => createHash('sha256').update(bytes).digest('hex'),
};

/**
 * nodeFiles with blocking calls, for a worker thread (an export's, a pre-annotation's), where a
 * blocked thread costs little and a blocking call on a local file costs a fraction of the promise,
 * thread-pool hop and FileHandle of an asynchronous one (which took most of an export's time, and
 * more CPU than the system calls of pre-annotation's writes). Reads, the lock when nobody holds it,
 * and the write's open, write, close and rename block; what waits for the disk (the syncs, about
 * 1-3 ms each) or for another process (a lock someone holds) stays asynchronous, so the thread
 * detects the next article meanwhile.
 */
export const blockingNodeFiles: FileAccess = {
  ...nodeFiles,
  writeAtomically: (path, content, options) => writeFileAtomicallyBlocking(path, content, options),
  withLock: (path, work, options) => withFileLock(path, work, { ...options, blocking: true }),
  async read(path, maxBytes) {
    try {
      return readRegularFileSync(path, maxBytes);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  },
  async list(folder) {
    try {
      return readdirSync(folder);
    } catch {
      return undefined;
    }
  },
  async stamp(path) {
    const found = statSync(path, { throwIfNoEntry: false });
    return found && `${found.mtimeMs}:${found.ctimeMs}:${found.ino}`;
  },
};
