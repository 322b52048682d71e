import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import type { FileAccess } from '../core/base/fileAccess';
import { writeFileAtomically } from './atomicWrite';
import { withFileLock } from './fileLock';
import { readRegularFile, readRegularFileSync } from './regularFile';

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
 * nodeFiles with reads that block the thread: for a worker thread that only reads (an export's), where
 * a blocked thread costs nothing and a synchronous read of a small file costs a fraction of the
 * promise, thread-pool hop and FileHandle of an asynchronous one (which took most of an export's time).
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
