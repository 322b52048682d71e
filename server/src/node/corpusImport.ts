import { mkdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { ProgressReporter } from '../core/base/progress';
import { CodePointIndex } from '../core/base/offsets';
import { kindOf, isLabel } from '../core/base/labels';
import type { Format } from '../core/formats/registry';
import type { FormatNotice, ImportedDocument, ImportResult } from '../core/formats/types';
import type { LabelDefinition } from '../core/project/labelSet';
import { newTag } from '../core/sidecar/tags';
import type { Tag } from '../core/sidecar/schema';
import { decodeUtf8Strictly } from '../core/base/textFiles';
import { writeFileAtomically } from './atomicWrite';
import { walkCorpus } from './corpusFiles';
import { corpusLabels } from './projectFiles';
import { readArticleFile, readRegularFile, UnreadableFileError } from './regularFile';
import { SidecarStore } from './sidecarStore';

/** The largest input read: far beyond a big export (a 10,000-article JSONL is ~100 MB); past it, the file is refused, not read. */
export const MAX_IMPORT_BYTES = 1024 * 1024 * 1024;

export interface ImportRequest {
  format: Format;
  /** The corpus folder the articles and sidecars go into. */
  into: string;
  /** A file (or, for brat, a folder of .txt + .ann pairs). */
  input: string;
  /** What imported tags become: proposals awaiting a person (default) or accepted tags. */
  as: 'proposed' | 'accepted';
  /** Who the tags are by when the file does not say (default: "import"). */
  annotator?: string;
}

export interface ImportOutcome {
  /** Input problems (a line that cannot be read, an offset past the end): nothing was written. */
  errors: FormatNotice[];
  /** Losses and skips, each named: the import went on. */
  warnings: FormatNotice[];
  articlesCreated: number;
  articlesTouched: number;
  tagsAdded: number;
  /** Already there as imported (a second identical import writes nothing). */
  tagsKept: number;
}

/**
 * Brings tags from another tool into the corpus. The input is read and checked whole first: any
 * error (named with its file and line) and nothing is written. Formats that carry the text make the
 * articles (`<file stem>-0001.txt`… in file order, or brat's own names), reusing one with the same
 * text and never overwriting one with another; formats that carry only offsets add tags beside
 * existing articles. Imported tags are proposed (source "import") unless `as` says accepted; a tag
 * already there is kept (idempotent), and one that would contradict a tag already on its span is
 * left out and named: an import never overwrites what a person made.
 */
export async function importIntoCorpus(request: ImportRequest, progress?: ProgressReporter): Promise<ImportOutcome> {
  const into = resolve(request.into);
  const labels = corpusLabels(into);
  const read = await readInput(request, labels);
  const outcome: ImportOutcome = { errors: read.errors, warnings: [...read.warnings], articlesCreated: 0, articlesTouched: 0, tagsAdded: 0, tagsKept: 0 };
  if (read.errors.length > 0) return outcome;
  await mkdir(into, { recursive: true });
  const store = new SidecarStore();
  const stem = basename(request.input, extname(request.input));
  const byLabel = new Map(labels.map((label) => [label.name, label]));
  for (const [index, document] of read.documents.entries()) {
    progress?.report(index, read.documents.length);
    const where = document.name ?? `${basename(request.input)} document ${index + 1}`;
    const warn = (message: string) => outcome.warnings.push({ document: where, ...(document.line !== undefined ? { line: document.line } : {}), message });
    const articlePath = join(into, ...articleNameOf(request.format, document, stem, index).split('/'));
    let text: string;
    try {
      text = await articleFor(articlePath, document, request.format, outcome);
    } catch (error) {
      warn(`not imported: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const codePoints = new CodePointIndex(text);
    const slice = (start: number, end: number) => text.slice(codePoints.toUtf16(start), codePoints.toUtf16(end));
    let added = 0;
    let kept = 0;
    await store.updateTags(articlePath, (current) => {
      const existing = [...current.values()];
      const put: Tag[] = [];
      for (const tag of document.tags) {
        const label = byLabel.get(tag.label);
        const kind = label?.kind ?? tag.kind ?? (isLabel(tag.label) ? kindOf(tag.label) : undefined);
        if (!kind) {
          warn(`${tag.label} "${tag.text}" ${tag.start}..${tag.end} not imported: ${tag.label} is not a label of this corpus`);
          continue;
        }
        if (tag.end > codePoints.length || slice(tag.start, tag.end) !== tag.text) {
          warn(`${tag.label} "${tag.text}" ${tag.start}..${tag.end} not imported: the article has ${JSON.stringify(slice(tag.start, Math.min(tag.end, codePoints.length)))} there`);
          continue;
        }
        const onSpan = [...existing, ...put].filter((other) => other.start === tag.start && other.end === tag.end);
        if (onSpan.some((other) => other.label === tag.label && other.status !== 'rejected')) {
          kept++;
          continue;
        }
        const contradicted = onSpan.find((other) => other.label !== tag.label && other.status !== 'rejected' && other.source !== 'import');
        if (contradicted) {
          warn(`${tag.label} "${tag.text}" ${tag.start}..${tag.end} not imported: ${contradicted.annotator}'s ${contradicted.label} tag (${contradicted.status}) is on that span`);
          continue;
        }
        put.push(newTag({ text, start: tag.start, end: tag.end, label: tag.label, kind, source: 'import', status: request.as, annotator: tag.annotator ?? request.annotator ?? 'import', index: codePoints }));
      }
      added = put.length;
      return { put, remove: [] };
    });
    outcome.tagsAdded += added;
    outcome.tagsKept += kept;
    if (added > 0) outcome.articlesTouched++;
  }
  progress?.report(read.documents.length, read.documents.length);
  return outcome;
}

/** The input read and checked: every document, or the errors that stop the import. */
async function readInput(request: ImportRequest, labels: readonly LabelDefinition[]): Promise<ImportResult> {
  const { importer } = request.format;
  const options = { labels, ...(request.annotator !== undefined ? { annotator: request.annotator } : {}) };
  const input = resolve(request.input);
  const found = await stat(input).catch(() => undefined);
  if (!found) return failed(request.input, 'no such file or folder');
  if (importer.kind === 'file') {
    if (!found.isFile()) return failed(request.input, `a ${request.format.name} import reads one file, not a folder`);
    const text = await readInput1(input);
    return typeof text === 'string' ? importer.read(text, request.input, options) : text;
  }
  // Pairs (brat): a folder of .txt + .ann, or one .ann beside its .txt.
  const annotations = found.isDirectory()
    ? await annotationFilesBelow(input, importer.annotationExtension)
    : input.endsWith(importer.annotationExtension)
      ? [input]
      : [];
  if (annotations.length === 0) return failed(request.input, `no ${importer.annotationExtension} files to import`);
  const result: ImportResult = { documents: [], errors: [], warnings: [] };
  for (const annPath of annotations.sort()) {
    const txtPath = annPath.slice(0, -importer.annotationExtension.length) + importer.textExtension;
    const [txt, ann] = await Promise.all([readInput1(txtPath), readInput1(annPath)]);
    if (typeof txt !== 'string' || typeof ann !== 'string') {
      for (const problem of [txt, ann]) if (typeof problem !== 'string') result.errors.push(...problem.errors);
      continue;
    }
    const one = importer.read(txt, ann, annPath, options);
    const name = (found.isDirectory() ? txtPath.slice(input.length + 1) : basename(txtPath)).split(/[\\/]/).join('/');
    result.documents.push(...one.documents.map((document) => ({ ...document, name })));
    result.errors.push(...one.errors);
    result.warnings.push(...one.warnings);
  }
  return result;
}

/** The annotation files of a brat collection, by the corpus walk (dot folders and node_modules skipped). */
async function annotationFilesBelow(folder: string, extension: string): Promise<string[]> {
  const found: string[] = [];
  await walkCorpus(folder, ({ path }) => void (path.endsWith(extension) && found.push(path)));
  return found;
}

/** A file's text, or why it cannot be read. */
async function readInput1(path: string): Promise<string | ImportResult> {
  try {
    const bytes = await readRegularFile(path, MAX_IMPORT_BYTES);
    return decodeUtf8Strictly(bytes);
  } catch (error) {
    if (error instanceof UnreadableFileError) return failed(path, error.problem);
    if (error instanceof TypeError) return failed(path, 'not valid UTF-8 text');
    return failed(path, `cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
}

function failed(document: string, message: string): ImportResult {
  return { documents: [], errors: [{ document, message }], warnings: [] };
}

/** The article an imported document goes to, relative to the corpus. */
function articleNameOf(format: Format, document: ImportedDocument, stem: string, index: number): string {
  if (format.carriesText && format.importer.kind === 'pairs' && document.name) return document.name;
  if (!format.carriesText) {
    if (!document.name) throw new Error('the document names no article');
    return document.name;
  }
  return `${stem}-${String(index + 1).padStart(4, '0')}.txt`;
}

/**
 * The article's text: an existing article (formats without text; or one with the same text), or a new
 * one written from the document. An existing article with other text is never overwritten.
 */
async function articleFor(path: string, document: ImportedDocument, format: Format, outcome: ImportOutcome): Promise<string> {
  const existing = await readArticleFile(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!format.carriesText || document.text === undefined) {
    if (existing === undefined) throw new Error(`no article ${path} in the corpus to add its tags to`);
    return existing;
  }
  if (existing !== undefined) {
    if (existing !== document.text) throw new Error(`${path} exists with other text; it is left as it is (import into another folder, or move it)`);
    return existing;
  }
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomically(path, document.text);
  outcome.articlesCreated++;
  return document.text;
}
