import { UnreadableFileError, type FileAccess, type HeldLock } from '../base/fileAccess';
import { decodeUtf8Strictly } from '../base/textFiles';
import { describeIssues } from '../base/zodIssues';
import { KeyedQueue } from '../sidecar/queue';
import { Lexicon } from './lexicon';
import { LexiconError, MAX_LEXICON_BYTES, parseLexicon, serializeLexicon } from './lexiconFile';
import { JOURNAL_GITIGNORE, journalGitignoreOf, changeProblem, journalPathOf, parseJournal, serializeChanges } from './lexiconJournal';
import { LexiconFileSchema } from './schema';

/** Updates to one lexicon file never interleave in this process; the file lock covers other processes. */
const queue = new KeyedQueue();

/** Past this size the journal is compacted at the next action: a lexicon read folds a bounded number of lines. */
export const DEFAULT_JOURNAL_LIMIT_BYTES = 1024 * 1024;

/** A lexicon as this store last read it: the file's stamp, and how much of its journal is folded in. */
interface Loaded {
  lexicon: Lexicon;
  mainStamp: string | undefined;
  journalStamp: string | undefined;
  /** Bytes of the journal's complete lines folded in: the next read starts there. */
  journalBytes: number;
  journalLines: number;
  /** Bytes after the journal's last line break: a line a crash cut short, repaired by compacting. */
  torn: number;
}

export interface LexiconStoreOptions {
  /** Journal bytes past which an action compacts at once (DEFAULT_JOURNAL_LIMIT_BYTES). */
  journalLimitBytes?: number;
}

/**
 * Reads and updates lexicon files with the sidecar's guarantees: validated on read and before each
 * write, written under a lock, a broken file refused and left as it is. A learning action appends the
 * rules it changed to the lexicon's journal (lexiconJournal.ts) rather than rewriting the whole file;
 * `compact` folds the journal into the sorted file (written whole: temp file and rename).
 *
 * The lexicon a read or update answers is the store's own, kept between calls and changed in place by
 * later updates and by reads that find the files changed (its `revision` says so): the file of 100,000
 * names is parsed again only when it changed on disk, and a journal only from where it was last read.
 */
export class LexiconStore {
  private readonly loaded = new Map<string, Loaded>();
  private readonly journalLimit: number;

  /** `files`: where the lexicons are (server/src/node/nodeFiles.ts on Node). Paths given to the store are absolute. */
  constructor(
    private readonly files: FileAccess,
    options: LexiconStoreOptions = {},
  ) {
    this.journalLimit = options.journalLimitBytes ?? DEFAULT_JOURNAL_LIMIT_BYTES;
  }

  async read(path: string): Promise<Lexicon> {
    return queue.run(path, async () => (await this.current(path)).lexicon);
  }

  /**
   * Brings the lexicon up to date with its files under the lock, lets `change` teach or forget, and
   * appends what changed to the journal (or compacts, when the journal is past its bound or was cut
   * short by a crash). A failure leaves the files as they were and the store to read them afresh.
   */
  async update(path: string, change: (lexicon: Lexicon) => void): Promise<Lexicon> {
    return queue.run(path, () =>
      this.files.withLock(path, async (lock) => {
        const state = await this.current(path);
        try {
          change(state.lexicon);
          const changes = state.lexicon.takeChanges();
          if (changes.length === 0) return state.lexicon;
          for (const changed of changes) {
            const problem = changeProblem(changed);
            if (problem !== undefined) throw new LexiconError(path, `not written, it would be invalid: ${problem}`);
          }
          const lines = serializeChanges(changes);
          const bytes = new TextEncoder().encode(lines).length;
          if (state.torn > 0 || state.journalBytes + bytes > this.journalLimit) await this.compactLoaded(path, state, lock);
          else await this.appendToJournal(path, state, lines, bytes, changes.length);
          return state.lexicon;
        } catch (error) {
          // What is in memory may now be ahead of the files: read them again next time.
          this.loaded.delete(path);
          throw error;
        }
      }),
    );
  }

  /** Folds the journal into the sorted lexicon file and removes it; nothing when there is no journal. */
  async compact(path: string): Promise<void> {
    await queue.run(path, () =>
      this.files.withLock(path, async (lock) => {
        const state = await this.current(path);
        if (state.journalStamp === undefined) return;
        try {
          await this.compactLoaded(path, state, lock);
        } catch (error) {
          this.loaded.delete(path);
          throw error;
        }
      }),
    );
  }

  /** Whether the lexicon at `path` had a journal when last read or written: something to compact. */
  hasJournal(path: string): boolean {
    return this.loaded.get(path)?.journalStamp !== undefined;
  }

  /**
   * The lexicon as its files now say, from what was read before when they did not change: the file
   * is parsed again only when its stamp changed, a journal that grew is read from where it ended.
   */
  private async current(path: string): Promise<Loaded> {
    const journal = journalPathOf(path);
    for (let attempt = 0; ; attempt++) {
      const mainStamp = await this.files.stamp(path);
      const journalStamp = await this.files.stamp(journal);
      const known = this.loaded.get(path);
      if (known && known.mainStamp === mainStamp) {
        if (known.journalStamp === journalStamp) return known;
        if (journalStamp !== undefined && (await this.foldJournalTail(journal, known, journalStamp))) return known;
      }
      const lexicon = await load(this.files, path);
      const read = await readJournal(this.files, journal, 0);
      const chunk = read ? parseJournal(read.bytes, journal) : { changes: [], bytes: 0, torn: 0 };
      for (const change of chunk.changes) lexicon.apply(change);
      lexicon.forgetChanges();
      // Compacted by another process between reading the file and its journal: the journal's lines may be in neither.
      if ((await this.files.stamp(path)) !== mainStamp && attempt < 3) continue;
      const state: Loaded = { lexicon, mainStamp, journalStamp: read && journalStamp, journalBytes: chunk.bytes, journalLines: chunk.changes.length, torn: chunk.torn };
      if (known?.lexicon) this.loaded.delete(path);
      this.loaded.set(path, state);
      return state;
    }
  }

  /** Folds what was appended to the journal since `known` read it; false when it was not appended to but replaced. */
  private async foldJournalTail(journal: string, known: Loaded, journalStamp: string): Promise<boolean> {
    const read = await readJournal(this.files, journal, known.journalBytes);
    if (!read || read.size < known.journalBytes) return false;
    const chunk = parseJournal(read.bytes, journal, known.journalLines + 1);
    for (const change of chunk.changes) known.lexicon.apply(change);
    known.lexicon.forgetChanges();
    known.journalBytes += chunk.bytes;
    known.journalLines += chunk.changes.length;
    known.torn = chunk.torn;
    known.journalStamp = journalStamp;
    return true;
  }

  private async appendToJournal(path: string, state: Loaded, lines: string, bytes: number, count: number): Promise<void> {
    const journal = journalPathOf(path);
    if (state.journalStamp === undefined) {
      // The journal's folder ignores itself in git before the journal is first written there.
      const gitignore = journalGitignoreOf(journal);
      if ((await this.files.read(gitignore, 1024)) === undefined) await this.files.append(gitignore, JOURNAL_GITIGNORE);
    }
    await this.files.append(journal, lines);
    state.journalBytes += bytes;
    state.journalLines += count;
    state.journalStamp = await this.files.stamp(journal);
  }

  /**
   * Writes the lexicon whole, sorted, then removes the journal. A crash in between leaves both: the
   * journal's lines are rule states, so reading them over the new file changes nothing.
   */
  private async compactLoaded(path: string, state: Loaded, lock: HeldLock): Promise<void> {
    const file = state.lexicon.toFile();
    const checked = LexiconFileSchema.safeParse(file);
    if (!checked.success) throw new LexiconError(path, `not written, it would be invalid: ${describeIssues(checked.error.issues)}`);
    await this.files.writeAtomically(path, serializeLexicon(file), { beforeCommit: () => lock.assertHeld() });
    await this.files.remove(journalPathOf(path));
    state.mainStamp = await this.files.stamp(path);
    state.journalStamp = undefined;
    state.journalBytes = 0;
    state.journalLines = 0;
    state.torn = 0;
  }
}

async function readJournal(files: FileAccess, journal: string, start: number): Promise<{ bytes: Uint8Array; size: number } | undefined> {
  try {
    return await files.readFrom(journal, start, MAX_LEXICON_BYTES);
  } catch (error) {
    if (error instanceof UnreadableFileError) throw new LexiconError(journal, `cannot be read: ${error.problem}`);
    throw new LexiconError(journal, `cannot be read (${(error as Error).message})`);
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
