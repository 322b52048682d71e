import { resolve } from 'node:path';
import { readRegularFile, UnreadableFileError } from './regularFile';
import { writeFileAtomically } from './atomicWrite';
import { withFileLock } from './fileLock';
import { KeyedQueue } from '../core/sidecar/queue';
import { decodeUtf8Strictly } from '../core/base/textFiles';
import { Lexicon } from '../core/lexicon/lexicon';
import { LexiconError, MAX_LEXICON_BYTES, parseLexicon, serializeLexicon } from '../core/lexicon/lexiconFile';
import { LexiconFileSchema } from '../core/lexicon/schema';
import { describeIssues } from '../core/base/zodIssues';

/** Updates to one lexicon file never interleave in this process; the file lock covers other processes. */
const queue = new KeyedQueue();

/**
 * Reads and updates lexicon files with the sidecar's guarantees: validated on read and before each
 * write, written whole (temp file and rename) under a lock, a broken file refused and left as it is.
 */
export class LexiconStore {
  async read(path: string): Promise<Lexicon> {
    return queue.run(resolve(path), () => load(path));
  }

  /** Reads the file afresh under the lock, lets `change` teach or forget, and writes it if anything changed. */
  async update(path: string, change: (lexicon: Lexicon) => void): Promise<Lexicon> {
    return queue.run(resolve(path), () =>
      withFileLock(path, async (lock) => {
        const lexicon = await load(path);
        const before = serializeLexicon(lexicon.toFile());
        change(lexicon);
        const file = lexicon.toFile();
        const checked = LexiconFileSchema.safeParse(file);
        if (!checked.success) throw new LexiconError(path, `not written, it would be invalid: ${describeIssues(checked.error.issues)}`);
        const after = serializeLexicon(file);
        if (after !== before) await writeFileAtomically(path, after, { beforeCommit: () => lock.assertHeld() });
        return lexicon;
      }),
    );
  }
}

async function load(path: string): Promise<Lexicon> {
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(path, MAX_LEXICON_BYTES);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Lexicon();
    if (error instanceof UnreadableFileError) throw new LexiconError(path, `cannot be read: ${error.problem}`);
    throw new LexiconError(path, `cannot be read (${(error as Error).message})`);
  }
  let text: string;
  try {
    // Refused like a sidecar: decoded leniently, a stray byte would become U+FFFD and be saved so on the next lesson.
    text = decodeUtf8Strictly(bytes);
  } catch {
    throw new LexiconError(path, 'is not valid UTF-8 text; fix its encoding (or delete it to start afresh); it is left untouched');
  }
  return new Lexicon(parseLexicon(text, path));
}

