/**
 * CoNLL-2003 / IOB (issue 16): one token a line ("token tag"), a blank line after each sentence,
 * "-DOCSTART- O" and a blank line before each document, as the CoNLL-2003 files have it.
 *
 * Export cuts an article into tokens and sentences (conllTokens.ts), cuts tokens further where a tag
 * starts or ends inside one (so every written entity keeps its exact span), and writes each token's
 * tag in the scheme asked for. CoNLL has one tag a token, so of overlapping or nested tags only the
 * outer is written and each other is reported (or the document is refused, `strict`).
 *
 * Import reads any number of columns (the tag is the last), detects the scheme, decodes entities with
 * conlleval's rules (so IOB1, IOB2 and BIOES all read), and rebuilds readable text: one line a
 * sentence, tokens spaced as `sentenceLine` says, so that exporting it again gives the same tokens.
 */
import { CodePointIndex } from '../base/offsets';
import { cutTokens, sentenceStarts, type TextToken } from './conllTokens';
import type { ExportDocument, FormatNotice, FormatTag } from './types';

export type ConllScheme = 'iob1' | 'iob2' | 'bioes';
export const CONLL_SCHEMES: readonly ConllScheme[] = ['iob1', 'iob2', 'bioes'];

export interface ConllExportOptions {
  scheme?: ConllScheme;
  /** Refuse a document with overlapping or nested tags instead of writing the outer ones. */
  strict?: boolean;
}

export interface ConllDocumentExport {
  /** The document's lines, "-DOCSTART- O" first; empty when the document is refused. */
  text: string;
  notices: FormatNotice[];
  /** True when `strict` refused the document (its notices say why). */
  refused: boolean;
}

export const DOCSTART = '-DOCSTART-';
const OUTSIDE = 'O';

/** A token of an article with its code point offsets, as the export writes it. */
export interface ConllToken {
  start: number;
  end: number;
  text: string;
}

/**
 * One article as a CoNLL document. Documents are independent, so a corpus streams: write each
 * one's text in turn (CoNLL has no header or footer).
 */
export function exportConllDocument(document: ExportDocument, options: ConllExportOptions = {}): ConllDocumentExport {
  const scheme = options.scheme ?? 'iob2';
  const { text, name } = document;
  const index = new CodePointIndex(text);
  const notices: FormatNotice[] = [];
  const { kept: written, overlapping } = outerTags(document, index.length, notices);
  if (options.strict && overlapping > 0) {
    return { text: '', notices: [...notices, { document: name, message: 'not exported: CoNLL has one tag a token and strict mode refuses to drop the overlapping tags above' }], refused: true };
  }
  const tags = written.map((tag) => ({ tag, start: index.toUtf16(tag.start), end: index.toUtf16(tag.end) }));
  const tokens = splitAtEdges(text, cutTokens(text), tags.flatMap((tag) => [tag.start, tag.end]));

  // The written tag of each token (tags no longer overlap, and every edge is a token edge now).
  const tagOf: number[] = new Array(tokens.length).fill(-1);
  let t = 0;
  tags.forEach((tag, tagIndex) => {
    while (t < tokens.length && tokens[t].end <= tag.start) t++;
    let covered = 0;
    for (let k = t; k < tokens.length && tokens[k].start < tag.end; k++, covered++) tagOf[k] = tagIndex;
    if (covered === 0) notices.push({ document: name, message: `${describe(tag.tag)} covers only white space: not written` });
  });

  // A tag's tokens stay in one sentence even across a line break: CoNLL entities end with their sentence.
  const starts = sentenceStarts(text, tokens, (i) => tagOf[i] < 0 || tagOf[i] !== tagOf[i - 1]);
  const lines: string[] = [`${DOCSTART} ${OUTSIDE}`, ''];
  starts.forEach((start, s) => {
    const end = s + 1 < starts.length ? starts[s + 1] : tokens.length;
    const labels = encode(tagOf.slice(start, end), (k) => tags[k].tag.label, scheme);
    for (let i = start; i < end; i++) lines.push(`${text.slice(tokens[i].start, tokens[i].end)} ${labels[i - start]}`);
    lines.push('');
  });
  return { text: lines.join('\n') + '\n', notices, refused: false };
}

/** Several articles as one CoNLL file, in the order given. */
export function exportConll(documents: readonly ExportDocument[], options: ConllExportOptions = {}): { text: string; notices: FormatNotice[] } {
  const parts = documents.map((document) => exportConllDocument(document, options));
  return { text: parts.map((part) => part.text).join(''), notices: parts.flatMap((part) => part.notices) };
}

/** The tokens an article is written as (before tags cut them further), in code points. */
export function conllTokens(text: string): ConllToken[] {
  const index = new CodePointIndex(text);
  return cutTokens(text).map((token) => ({ start: index.toCodePoint(token.start), end: index.toCodePoint(token.end), text: text.slice(token.start, token.end) }));
}

/**
 * The tags CoNLL can say, in order: the outer of overlapping tags (the earlier start, then the longer,
 * then the label's alphabetical order), each other one reported. Tags with the same span and label
 * (two annotators agreeing) are one entity. Tags outside the text are reported and skipped.
 */
function outerTags(document: ExportDocument, length: number, notices: FormatNotice[]): { kept: FormatTag[]; overlapping: number } {
  const sorted = [...document.tags].sort((a, b) => a.start - b.start || b.end - a.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const kept: FormatTag[] = [];
  let overlapping = 0;
  for (const tag of sorted) {
    if (!Number.isInteger(tag.start) || !Number.isInteger(tag.end) || tag.start < 0 || tag.end > length || tag.start >= tag.end) {
      notices.push({ document: document.name, message: `${describe(tag)} is not within the article's ${length} code points: not written` });
      continue;
    }
    const last = kept[kept.length - 1];
    if (last === undefined || tag.start >= last.end) {
      kept.push(tag);
    } else if (!(tag.start === last.start && tag.end === last.end && tag.label === last.label)) {
      overlapping++;
      notices.push({ document: document.name, message: `${describe(tag)} ${tag.end <= last.end ? 'is nested in' : 'overlaps'} ${describe(last)}: not written, CoNLL has one tag a token` });
    }
  }
  return { kept, overlapping };
}

function describe(tag: FormatTag): string {
  return `${tag.label} ${JSON.stringify(tag.text)} (${tag.start}-${tag.end}${tag.id ? `, ${tag.id}` : ''})`;
}

/**
 * Tokens cut at each edge that falls strictly inside one. A piece an edge cut off ("-designed" of
 * "Ukrainian-designed") is cut again by the token rule ("-" "designed"), so that every token written
 * is one the rule makes from the text an import rebuilds, and a second export gives the same tokens.
 */
function splitAtEdges(text: string, tokens: TextToken[], edges: number[]): TextToken[] {
  if (edges.length === 0) return tokens;
  const sortedEdges = [...new Set(edges)].sort((a, b) => a - b);
  const result: TextToken[] = [];
  const pushPiece = (start: number, end: number) => {
    for (const piece of cutTokens(text.slice(start, end))) result.push({ start: start + piece.start, end: start + piece.end });
  };
  let e = 0;
  for (const token of tokens) {
    let start = token.start;
    while (e < sortedEdges.length && sortedEdges[e] <= start) e++;
    if (e >= sortedEdges.length || sortedEdges[e] >= token.end) {
      result.push(token);
      continue;
    }
    while (e < sortedEdges.length && sortedEdges[e] < token.end) {
      pushPiece(start, sortedEdges[e]);
      start = sortedEdges[e++];
    }
    pushPiece(start, token.end);
  }
  return result;
}

/**
 * One sentence's tags: `entity[i]` is the entity (any number, -1 for none) of token i, and entities
 * are runs of equal numbers. IOB1 writes I- everywhere, B- only where an entity directly follows one
 * of the same type; IOB2 writes B- at every start; BIOES writes S- for a lone token, B- I- E- else.
 */
export function encode(entity: readonly number[], labelOf: (entity: number) => string, scheme: ConllScheme): string[] {
  return entity.map((current, i) => {
    if (current < 0) return OUTSIDE;
    const label = labelOf(current);
    const previous = i > 0 ? entity[i - 1] : -1;
    const next = i + 1 < entity.length ? entity[i + 1] : -1;
    const begins = previous !== current;
    const ends = next !== current;
    if (scheme === 'iob1') return `${begins && previous >= 0 && labelOf(previous) === label ? 'B' : 'I'}-${label}`;
    if (scheme === 'iob2') return `${begins ? 'B' : 'I'}-${label}`;
    return `${begins ? (ends ? 'S' : 'B') : ends ? 'E' : 'I'}-${label}`;
  });
}

export { importConll, ConllReader, type ConllImportResult } from './conllImport';
