import { resolve } from 'node:path';
import type { ProgressReporter } from '../core/base/progress';
import { articleSelectorFor, symmetricTypesOf } from '../node/projectFiles';
import { corpusReport } from '../core/report/corpusReport';
import { loadSidecarCorpus } from '../node/sidecarCorpus';
import { labelColorsFor } from '../core/report/labelColors';
import { reportCsv, reportJson } from '../core/report/reportCsv';

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
  let loaded: Awaited<ReturnType<typeof loadSidecarCorpus>>;
  try {
    loaded = await loadSidecarCorpus(request.path, progress);
  } catch (error) {
    err(`marginalia report: ${(error as Error).message}`);
    return 2;
  }
  const { documents, unreadable } = loaded;
  for (const { file, problem } of unreadable) err(`${file}: skipped: ${problem}`);
  const selector = articleSelectorFor([resolve(request.path)]);
  const colorOf = labelColorsFor(documents.map((document) => resolve(document.path)), (path) => selector.projectOf(path));
  const symmetricTypes = symmetricTypesOf(documents.map((document) => resolve(document.path)));
  const report = corpusReport(documents, { annotators: request.annotators, colorOf, unreadable, symmetricTypes });
  if (!report.agreement.measured) {
    if (request.annotators) {
      err(`marginalia report: ${report.agreement.reason}`);
      return 2;
    }
    err(`marginalia report: no agreement figures: ${report.agreement.reason}${report.annotators.length > 2 ? ' (--annotators A,B)' : ''}`);
  }
  out(request.format === 'csv' ? reportCsv(report) : reportJson(report));
  return 0;
}
