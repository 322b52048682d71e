/**
 * Reading an input a line at a time, so that the shell can stream a file of any size through a
 * format's reader and hold one record, never the whole file (issue 16: a 10,000-article import must
 * not hold the corpus). The shell splits the file's text at '\n' alone and hands each line over
 * without it; what else breaks a line in a format (CoNLL's '\r') is the reader's to know.
 */
import { ConllReader } from './conllImport';
import type { JsonLine, RecordResult } from './spanFormats';
import type { FormatNotice, ImportedDocument } from './types';

/** Problems listed one by one, as CoNLL's reader lists them; past this they are counted. */
const MAX_LISTED_ERRORS = 100;

export interface LineImporter {
  /** One line of the input, without its '\n'; gives the documents it completes. */
  line(text: string): ImportedDocument[];
  /** After the last line: the documents still open. */
  end(): ImportedDocument[];
  /** What could not be read so far (the import stops, nothing written) and what was lost (it goes on). */
  readonly errors: FormatNotice[];
  readonly warnings: FormatNotice[];
}

/**
 * JSON Lines, a record a line. A '\r' before the '\n' (a file saved on Windows) and a byte-order mark
 * at the start are not part of any record; blank lines hold nothing and are passed over.
 */
export class JsonLinesImporter implements LineImporter {
  readonly errors: FormatNotice[] = [];
  readonly warnings: FormatNotice[] = [];
  private number = 0;
  /** Errors past the listed ones: counted, so that a huge file of garbage cannot fill the memory with messages. */
  private unlisted = 0;

  constructor(private readonly readLine: (line: JsonLine) => RecordResult) {}

  line(raw: string): ImportedDocument[] {
    const line = ++this.number;
    let text = line === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    if (text.charCodeAt(text.length - 1) === 0x0d) text = text.slice(0, -1);
    // Whether the line has anything but blanks, without copying it as trim() would (a line may be megabytes).
    if (!/\S/u.test(text)) return [];
    const read = this.readLine({ line, text });
    for (const error of read.errors) {
      if (this.errors.length < MAX_LISTED_ERRORS) this.errors.push(error);
      else this.unlisted++;
    }
    this.warnings.push(...read.warnings);
    return read.document ? [read.document] : [];
  }

  end(): ImportedDocument[] {
    if (this.unlisted > 0) this.errors.push({ document: this.errors[0].document, message: `${this.unlisted} more problems in later lines (the first ${MAX_LISTED_ERRORS} are listed)` });
    this.unlisted = 0;
    return [];
  }
}

/** CoNLL, whose files may break lines with '\r\n', '\n' or '\r' alone: each counts as a line, as importConll counts them. */
export class ConllLinesImporter implements LineImporter {
  private readonly reader: ConllReader;

  constructor(fileName: string) {
    this.reader = new ConllReader(fileName);
  }

  get errors(): FormatNotice[] {
    return this.reader.errors;
  }

  get warnings(): FormatNotice[] {
    return this.reader.warnings;
  }

  line(raw: string): ImportedDocument[] {
    const text = raw.charCodeAt(raw.length - 1) === 0x0d ? raw.slice(0, -1) : raw;
    const documents: ImportedDocument[] = [];
    for (const part of text.split('\r')) documents.push(...this.reader.line(part));
    return documents;
  }

  end(): ImportedDocument[] {
    return this.reader.end();
  }
}

/** A whole text through a line importer: what the whole-file readers and the tests use, the same path the shell streams. */
export function importLines(importer: LineImporter, text: string): { documents: ImportedDocument[]; errors: FormatNotice[]; warnings: FormatNotice[] } {
  const documents: ImportedDocument[] = [];
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    documents.push(...importer.line(text.slice(start, newline < 0 ? text.length : newline)));
    if (newline < 0) break;
    start = newline + 1;
  }
  documents.push(...importer.end());
  return { documents, errors: importer.errors, warnings: importer.warnings };
}
