import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { mkdir, open, readdir, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { FileAccess } from '../core/base/fileAccess';
import { writeFileAtomically } from './atomicWrite';
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
 * nodeFiles with reads that block the thread, for a worker thread (an export's, a pre-annotation's),
 * where a blocked thread costs nothing and a synchronous read of a small file costs a fraction of the
 * promise, thread-pool hop and FileHandle of an asynchronous one (which took most of an export's time).
 * Locking and writing stay asynchronous: while other articles' syncs commit the file system's journal,
 * creating or renaming a file can wait milliseconds for it (measured: 4 ms an open at times), which the
 * thread spends detecting the next article instead.
 */
export const blockingNodeFiles: FileAccess = {
  ...nodeFiles,
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
