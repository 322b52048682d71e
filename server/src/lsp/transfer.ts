import type { Connection } from 'vscode-languageserver';
import type { ExportCorpusArguments, ExportCorpusResult, ImportAnnotationsArguments, ImportAnnotationsResult, InterchangeFormatsResult } from '../api/protocol';
import { FORMATS, formatNamed, noticeLine, type Format } from '../core/formats/registry';
import type { TagStatus } from '../core/sidecar/schema';
import { exportCorpus } from '../node/corpusExport';
import { importIntoCorpus } from '../node/corpusImport';
import { pathOfUri } from '../node/uris';
import { withWorkDoneProgress } from './workDoneProgress';

/** The formats, for a client's picker. */
export function interchangeFormats(): InterchangeFormatsResult {
  const formats = FORMATS.map((format) => ({ name: format.name, title: format.title, unit: format.unit, folder: format.exporter.kind === 'folder', carriesText: format.carriesText }));
  return { message: `${formats.length} interchange formats: ${formats.map((format) => format.name).join(', ')}`, formats };
}

/**
 * `marginalia export` run from the editor (the same code), under cancellable-looking progress; the
 * answer names what was left out, as the CLI's stderr does.
 */
export async function exportFromEditor(connection: Connection, args: ExportCorpusArguments, folders: readonly string[]): Promise<ExportCorpusResult> {
  const format = knownFormat(args.format);
  if (args.scheme !== undefined && format.name !== 'conll') throw new Error('a scheme is for the CoNLL format only');
  const corpus = folderOf(args.corpus, folders, 'export');
  const out = pathOf(args.out, 'the output');
  const statuses = new Set<TagStatus>((args.statuses as TagStatus[] | undefined) ?? ['accepted', 'approved']);
  const outcome = await withWorkDoneProgress(connection, { title: `Exporting as ${format.title}`, unit: 'articles' }, ({ progress }) =>
    exportCorpus({ format, corpus, out, statuses, ...(args.annotator !== undefined ? { annotator: args.annotator } : {}), ...(args.scheme !== undefined ? { scheme: args.scheme } : {}) }, progress),
  );
  const notices = outcome.notices.map(noticeLine);
  const message = `Exported ${outcome.tags} tag${outcome.tags === 1 ? '' : 's'} of ${outcome.documents} article${outcome.documents === 1 ? '' : 's'} as ${format.title} to ${out}${notices.length > 0 ? `; ${notices.length} left out or not carried: ${notices.slice(0, 3).join('; ')}${notices.length > 3 ? ' …' : ''}` : ''}`;
  return { message, documents: outcome.documents, tags: outcome.tags, notices };
}

/** `marginalia import` run from the editor; nothing is written when the input has problems (thrown, naming them). */
export async function importFromEditor(connection: Connection, args: ImportAnnotationsArguments, folders: readonly string[]): Promise<ImportAnnotationsResult> {
  const format = knownFormat(args.format);
  const into = folderOf(args.into, folders, 'import');
  const input = pathOf(args.input, 'the file to import');
  const outcome = await withWorkDoneProgress(connection, { title: `Importing ${format.title}`, unit: 'documents' }, ({ progress }) =>
    importIntoCorpus({ format, into, input, as: args.as ?? 'proposed', ...(args.annotator !== undefined ? { annotator: args.annotator } : {}) }, progress),
  );
  if (outcome.errors.length > 0) {
    const problems = outcome.errors.map(noticeLine);
    throw new Error(`Nothing imported: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${input}: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` … and ${problems.length - 5} more (marginalia import lists them all)` : ''}`);
  }
  const problems = outcome.warnings.map(noticeLine);
  const relations = outcome.relationsAdded + outcome.relationsKept === 0 ? '' : ` and ${outcome.relationsAdded} relation${outcome.relationsAdded === 1 ? '' : 's'}${outcome.relationsKept > 0 ? ` (${outcome.relationsKept} already there)` : ''}`;
  const message = `Imported ${outcome.tagsAdded} tag${outcome.tagsAdded === 1 ? '' : 's'}${relations} as ${args.as ?? 'proposed'} into ${outcome.articlesTouched} article${outcome.articlesTouched === 1 ? '' : 's'} (${outcome.articlesCreated} new)${outcome.tagsKept > 0 ? `; ${outcome.tagsKept} already there` : ''}${problems.length > 0 ? `; ${problems.length} not carried or skipped: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ' …' : ''}` : ''}`;
  return { message, tagsAdded: outcome.tagsAdded, articlesCreated: outcome.articlesCreated, problems };
}

function knownFormat(name: string): Format {
  const format = formatNamed(name);
  if (!format) throw new Error(`${name} is not an interchange format Marginalia knows (${FORMATS.map((known) => known.name).join(', ')})`);
  return format;
}

function folderOf(uri: string | undefined, folders: readonly string[], what: string): string {
  if (uri === undefined) {
    if (folders.length === 0) throw new Error(`open a folder to ${what}: this window has none`);
    return folders[0]!;
  }
  return pathOf(uri, 'the corpus folder');
}

function pathOf(uri: string, what: string): string {
  const path = pathOfUri(uri);
  if (path === undefined) throw new Error(`${what} must be a file: URI, not ${uri}`);
  return path;
}
