/**
 * What the character-offset formats (brat standoff, spaCy/Prodigy JSONL, doccano) share: the article
 * text measured in code points, the check that a tag going out is sound, the check that a span coming
 * in lies inside its text with a known label, and JSON Lines read one record at a time with its line
 * number, so that every message names the file and the line.
 */
import { CodePointIndex } from '../base/offsets';
import { describeJsonSyntaxError, jsonPrefix } from '../base/jsonSyntax';
import type { Kind } from '../base/labels';
import { DEFAULT_LABEL_SET } from '../project/labelSet';
import { TAG_STATUSES, type TagStatus } from '../sidecar/schema';
import { importLines, JsonLinesImporter } from './lineImport';
import type { ExportDocument, FormatNotice, FormatTag, ImportedDocument, ImportResult } from './types';

/** A text sliced and measured in code points (what these formats count), over JS's UTF-16 strings. */
export class ArticleText {
  private readonly index: CodePointIndex;

  constructor(readonly text: string) {
    this.index = new CodePointIndex(text);
  }

  get length(): number {
    return this.index.length;
  }

  slice(start: number, end: number): string {
    return this.text.slice(this.index.toUtf16(start), this.index.toUtf16(end));
  }
}

/** Code points of a string. */
export function codePointLength(text: string): number {
  return new CodePointIndex(text).length;
}

/**
 * The tags of a document that can go out as they are: a tag whose offsets fall outside the text or
 * whose text is no longer at them (the CLI filters orphans first; this is the format's own guard) is
 * left out and named, never written as if it were sound.
 */
export function soundTags(document: ExportDocument, article: ArticleText): { tags: FormatTag[]; notices: FormatNotice[] } {
  const tags: FormatTag[] = [];
  const notices: FormatNotice[] = [];
  for (const tag of document.tags) {
    const sound = Number.isSafeInteger(tag.start) && Number.isSafeInteger(tag.end) && tag.start >= 0 && tag.start < tag.end && tag.end <= article.length;
    if (sound && article.slice(tag.start, tag.end) === tag.text) tags.push(tag);
    else notices.push({ document: document.name, message: `${describeTag(tag)} not exported: its text is not at its offsets in the article` });
  }
  return { tags, notices };
}

export function describeTag(tag: Pick<FormatTag, 'label' | 'text' | 'start' | 'end'>): string {
  return `${tag.label} ${quote(tag.text)} ${tag.start}..${tag.end}`;
}

/** A value quoted for a message: JSON-escaped (a line break stays on the line) and cut short. */
export function quote(value: unknown): string {
  // Enough of the value to cut it at 60 code points (130 UTF-16 units hold at least 65), never all of it.
  const text = typeof value === 'string' ? (value.length > 130 ? `${value.slice(0, 130)}...` : value) : jsonPrefix(value, 130);
  const cut = [...text];
  return JSON.stringify(cut.length > 60 ? `${cut.slice(0, 57).join('')}...` : text);
}

/** Options every importer here takes. */
export interface SpanImportOptions {
  /** The labels the project knows, with their kinds (default: OntoNotes'). A span with another label is an error. */
  labels?: ReadonlyArray<{ name: string; kind: Kind }>;
}

/** The kinds of the known labels: a span's label is checked here, so an unknown one is reported on its line. */
export function labelKinds(options: SpanImportOptions | undefined): ReadonlyMap<string, Kind> {
  return new Map((options?.labels ?? DEFAULT_LABEL_SET).map((label) => [label.name, label.kind]));
}

export function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

export function isStatus(value: unknown): value is TagStatus {
  return typeof value === 'string' && (TAG_STATUSES as readonly string[]).includes(value);
}

/**
 * Checks one span read from a file against its text and the label set: the problem in words, or the
 * tag (offsets in code points, the covered text, the label's kind).
 */
export function spanTag(article: ArticleText, start: unknown, end: unknown, label: unknown, labels: ReadonlyMap<string, Kind>): FormatTag | string {
  if (!isOffset(start) || !isOffset(end)) return `expected offsets as whole numbers from 0, got ${quote(start)} and ${quote(end)}`;
  if (start >= end) return `the span ${start}..${end} is empty or reversed (the start must be before the end)`;
  if (end > article.length) return `the span ${start}..${end} ends past the end of the text (${article.length} characters)`;
  if (typeof label !== 'string' || label === '') return `expected a label, got ${quote(label)}`;
  const kind = labels.get(label);
  if (kind === undefined) return `unknown label ${quote(label)} (not in the project's label set)`;
  return { start, end, text: article.slice(start, end), label, kind };
}

/** One line of a JSON Lines file: its 1-based number and its text, without the line break. */
export interface JsonLine {
  line: number;
  text: string;
}

/** Parses one JSON line into an object, or says why it is not one (with the column, never quoting the input). */
export function parseJsonObject(line: JsonLine): Record<string, unknown> | string {
  let value: unknown;
  try {
    value = JSON.parse(line.text);
  } catch (error) {
    return `not JSON: ${describeJsonSyntaxError(error, line.text).replace(/\(line 1 column (\d+)\)/, '(column $1)')}`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `expected a JSON object, got ${Array.isArray(value) ? 'an array' : quote(value)}`;
  return value as Record<string, unknown>;
}

/**
 * JSON for one line of a JSON Lines file. JSON.stringify escapes '\n' and '\r' but not U+0085, U+2028
 * and U+2029, which Python's str.splitlines() (and so many a reader of these files) takes as line
 * breaks: escaped here, a record stays on its line for every reader.
 */
export function jsonLine(value: unknown): string {
  return `${JSON.stringify(value).replace(/[\u0085\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

/** What one record (one line) of a JSON Lines file gives: a document, or the errors that keep it out; and warnings. */
export interface RecordResult {
  document?: ImportedDocument;
  errors: FormatNotice[];
  warnings: FormatNotice[];
}

/**
 * Reads one line of a JSON Lines file with `readRecord`, which says what is wrong with an object in
 * words (errors keep the document out, warnings do not): the CLI streams a large file through this a
 * line at a time; importJsonLines reads a whole text with it.
 */
export function importJsonLine(
  line: JsonLine,
  fileName: string,
  readRecord: (record: Record<string, unknown>) => { document?: Omit<ImportedDocument, 'line'>; errors: string[]; warnings: string[] },
): RecordResult {
  const notice = (message: string): FormatNotice => ({ document: fileName, line: line.line, message });
  const record = parseJsonObject(line);
  if (typeof record === 'string') return { errors: [notice(record)], warnings: [] };
  const read = readRecord(record);
  const errors = read.errors.map(notice);
  return {
    ...(read.document && errors.length === 0 ? { document: { ...read.document, line: line.line } } : {}),
    errors,
    warnings: read.warnings.map(notice),
  };
}

/** A whole JSON Lines text, record by record (the same reader the shell streams a file through). */
export function importJsonLines(text: string, readLine: (line: JsonLine) => RecordResult): ImportResult {
  return importLines(new JsonLinesImporter(readLine), text);
}
