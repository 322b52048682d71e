import type { ExportDocument, FormatNotice } from './types';

/** One output file, written as it goes: a header, each document's text in the order of their articles, a footer. */
export interface StreamWriter {
  header(): string;
  document(document: ExportDocument): { text: string; notices: FormatNotice[] };
  footer(): string;
}

/** A JSON Lines format's writer: no header or footer, one line a document. */
export function linesWriter(exportLine: (document: ExportDocument) => { line: string; notices: FormatNotice[] }): StreamWriter {
  return {
    header: () => '',
    document: (document) => {
      const { line, notices } = exportLine(document);
      return { text: line, notices };
    },
    footer: () => '',
  };
}

/** A whole export at once, through a format's writer (small corpora, tests); the CLI streams with the writer itself. */
export function exportWhole(writer: StreamWriter, documents: readonly ExportDocument[]): { text: string; notices: FormatNotice[] } {
  let text = writer.header();
  const notices: FormatNotice[] = [];
  for (const document of documents) {
    const part = writer.document(document);
    text += part.text;
    notices.push(...part.notices);
  }
  return { text: text + writer.footer(), notices };
}
