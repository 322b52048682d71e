/** The corpus report: tags per label by review state, review progress, agreement; as JSON or CSV. */
export { comparableDocuments, corpusReport, type ArticleProgress, type CorpusFile, type UnreadableFile, type CorpusReport, type LabelDistribution, type MeasuredAgreement, type ReportDocument, type ReportOptions, type ReviewProgress, type UnavailableAgreement } from './corpusReport';
export { csvField, REPORT_CSV_COLUMNS, reportCsv, reportJson } from './reportCsv';
