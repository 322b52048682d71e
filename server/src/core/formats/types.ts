/**
 * Interchange formats (issue 16): what every format module in this folder takes and gives. A format
 * module is pure (text in, text out, no files): the CLI and the server read and write the files
 * (server/src/node/), choose which tags go out (status, annotator; orphaned and conflicted tags never
 * exported as sound) and put imported tags into sidecars (proposed unless told otherwise, idempotent).
 *
 * Offsets here are Unicode code points of the article text without a byte-order mark, end exclusive,
 * as in sidecars; a format that counts otherwise (Label Studio's UTF-16) converts inside its module.
 */
import type { Kind } from '../base/labels';
import type { TagStatus } from '../sidecar/schema';

/** One tag as a format sees it: a sidecar tag reduced to what formats can carry. */
export interface FormatTag {
  /** The sidecar tag's id (formats that keep ids write it; import makes new ids where none is given). */
  id?: string;
  start: number;
  end: number;
  /** The covered text (code points start..end of the article). */
  text: string;
  label: string;
  kind?: Kind;
  status?: TagStatus;
  annotator?: string;
  /** A tool's confidence (proposals, model predictions), 0..1. */
  score?: number;
  created?: string;
  modified?: string;
  /** Review history and comments, as the sidecar keeps them (formats with no place for them report it). */
  history?: ReadonlyArray<{ at: string; by: string; action: string; from?: string; to?: string; comment?: string }>;
  /**
   * Discontinuous spans (brat's `start end;start end`): the fragments, in order, each within start..end.
   * Marginalia's own tags are continuous; an imported discontinuous span becomes one tag per fragment
   * unless the format's reader says otherwise, and the loss is reported.
   */
  fragments?: ReadonlyArray<{ start: number; end: number }>;
}

/**
 * A typed relation between two tags of the same article (issue 18), as a format sees it. Going out,
 * `from` and `to` are the ids of the document's tags at its ends; coming in, see ImportedRelation.
 */
export interface FormatRelation {
  id?: string;
  type: string;
  from: string;
  to: string;
  status?: TagStatus;
  annotator?: string;
  created?: string;
  modified?: string;
  history?: FormatTag['history'];
}

/** One article going out: its name (path relative to the corpus, '/'-separated), its text, its tags and the relations between them. */
export interface ExportDocument {
  name: string;
  text: string;
  tags: readonly FormatTag[];
  /** Absent when the article has none (most have none: the formats then do nothing more). */
  relations?: readonly FormatRelation[];
}

/**
 * A relation read from a file: its ends are the positions of its tags in the document's `tags` (a
 * format's own ids, T3 or a region id, mean nothing to a sidecar), checked by the reader.
 */
export interface ImportedRelation extends Omit<FormatRelation, 'from' | 'to'> {
  from: number;
  to: number;
  /** 1-based line in the input, for messages. */
  line?: number;
}

/** Something a format could not say, or a line it could not read: reported on stderr, never dropped silently. */
export interface FormatNotice {
  /** The article (export) or the input file (import). */
  document: string;
  /** 1-based line in the input file, when the problem has one. */
  line?: number;
  message: string;
}

/** One article coming in. `text` is given by formats that carry it (CoNLL, brat, Label Studio, JSONL, doccano). */
export interface ImportedDocument {
  /** The article's name when the format names it (brat's file name, Label Studio's task data), else undefined. */
  name?: string;
  text?: string;
  tags: FormatTag[];
  /** Relations between the tags above (absent when the file has none). */
  relations?: ImportedRelation[];
  /** 1-based line (or record number) in the input where the document starts, for messages. */
  line?: number;
}

export interface ImportResult {
  documents: ImportedDocument[];
  /** Lines or records that could not be read (exit 2, nothing written) and losses (reported, import goes on). */
  errors: FormatNotice[];
  warnings: FormatNotice[];
}

/** A document converted apart (StreamExporter.pieces): plain data for its format's writer to place. */
export interface Piece {
  /**
   * Text written as it is right after what the writer's `place` writes for the piece (a Web Annotation
   * document's annotations): a worker thread sends it as UTF-8 bytes, so no big string reaches the main thread.
   */
  body?: string;
}
