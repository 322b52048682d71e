/**
 * W3C Web Annotation (JSON-LD, https://www.w3.org/TR/annotation-model/): export, and import of what
 * we export. One annotation a tag, in one AnnotationCollection a file, one annotation a line:
 * - target: the article (an IRI under the corpus's `base`) with a TextQuoteSelector (the exact text
 *   and up to CONTEXT_LENGTH code points on each side, as sidecars keep them) and a
 *   TextPositionSelector, in code points as the specification counts them ("the character
 *   position", §4.2.5, i.e. Unicode code points), which are also our offsets: nothing to convert;
 * - body: the label as a TextualBody with purpose `tagging`, and every review comment as a
 *   TextualBody with purpose `commenting` (so that any Web Annotation client shows them);
 * - creator (a Person, or Software for a tool's proposal), created, modified;
 * - what the model has no term for, as Marginalia's extension (webAnnotationContext.json, written
 *   inline in every export, so a reader needs no more than the W3C context): `marginalia:status`,
 *   `marginalia:kind`, `marginalia:score`, and `marginalia:history`, the tag's review history in full.
 *
 * A relation between two tags is an annotation of its own, after its article's tags: motivation
 * `linking`, a TextualBody with purpose `linking` holding its type, and as targets the two tag
 * annotations (the model lets an annotation target other annotations, by their IRIs). A target is a
 * set in JSON-LD, without order, so the direction is said by the extension's `marginalia:fromTag`
 * and `marginalia:toTag` (IRIs); creator, dates, `marginalia:status` and `marginalia:history` as a tag's.
 *
 * The W3C context is never fetched: consumers have it, and the tests serve the shipped copy.
 */
import { exportWhole } from './streamWriter';
import { CodePointIndex } from '../base/offsets';
import { CONTEXT_LENGTH, REVIEW_ACTIONS, TAG_STATUSES } from '../sidecar/schema';
import { KINDS } from '../base/labels';
import { JsonArrayLines, isObject, objectLinesAtDepth, parseJsonInput, shown } from './jsonRecords';
import { describeTag, locateTag } from './exportChecks';
import { relationsWithWrittenEnds, relationTypeProblem } from './relations';
import type { ExportDocument, FormatNotice, FormatRelation, FormatTag, ImportedRelation, ImportResult, ImportedDocument, Piece } from './types';
import contexts from './webAnnotationContext.json';

export const WEB_ANNOTATION_CONTEXT_URL = 'http://www.w3.org/ns/anno.jsonld';
/** The W3C context document as served at WEB_ANNOTATION_CONTEXT_URL, for offline JSON-LD processing. */
export const W3C_ANNOTATION_CONTEXT = contexts.anno;
/** Marginalia's extension terms, the second context of every export. */
export const MARGINALIA_CONTEXT = contexts.marginalia;
/** The IRI articles are named under when the caller gives no base (a corpus has no IRI of its own). */
export const DEFAULT_WEB_ANNOTATION_BASE = 'urn:marginalia:corpus/';

export interface WebAnnotationOptions {
  /** IRI prefix of the articles (an article's IRI is the base and its '/'-separated, percent-encoded path). */
  base?: string;
}

/** An article's IRI: each path segment percent-encoded, so spaces, '#' and '?' in names survive. */
export function articleIri(base: string, name: string): string {
  return base + name.split('/').map(encodeURIComponent).join('/');
}

/**
 * A document's annotations converted apart from the others, on any thread (an export's worker threads
 * do it): their JSON, one a line, joined by ',\n', and how many; WebAnnotationWriter.place writes them
 * in order and counts the collection's total. Converting and placing is the one way they are written.
 */
export interface WebAnnotationPiece extends Piece {
  /** The annotations' JSON, one a line, joined by ',\n' (written after what `place` writes). */
  body: string;
  count: number;
  notices: FormatNotice[];
}

/** Converts one document's tags into annotations (see WebAnnotationPiece). */
export function webAnnotationPiece(document: ExportDocument, options: WebAnnotationOptions = {}): WebAnnotationPiece {
  const notices: FormatNotice[] = [];
  const index = new CodePointIndex(document.text);
  const source = articleIri(options.base ?? DEFAULT_WEB_ANNOTATION_BASE, document.name);
  const sourceJson = JSON.stringify(source);
  const annotations: string[] = [];
  // Each written tag's annotation IRI, by its id: relations target them.
  const written = document.relations ? new Map<string, string>() : undefined;
  document.tags.forEach((tag, position) => {
    const span = locateTag(document, index, tag);
    if ('notice' in span) {
      notices.push(span.notice);
      return;
    }
    if (tag.fragments && tag.fragments.length > 1) {
      notices.push({ document: document.name, message: `tag ${describeTag(tag)}: ${tag.fragments.length} discontinuous fragments exported as one span ${tag.start}..${tag.end}` });
    }
    annotations.push(
      annotationJson(tag, source, sourceJson, position, {
        // locateTag found the tag's text at its place: it is the exact quote.
        exact: tag.text,
        prefix: document.text.slice(index.toUtf16(Math.max(0, tag.start - CONTEXT_LENGTH)), span.start),
        suffix: document.text.slice(span.end, index.toUtf16(Math.min(index.length, tag.end + CONTEXT_LENGTH))),
      }),
    );
    if (written && tag.id !== undefined) written.set(tag.id, `${source}#${encodeURIComponent(tag.id)}`);
  });
  if (written) {
    const ends = relationsWithWrittenEnds(document, written, 'Web Annotation');
    notices.push(...ends.notices);
    ends.relations.forEach(({ relation, from, to }, position) => annotations.push(JSON.stringify(relationAnnotation(relation, source, position, from, to))));
  }
  return { body: annotations.join(',\n'), count: annotations.length, notices };
}

/**
 * Writes an export a document at a time (header, then document() per article, then footer), so a
 * corpus of any size streams through. Each annotation is one line of the file.
 */
export class WebAnnotationWriter {
  private readonly base: string;
  private readonly lines = new JsonArrayLines();
  private count = 0;

  constructor(options: WebAnnotationOptions = {}) {
    this.base = options.base ?? DEFAULT_WEB_ANNOTATION_BASE;
  }

  header(): string {
    const head = JSON.stringify({
      '@context': [WEB_ANNOTATION_CONTEXT_URL, MARGINALIA_CONTEXT],
      id: `${this.base}annotations`,
      type: 'AnnotationCollection',
      label: 'Marginalia tags',
      'marginalia:corpus': this.base,
      first: { id: `${this.base}annotations?page=0`, type: 'AnnotationPage', startIndex: 0, items: [] },
    });
    // The items array is left open: `…"items":[` ends the first line.
    return `${head.slice(0, -3)}\n`;
  }

  document(document: ExportDocument): { text: string; notices: FormatNotice[] } {
    const piece = webAnnotationPiece(document, { base: this.base });
    const { text, notices } = this.place(piece);
    return { text: text + piece.body, notices };
  }

  /**
   * A document's annotations converted apart (webAnnotationPiece), after those placed before them: the
   * text that goes before the piece's body (the comma after the previous annotation, if any).
   */
  place(piece: WebAnnotationPiece): { text: string; notices: FormatNotice[] } {
    this.count += piece.count;
    return { text: piece.count === 0 ? '' : this.lines.add(''), notices: piece.notices };
  }

  footer(): string {
    return `${this.lines.finish()}]},"total":${this.count}}\n`;
  }
}

/** The whole export at once (small corpora, tests); the CLI streams with WebAnnotationWriter. */
export function exportWebAnnotation(documents: readonly ExportDocument[], options: WebAnnotationOptions = {}): { text: string; notices: FormatNotice[] } {
  return exportWhole(new WebAnnotationWriter(options), documents);
}

/** A relation as an annotation targeting its two tags' annotations (`from`, `to`: their IRIs). */
function relationAnnotation(relation: FormatRelation, source: string, position: number, from: string, to: string): Record<string, unknown> {
  const annotation = annotationHead(source, relation.id ?? `rel${position}`, 'linking', relation.type, relation);
  annotation.target = [from, to];
  annotation['marginalia:fromTag'] = from;
  annotation['marginalia:toTag'] = to;
  if (relation.status !== undefined) annotation['marginalia:status'] = relation.status;
  historyOf(annotation, relation.history);
  return annotation;
}

/**
 * What a tag's and a relation's annotations open with, in this order: the id (`name` within `source`), type, motivation,
 * creator and times, and the body: the label or relation type with the purpose `motivation`, then the review comments.
 */
function annotationHead(
  source: string, name: string, motivation: 'tagging' | 'linking', value: string,
  by: Pick<FormatTag, 'annotator' | 'status' | 'created' | 'modified' | 'history'>,
): Record<string, unknown> {
  const annotation: Record<string, unknown> = { id: `${source}#${encodeURIComponent(name)}`, type: 'Annotation', motivation };
  made(annotation, by);
  annotation.body = [{ type: 'TextualBody', purpose: motivation, value }, ...commentBodies(by.history)];
  return annotation;
}

/** Creator (a Person, or Software for a proposal), created and modified. */
function made(annotation: Record<string, unknown>, by: Pick<FormatTag, 'annotator' | 'status' | 'created' | 'modified'>): void {
  if (by.annotator !== undefined) annotation.creator = { type: by.status === 'proposed' ? 'Software' : 'Person', name: by.annotator };
  if (by.created !== undefined) annotation.created = by.created;
  if (by.modified !== undefined) annotation.modified = by.modified;
}

/** Every review comment as a TextualBody with purpose `commenting`, so that any Web Annotation client shows them. */
function commentBodies(history: FormatTag['history']): Record<string, unknown>[] {
  return (history ?? [])
    .filter((step) => step.comment !== undefined)
    .map((step) => ({ type: 'TextualBody', purpose: 'commenting', value: step.comment, creator: { type: 'Person', name: step.by }, created: step.at }));
}

/**
 * JSON.stringify(toAnnotation(...)), written directly for the common tag (no review history): the same
 * text, key for key. Building every annotation as nested objects to stringify them was most of a Web
 * Annotation export's work; a tag with history (nested, rarer) still goes through toAnnotation.
 * test/formats/webAnnotationJson.test.ts checks that the two agree on generated tags.
 */
export function annotationJson(tag: FormatTag, source: string, sourceJson: string, position: number, quote: { exact: string; prefix: string; suffix: string }): string {
  if (tag.history && tag.history.length > 0) return JSON.stringify(toAnnotation(tag, source, position, quote));
  const json = JSON.stringify;
  // `sourceJson` with its closing quote off, then what encodeURIComponent gives (nothing JSON escapes): JSON of the IRI.
  let out = `{"id":${sourceJson.slice(0, -1)}#${encodeURIComponent(tag.id ?? `n${position}`)}","type":"Annotation","motivation":"tagging"`;
  if (tag.annotator !== undefined) out += `,"creator":{"type":"${tag.status === 'proposed' ? 'Software' : 'Person'}","name":${json(tag.annotator)}}`;
  if (tag.created !== undefined) out += `,"created":${plainJson(tag.created)}`;
  if (tag.modified !== undefined) out += `,"modified":${plainJson(tag.modified)}`;
  out += `,"body":[{"type":"TextualBody","purpose":"tagging","value":${plainJson(tag.label)}}]`;
  out += `,"target":{"source":${sourceJson},"selector":[{"type":"TextQuoteSelector","exact":${json(quote.exact)},"prefix":${json(quote.prefix)},"suffix":${json(quote.suffix)}}`;
  out += `,{"type":"TextPositionSelector","start":${json(tag.start)},"end":${json(tag.end)}}]}`;
  if (tag.status !== undefined) out += `,"marginalia:status":${plainJson(tag.status)}`;
  if (tag.kind !== undefined) out += `,"marginalia:kind":${plainJson(tag.kind)}`;
  if (tag.score !== undefined) out += `,"marginalia:score":${json(tag.score)}`;
  return `${out}}`;
}

/** Characters JSON never escapes, of which labels, statuses, kinds and timestamps are made. */
const PLAIN = /^[\w.:+-]*$/;

/** JSON.stringify of a string, without calling it for the plain strings most fields hold. */
function plainJson(value: string): string {
  return PLAIN.test(value) ? `"${value}"` : JSON.stringify(value);
}

/** A tag as a Web Annotation object (annotationJson writes the common one directly). */
export function toAnnotation(tag: FormatTag, source: string, position: number, quote: { exact: string; prefix: string; suffix: string }): Record<string, unknown> {
  // A tag without an id (never one from a sidecar) is named by its place in the article's list.
  const annotation = annotationHead(source, tag.id ?? `n${position}`, 'tagging', tag.label, tag);
  annotation.target = {
    source,
    selector: [
      { type: 'TextQuoteSelector', ...quote },
      { type: 'TextPositionSelector', start: tag.start, end: tag.end },
    ],
  };
  if (tag.status !== undefined) annotation['marginalia:status'] = tag.status;
  if (tag.kind !== undefined) annotation['marginalia:kind'] = tag.kind;
  if (tag.score !== undefined) annotation['marginalia:score'] = tag.score;
  historyOf(annotation, tag.history);
  return annotation;
}

/** The review history in full, as the extension's `marginalia:history`. */
function historyOf(annotation: Record<string, unknown>, history: FormatTag['history']): void {
  if (!history || history.length === 0) return;
  annotation['marginalia:history'] = history.map((step) => {
    const entry: Record<string, string> = { 'marginalia:at': step.at, 'marginalia:by': step.by, 'marginalia:action': step.action };
    if (step.from !== undefined) entry['marginalia:from'] = step.from;
    if (step.to !== undefined) entry['marginalia:to'] = step.to;
    if (step.comment !== undefined) entry['marginalia:comment'] = step.comment;
    return entry;
  });
}

/** A problem with one annotation: thrown inside the reader, reported with the file and line. */
class BadAnnotation extends Error {}

/**
 * Reads a Web Annotation export back: an AnnotationCollection (ours), an AnnotationPage, an array of
 * annotations or one annotation. Articles are named by their target's IRI under the base (the
 * option, else the collection's `marginalia:corpus`, else the default). Tags come back with their
 * offsets, quote, label, creator, dates, status, kind, score and history; the quote's context is
 * not kept (the importer re-anchors against the article itself).
 */
export function importWebAnnotation(text: string, fileName: string, options: WebAnnotationOptions = {}): ImportResult {
  const errors: FormatNotice[] = [];
  const warnings: FormatNotice[] = [];
  const parsed = parseJsonInput(text, fileName);
  if ('failed' in parsed) return parsed.failed;
  const { root } = parsed;
  const found = annotationsOf(root);
  if (found === undefined) {
    return { documents: [], errors: [{ document: fileName, message: 'expected an AnnotationCollection, an AnnotationPage, an array of annotations or an Annotation' }], warnings };
  }
  const lines = objectLinesAtDepth(text, found.depth);
  const lineOf = (index: number) => (lines.length === found.items.length ? { line: lines[index] } : {});
  const base = options.base ?? (isObject(root) && typeof root['marginalia:corpus'] === 'string' ? root['marginalia:corpus'] : DEFAULT_WEB_ANNOTATION_BASE);
  const documents = new Map<string, ImportedDocument>();
  // Relations are read once every tag is: they point at tag annotations by IRI.
  const links: Array<{ item: Record<string, unknown>; index: number }> = [];
  found.items.forEach((item, index) => {
    try {
      if (isObject(item) && bodiesOf(item).some((body) => body.purpose === 'linking')) {
        links.push({ item, index });
        return;
      }
      const { name, tag, unread } = readAnnotation(item, base);
      let document = documents.get(name);
      if (document === undefined) {
        document = { name, tags: [], ...(lineOf(index).line !== undefined ? { line: lineOf(index).line } : {}) };
        documents.set(name, document);
      }
      document.tags.push(tag);
      for (const message of unread) warnings.push({ document: fileName, ...lineOf(index), message: `annotation ${index + 1}: ${message}` });
    } catch (error) {
      if (!(error instanceof BadAnnotation)) throw error;
      errors.push({ document: fileName, ...lineOf(index), message: `annotation ${index + 1}: ${error.message}` });
    }
  });
  for (const { item, index } of links) {
    try {
      const { name, relation, unread } = readLink(item, base, documents);
      const document = documents.get(name)!;
      (document.relations ??= []).push({ ...relation, ...lineOf(index) });
      for (const message of unread) warnings.push({ document: fileName, ...lineOf(index), message: `annotation ${index + 1}: ${message}` });
    } catch (error) {
      if (!(error instanceof BadAnnotation)) throw error;
      errors.push({ document: fileName, ...lineOf(index), message: `annotation ${index + 1}: ${error.message}` });
    }
  }
  return { documents: [...documents.values()], errors, warnings };
}

function bodiesOf(item: Record<string, unknown>): Record<string, unknown>[] {
  return (Array.isArray(item.body) ? item.body : item.body === undefined ? [] : [item.body]).filter(isObject);
}

/**
 * A relation annotation: its type (the `linking` body), its ends (`marginalia:fromTag` and
 * `marginalia:toTag`, else the two targets in order), each a tag annotation of this file in one article.
 */
function readLink(item: Record<string, unknown>, base: string, documents: ReadonlyMap<string, ImportedDocument>): { name: string; relation: ImportedRelation; unread: string[] } {
  const unread: string[] = [];
  const linking = bodiesOf(item).filter((body) => body.purpose === 'linking');
  if (linking.length !== 1 || typeof linking[0].value !== 'string') throw new BadAnnotation(`expected one body with purpose "linking" holding the relation's type, found ${linking.length}`);
  const type = linking[0].value;
  const problem = relationTypeProblem(type);
  if (problem) throw new BadAnnotation(problem);
  const targets = Array.isArray(item.target) ? item.target : [item.target];
  const iri = (value: unknown) => (typeof value === 'string' ? value : isObject(value) && typeof value.id === 'string' ? value.id : undefined);
  const from = iri(item['marginalia:fromTag']) ?? iri(targets[0]);
  const to = iri(item['marginalia:toTag']) ?? iri(targets[1]);
  if (from === undefined || to === undefined || targets.length !== 2) throw new BadAnnotation('expected a relation to target two tag annotations by their IRIs');
  const ends = [from, to].map((end) => {
    const hash = end.lastIndexOf('#');
    const source = hash < 0 ? end : end.slice(0, hash);
    if (hash < 0 || !source.startsWith(base)) throw new BadAnnotation(`the relation's end ${shown(end)} is not a tag annotation of an article under ${shown(base)}`);
    const name = source.slice(base.length).split('/').map(decodeSegment).join('/');
    const id = decodeSegment(end.slice(hash + 1));
    const at = documents.get(name)?.tags.findIndex((tag) => tag.id === id) ?? -1;
    if (at < 0) throw new BadAnnotation(`the relation's end ${shown(end)} is no tag annotation of this file`);
    return { name, at };
  });
  if (ends[0].name !== ends[1].name) throw new BadAnnotation('the relation links tags of two articles: a relation stays within one article');
  if (ends[0].at === ends[1].at) throw new BadAnnotation('the relation links a tag with itself');
  const relation: ImportedRelation = { type, from: ends[0].at, to: ends[1].at };
  readMade(item, relation);
  const history = readHistory(item['marginalia:history']);
  if (history.length > 0) relation.history = history;
  for (const body of bodiesOf(item)) {
    if (body.purpose !== 'linking' && body.purpose !== 'commenting') unread.push(`a body with purpose ${shown(body.purpose)} is not carried`);
  }
  return { name: ends[0].name, relation, unread };
}

/** The annotations of the document and the depth at which they open (for their lines). */
function annotationsOf(root: unknown): { items: unknown[]; depth: number } | undefined {
  if (Array.isArray(root)) return { items: root, depth: 1 };
  if (!isObject(root)) return undefined;
  if (root.type === 'AnnotationCollection') {
    if (root.first === undefined) return { items: [], depth: 3 };
    if (isObject(root.first) && Array.isArray(root.first.items)) return { items: root.first.items, depth: 3 };
    return undefined;
  }
  if (root.type === 'AnnotationPage') return Array.isArray(root.items) ? { items: root.items, depth: 2 } : undefined;
  return root.type === 'Annotation' ? { items: [root], depth: 0 } : undefined;
}

function readAnnotation(item: unknown, base: string): { name: string; tag: FormatTag; unread: string[] } {
  if (!isObject(item) || !hasType(item, 'Annotation')) throw new BadAnnotation(`expected an object of type "Annotation", found ${shown(item)}`);
  const unread: string[] = [];
  const target = single(item.target, 'target');
  if (!isObject(target) || typeof target.source !== 'string') throw new BadAnnotation('expected a target with a "source" IRI');
  if (!target.source.startsWith(base)) throw new BadAnnotation(`target ${shown(target.source)} is not an article under ${shown(base)}`);
  const name = target.source.slice(base.length).split('/').map(decodeSegment).join('/');
  const selectors = (Array.isArray(target.selector) ? target.selector : [target.selector]).filter(isObject);
  const position = selectors.find((selector) => selector.type === 'TextPositionSelector');
  const quote = selectors.find((selector) => selector.type === 'TextQuoteSelector');
  if (position === undefined) throw new BadAnnotation('expected a TextPositionSelector (the tag\'s offsets)');
  if (quote === undefined || typeof quote.exact !== 'string') throw new BadAnnotation('expected a TextQuoteSelector with "exact" (the tag\'s text)');
  const { start, end } = position;
  if (!isOffset(start) || !isOffset(end) || end <= start) throw new BadAnnotation(`expected offsets 0 <= start < end, found start ${shown(start)}, end ${shown(end)}`);
  const length = new CodePointIndex(quote.exact).length;
  if (length !== end - start) throw new BadAnnotation(`the quote ${shown(quote.exact)} has ${length} characters but the position ${start}..${end} covers ${end - start}`);

  const bodies = (Array.isArray(item.body) ? item.body : item.body === undefined ? [] : [item.body]).filter(isObject);
  const tagging = bodies.filter((body) => body.purpose === 'tagging' && typeof body.value === 'string');
  if (tagging.length !== 1) throw new BadAnnotation(`expected one body with purpose "tagging" holding the label, found ${tagging.length}`);
  const tag: FormatTag = { start, end, text: quote.exact, label: tagging[0].value as string };
  readMade(item, tag);
  const kind = item['marginalia:kind'];
  if (kind !== undefined) {
    if (!(KINDS as readonly unknown[]).includes(kind)) throw new BadAnnotation(`unknown marginalia:kind ${shown(kind)} (expected one of ${KINDS.join(', ')})`);
    tag.kind = kind as FormatTag['kind'];
  }
  const score = item['marginalia:score'];
  if (score !== undefined) {
    if (typeof score !== 'number' || !(score >= 0 && score <= 1)) throw new BadAnnotation(`expected marginalia:score between 0 and 1, found ${shown(score)}`);
    tag.score = score;
  }
  const history = readHistory(item['marginalia:history']);
  // A comment body that the history does not hold (added by another Web Annotation client) becomes a comment step.
  for (const body of bodies.filter((candidate) => candidate.purpose === 'commenting')) {
    if (typeof body.value !== 'string' || body.value === '') {
      unread.push(`a commenting body without text ${shown(body)} was not imported`);
      continue;
    }
    if (history.some((step) => step.comment === body.value)) continue;
    const at = typeof body.created === 'string' ? body.created : tag.modified ?? tag.created;
    const by = agentName(body.creator) ?? tag.annotator;
    if (at === undefined || by === undefined) {
      unread.push(`the comment ${shown(body.value)} has no date or author: not imported`);
      continue;
    }
    history.push({ at, by, action: 'commented', comment: body.value });
  }
  if (history.length > 0) tag.history = history;
  for (const body of bodies) {
    if (body.purpose !== 'tagging' && body.purpose !== 'commenting') unread.push(`a body with purpose ${shown(body.purpose)} is not carried`);
  }
  return { name, tag, unread };
}

function readHistory(value: unknown): NonNullable<FormatTag['history']>[number][] {
  if (value === undefined) return [];
  // Expanded JSON-LD writes a list as {"@list": [...]}; both forms are read.
  const steps = isObject(value) && Array.isArray(value['@list']) ? value['@list'] : value;
  if (!Array.isArray(steps)) throw new BadAnnotation(`expected marginalia:history to be a list, found ${shown(value)}`);
  return steps.map((step, index) => {
    const field = (key: string) => (isObject(step) ? step[`marginalia:${key}`] : undefined);
    const [at, by, action] = [field('at'), field('by'), field('action')];
    if (typeof at !== 'string' || typeof by !== 'string' || by === '' || !(REVIEW_ACTIONS as readonly unknown[]).includes(action)) {
      throw new BadAnnotation(`history step ${index + 1}: expected marginalia:at, marginalia:by and a marginalia:action (${REVIEW_ACTIONS.join(', ')}), found ${shown(step)}`);
    }
    const entry: NonNullable<FormatTag['history']>[number] = { at, by, action: action as string };
    for (const key of ['from', 'to', 'comment'] as const) {
      const text = field(key);
      if (text === undefined) continue;
      if (typeof text !== 'string') throw new BadAnnotation(`history step ${index + 1}: expected marginalia:${key} to be text, found ${shown(text)}`);
      entry[key] = text;
    }
    return entry;
  });
}

function hasType(node: Record<string, unknown>, type: string): boolean {
  return node.type === type || (Array.isArray(node.type) && node.type.includes(type));
}

function single(value: unknown, what: string): unknown {
  if (!Array.isArray(value)) return value;
  if (value.length !== 1) throw new BadAnnotation(`expected one ${what}, found ${value.length}`);
  return value[0];
}

/** A creator's name: the agent's name or nickname, or the agent's IRI when it is only that. */
/** What a tag's and a relation's annotation both say of them: the id (from the IRI's fragment), creator, times and status. */
function readMade(item: Record<string, unknown>, into: Pick<FormatTag, 'id' | 'annotator' | 'created' | 'modified' | 'status'>): void {
  const id = /#([^#]*)$/.exec(typeof item.id === 'string' ? item.id : '')?.[1];
  const decodedId = id === undefined ? undefined : decodeSegment(id);
  if (decodedId !== undefined && /^[A-Za-z0-9_-]{1,64}$/.test(decodedId)) into.id = decodedId;
  const annotator = agentName(item.creator);
  if (annotator !== undefined) into.annotator = annotator;
  if (typeof item.created === 'string') into.created = item.created;
  if (typeof item.modified === 'string') into.modified = item.modified;
  const status = item['marginalia:status'];
  if (status !== undefined) {
    if (!(TAG_STATUSES as readonly unknown[]).includes(status)) throw new BadAnnotation(`unknown marginalia:status ${shown(status)} (expected one of ${TAG_STATUSES.join(', ')})`);
    into.status = status as FormatTag['status'];
  }
}

function agentName(agent: unknown): string | undefined {
  const value = isObject(agent) ? (agent.name ?? agent.nickname ?? agent.id) : agent;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new BadAnnotation(`${shown(segment)} is not a well-formed IRI part`);
  }
}
