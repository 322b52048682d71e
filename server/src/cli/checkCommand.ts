import { basename } from 'node:path';
import { eachWithProgress, type ProgressOptions, type ProgressOutcome, type ProgressReporter } from '../core/progress';
import { readArticleFile, readRegularFile, UnreadableFileError } from '../core/regularFile';
import { checkSidecar, type SidecarProblem } from '../core/sidecar/check';
import { MAX_SIDECAR_BYTES } from '../core/sidecar/store';
import { findSidecars, type FoundSidecar } from '../core/findSidecars';

export type CheckFormat = 'text' | 'json';

export interface CheckRequest {
  /** A folder to search, or one sidecar. */
  path: string;
  format: CheckFormat;
}

export interface FileReport {
  sidecar: string;
  article: string | null;
  tags: number;
  problems: SidecarProblem[];
}

/**
 * Checks every sidecar below `path` against its article, for people or for CI (exit codes: 0 all
 * well, 1 problems found, 2 bad usage). Folders named node_modules or starting with "." are skipped.
 */
export async function runCheck(request: CheckRequest, out: (chunk: string) => void, err: (line: string) => void, progress?: ProgressReporter): Promise<number> {
  let found: FoundSidecar[];
  try {
    found = await findSidecars(request.path);
  } catch (error) {
    err(`marginalia check: ${(error as Error).message}`);
    return 2;
  }
  const { results: reports } = await checkSidecarFiles(found, { progress });
  const problems = reports.reduce((sum, report) => sum + report.problems.length, 0);
  out(request.format === 'json' ? JSON.stringify({ sidecars: reports, problems }, null, 2) + '\n' : forPeople(request.path, reports, problems));
  return problems === 0 ? 0 : 1;
}

/**
 * Checks each sidecar against its article, in order; what `marginalia check` runs and the editor's
 * "Check all articles' sidecars". A few files are read at once: reading overlaps checking.
 */
export function checkSidecarFiles(found: readonly FoundSidecar[], options: ProgressOptions = {}): Promise<ProgressOutcome<FileReport>> {
  return eachWithProgress(found, checkFile, { concurrency: 4, ...options });
}

async function checkFile({ path, articlePath }: FoundSidecar): Promise<FileReport> {
  const expectedArticle = basename(path).replace(/\.annotations\.json$/, '.txt');
  let sidecarText: string;
  try {
    sidecarText = new TextDecoder('utf-8', { fatal: true }).decode(await readRegularFile(path, MAX_SIDECAR_BYTES));
  } catch (error) {
    const message = error instanceof TypeError ? 'not valid UTF-8 text' : error instanceof UnreadableFileError ? error.problem : `cannot read (${(error as Error).message})`;
    return { sidecar: path, article: articlePath ?? null, tags: 0, problems: [{ kind: 'invalid-sidecar', message }] };
  }
  // An article listed a moment ago but unreadable now is reported like a missing one.
  const articleText = articlePath === undefined ? undefined : await readArticleFile(articlePath).catch(() => undefined);
  const { tags, problems } = checkSidecar(sidecarText, path, { name: articlePath ? basename(articlePath) : expectedArticle, text: articleText });
  return { sidecar: path, article: articlePath ?? null, tags, problems };
}

/** One line a problem, `path:line: message`, then a count line per file and a summary. */
function forPeople(root: string, reports: readonly FileReport[], problems: number): string {
  if (reports.length === 0) return `No sidecars (*.annotations.json) below ${root === '.' ? 'this folder' : root}.\n`;
  const lines: string[] = [];
  for (const report of reports) {
    for (const problem of report.problems) lines.push(`${report.sidecar}${problem.line === undefined ? '' : `:${problem.line}`}: ${problem.message}`);
    const count = report.problems.length;
    lines.push(`${report.sidecar}: ${plural(report.tags, 'tag')}, ${count === 0 ? 'all well' : plural(count, 'problem')}`);
  }
  const troubled = reports.filter((report) => report.problems.length > 0).length;
  lines.push(
    problems === 0
      ? `Checked ${plural(reports.length, 'sidecar')}: all well.`
      : `Checked ${plural(reports.length, 'sidecar')}: ${plural(problems, 'problem')} in ${troubled} of them.`,
  );
  return lines.join('\n') + '\n';
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
