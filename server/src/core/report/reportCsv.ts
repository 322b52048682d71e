import type { Agreement, LabelAgreement, RelationTypeAgreement } from '../agreement';
import { REVIEW_STATES } from '../review/reviewState';
import type { CorpusReport, ReviewProgress } from './corpusReport';

/**
 * The report as one CSV table in long ("tidy") form, one figure a row, so that every section fits
 * the same five columns and a spreadsheet pivot or `pandas.pivot_table` rebuilds any table:
 *
 *   section    labels | progress | agreement | relation_agreement | agreement_skipped | unreadable
 *   article    the article's path; empty: the whole corpus
 *   label      the label (for relation_agreement, the relation type); empty: all of them
 *   measure    a review state (proposed … conflict), total, reviewed, percent; or tokens,
 *              claims:<annotator>, exact_precision … overlap_f1, kappa; or problem, missing, unavailable
 *   value      a number (full precision), or words for problem, missing and unavailable
 *
 * RFC 4180: CRLF line ends, a field quoted when it holds a comma, a quote, a line break or edge space.
 */
export const REPORT_CSV_COLUMNS = ['section', 'article', 'label', 'measure', 'value'] as const;

type Row = [section: string, article: string, label: string, measure: string, value: string | number];

/** Writes the rows of one article's section, spooled as they came (the streaming report), to `out`. */
export type SpooledRows = (out: (chunk: string) => void) => void;

/**
 * Where the per-article rows come from when the report did not keep them: each is printed in its
 * place (the report's `progress.articles` and `agreement.documents` are then empty).
 */
export interface SpooledSections {
  progress: SpooledRows;
  agreement: SpooledRows;
  relations: SpooledRows;
}

export function reportCsv(report: CorpusReport): string {
  let csv = '';
  writeReportCsv(report, (chunk) => (csv += chunk));
  return csv;
}

/**
 * The CSV of reportCsv, a section at a time to `out`: with `spooled`, the rows of each article come
 * from there (written by articleProgressCsv and documentAgreementCsv as the articles were read), so
 * that a corpus of any size is printed without holding its rows.
 */
export function writeReportCsv(report: CorpusReport, out: (chunk: string) => void, spooled?: SpooledSections): void {
  const rows: Row[] = [];
  for (const { label, counts, total } of report.labels) {
    for (const state of REVIEW_STATES) rows.push(['labels', '', label, state, counts[state]]);
    rows.push(['labels', '', label, 'total', total]);
  }
  out(csvLines([[...REPORT_CSV_COLUMNS], ...rows]));
  out(articleProgressCsv('', report.progress.overall));
  if (spooled) spooled.progress(out);
  else for (const article of report.progress.articles) out(articleProgressCsv(article.name, article));

  const { agreement } = report;
  if (agreement.measured) {
    out(agreementCsv(agreement.annotators, '', agreement.corpus));
    if (spooled) spooled.agreement(out);
    else for (const document of agreement.documents) out(agreementCsv(agreement.annotators, document.name, document));
    out(relationCsv(agreement.annotators, '', agreement.corpus));
    if (spooled) spooled.relations(out);
    else for (const document of agreement.documents) out(relationCsv(agreement.annotators, document.name, document));
    const tail: Row[] = [];
    for (const { name, missing } of agreement.skipped) tail.push(['agreement_skipped', name, '', 'missing', missing.join(', ')]);
    for (const { file, problem } of agreement.excluded) tail.push(['agreement_skipped', file, '', 'problem', problem]);
    out(csvLines(tail));
  } else {
    out(csvLines([['agreement', '', '', 'unavailable', agreement.reason]]));
  }
  out(csvLines(report.unreadable.map(({ file, problem }): Row => ['unreadable', file, '', 'problem', problem])));
}

/** The progress rows of one article ('' for the whole corpus). */
export function articleProgressCsv(article: string, progress: ReviewProgress): string {
  const rows: Row[] = REVIEW_STATES.map((state): Row => ['progress', article, '', state, progress.counts[state]]);
  rows.push(['progress', article, '', 'total', progress.total], ['progress', article, '', 'reviewed', progress.reviewed], ['progress', article, '', 'percent', progress.percent]);
  return csvLines(rows);
}

/** The agreement rows of one article ('' for the whole corpus): tokens, then overall and per label. */
export function agreementCsv(annotators: readonly string[], article: string, figures: Agreement): string {
  const rows: Row[] = [['agreement', article, '', 'tokens', figures.tokens]];
  const figureRows = (label: string, byLabel: LabelAgreement) => {
    annotators.forEach((annotator, index) => rows.push(['agreement', article, label, `claims:${annotator}`, byLabel.claims[index]]));
    for (const match of ['exact', 'overlap'] as const) {
      const score = byLabel[match];
      rows.push(['agreement', article, label, `${match}_precision`, score.precision], ['agreement', article, label, `${match}_recall`, score.recall], ['agreement', article, label, `${match}_f1`, score.f1]);
    }
    rows.push(['agreement', article, label, 'kappa', byLabel.kappa]);
  };
  figureRows('', figures.overall);
  for (const [label, byLabel] of Object.entries(figures.byLabel)) figureRows(label, byLabel);
  return csvLines(rows);
}

/** The relation agreement rows of one article ('' for the whole corpus); none without relations. */
export function relationCsv(annotators: readonly string[], article: string, figures: Agreement): string {
  if (!figures.relations) return '';
  const rows: Row[] = [];
  const relationRows = (type: string, byType: RelationTypeAgreement) => {
    annotators.forEach((annotator, index) => rows.push(['relation_agreement', article, type, `claims:${annotator}`, byType.claims[index]]));
    for (const match of ['exact', 'overlap'] as const) {
      const score = byType[match];
      rows.push(['relation_agreement', article, type, `${match}_precision`, score.precision], ['relation_agreement', article, type, `${match}_recall`, score.recall], ['relation_agreement', article, type, `${match}_f1`, score.f1]);
    }
  };
  relationRows('', figures.relations);
  for (const [type, byType] of Object.entries(figures.relations.byType)) relationRows(type, byType);
  return csvLines(rows);
}

/** RFC 4180 lines, each ended by CRLF. */
function csvLines(rows: ReadonlyArray<readonly (string | number)[]>): string {
  return rows.map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

/** One CSV field: quoted (quotes doubled) when it holds a comma, a quote, a line break or space at an edge. */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The report as JSON, as `marginalia report --format json` prints it and the editor exports it. */
export function reportJson(report: CorpusReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}
