import type { ProgressReporter } from '../core/base/progress';
import { writeReport } from '../node/reportWalk';

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
  let status = 0;
  try {
    await writeReport({ roots: [{ path: request.path, prefix: '' }], annotators: request.annotators, progress }, request.format, out, ({ result, unreadable }) => {
      for (const { file, problem } of unreadable) err(`${file}: skipped: ${problem}`);
      if (result.agreement.measured) return true;
      if (request.annotators) {
        err(`marginalia report: ${result.agreement.reason}`);
        status = 2;
        return false;
      }
      err(`marginalia report: no agreement figures: ${result.agreement.reason}${result.annotators.length > 2 ? ' (--annotators A,B)' : ''}`);
      return true;
    });
  } catch (error) {
    err(`marginalia report: ${(error as Error).message}`);
    return 2;
  }
  return status;
}

/** Progress of one of two passes over the files, as the first or second half of the bar. */
export function halfway(progress: ProgressReporter, pass: 0 | 1): ProgressReporter {
  return { report: (done, total, message) => progress.report(pass * total + done, 2 * total, message) };
}
