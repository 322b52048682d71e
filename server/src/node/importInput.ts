/**
 * Reading an import's input document by document, never the whole input at once (issue 16): a line
 * format (JSONL, doccano, CoNLL) streams its file a line at a time, brat reads one .txt + .ann pair at
 * a time. The formats whose file is one JSON document (Label Studio, Web Annotation) are parsed
 * whole, as JSON must be, within MAX_IMPORT_BYTES. The import reads its input twice through this:
 * once to check everything, once to write.
 */
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Format } from '../core/formats/registry';
import type { FormatNotice, ImportedDocument, ImportResult } from '../core/formats/types';
import type { LabelDefinition } from '../core/project/labelSet';
import { decodeUtf8Strictly } from '../core/base/textFiles';
import { walkCorpus } from './corpusFiles';
import { readRegularFile, regularFileChunks, UnreadableFileError } from './regularFile';

/** The largest input read: far beyond a big export (a 10,000-article JSONL is ~230 MB); past it, the file is refused, not read. */
export const MAX_IMPORT_BYTES = 1024 * 1024 * 1024;

export interface InputRequest {
  format: Format;
  input: string;
  annotator?: string;
}

/** What one reading of the input found besides its documents. */
export interface InputReading {
  errors: FormatNotice[];
  warnings: FormatNotice[];
  documents: number;
  /** The input's size and modification time when it was read, to tell that it changed between two readings. */
  version: string;
}

/**
 * Hands each document of the input to `each`, in file order, and waits for it before reading on, so
 * that only the document at hand is held. `bytes` reports how much of the input has been read.
 */
export async function readImportInput(
  request: InputRequest,
  labels: readonly LabelDefinition[],
  each: (document: ImportedDocument, index: number) => Promise<void> | void,
  bytes?: (read: number, total: number) => void,
): Promise<InputReading> {
  const { importer } = request.format;
  const options = { labels, ...(request.annotator !== undefined ? { annotator: request.annotator } : {}) };
  const input = resolve(request.input);
  const found = await stat(input).catch(() => undefined);
  if (!found) return failed(request.input, 'no such file or folder');
  const version = `${found.size}:${found.mtimeMs}`;
  let count = 0;
  const hand = async (document: ImportedDocument) => each(document, count++);
  if (importer.kind === 'file') {
    if (!found.isFile()) return failed(request.input, `a ${request.format.name} import reads one file, not a folder`);
    if (!importer.lines) {
      const text = await readWhole(input);
      if (typeof text !== 'string') return { ...text, documents: 0, version };
      const read = importer.read(text, request.input, options);
      // Nothing is handed on once the input has an error: the import writes nothing then.
      if (read.errors.length === 0) for (const document of read.documents) await hand(document);
      return { errors: read.errors, warnings: read.warnings, documents: count, version };
    }
    const reader = importer.lines(request.input, options);
    try {
      for await (const line of fileLines(input, (read) => bytes?.(read, found.size))) {
        for (const document of reader.line(line.text)) if (reader.errors.length === 0) await hand(document);
      }
    } catch (error) {
      const problem = unreadable(error);
      if (problem === undefined) throw error;
      return { errors: [...reader.errors, { document: request.input, ...(problem.line !== undefined ? { line: problem.line } : {}), message: problem.message }], warnings: reader.warnings, documents: count, version };
    }
    for (const document of reader.end()) if (reader.errors.length === 0) await hand(document);
    return { errors: reader.errors, warnings: reader.warnings, documents: count, version };
  }
  // Pairs (brat): a folder of .txt + .ann, or one .ann beside its .txt.
  const annotations = found.isDirectory()
    ? await annotationFilesBelow(input, importer.annotationExtension)
    : input.endsWith(importer.annotationExtension)
      ? [input]
      : [];
  if (annotations.length === 0) return failed(request.input, `no ${importer.annotationExtension} files to import`);
  const reading: InputReading = { errors: [], warnings: [], documents: 0, version };
  for (const [done, annPath] of annotations.sort().entries()) {
    bytes?.(done, annotations.length);
    const txtPath = annPath.slice(0, -importer.annotationExtension.length) + importer.textExtension;
    const [txt, ann] = await Promise.all([readWhole(txtPath), readWhole(annPath)]);
    if (typeof txt !== 'string' || typeof ann !== 'string') {
      for (const problem of [txt, ann]) if (typeof problem !== 'string') reading.errors.push(...problem.errors);
      continue;
    }
    const one = importer.read(txt, ann, annPath, options);
    const name = (found.isDirectory() ? txtPath.slice(input.length + 1) : basename(txtPath)).split(/[\\/]/).join('/');
    reading.errors.push(...one.errors);
    reading.warnings.push(...one.warnings);
    if (reading.errors.length === 0) for (const document of one.documents) await hand({ ...document, name });
  }
  reading.documents = count;
  return reading;
}

/** The annotation files of a brat collection, by the corpus walk (dot folders and node_modules skipped). */
async function annotationFilesBelow(folder: string, extension: string): Promise<string[]> {
  const found: string[] = [];
  await walkCorpus(folder, ({ path }) => void (path.endsWith(extension) && found.push(path)));
  return found;
}

/**
 * The file's lines, split at '\n' alone (a format's reader knows its other line breaks), decoded as
 * strict UTF-8 (a byte-order mark at the start dropped) a chunk at a time: only the line at hand is held.
 */
async function* fileLines(path: string, progress: (bytes: number) => void): AsyncGenerator<{ line: number; text: string }> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // The line being read, in pieces: a line longer than a chunk is joined once, when its end is found.
  let pieces: string[] = [];
  let line = 1;
  let read = 0;
  const decode = (chunk?: Buffer) => {
    try {
      return chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
    } catch {
      throw new InputProblem('not valid UTF-8 text', line);
    }
  };
  const joined = (last: string) => {
    try {
      return pieces.length === 0 ? last : pieces.join('') + last;
    } catch {
      throw new InputProblem('a line too long to read (hundreds of megabytes without a line break)', line);
    }
  };
  for await (const chunk of regularFileChunks(path, MAX_IMPORT_BYTES)) {
    read += chunk.length;
    progress(read);
    const text = decode(chunk);
    let start = 0;
    for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', start)) {
      yield { line, text: joined(text.slice(start, newline)) };
      pieces = [];
      line++;
      start = newline + 1;
    }
    if (start < text.length) pieces.push(text.slice(start));
  }
  yield { line, text: joined(decode()) };
}

/** A problem of the input as a whole (not UTF-8, too large, not a regular file), with the line where it was found. */
class InputProblem extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

/** Why a file cannot be read, in words; undefined for a failure that is not the input's (rethrown). */
function unreadable(error: unknown): { message: string; line?: number } | undefined {
  if (error instanceof InputProblem) return { message: error.message, ...(error.line !== undefined ? { line: error.line } : {}) };
  if (error instanceof UnreadableFileError) return { message: error.problem };
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string') return { message: `cannot be read (${(error as Error).message})` };
  return undefined;
}

/** A whole file's text (brat's pairs, the whole-JSON formats), or why it cannot be read. */
async function readWhole(path: string): Promise<string | ImportResult> {
  try {
    return decodeUtf8Strictly(await readRegularFile(path, MAX_IMPORT_BYTES));
  } catch (error) {
    if (error instanceof TypeError) return { documents: [], errors: [{ document: path, message: 'not valid UTF-8 text' }], warnings: [] };
    const problem = unreadable(error);
    if (problem === undefined) throw error;
    return { documents: [], errors: [{ document: path, message: problem.message }], warnings: [] };
  }
}

function failed(document: string, message: string): InputReading {
  return { errors: [{ document, message }], warnings: [], documents: 0, version: '' };
}
