import { UnreadableFileError, type FileAccess } from '../base/fileAccess';
import { decodeUtf8Strictly } from '../base/textFiles';
import { describeIssues } from '../base/zodIssues';
import { KeyedQueue } from '../sidecar/queue';
import { Lexicon } from './lexicon';
import { LexiconError, MAX_LEXICON_BYTES, parseLexicon, serializeLexicon } from './lexiconFile';
import { LexiconFileSchema } from './schema';

/** Updates to one lexicon file never interleave in this process; the file lock covers other processes. */
const queue = new KeyedQueue();

/**
 * Reads and updates lexicon files with the sidecar's guarantees: validated on read and before each
 * write, written whole (temp file and rename) under a lock, a broken file refused and left as it is.
 */
export class LexiconStore {
  /** `files`: where the lexicons are (server/src/node/nodeFiles.ts on Node). Paths given to the store are absolute. */
  constructor(private readonly files: FileAccess) {}

  async read(path: string): Promise<Lexicon> {
    return queue.run(path, () => load(this.files, path));
  }

  /** Reads the file afresh under the lock, lets `change` teach or forget, and writes it if anything changed. */
  async update(path: string, change: (lexicon: Lexicon) => void): Promise<Lexicon> {
    return queue.run(path, () =>
      this.files.withLock(path, async (lock) => {
        const lexicon = await load(this.files, path);
        const before = serializeLexicon(lexicon.toFile());
        change(lexicon);
        const file = lexicon.toFile();
        const checked = LexiconFileSchema.safeParse(file);
        if (!checked.success) throw new LexiconError(path, `not written, it would be invalid: ${describeIssues(checked.error.issues)}`);
        const after = serializeLexicon(file);
        if (after !== before) await this.files.writeAtomically(path, after, { beforeCommit: () => lock.assertHeld() });
        return lexicon;
      }),
    );
  }
}

async function load(files: FileAccess, path: string): Promise<Lexicon> {
  let bytes: Uint8Array | undefined;
  try {
    bytes = await files.read(path, MAX_LEXICON_BYTES);
  } catch (error) {
    if (error instanceof UnreadableFileError) throw new LexiconError(path, `cannot be read: ${error.problem}`);
    throw new LexiconError(path, `cannot be read (${(error as Error).message})`);
  }
  if (bytes === undefined) return new Lexicon();
  let text: string;
  try {
    // Refused like a sidecar: decoded leniently, a stray byte would become U+FFFD and be saved so on the next lesson.
    text = decodeUtf8Strictly(bytes);
  } catch {
    throw new LexiconError(path, 'is not valid UTF-8 text; fix its encoding (or delete it to start afresh); it is left untouched');
  }
  return new Lexicon(parseLexicon(text, path));
}

