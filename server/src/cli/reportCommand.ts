import { resolve } from 'node:path';
import type { ProgressReporter } from '../core/base/progress';
import { articleSelectorFor, symmetricTypesGathered } from '../node/projectFiles';
import { CorpusReportBuilder, type UnreadableFile } from '../core/report/corpusReport';
import { eachCorpusFile } from '../node/sidecarCorpus';
import { JsonArraySpool } from '../node/jsonArraySpool';
import { labelColorsFor } from '../core/report/labelColors';
import { agreementCsv, articleProgressCsv, relationCsv, reportJson, writeReportCsv, type SpooledSections } from '../core/report/reportCsv';
import { TextSpool } from '../node/textSpool';

export type ReportFormat = 'json' | 'csv';

export interface ReportRequest {
  /** A folder to search, or one sidecar. */
  path: string;
  /** The two annotators to compare; by default, the only two with accepted tags below `path`. */
  annotators?: [string, string];
  format: ReportFormat;
}

/**
 * Prints the corpus report (tags per label by review state, review progress, agreement) on the
 * sidecars below `path`, as the editor's report exports it. Files that cannot be read are in the
 * report and named on stderr. Exit code 2 when `path` is not a folder or a sidecar, or the annotators
 * named cannot be compared; 0 otherwise, also when agreement could not be measured for want of two
 * annotators (the report says why).
 */
export async function runReport(request: ReportRequest, out: (chunk: string) => void, err: (line: string) => void, progress?: ProgressReporter): Promise<number> {
  const unreadable: UnreadableFile[] = [];
  // JSON: each article's agreement figures go to a file as they come, and are printed from there.
  const spool = request.format === 'json' ? new JsonArraySpool(2) : undefined;
  // CSV: each article's rows go to files as they come (progress in the first reading, agreement in the second).
  const csv = request.format === 'csv' ? { progress: new TextSpool(), agreement: new TextSpool(), relations: new TextSpool() } : undefined;
  try {
    return await report(request, out, err, progress, unreadable, spool, csv);
  } finally {
    spool?.discard();
    for (const each of Object.values(csv ?? {})) each.discard();
  }
}

type CsvSpools = Record<keyof SpooledSections, TextSpool>;

async function report(request: ReportRequest, out: (chunk: string) => void, err: (line: string) => void, progress: ProgressReporter | undefined, unreadable: UnreadableFile[], spool: JsonArraySpool | undefined, csv: CsvSpools | undefined): Promise<number> {
  // Relation types without direction, from every article's project file: known after the first reading, used in the second.
  const symmetric = symmetricTypesGathered();
  const compared = () => builder.annotatorsToCompare() as [string, string];
  const builder = new CorpusReportBuilder({
    annotators: request.annotators,
    colorOf: (label) => colorOf(label),
    unreadable,
    symmetricTypes: symmetric.types,
    ...(spool && { onAgreementDocument: (document) => spool.add(document) }),
    ...(csv && {
      onArticleProgress: (article) => csv.progress.add(articleProgressCsv(article.name, article)),
      onAgreementDocument: (document) => {
        csv.agreement.add(agreementCsv(compared(), document.name, document));
        csv.relations.add(relationCsv(compared(), document.name, document));
      },
    }),
  });
  const selector = articleSelectorFor([resolve(request.path)]);
  // One article of each project, in the order met: the label colours are those of the first project using each label.
  const projects = new Map<string | undefined, string>();
  try {
    // Read twice, one article at a time: counts first, then agreement once the annotators to compare are known.
    await eachCorpusFile(request.path, (item) => {
      if ('unreadable' in item) return void unreadable.push(item.unreadable);
      const path = resolve(item.document.path);
      const folder = selector.projectOf(path).project?.folder;
      if (!projects.has(folder)) projects.set(folder, path);
      symmetric.add(path);
      builder.add(item.document);
    }, progress && halfway(progress, 0));
    if (Array.isArray(builder.annotatorsToCompare())) {
      const known = new Set(unreadable.map(({ file }) => file));
      await eachCorpusFile(request.path, (item) => {
        if ('document' in item) return builder.compare(item.document);
        // Read well the first time, not now (changed meanwhile): named, never left out silently.
        if (!known.has(item.unreadable.file)) unreadable.push({ file: item.unreadable.file, problem: `left out of agreement, unreadable on the second reading: ${item.unreadable.problem}` });
      }, progress && halfway(progress, 1));
    }
  } catch (error) {
    err(`marginalia report: ${(error as Error).message}`);
    return 2;
  }
  for (const { file, problem } of unreadable) err(`${file}: skipped: ${problem}`);
  const colorOf = labelColorsFor([...projects.values()], (path) => selector.projectOf(path));
  const result = builder.result();
  if (!result.agreement.measured) {
    if (request.annotators) {
      err(`marginalia report: ${result.agreement.reason}`);
      return 2;
    }
    err(`marginalia report: no agreement figures: ${result.agreement.reason}${result.annotators.length > 2 ? ' (--annotators A,B)' : ''}`);
  }
  if (csv) writeReportCsv(result, out, { progress: (to) => csv.progress.print(to), agreement: (to) => csv.agreement.print(to), relations: (to) => csv.relations.print(to) });
  else if (spool && result.agreement.measured) spool.print(reportJson({ ...result, agreement: { ...result.agreement, documents: spool.placeholder as never } }), out);
  else out(reportJson(result));
  return 0;
}

/** Progress of one of two passes over the files, as the first or second half of the bar. */
export function halfway(progress: ProgressReporter, pass: 0 | 1): ProgressReporter {
  return { report: (done, total, message) => progress.report(pass * total + done, 2 * total, message) };
}
