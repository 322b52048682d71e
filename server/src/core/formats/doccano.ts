/**
 * doccano's sequence-labelling JSONL: one document a line,
 *
 *   {"text": "...", "label": [[0, 8, "PERSON"], ...], "article": "a.txt"}
 *
 * Offsets are Python str indexes, so code points, as in sidecars: doccano's importer reads each
 * [start, end, label] into start_offset and end_offset integers of a pydantic model and keeps them as
 * they are (doccano/doccano backend/data_import/pipeline/label.py, SpanLabel.parse); doccano once
 * measured selections in UTF-16 in its browser code and moved to Python's count (doccano/doccano#99).
 * doccano keeps a line's other keys as the example's metadata, so "article" names the article.
 *
 * Reading also takes older doccano's "labels" key and the object form
 * {"start_offset", "end_offset", "label"} its importer accepts. A [start, end, label] triple has no
 * place for a tag's annotator, status or review history: they are not written, and that is reported.
 */
import { exportWhole, linesWriter } from './streamWriter';
import { ArticleText, importJsonLine, importJsonLines, jsonLine, labelKinds, quote, soundTags, spanTag, type JsonLine, type RecordResult, type SpanImportOptions } from './spanFormats';
import type { ExportDocument, FormatNotice, FormatTag, ImportResult } from './types';

/** One document as one line (with its line break), and what the line could not say. */
export function exportDoccanoDocument(document: ExportDocument): { line: string; notices: FormatNotice[] } {
  const article = new ArticleText(document.text);
  const { tags, notices } = soundTags(document, article);
  const label = [...tags].sort((a, b) => a.start - b.start || a.end - b.end).map((tag) => [tag.start, tag.end, tag.label]);
  const lost = tags.filter((tag) => tag.annotator !== undefined || tag.status !== undefined || (tag.history?.length ?? 0) > 0).length;
  if (lost > 0) notices.push({ document: document.name, message: `doccano's [start, end, label] has no place for annotator, status or review history: ${lost} tag(s) written without them` });
  return { line: jsonLine({ text: document.text, label, article: document.name }), notices };
}

/** Documents in order, one a line. For a large corpus, call exportDoccanoDocument per article. */
export function exportDoccano(documents: readonly ExportDocument[]): { text: string; notices: FormatNotice[] } {
  return exportWhole(linesWriter(exportDoccanoDocument), documents);
}

/** One line of a doccano file: a document, or why not (naming the file and the line). */
export function importDoccanoLine(line: JsonLine, fileName: string, options: SpanImportOptions = {}): RecordResult {
  const labels = labelKinds(options);
  return importJsonLine(line, fileName, (record) => {
    const errors: string[] = [];
    if (typeof record.text !== 'string') return { errors: ['expected "text": the document\'s text as a string'], warnings: [] };
    if (record.label !== undefined && record.labels !== undefined) return { errors: ['expected one of "label" and "labels", not both'], warnings: [] };
    const spans = record.label ?? record.labels ?? [];
    if (!Array.isArray(spans)) return { errors: ['expected "label": a list of [start, end, "LABEL"]'], warnings: [] };
    const article = new ArticleText(record.text);
    const tags: FormatTag[] = [];
    spans.forEach((span: unknown, index) => {
      const fields = spanFields(span);
      const tag = fields ? spanTag(article, fields.start, fields.end, fields.label, labels) : `expected [start, end, "LABEL"] or {"start_offset", "end_offset", "label"}, got ${quote(span)}`;
      if (typeof tag === 'string') errors.push(`label ${index + 1}: ${tag}`);
      else tags.push(tag);
    });
    const name = typeof record.article === 'string' ? record.article : undefined;
    return { document: { ...(name !== undefined ? { name } : {}), text: record.text, tags }, errors, warnings: [] };
  });
}

/** A whole doccano JSONL text. */
export function importDoccano(text: string, fileName: string, options: SpanImportOptions = {}): ImportResult {
  return importJsonLines(text, (line) => importDoccanoLine(line, fileName, options));
}

/** The start, end and label of a span in either of the forms doccano's importer reads. */
function spanFields(span: unknown): { start: unknown; end: unknown; label: unknown } | undefined {
  if (Array.isArray(span)) return span.length === 3 ? { start: span[0], end: span[1], label: span[2] } : undefined;
  if (typeof span === 'object' && span !== null) {
    const fields = span as Record<string, unknown>;
    return { start: fields.start_offset, end: fields.end_offset, label: fields.label };
  }
  return undefined;
}
