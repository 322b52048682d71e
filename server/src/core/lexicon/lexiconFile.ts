import { joinPath } from '../base/filePaths';
import { describeJsonSyntaxError } from '../base/jsonSyntax';
import { describeIssues } from '../base/zodIssues';
import { LEXICON_FILE_NAME, LEXICON_VERSION, LexiconFileSchema, type LexiconEntry, type LexiconFile, type Suppression } from './schema';

/** The lexicon of the corpus in `folder` (the folder of its marginalia.json, or the workspace folder). */
export function lexiconPathIn(folder: string): string {
  return joinPath(folder, LEXICON_FILE_NAME);
}

/** A lexicon holds a line per name taught: even a huge corpus's stays far below this; a bigger file is refused. */
export const MAX_LEXICON_BYTES = 64 * 1024 * 1024;

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

/** The lexicon file `text`, validated; a LexiconError naming `path` says what is wrong with it. */
export function parseLexicon(text: string, path: string): LexiconFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new LexiconError(path, `is not valid JSON (${describeJsonSyntaxError(error, text)}); fix it or delete it to start afresh`);
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

