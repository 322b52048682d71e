/**
 * Every interchange format by its CLI name, in one table the shells read: how a document goes out
 * (one output file streamed document by document, or a folder of files) and how an input comes in.
 * A format is added here once its module exists; `marginalia export --format` lists these names.
 */
import type { LabelDefinition } from '../project/labelSet';
import type { RelationType } from '../project/relationTypes';
import { relationsNotCarried, symmetricTypeNames } from './relations';
import { bratFileNames, exportBratConfig, exportBratDocument, importBrat } from './brat';
import { exportDoccanoDocument, importDoccano, importDoccanoLine } from './doccano';
import { exportJsonlDocument, importJsonl, importJsonlLine } from './spacyJsonl';
import { importLabelStudio, labelStudioPiece, LabelStudioWriter } from './labelStudio';
import { exportConllDocument, type ConllScheme } from './conll';
import { importConll } from './conllImport';
import { importWebAnnotation, webAnnotationPiece, WebAnnotationWriter } from './webAnnotation';
import type { SpanImportOptions } from './spanFormats';
import { ConllLinesImporter, JsonLinesImporter, type LineImporter } from './lineImport';
import { linesWriter, type StreamWriter } from './streamWriter';
import type { ExportDocument, FormatNotice, ImportResult, Piece } from './types';

/** A file of a folder export, its path relative to the output folder. */
export interface ExportedFile {
  path: string;
  content: string;
}

export interface ExportOptions {
  labels: readonly LabelDefinition[];
  /** CoNLL's tagging scheme (default iob2). */
  scheme?: ConllScheme;
  /**
   * Refuse an article rather than leave out what the format cannot say: CoNLL's overlapping or nested
   * tags, and the relations of the formats without a place for them (CoNLL, doccano, JSONL).
   */
  strict?: boolean;
  /** The corpus's relation types (its marginalia.json's, else the built-in set): brat's annotation.conf and Label Studio's config declare them, and symmetric ones go out without direction. */
  relationTypes?: readonly RelationType[];
}

export interface StreamExporter {
  kind: 'stream';
  writer(options: ExportOptions): StreamWriter;
  /**
   * Each document's text depends on that document alone (no header, footer or state carried from one
   * to the next): so any writer, on any thread, converts it the same, and an export's worker threads do.
   */
  perDocument?: boolean;
  /**
   * A format whose text carries something from one document to the next (numbering, commas, a notice
   * said once an export): each document is converted apart into a piece of plain data, on any thread
   * (an export's worker threads do it), and the writer's `place` puts the pieces in order. The text is
   * the writer's own: its `document` is `place` of `piece`.
   */
  pieces?: {
    piece(document: ExportDocument, options: ExportOptions): Piece;
    writer(options: ExportOptions): PlacingWriter;
  };
}

/** A stream writer that also writes documents converted apart (StreamExporter.pieces). */
export interface PlacingWriter extends StreamWriter {
  /** The text that goes before the piece's body (all of it when it has none), and the piece's notices. */
  place(piece: Piece): { text: string; notices: FormatNotice[] };
}

/** A folder: each document's files, then files for the whole export (brat's annotation.conf). */
export interface FolderExporter {
  kind: 'folder';
  document(document: ExportDocument, options: ExportOptions): { files: ExportedFile[]; notices: FormatNotice[] };
  finish?(options: ExportOptions): ExportedFile[];
}

/** One input: a file's text, or (brat) a folder's pairs, read by the shell and handed over as texts. */
export type Importer =
  | {
      kind: 'file';
      read(text: string, fileName: string, options: SpanImportOptions): ImportResult;
      /**
       * The same reader a line at a time, for the shell to stream a file of any size (see lineImport.ts).
       * Absent for the formats whose file is one JSON document (Label Studio, Web Annotation): read whole.
       */
      lines?(fileName: string, options: SpanImportOptions): LineImporter;
    }
  | { kind: 'pairs'; textExtension: string; annotationExtension: string; read(text: string, annotations: string, annotationFileName: string, options: SpanImportOptions & { annotator?: string }): ImportResult };

export interface Format {
  name: string;
  /** What people know it as, for messages and the editor's picker. */
  title: string;
  /** What its offsets count, for the README and messages. */
  unit: string;
  exporter: StreamExporter | FolderExporter;
  importer: Importer;
  /** Whether imported documents carry their text (articles are made from them) or only point into existing articles. */
  carriesText: boolean;
}

/** JSON Lines without a place for relations: one line a document, its relations named (or, strict, the document refused). */
const lines = (title: string, exportLine: (document: ExportDocument) => { line: string; notices: FormatNotice[] }): StreamExporter => ({
  kind: 'stream',
  writer: ({ strict }) =>
    linesWriter((document) => {
      if (!document.relations) return exportLine(document);
      const unsaid = relationsNotCarried(document, title, strict);
      if (unsaid.refused) return { line: '', notices: unsaid.notices };
      const written = exportLine(document);
      return { line: written.line, notices: [...written.notices, ...unsaid.notices] };
    }),
  perDocument: true,
});

export const FORMATS: readonly Format[] = [
  {
    name: 'conll',
    title: 'CoNLL-2003 / IOB',
    unit: 'tokens (each with its code point offsets in the article)',
    carriesText: true,
    exporter: {
      kind: 'stream',
      perDocument: true,
      writer: ({ scheme, strict }) => ({
        header: () => '',
        document: (document) => {
          const unsaid = relationsNotCarried(document, 'CoNLL', strict);
          if (unsaid.refused) return { text: '', notices: unsaid.notices };
          const written = exportConllDocument(document, { ...(scheme ? { scheme } : {}), ...(strict ? { strict } : {}) });
          return unsaid.notices.length === 0 ? written : { text: written.text, notices: [...written.notices, ...unsaid.notices] };
        },
        footer: () => '',
      }),
    },
    importer: { kind: 'file', read: (text, fileName) => importConll(text, fileName), lines: (fileName) => new ConllLinesImporter(fileName) },
  },
  {
    name: 'brat',
    title: 'brat standoff (.txt + .ann)',
    unit: 'code points',
    carriesText: true,
    exporter: {
      kind: 'folder',
      document: (document, { relationTypes }) => exportBratDocument(document, relationTypes),
      finish: ({ labels, relationTypes }) => [exportBratConfig(labels, relationTypes)],
    },
    importer: { kind: 'pairs', textExtension: '.txt', annotationExtension: '.ann', read: (text, annotations, fileName, options) => importBrat(text, annotations, fileName, options) },
  },
  {
    name: 'jsonl',
    title: 'spaCy / Prodigy JSONL',
    unit: 'code points',
    carriesText: true,
    exporter: lines('spaCy/Prodigy span JSONL', exportJsonlDocument),
    importer: { kind: 'file', read: (text, fileName, options) => importJsonl(text, fileName, options), lines: (fileName, options) => new JsonLinesImporter((line) => importJsonlLine(line, fileName, options)) },
  },
  {
    name: 'doccano',
    title: 'doccano sequence labelling JSONL',
    unit: 'code points',
    carriesText: true,
    exporter: lines("doccano's sequence labelling JSONL", exportDoccanoDocument),
    importer: { kind: 'file', read: (text, fileName, options) => importDoccano(text, fileName, options), lines: (fileName, options) => new JsonLinesImporter((line) => importDoccanoLine(line, fileName, options)) },
  },
  {
    name: 'labelstudio',
    title: 'Label Studio JSON tasks',
    unit: 'code points (as Label Studio’s frontend counts)',
    carriesText: true,
    exporter: {
      kind: 'stream',
      writer: ({ relationTypes }) => new LabelStudioWriter(relationTypes),
      pieces: { piece: (document, { relationTypes }) => labelStudioPiece(document, symmetricTypeNames(relationTypes)), writer: ({ relationTypes }) => new LabelStudioWriter(relationTypes) },
    },
    importer: { kind: 'file', read: (text, fileName) => importLabelStudio(text, fileName) },
  },
  {
    name: 'webannotation',
    title: 'W3C Web Annotation (JSON-LD)',
    unit: 'code points',
    carriesText: false,
    exporter: { kind: 'stream', writer: () => new WebAnnotationWriter(), pieces: { piece: (document) => webAnnotationPiece(document), writer: () => new WebAnnotationWriter() } },
    importer: { kind: 'file', read: (text, fileName) => importWebAnnotation(text, fileName) },
  },
];

export function formatNamed(name: string): Format | undefined {
  return FORMATS.find((format) => format.name === name);
}

/** The brat file names of an article, for the shells that lay out a brat folder. */
export { bratFileNames };

/** A notice as one line for people: `document:line: message`, as the CLI prints it and the editor lists it. */
export function noticeLine(notice: FormatNotice): string {
  return `${notice.document}${notice.line !== undefined ? `:${notice.line}` : ''}: ${notice.message}`;
}
