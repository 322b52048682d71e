import type { ProgressReporter } from '../core/base/progress';
import type { FileReport } from '../core/sidecar/check';
import { checkProjectFiles, checkSidecarFiles, type ProjectFileReport } from '../node/checkFiles';
import { fixSidecars } from '../node/checkFix';
import { findSidecars, type FoundSidecar } from '../node/corpusFiles';

export type CheckFormat = 'text' | 'json';

export interface CheckRequest {
  /** A folder to search, or one sidecar. */
  path: string;
  format: CheckFormat;
  /** Re-anchor tags whose article changed and mark the lost ones orphaned in their sidecars, then check. */
  fix?: boolean;
}

/**
 * Checks every sidecar below `path` against its article, for people or for CI (exit codes: 0 all
 * well, 1 problems found, 2 bad usage). Folders named node_modules or starting with "." are skipped.
 */
export async function runCheck(request: CheckRequest, out: (chunk: string) => void, err: (line: string) => void, progress?: ProgressReporter): Promise<number> {
  let found: FoundSidecar[];
  const projectPaths: string[] = [];
  try {
    found = await findSidecars(request.path, projectPaths);
  } catch (error) {
    err(`marginalia check: ${(error as Error).message}`);
    return 2;
  }
  const projectFiles = await checkProjectFiles(projectPaths);
  if (request.fix) {
    for (const fixed of await fixSidecars(found, err)) {
      err(`${fixed.sidecar}: fixed: ${fixed.moved} tag${fixed.moved === 1 ? '' : 's'} moved to where ${fixed.moved === 1 ? 'its' : 'their'} text now is, ${fixed.orphaned} marked orphaned`);
    }
  }
  const { results: reports } = await checkSidecarFiles(found, { progress });
  const problems = reports.reduce((sum, report) => sum + report.problems.length, 0) + projectFiles.reduce((sum, report) => sum + report.problems.length, 0);
  out(request.format === 'json' ? JSON.stringify({ projectFiles, sidecars: reports, problems }, null, 2) + '\n' : forPeople(request.path, projectFiles, reports, problems));
  return problems === 0 ? 0 : 1;
}

/** One line a problem, `path:line: message`, then a count line per file and a summary. */
function forPeople(root: string, projectFiles: readonly ProjectFileReport[], reports: readonly FileReport[], problems: number): string {
  const lines: string[] = [];
  for (const { file, problems: found } of projectFiles) {
    for (const problem of found) lines.push(`${file}:${problem.line}:${problem.column}: ${problem.message}`);
    lines.push(`${file}: ${found.length === 0 ? 'project file well' : `${plural(found.length, 'problem')}: its corpus cannot use it until it is fixed`}`);
  }
  if (reports.length === 0) return [...lines, `No sidecars (*.annotations.json) below ${root === '.' ? 'this folder' : root}.${problems > 0 ? ` ${plural(problems, 'problem')} in project files.` : ''}`].join('\n') + '\n';
  for (const report of reports) {
    for (const problem of report.problems) lines.push(`${report.sidecar}${problem.line === undefined ? '' : `:${problem.line}`}: ${problem.message}`);
    const count = report.problems.length;
    lines.push(`${report.sidecar}: ${plural(report.tags, 'tag')}, ${count === 0 ? 'all well' : plural(count, 'problem')}`);
  }
  const troubled = reports.filter((report) => report.problems.length > 0).length;
  lines.push(
    problems === 0
      ? `Checked ${plural(reports.length, 'sidecar')}${projectFiles.length > 0 ? ` and ${plural(projectFiles.length, 'project file')}` : ''}: all well.`
      : `Checked ${plural(reports.length, 'sidecar')}${projectFiles.length > 0 ? ` and ${plural(projectFiles.length, 'project file')}` : ''}: ${plural(problems, 'problem')} in ${troubled + projectFiles.filter((report) => report.problems.length > 0).length} of them.`,
  );
  return lines.join('\n') + '\n';
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
