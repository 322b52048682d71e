/**
 * Reading CoNLL / IOB files (issue 16): a line at a time, so that a big file streams, documents handed
 * out as they end. See conll.ts for the format and README.md ("CoNLL-2003 / IOB") for the rules.
 */
import { isLabel, kindOf } from '../base/labels';
import { CodePointIndex } from '../base/offsets';
import type { ConllScheme } from './conll';
import { cutTokens, sentenceLine, SPACE } from './conllTokens';
import type { FormatNotice, FormatTag, ImportedDocument, ImportResult } from './types';

export interface ConllImportResult extends ImportResult {
  /** The scheme the file is written in; undefined when it has no entity to tell by. */
  scheme?: ConllScheme;
}

const COLUMNS = new RegExp(`[${SPACE}]+`, 'u');
const TAG = /^(?:O|([BIES])-(\S+))$/u;
/** More errors than this and the file is surely not CoNLL: the rest are counted, not listed. */
const MAX_ERRORS = 100;
/** Chunks not in their scheme's form are listed up to here, then counted. */
const MAX_FORM_WARNINGS = 100;

interface Cell {
  token: string;
  prefix: string;
  type: string;
  line: number;
}

interface PendingDocument {
  line?: number;
  text: string;
  /** Code points of `text`. */
  length: number;
  tags: FormatTag[];
}

/**
 * Reads a CoNLL file line by line: `line()` for each line (without its line break), `end()` after the
 * last; each returns the documents that are complete. Errors and warnings name the file and line.
 */
export class ConllReader {
  readonly errors: FormatNotice[] = [];
  readonly warnings: FormatNotice[] = [];
  private lineNumber = 0;
  private errorCount = 0;
  private sentence: Cell[] = [];
  private document: PendingDocument | undefined;
  // Evidence of the scheme: the first line of each kind of chunk start, and chunks out of form.
  private bioesLine: number | undefined;
  private iob1StartLine: number | undefined;
  private iob2StartLine: number | undefined;
  private entities = 0;
  private notBioes: number[] = [];
  private notBioesCount = 0;

  constructor(private readonly fileName: string) {}

  line(text: string): ImportedDocument[] {
    const number = ++this.lineNumber;
    const columns = text.split(COLUMNS).filter((column) => column !== '');
    if (columns.length === 0) {
      this.endSentence();
      return [];
    }
    if (columns[0] === '-DOCSTART-') {
      this.endSentence();
      const done = this.endDocument();
      this.document = { line: number, text: '', length: 0, tags: [] };
      return done;
    }
    if (columns.length < 2) {
      this.error(number, `expected a token and a tag (two or more columns, the tag last), found ${JSON.stringify(text.trim())}`);
      return [];
    }
    const tag = columns[columns.length - 1];
    const match = TAG.exec(tag);
    if (match === null) {
      this.error(number, `${JSON.stringify(tag)} is not an IOB tag: expected O, or B-, I-, E- or S- followed by a label`);
      return [];
    }
    this.document ??= { line: number, text: '', length: 0, tags: [] };
    this.sentence.push({ token: columns[0], prefix: match[1] ?? 'O', type: match[2] ?? '', line: number });
    return [];
  }

  end(): ImportedDocument[] {
    this.endSentence();
    const done = this.endDocument();
    if (this.errorCount > MAX_ERRORS) {
      this.errors.push({ document: this.fileName, message: `${this.errorCount - MAX_ERRORS} more lines could not be read` });
    }
    const scheme = this.scheme;
    if (scheme === 'bioes') {
      for (const line of this.notBioes) this.warn(line, 'entity not in BIOES form (S-, or B- I-… E- of one label): read as conlleval reads it');
      if (this.notBioesCount > this.notBioes.length) this.warn(undefined, `${this.notBioesCount - this.notBioes.length} more entities not in BIOES form`);
    } else if (this.iob1StartLine !== undefined && this.iob2StartLine !== undefined) {
      this.warn(
        this.iob2StartLine,
        `mixes IOB1 (an entity starting with I-, line ${this.iob1StartLine}) and IOB2 (one starting with B- after no entity of its label, this line): read as conlleval reads it`,
      );
    }
    return done;
  }

  /** IOB1 if an entity starts with I-, BIOES if E- or S- occur, else IOB2; undefined with no entity. */
  get scheme(): ConllScheme | undefined {
    if (this.bioesLine !== undefined) return 'bioes';
    if (this.iob1StartLine !== undefined) return 'iob1';
    return this.entities > 0 ? 'iob2' : undefined;
  }

  private error(line: number, message: string): void {
    if (++this.errorCount <= MAX_ERRORS) this.errors.push({ document: this.fileName, line, message });
  }

  private warn(line: number | undefined, message: string): void {
    this.warnings.push(line === undefined ? { document: this.fileName, message } : { document: this.fileName, line, message });
  }

  /** Decodes the sentence's entities with conlleval's rules and appends it to the document as one line. */
  private endSentence(): void {
    const cells = this.sentence;
    if (cells.length === 0) return;
    this.sentence = [];
    const document = this.document!;
    const tokens = cells.map((cell) => cell.token);
    const { line, offsets, faithful } = sentenceLine(tokens);
    if (!faithful) {
      const split = tokens.filter((token) => cutTokens(token).length !== 1);
      this.warn(
        cells[0].line,
        split.length > 0
          ? `${split.map((token) => JSON.stringify(token)).join(', ')} ${split.length === 1 ? 'is' : 'are'} not one token by Marginalia's rule: exporting the article again cuts ${split.length === 1 ? 'it' : 'them'} (entities keep their text)`
          : "this sentence's tokens cannot be written on one line that cuts back into them: exporting the article again gives other tokens or sentences (entities keep their text)",
      );
    }
    if (document.text !== '') {
      document.text += '\n';
      document.length += 1;
    }
    const index = new CodePointIndex(line);
    for (const chunk of this.chunks(cells)) {
      const start = offsets[chunk.first].start;
      const end = offsets[chunk.last].end;
      const tag: FormatTag = {
        start: document.length + index.toCodePoint(start),
        end: document.length + index.toCodePoint(end),
        text: line.slice(start, end),
        label: chunk.type,
      };
      if (isLabel(chunk.type)) tag.kind = kindOf(chunk.type);
      document.tags.push(tag);
    }
    document.text += line;
    document.length += index.length;
  }

  /** conlleval.pl's startOfChunk and endOfChunk, over one sentence (which starts and ends outside). */
  private *chunks(cells: readonly Cell[]): Generator<{ first: number; last: number; type: string }> {
    let open: { first: number; type: string; prefixes: string } | undefined;
    let previous = { prefix: 'O', type: '' };
    let previousChunkType = '';
    for (let i = 0; i <= cells.length; i++) {
      const cell = i < cells.length ? cells[i] : { prefix: 'O', type: '', line: 0, token: '' };
      const ends = open !== undefined && (previous.prefix === 'E' || previous.prefix === 'S' || cell.prefix === 'B' || cell.prefix === 'S' || cell.prefix === 'O' || previous.type !== cell.type);
      const starts = cell.prefix === 'B' || cell.prefix === 'S' || (cell.prefix !== 'O' && (previous.prefix === 'O' || previous.prefix === 'E' || previous.prefix === 'S' || previous.type !== cell.type));
      if (open !== undefined && ends) {
        this.judgeForm(open.prefixes, cells[open.first].line);
        yield { first: open.first, last: i - 1, type: open.type };
        previousChunkType = open.type;
        open = undefined;
      }
      if (starts) {
        this.entities++;
        const followsSameType = previous.prefix !== 'O' && previousChunkType === cell.type;
        if (cell.prefix === 'E' || cell.prefix === 'S') this.bioesLine ??= cell.line;
        if (cell.prefix === 'I') this.iob1StartLine ??= cell.line;
        if (cell.prefix === 'B' && !followsSameType) this.iob2StartLine ??= cell.line;
        open = { first: i, type: cell.type, prefixes: '' };
      }
      if (open !== undefined) open.prefixes += cell.prefix;
      if (cell.prefix === 'O') previousChunkType = '';
      previous = cell;
    }
  }

  private judgeForm(prefixes: string, line: number): void {
    if (prefixes.includes('E') || prefixes.includes('S')) this.bioesLine ??= line;
    if (/^(?:S|BI*E)$/.test(prefixes)) return;
    if (++this.notBioesCount <= MAX_FORM_WARNINGS) this.notBioes.push(line);
  }

  private endDocument(): ImportedDocument[] {
    const document = this.document;
    this.document = undefined;
    if (document === undefined) return [];
    const imported: ImportedDocument = { text: document.text === '' ? '' : document.text + '\n', tags: document.tags };
    if (document.line !== undefined) imported.line = document.line;
    return [imported];
  }
}

/** A whole CoNLL file: its documents (each a text of one line a sentence, and its entities as tags). */
export function importConll(text: string, fileName: string): ConllImportResult {
  const reader = new ConllReader(fileName);
  const documents: ImportedDocument[] = [];
  for (const line of text.split(/\r\n|\n|\r/)) documents.push(...reader.line(line));
  documents.push(...reader.end());
  const result: ConllImportResult = { documents, errors: reader.errors, warnings: reader.warnings };
  const scheme = reader.scheme;
  if (scheme !== undefined) result.scheme = scheme;
  return result;
}
