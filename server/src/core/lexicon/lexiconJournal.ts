import { z } from 'zod';
import { baseName, folderOf, joinPath } from '../base/filePaths';
import { describeJsonSyntaxError } from '../base/jsonSyntax';
import { describeIssues } from '../base/zodIssues';
import { LexiconError } from './lexiconFile';
import { LexiconEntrySchema, SuppressionSchema } from './schema';

/**
 * The lexicon's journal: what was learnt since the lexicon file was last written whole, one change a
 * line, appended under the file's lock. Learning a name then writes one line, not a file of 100,000
 * names; the journal is folded into the sorted file (compacted) on a quiet moment, when it grows past
 * a bound, and when the server stops, so that git sees the one-rule-a-line file as before.
 *
 * Each line is the new STATE of one rule (the entry as it now is, or that it is gone), never a delta:
 * reading a line twice changes nothing, so a crash after the compacted file was written but before the
 * journal was removed leaves a lexicon that reads the same. A crash mid-append leaves a last line
 * without its line break: it is ignored (the one change lost), and the next writer compacts.
 *
 * The journal lives in `.marginalia/` beside the lexicon, a folder that ignores itself in git (its
 * .gitignore says "*"): it is this machine's not-yet-compacted work, not something to commit.
 */
export const JOURNAL_FOLDER = '.marginalia';
export const JOURNAL_FILE_NAME = 'lexicon.journal.jsonl';
export const JOURNAL_GITIGNORE = '*\n';

const ruleKey = { text: LexiconEntrySchema.shape.text, label: LexiconEntrySchema.shape.label };

/** Each kind of line, by its one key: validated against its own schema, so that a message says what is wrong in it. */
const CHANGE_SCHEMAS = {
  entry: z.strictObject({ entry: LexiconEntrySchema }),
  drop: z.strictObject({ drop: z.strictObject(ruleKey) }),
  suppression: z.strictObject({ suppression: SuppressionSchema }),
  lift: z.strictObject({ lift: z.strictObject({ ...ruleKey, before: SuppressionSchema.shape.before, after: SuppressionSchema.shape.after }) }),
};

export const LexiconChangeSchema = z.union([CHANGE_SCHEMAS.entry, CHANGE_SCHEMAS.drop, CHANGE_SCHEMAS.suppression, CHANGE_SCHEMAS.lift]);

/** The problem with `json` as a journal line, in words; undefined when it is a change. */
export function changeProblem(json: unknown): string | undefined {
  const kinds = json !== null && typeof json === 'object' && !Array.isArray(json) ? Object.keys(json) : [];
  const kind = kinds.length === 1 ? kinds[0] : undefined;
  if (kind === undefined || !(kind in CHANGE_SCHEMAS)) return `expected an object with one key of ${Object.keys(CHANGE_SCHEMAS).join(', ')}`;
  const parsed = CHANGE_SCHEMAS[kind as keyof typeof CHANGE_SCHEMAS].safeParse(json);
  return parsed.success ? undefined : describeIssues(parsed.error.issues);
}

/** One rule's new state: taught (entry), no longer taught (drop), rejected in a context (suppression), or that lifted. */
export type LexiconChange = z.infer<typeof LexiconChangeSchema>;

/** The journal of the lexicon at `lexiconPath`. */
export function journalPathOf(lexiconPath: string): string {
  return joinPath(joinPath(folderOf(lexiconPath), JOURNAL_FOLDER), JOURNAL_FILE_NAME);
}

/** The journal of the lexicon in `folder` (see lexiconPathIn). */
export function lexiconJournalPathIn(folder: string): string {
  return joinPath(joinPath(folder, JOURNAL_FOLDER), JOURNAL_FILE_NAME);
}

/** The .gitignore of the journal's folder. */
export function journalGitignoreOf(journalPath: string): string {
  return joinPath(folderOf(journalPath), '.gitignore');
}

/** The journal lines of `changes`, each ended by a line break; keys in schema order, as the lexicon file writes them. */
export function serializeChanges(changes: readonly LexiconChange[]): string {
  return changes.map((change) => JSON.stringify(change, CHANGE_KEYS) + '\n').join('');
}

const CHANGE_KEYS = ['entry', 'drop', 'suppression', 'lift', 'text', 'label', 'kind', 'count', 'before', 'after', 'by', 'article', 'at'];

/** What a chunk of journal says: its complete lines' changes, and how many bytes those lines take. */
export interface JournalChunk {
  changes: LexiconChange[];
  /** Bytes of the complete lines read: where the next read starts. */
  bytes: number;
  /** Bytes after the last line break: a line a crash cut short (or one being appended as it was read). */
  torn: number;
}

/**
 * The changes of the complete lines of `bytes` (journal bytes from a line's start), validated; a line
 * that is not a change throws a LexiconError naming `path` and its line (`firstLine`: the number of the
 * first line of `bytes` in the file). The bytes after the last line break are left for the next read.
 */
export function parseJournal(bytes: Uint8Array, path: string, firstLine = 1): JournalChunk {
  const end = bytes.lastIndexOf(0x0a) + 1;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
  } catch {
    throw new LexiconError(path, 'is not valid UTF-8 text; delete it to drop what was learnt since the lexicon was last written (or fix it)');
  }
  const changes: LexiconChange[] = [];
  const lines = text.split('\n');
  lines.pop();
  for (const [index, line] of lines.entries()) {
    const where = `${path}:${firstLine + index}`;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      throw new LexiconError(where, `is not valid JSON (${describeJsonSyntaxError(error, line)}); fix the line or delete ${baseName(path)} to drop what was learnt since the lexicon was last written`);
    }
    const problem = changeProblem(json);
    if (problem !== undefined) throw new LexiconError(where, `is not a lexicon change: ${problem}`);
    changes.push(json as LexiconChange);
  }
  return { changes, bytes: end, torn: bytes.length - end };
}

/** How many lines `bytes` holds (line breaks): to number the lines of the next chunk. */
export function countLines(bytes: Uint8Array): number {
  let lines = 0;
  for (const byte of bytes) if (byte === 0x0a) lines++;
  return lines;
}
