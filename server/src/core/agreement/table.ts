import type { AgreementReport, DocumentAgreement, LabelAgreement } from './agreement';
import type { RelationTypeAgreement } from './relationScores';

/** What the table shows: the corpus figures, and each document's overall ones. */
export type AgreementTableInput = Pick<AgreementReport, 'annotators' | 'corpus'> & { documents: ReadonlyArray<Pick<DocumentAgreement, 'name' | 'overall'>> };

const HEADINGS = ['exact F1', 'overlap F1', 'kappa'];

/**
 * The report for people: a row a label and an overall row for the corpus, then a row a document.
 * Claims are counted per annotator; F1 and kappa have three decimals.
 */
export function agreementTable(report: AgreementTableInput): string {
  const [first, second] = report.annotators;
  const { corpus, documents } = report;
  const labelRows = Object.entries(corpus.byLabel).map(([label, figures]) => row(label, figures));
  const documentRows = documents.map((document) => row(document.name, document.overall));
  return [
    `Agreement of ${first} and ${second} on ${count(documents.length, 'document')} (${count(corpus.tokens, 'token')})`,
    '',
    ...table(['label', first, second, ...HEADINGS], [...labelRows, row('overall', corpus.overall)]),
    '',
    ...table(['document', first, second, ...HEADINGS], documentRows),
    '',
    ...relationSection(report),
    'exact F1: same start, end and label; overlap F1: same label, sharing a character.',
    "kappa: Cohen's kappa on the label of each word (per label: that label or not; overall: all labels and none).",
  ].join('\n') + '\n';
}

/** A row a relation type and an overall row, when either annotator made relations. */
function relationSection(report: AgreementTableInput): string[] {
  const relations = report.corpus.relations;
  if (!relations) return [];
  const [first, second] = report.annotators;
  const relationRow = (name: string, figures: RelationTypeAgreement) => [name, String(figures.claims[0]), String(figures.claims[1]), decimal(figures.exact.f1), decimal(figures.overlap.f1)];
  const rows = [...Object.entries(relations.byType).map(([type, figures]) => relationRow(type, figures)), relationRow('overall', relations)];
  return [...table(['relation', first, second, 'exact F1', 'overlap F1'], rows), 'relations: exact F1: same type, both ends at the same spans; overlap F1: same type, each end sharing a character.', ''];
}

function row(name: string, figures: LabelAgreement): string[] {
  return [name, String(figures.claims[0]), String(figures.claims[1]), decimal(figures.exact.f1), decimal(figures.overlap.f1), decimal(figures.kappa)];
}

/** Names left-aligned, figures right-aligned under their headings. */
function table(headings: string[], rows: string[][]): string[] {
  const widths = headings.map((heading, column) => Math.max(heading.length, ...rows.map((cells) => cells[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ').trimEnd();
  return [line(headings), ...rows.map(line)];
}

function decimal(value: number): string {
  return value.toFixed(3);
}

function count(amount: number, noun: string): string {
  return `${amount.toLocaleString('en-US')} ${noun}${amount === 1 ? '' : 's'}`;
}
