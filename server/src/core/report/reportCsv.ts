import type { LabelAgreement, RelationTypeAgreement } from '../agreement';
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

export function reportCsv(report: CorpusReport): string {
  const rows: Row[] = [];
  for (const { label, counts, total } of report.labels) {
    for (const state of REVIEW_STATES) rows.push(['labels', '', label, state, counts[state]]);
    rows.push(['labels', '', label, 'total', total]);
  }
  const progressRows = (article: string, progress: ReviewProgress) => {
    for (const state of REVIEW_STATES) rows.push(['progress', article, '', state, progress.counts[state]]);
    rows.push(['progress', article, '', 'total', progress.total], ['progress', article, '', 'reviewed', progress.reviewed], ['progress', article, '', 'percent', progress.percent]);
  };
  progressRows('', report.progress.overall);
  for (const article of report.progress.articles) progressRows(article.name, article);

  const { agreement } = report;
  if (agreement.measured) {
    const figureRows = (article: string, label: string, figures: LabelAgreement) => {
      agreement.annotators.forEach((annotator, index) => rows.push(['agreement', article, label, `claims:${annotator}`, figures.claims[index]]));
      for (const match of ['exact', 'overlap'] as const) {
        const score = figures[match];
        rows.push(['agreement', article, label, `${match}_precision`, score.precision], ['agreement', article, label, `${match}_recall`, score.recall], ['agreement', article, label, `${match}_f1`, score.f1]);
      }
      rows.push(['agreement', article, label, 'kappa', figures.kappa]);
    };
    for (const [article, figures] of [['', agreement.corpus] as const, ...agreement.documents.map((document) => [document.name, document] as const)]) {
      rows.push(['agreement', article, '', 'tokens', figures.tokens]);
      figureRows(article, '', figures.overall);
      for (const [label, byLabel] of Object.entries(figures.byLabel)) figureRows(article, label, byLabel);
    }
    const relationRows = (article: string, type: string, figures: RelationTypeAgreement) => {
      agreement.annotators.forEach((annotator, index) => rows.push(['relation_agreement', article, type, `claims:${annotator}`, figures.claims[index]]));
      for (const match of ['exact', 'overlap'] as const) {
        const score = figures[match];
        rows.push(['relation_agreement', article, type, `${match}_precision`, score.precision], ['relation_agreement', article, type, `${match}_recall`, score.recall], ['relation_agreement', article, type, `${match}_f1`, score.f1]);
      }
    };
    for (const [article, figures] of [['', agreement.corpus] as const, ...agreement.documents.map((document) => [document.name, document] as const)]) {
      if (!figures.relations) continue;
      relationRows(article, '', figures.relations);
      for (const [type, byType] of Object.entries(figures.relations.byType)) relationRows(article, type, byType);
    }
    for (const { name, missing } of agreement.skipped) rows.push(['agreement_skipped', name, '', 'missing', missing.join(', ')]);
    for (const { file, problem } of agreement.excluded) rows.push(['agreement_skipped', file, '', 'problem', problem]);
  } else {
    rows.push(['agreement', '', '', 'unavailable', agreement.reason]);
  }
  for (const { file, problem } of report.unreadable) rows.push(['unreadable', file, '', 'problem', problem]);
  return [REPORT_CSV_COLUMNS, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
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
