import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { writeFileAtomically } from './atomicWrite';
import { withFileLock } from './fileLock';
import { SidecarError } from './errors';
import { describeIssues } from '../zodIssues';
import { parseSidecar } from './parse';
import { sidecarPathFor } from './paths';
import { KeyedQueue } from './queue';
import { SIDECAR_VERSION, SidecarSchema, type Sidecar } from './schema';
import { serializeSidecar } from './serialize';

export interface LoadedSidecar {
  sidecar: Sidecar;
  /** sha256 (hex) of the file's bytes, to notice a change made behind our back; null when there is no file. */
  hash: string | null;
  exists: boolean;
}

/** Shared by every store: updates to one sidecar must not interleave anywhere in this process. */
const queue = new KeyedQueue();

/**
 * Reads and updates the sidecar of an article. A sidecar that is not valid is never overwritten:
 * every operation on it throws a SidecarError that names the file and the problem.
 */
export class SidecarStore {
  /** The article's tags; an absent sidecar reads as an empty one. */
  read(articlePath: string): Promise<LoadedSidecar> {
    const path = sidecarPathFor(articlePath);
    return queue.run(resolve(path), async () => {
      const { sidecar, hash, exists } = await load(path, basename(articlePath));
      return { sidecar, hash, exists };
    });
  }

  /**
   * Reads, lets `mutate` change the sidecar (in place, or by returning a new one), validates and
   * writes it atomically, after any update of the same sidecar queued before it. Nothing is written
   * if nothing changed, so an absent sidecar stays absent until it gets a tag; once it exists,
   * deleting the last tag leaves `"annotations": []` for git history to show.
   */
  update(articlePath: string, mutate: (sidecar: Sidecar) => Sidecar | void): Promise<LoadedSidecar> {
    const path = sidecarPathFor(articlePath);
    const article = basename(articlePath);
    // The queue orders updates within this process; the lock file, against other processes.
    return queue.run(resolve(path), () => withFileLock(path, async () => {
      const loaded = await load(path, article);
      // `loaded.sidecar` was parsed just now and is shared with no one, so mutating it needs no copy.
      const mutated = mutate(loaded.sidecar) ?? loaded.sidecar;
      // The article's file name is the store's to set: a sidecar renamed together with its article follows it.
      const result = SidecarSchema.safeParse({ ...mutated, article });
      if (!result.success) {
        throw new SidecarError(path, `update refused, it would write an invalid sidecar: ${describeIssues(result.error.issues)}`);
      }
      const text = serializeSidecar(result.data);
      // Read back from the text, so that it is exactly what the next read returns (tags sorted, no
      // undefined fields); the data was validated just above, so plain JSON parsing is enough.
      const sidecar = JSON.parse(text) as Sidecar;
      const unchanged = loaded.exists ? text === loaded.text : sidecar.annotations.length === 0;
      if (unchanged) return { sidecar, hash: loaded.hash, exists: loaded.exists };
      try {
        await writeFileAtomically(path, text);
      } catch (error) {
        throw new SidecarError(path, `cannot write (${(error as Error).message})`, { cause: error });
      }
      writtenTexts.remember(path, text);
      return { sidecar, hash: sha256(Buffer.from(text, 'utf8')), exists: true };
    }));
  }
}

interface LoadedText extends LoadedSidecar {
  /** The decoded text, to skip writes that would not change it. */
  text: string;
}

/** About 250,000 tags; past this, parsing would stall the editor and take gigabytes, so the file is refused. */
export const MAX_SIDECAR_BYTES = 64 * 1024 * 1024;

async function load(path: string, article: string): Promise<LoadedText> {
  let bytes: Buffer;
  try {
    const { size } = await stat(path);
    if (size > MAX_SIDECAR_BYTES) {
      throw new SidecarError(path, `too large to open (${(size / 1024 / 1024).toFixed(0)} MB; Marginalia reads sidecars up to ${MAX_SIDECAR_BYTES / 1024 / 1024} MB). Split the article, or remove tags with another tool; this file is left untouched.`);
    }
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof SidecarError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { sidecar: { version: SIDECAR_VERSION, article, annotations: [] }, hash: null, exists: false, text: '' };
    }
    throw new SidecarError(path, `cannot read (${(error as Error).message})`, { cause: error });
  }
  let text: string;
  try {
    // Fatal, so that bytes that are not UTF-8 are reported instead of turned into U+FFFD and saved.
    // A byte order mark left by some editor is dropped; the next write omits it.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new SidecarError(path, 'not valid UTF-8 text', { cause: error });
  }
  // A file still holding exactly what this process wrote was validated before it was written.
  const sidecar = writtenTexts.has(path, text) ? (JSON.parse(text) as Sidecar) : parseSidecar(text, path);
  return { sidecar, hash: sha256(bytes), exists: true, text };
}

/**
 * The last text this process wrote to each sidecar, so that reading it back (after every tag action
 * and every file-watcher event) skips a full schema validation of thousands of tags. Bounded: only
 * the most recently written sidecars are remembered.
 */
class WrittenTexts {
  private readonly texts = new Map<string, string>();

  constructor(private readonly limit: number) {}

  remember(path: string, text: string): void {
    const key = resolve(path);
    this.texts.delete(key);
    this.texts.set(key, text);
    if (this.texts.size > this.limit) this.texts.delete(this.texts.keys().next().value!);
  }

  has(path: string, text: string): boolean {
    return this.texts.get(resolve(path)) === text;
  }
}

const writtenTexts = new WrittenTexts(16);

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
