/**
 * The files the core's stores work on, through one small interface: the core never touches a file
 * system itself, so that it runs the same under Node (server/src/node/nodeFiles.ts) and, given another
 * implementation, in a web worker. Paths are absolute. Watching files is no part of it: the editor
 * reports changes to the language server (workspace/didChangeWatchedFiles), which reloads through the
 * stores.
 */
export interface FileAccess {
  /** The bytes of the regular file at `path`, at most `maxBytes`; undefined when there is no file. Throws an UnreadableFileError for a FIFO, a device or a file over the cap. */
  read(path: string, maxBytes: number): Promise<Uint8Array | undefined>;
  /** Replaces the file so that a reader sees the old or the new content, never a mix; resolves once it is durable. `beforeCommit` runs just before it replaces the file; throwing aborts the write. */
  writeAtomically(path: string, content: string | Uint8Array, options?: { beforeCommit?: () => Promise<void> }): Promise<void>;
  /** The bytes of the regular file at `path` from byte `start` to its end (at most `maxBytes`), and its size; undefined when there is no file. */
  readFrom(path: string, start: number, maxBytes: number): Promise<{ bytes: Uint8Array; size: number } | undefined>;
  /** Appends `content` to the file (made, with its folders, when absent); resolves once it is durable. A crash may leave part of it. */
  append(path: string, content: string): Promise<void>;
  /** Removes the file; nothing when there is none. */
  remove(path: string): Promise<void>;
  /** Runs `work` holding the lock of `path` against other processes; throws a FileLockError when it cannot be had (held too long, refused by the file system). */
  withLock<T>(path: string, work: (lock: HeldLock) => Promise<T>, options?: { waitMs?: number }): Promise<T>;
  /** The file names in a folder; undefined when it cannot be listed. */
  list(folder: string): Promise<string[] | undefined>;
  /** A stamp of a folder or file that changes whenever its entries or content may have; undefined when there is none. */
  stamp(path: string): Promise<string | undefined>;
  /** Which file a path names (two names of one file give the same answer); undefined when it names no regular file. */
  identity(path: string): Promise<string | undefined>;
  /** A hash of bytes (hex), to tell one version of a file from another. */
  hash(bytes: Uint8Array): string;
}

/** The lock while `work` runs. */
export interface HeldLock {
  /** Throws a FileLockError unless the lock is still this holder's: called just before a write is committed. */
  assertHeld(): Promise<void>;
}

/** A file refused before its contents were read: not a regular file, or larger than its cap. */
export class UnreadableFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: 'not-regular' | 'too-large',
    /** What is wrong, without the path. */
    readonly problem: string,
    /** For 'too-large': the bytes found (at least the cap plus one). */
    readonly size = 0,
  ) {
    super(`${path}: ${problem}`);
    this.name = 'UnreadableFileError';
  }
}

/** A lock that could not be had: held too long by a live process, or refused by the file system (a name too long). */
export class FileLockError extends Error {
  constructor(
    readonly lockPath: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'FileLockError';
  }
}
