/**
 * spaCy / Prodigy JSONL: one document a line,
 *
 *   {"text": "...", "spans": [{"start": 0, "end": 8, "text": "Zelensky", "label": "PERSON", "marginalia": {...}}], "meta": {"article": "a.txt"}}
 *
 * the task format Prodigy's ner interfaces read and `prodigy db-out` writes (prodi.gy/docs/api-interfaces:
 * spans by "start" and "end" character offsets and a "label"), and what spaCy users turn into Docs with
 * Doc.char_span. Offsets are Python str indexes, so code points, as in sidecars.
 *
 * Prodigy shows "meta" under the task and keeps any other key of a task or span as it is; spaCy reads
 * none of them. So "meta" names the article, and what Marginalia knows of a tag beyond span and label
 * (annotator, status, id, score, times, review history) goes in a span's own "marginalia" key, which
 * neither tool reads: nothing is lost, and a round trip gives back the whole tag.
 *
 * A Prodigy export may hold tasks an annotator answered "reject" or "ignore": their spans were not
 * accepted, so they are not imported as tags (the text is, with a warning).
 *
 * Relations: Prodigy's rel.manual writes `"relations": [{"head", "child", "head_span", "child_span",
 * "label"}]`, where head and child are indexes into the task's `tokens`, a tokenisation of its own.
 * Export writes none (this file has no tokens, and writing ours would change what spaCy users read:
 * each relation is named instead). Import reads a relation from its `head_span` and `child_span`,
 * which carry character offsets: each must be one of the task's spans (same start and end, and label
 * when given); the head is the relation's source. One without them is named and not imported.
 */
import { exportWhole, linesWriter } from './streamWriter';
import { ArticleText, importJsonLine, importJsonLines, isStatus, jsonLine, labelKinds, quote, soundTags, spanTag, type JsonLine, type RecordResult, type SpanImportOptions } from './spanFormats';
import type { ExportDocument, FormatNotice, FormatTag, ImportedRelation, ImportResult } from './types';

/** The key of a span that carries what only Marginalia reads. */
const EXTRAS_KEY = 'marginalia';

type Extras = Pick<FormatTag, 'id' | 'annotator' | 'status' | 'score' | 'created' | 'modified' | 'history'>;
const EXTRA_FIELDS = ['id', 'annotator', 'status', 'score', 'created', 'modified', 'history'] as const;

/** One document as one line (with its line break), and the tags it could not write. */
export function exportJsonlDocument(document: ExportDocument): { line: string; notices: FormatNotice[] } {
  const article = new ArticleText(document.text);
  const { tags, notices } = soundTags(document, article);
  const spans = [...tags]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((tag) => {
      const extras: Record<string, unknown> = {};
      for (const field of EXTRA_FIELDS) if (tag[field] !== undefined) extras[field] = tag[field];
      return { start: tag.start, end: tag.end, text: tag.text, label: tag.label, ...(Object.keys(extras).length > 0 ? { [EXTRAS_KEY]: extras } : {}) };
    });
  return { line: jsonLine({ text: document.text, spans, meta: { article: document.name } }), notices };
}

/** Documents in order, one a line. For a large corpus, call exportJsonlDocument per article. */
export function exportJsonl(documents: readonly ExportDocument[]): { text: string; notices: FormatNotice[] } {
  return exportWhole(linesWriter(exportJsonlDocument), documents);
}

/** One line of a JSONL file: a document, or why not (naming the file and the line). */
export function importJsonlLine(line: JsonLine, fileName: string, options: SpanImportOptions = {}): RecordResult {
  const labels = labelKinds(options);
  return importJsonLine(line, fileName, (record) => {
    const errors: string[] = [];
    const warnings: string[] = [];
    if (typeof record.text !== 'string') return { errors: ['expected "text": the document\'s text as a string'], warnings };
    const article = new ArticleText(record.text);
    const spans = record.spans ?? [];
    if (!Array.isArray(spans)) return { errors: ['expected "spans": a list of {"start", "end", "label"}'], warnings };
    const tags: FormatTag[] = [];
    spans.forEach((span: unknown, index) => {
      const where = `span ${index + 1}`;
      if (typeof span !== 'object' || span === null || Array.isArray(span)) {
        errors.push(`${where}: expected {"start", "end", "label"}, got ${quote(span)}`);
        return;
      }
      const fields = span as Record<string, unknown>;
      const tag = spanTag(article, fields.start, fields.end, fields.label, labels);
      if (typeof tag === 'string') {
        errors.push(`${where}: ${tag}`);
        return;
      }
      if (fields.text !== undefined && fields.text !== tag.text) {
        errors.push(`${where}: its text ${quote(fields.text)} does not match the document's text at ${tag.start}..${tag.end}, which is ${quote(tag.text)}`);
        return;
      }
      const extras = readExtras(fields[EXTRAS_KEY]);
      if (typeof extras === 'string') errors.push(`${where}: "${EXTRAS_KEY}": ${extras}`);
      else tags.push({ ...tag, ...extras });
    });
    const meta = record.meta;
    const name = typeof meta === 'object' && meta !== null && typeof (meta as Record<string, unknown>).article === 'string' ? ((meta as Record<string, unknown>).article as string) : undefined;
    let relations = record.relations === undefined || errors.length > 0 ? [] : prodigyRelations(record.relations, tags, errors, warnings);
    const answer = record.answer;
    if ((answer === 'reject' || answer === 'ignore') && tags.length > 0) {
      warnings.push(`the task was answered "${answer}": its ${tags.length} span(s)${relations.length > 0 ? ` and ${relations.length} relation(s)` : ''} are not imported as tags`);
      tags.length = 0;
      relations = [];
    }
    return { document: { ...(name !== undefined ? { name } : {}), text: record.text, tags, ...(relations.length > 0 ? { relations } : {}) }, errors, warnings };
  });
}

/**
 * Prodigy's relations between the task's spans (read as `tags`, in the same order): each by its
 * `head_span` and `child_span`; one whose spans are not the task's, or that has none (token indexes
 * only), is named and left out; a relation that is not an object with a label is an error.
 */
function prodigyRelations(value: unknown, tags: readonly FormatTag[], errors: string[], warnings: string[]): ImportedRelation[] {
  if (!Array.isArray(value)) {
    errors.push(`expected "relations": a list of {"head", "child", "head_span", "child_span", "label"}, got ${quote(value)}`);
    return [];
  }
  const relations: ImportedRelation[] = [];
  value.forEach((relation: unknown, index) => {
    const where = `relation ${index + 1}`;
    if (typeof relation !== 'object' || relation === null || Array.isArray(relation) || typeof (relation as Record<string, unknown>).label !== 'string') {
      errors.push(`${where}: expected {"head", "child", "head_span", "child_span", "label"}, got ${quote(relation)}`);
      return;
    }
    const fields = relation as Record<string, unknown>;
    const end = (span: unknown): number | undefined => {
      if (typeof span !== 'object' || span === null) return undefined;
      const { start, end, label } = span as Record<string, unknown>;
      return tags.findIndex((tag) => tag.start === start && tag.end === end && (typeof label !== 'string' || tag.label === label));
    };
    const [from, to] = [end(fields.head_span), end(fields.child_span)];
    if (from === undefined || to === undefined) {
      warnings.push(`${where} (${quote(fields.label)}) not imported: it has no "head_span" and "child_span", and its token indexes point into Prodigy's own tokens`);
      return;
    }
    if (from < 0 || to < 0) {
      warnings.push(`${where} (${quote(fields.label)}) not imported: its ${from < 0 ? 'head_span' : 'child_span'} is none of the task's spans`);
      return;
    }
    if (from === to) {
      warnings.push(`${where} (${quote(fields.label)}) not imported: it links a span with itself`);
      return;
    }
    relations.push({ type: fields.label as string, from, to });
  });
  return relations;
}

/** A whole JSONL text. */
export function importJsonl(text: string, fileName: string, options: SpanImportOptions = {}): ImportResult {
  return importJsonLines(text, (line) => importJsonlLine(line, fileName, options));
}

/** A span's "marginalia" object, checked field by field, or what is wrong with it. */
function readExtras(value: unknown): Extras | string {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `expected an object, got ${quote(value)}`;
  const fields = value as Record<string, unknown>;
  const extras: Extras = {};
  for (const key of Object.keys(fields)) if (!(EXTRA_FIELDS as readonly string[]).includes(key)) return `unknown field ${quote(key)} (expected ${EXTRA_FIELDS.join(', ')})`;
  for (const key of ['id', 'annotator', 'created', 'modified'] as const) {
    const field = fields[key];
    if (field === undefined) continue;
    if (typeof field !== 'string' || field === '') return `expected "${key}" as a non-empty string, got ${quote(field)}`;
    extras[key] = field;
  }
  if (fields.status !== undefined) {
    if (!isStatus(fields.status)) return `unknown status ${quote(fields.status)}`;
    extras.status = fields.status;
  }
  if (fields.score !== undefined) {
    if (typeof fields.score !== 'number' || !(fields.score >= 0 && fields.score <= 1)) return `expected "score" from 0 to 1, got ${quote(fields.score)}`;
    extras.score = fields.score;
  }
  if (fields.history !== undefined) {
    const history = readHistory(fields.history);
    if (typeof history === 'string') return history;
    extras.history = history;
  }
  return extras;
}

function readHistory(value: unknown): NonNullable<FormatTag['history']> | string {
  if (!Array.isArray(value)) return `expected "history" as a list, got ${quote(value)}`;
  const history: Array<NonNullable<FormatTag['history']>[number]> = [];
  for (const [index, entry] of value.entries()) {
    const fields = typeof entry === 'object' && entry !== null && !Array.isArray(entry) ? (entry as Record<string, unknown>) : undefined;
    const strings = fields && ['at', 'by', 'action'].every((key) => typeof fields[key] === 'string') && ['from', 'to', 'comment'].every((key) => fields[key] === undefined || typeof fields[key] === 'string');
    if (!fields || !strings) return `history entry ${index + 1}: expected {"at", "by", "action"} and optional "from", "to", "comment" as strings`;
    history.push({
      at: fields.at as string,
      by: fields.by as string,
      action: fields.action as string,
      ...(fields.from !== undefined ? { from: fields.from as string } : {}),
      ...(fields.to !== undefined ? { to: fields.to as string } : {}),
      ...(fields.comment !== undefined ? { comment: fields.comment as string } : {}),
    });
  }
  return history;
}
