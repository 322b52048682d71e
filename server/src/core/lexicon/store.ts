import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeFileAtomically } from '../sidecar/atomicWrite';
import { withFileLock } from '../sidecar/fileLock';
import { KeyedQueue } from '../sidecar/queue';
import { describeIssues } from '../zodIssues';
import { Lexicon } from './lexicon';
import { LEXICON_FILE_NAME, LEXICON_VERSION, LexiconFileSchema, type LexiconEntry, type LexiconFile, type Suppression } from './schema';

/** The lexicon of the corpus in `folder` (the folder of its marginalia.json, or the workspace folder). */
export function lexiconPathIn(folder: string): string {
  return join(folder, LEXICON_FILE_NAME);
}

/** A lexicon file that cannot be read as one: it is never overwritten, and the message says why. */
export class LexiconError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
    this.name = 'LexiconError';
  }
}

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
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Lexicon();
    throw new LexiconError(path, `cannot be read (${(error as Error).message})`);
  }
  return new Lexicon(parseLexicon(text, path));
}

/** The lexicon file `text`, validated; a LexiconError naming `path` says what is wrong with it. */
export function parseLexicon(text: string, path: string): LexiconFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new LexiconError(path, `is not valid JSON (${(error as Error).message}); fix it or delete it to start afresh`);
  }
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > LEXICON_VERSION) throw new LexiconError(path, `was written by a newer Marginalia (format ${version}); update Marginalia to use it`);
  const parsed = LexiconFileSchema.safeParse(json);
  if (!parsed.success) throw new LexiconError(path, `is not a Marginalia lexicon: ${describeIssues(parsed.error.issues)}`);
  return parsed.data;
}

/** One entry a line, sorted, keys in schema order: learning one name is a one-line git diff. */
export function serializeLexicon(file: LexiconFile): string {
  const entries = [...file.entries].sort(compareEntries).map((entry) => JSON.stringify(entry, ENTRY_KEYS));
  const suppressions = [...file.suppressions].sort(compareSuppressions).map((suppression) => JSON.stringify(suppression, SUPPRESSION_KEYS));
  const list = (lines: string[]) => (lines.length === 0 ? '[]' : `[\n    ${lines.join(',\n    ')}\n  ]`);
  return `{\n  "version": ${file.version},\n  "entries": ${list(entries)},\n  "suppressions": ${list(suppressions)}\n}\n`;
}

const ENTRY_KEYS: Array<keyof LexiconEntry> = ['text', 'label', 'kind', 'count', 'by', 'article', 'at'];
const SUPPRESSION_KEYS: Array<keyof Suppression> = ['text', 'label', 'before', 'after', 'by', 'article', 'at'];

function compareEntries(a: LexiconEntry, b: LexiconEntry): number {
  return compare(a.text, b.text) || compare(a.label, b.label);
}

function compareSuppressions(a: Suppression, b: Suppression): number {
  return compare(a.text, b.text) || compare(a.label, b.label) || compare(a.before, b.before) || compare(a.after, b.after);
}

/** Code unit order, not the locale's: the file must not depend on the machine. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

