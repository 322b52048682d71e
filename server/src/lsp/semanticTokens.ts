import type { SemanticTokens, SemanticTokensDelta, SemanticTokensLegend } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Kind } from '../core/base/labels';

/** Our own token types, one per kind; package.json declares them with a superType and scopes so themes colour them. */
export const TOKEN_TYPES = ['marginaliaEntity', 'marginaliaNumber', 'marginaliaDate'] as const;
/**
 * How a highlight stands. The first three are what any theme needs; the review states after them add
 * a modifier to one of those (an approved tag is also `tagged`, a tool's proposal also `suggested`, a
 * tag in merge conflict also `tagged`), so that editors without our decorations can draw them apart.
 */
export const TOKEN_MODIFIERS = ['suggested', 'tagged', 'rejected', 'approved', 'proposed', 'conflict'] as const;
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

const TYPE_OF_KIND: Record<Kind, number> = { entity: 0, number: 1, date: 2 };

/** Something to colour, in UTF-16 offsets of the document. */
export interface Highlight {
  start: number;
  end: number;
  kind: Kind;
  /** How it stands; absent for a detection nobody has tagged yet, so that suggestions are highlights as they are. */
  modifier?: TokenModifier;
}

/**
 * Encodes highlights as LSP semantic tokens. Tokens may neither overlap nor cross a line break, but
 * tags may nest ("Ukraine" inside "Ukraine's Defense Ministry") and span lines: each character is given
 * to the innermost highlight covering it (a tag before a suggestion of the same extent), and tokens
 * are cut at line ends.
 */
export function encodeSemanticTokens(document: TextDocument, highlights: readonly Highlight[]): number[] {
  const text = document.getText();
  const lineCount = document.lineCount;
  const sorted = highlights.filter((h) => h.end > h.start).sort((a, b) => a.start - b.start || b.end - a.end);
  // Five numbers a token, one token a highlight unless it spans lines: sized once rather than grown by pushes.
  const data = new Array<number>(sorted.length * 5);
  let size = 0;
  let previousLine = 0;
  let previousCharacter = 0;
  // Segments come sorted, so lines are found by walking forward, not searched for each token.
  let line = 0;
  let lineStart = 0;
  let nextLine = document.offsetAt({ line: 1, character: 0 });
  const advanceTo = (offset: number) => {
    while (nextLine <= offset && line + 1 < lineCount) {
      line++;
      lineStart = nextLine;
      nextLine = document.offsetAt({ line: line + 1, character: 0 });
    }
  };
  const emit = (start: number, end: number, highlight: Highlight) => {
    advanceTo(start);
    // As positionAt counts an offset inside a line break: from the line's end.
    let character = beforeLineBreak(text, start, lineStart) - lineStart;
    while (start < end) {
      const pieceEnd = Math.min(end, contentEnd(text, start, nextLine));
      if (pieceEnd > start) {
        data[size++] = line - previousLine;
        data[size++] = line === previousLine ? character - previousCharacter : character;
        data[size++] = pieceEnd - start;
        data[size++] = TYPE_OF_KIND[highlight.kind];
        data[size++] = MODIFIER_BITS[highlight.modifier ?? 'suggested'];
        previousLine = line;
        previousCharacter = character;
      }
      if (end <= nextLine || nextLine >= text.length) break;
      start = nextLine;
      advanceTo(start);
      character = 0;
    }
  };
  // Usually nothing nests (tags claim the suggestions they cover): each highlight is a token of its own.
  if (sorted.every((highlight, n) => n === 0 || sorted[n - 1]!.end <= highlight.start)) {
    for (const highlight of sorted) emit(highlight.start, highlight.end, highlight);
  } else {
    for (const segment of innermostSegments(sorted)) emit(segment.start, segment.end, segment.highlight);
  }
  data.length = size;
  return data;
}

const bit = (modifier: TokenModifier) => 1 << TOKEN_MODIFIERS.indexOf(modifier);
const MODIFIER_BITS: Record<TokenModifier, number> = {
  suggested: bit('suggested'),
  tagged: bit('tagged'),
  rejected: bit('rejected'),
  approved: bit('tagged') | bit('approved'),
  proposed: bit('suggested') | bit('proposed'),
  conflict: bit('tagged') | bit('conflict'),
};

function beforeLineBreak(text: string, offset: number, lineStart: number): number {
  while (offset > lineStart && isLineBreak(text.charCodeAt(offset - 1))) offset--;
  return offset;
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

interface Segment {
  start: number;
  end: number;
  highlight: Highlight;
}

/** Cuts nested or overlapping highlights, non-empty and sorted by start then longest, into disjoint segments owned by the innermost one. */
function innermostSegments(sorted: readonly Highlight[]): Segment[] {
  const segments: Segment[] = [];
  // Open highlights, outermost first; the last one is innermost. Nesting is shallow, so a small array is enough.
  const open: Highlight[] = [];
  let cursor = 0;
  const flushUntil = (limit: number) => {
    while (cursor < limit && open.length > 0) {
      const inner = innermost(open);
      const until = Math.min(limit, inner.end);
      if (until > cursor) appendSegment(segments, cursor, until, inner);
      cursor = Math.max(cursor, until);
      removeEnded(open, cursor);
    }
    cursor = Math.max(cursor, limit);
  };
  for (const highlight of sorted) {
    flushUntil(highlight.start);
    open.push(highlight);
  }
  flushUntil(Number.MAX_SAFE_INTEGER);
  return segments;
}

function innermost(open: readonly Highlight[]): Highlight {
  let best = open[0];
  for (const candidate of open) {
    const shorter = candidate.end - candidate.start < best.end - best.start;
    const sameButTagged = candidate.end - candidate.start === best.end - best.start && (candidate.modifier ?? 'suggested') !== 'suggested';
    if (shorter || sameButTagged) best = candidate;
  }
  return best;
}

function removeEnded(open: Highlight[], offset: number): void {
  for (let i = open.length - 1; i >= 0; i--) if (open[i].end <= offset) open.splice(i, 1);
}

function appendSegment(segments: Segment[], start: number, end: number, highlight: Highlight): void {
  const last = segments[segments.length - 1];
  if (last && last.highlight === highlight && last.end === start) last.end = end;
  else segments.push({ start, end, highlight });
}

/** Where the line holding `from` ends, before its line break; `nextLine` is the start of the following line. */
function contentEnd(text: string, from: number, nextLine: number): number {
  let end = nextLine;
  if (end > from && text.charCodeAt(end - 1) === 10) end--;
  if (end > from && text.charCodeAt(end - 1) === 13) end--;
  return end;
}

/**
 * Remembers the last tokens sent for each document, so that a delta request after a keystroke sends
 * only what changed (usually a few numbers) instead of the whole array.
 */
export class SemanticTokenResults {
  private readonly previous = new Map<string, { id: string; data: number[] }>();
  private counter = 0;

  full(uri: string, data: number[]): SemanticTokens {
    const resultId = String(++this.counter);
    this.previous.set(uri, { id: resultId, data });
    return { resultId, data };
  }

  delta(uri: string, previousResultId: string, data: number[]): SemanticTokens | SemanticTokensDelta {
    const previous = this.previous.get(uri);
    if (!previous || previous.id !== previousResultId) return this.full(uri, data);
    const resultId = String(++this.counter);
    this.previous.set(uri, { id: resultId, data });
    const old = previous.data;
    let prefix = 0;
    while (prefix < old.length && prefix < data.length && old[prefix] === data[prefix]) prefix++;
    let suffix = 0;
    while (suffix < old.length - prefix && suffix < data.length - prefix && old[old.length - 1 - suffix] === data[data.length - 1 - suffix]) suffix++;
    if (prefix === old.length && prefix === data.length) return { resultId, edits: [] };
    return { resultId, edits: [{ start: prefix, deleteCount: old.length - prefix - suffix, data: data.slice(prefix, data.length - suffix) }] };
  }

  forget(uri: string): void {
    this.previous.delete(uri);
  }
}
