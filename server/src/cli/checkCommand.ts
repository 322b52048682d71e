import { basename } from 'node:path';
import { eachWithProgress, type ProgressOptions, type ProgressOutcome, type ProgressReporter } from '../core/progress';
import { readArticleFile, readRegularFile, UnreadableFileError } from '../core/regularFile';
import { checkSidecar, countTags, type SidecarProblem } from '../core/sidecar/check';
import { sharedSidecarProblem } from '../core/sidecar/sharedSidecars';
import { MAX_SIDECAR_BYTES } from '../core/sidecar/store';
import { findSidecars, type FoundSidecar } from '../core/findSidecars';
import { fixSidecars } from './checkFix';
import { MAX_PROJECT_FILE_BYTES } from '../node/projectFiles';
import { projectFileProblems, type ProjectFileProblem } from '../core/project/checkProjectFile';

export type CheckFormat = 'text' | 'json';

export interface CheckRequest {
  /** A folder to search, or one sidecar. */
  path: string;
  format: CheckFormat;
  /** Re-anchor tags whose article changed and mark the lost ones orphaned in their sidecars, then check. */
  fix?: boolean;
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

export interface ProjectFileReport {
  file: string;
  problems: ProjectFileProblem[];
}

/** The project files (marginalia.json) below the checked folder: a broken one leaves its corpus on the wrong labels. */
async function checkProjectFiles(paths: readonly string[]): Promise<ProjectFileReport[]> {
  const reports: ProjectFileReport[] = [];
  for (const file of paths) {
    const text = await readRegularFile(file, MAX_PROJECT_FILE_BYTES).then((bytes) => bytes.toString('utf8'), (error: Error) => error);
    reports.push({ file, problems: typeof text === 'string' ? projectFileProblems(text, file) : [{ line: 1, column: 1, message: `cannot read (${text instanceof UnreadableFileError ? text.problem : text.message})` }] });
  }
  return reports;
}

/**
 * Checks each sidecar against its article, in order; what `marginalia check` runs and the editor's
 * "Check all articles' sidecars". A few files are read at once: reading overlaps checking.
 */
export function checkSidecarFiles(found: readonly FoundSidecar[], options: ProgressOptions = {}): Promise<ProgressOutcome<FileReport>> {
  return eachWithProgress(found, checkFile, { concurrency: 4, ...options });
}

async function checkFile({ path, articlePath, sharedBy }: FoundSidecar): Promise<FileReport> {
  const expectedArticle = basename(path).replace(/\.annotations\.json$/, '.txt');
  let sidecarText: string;
  try {
    sidecarText = new TextDecoder('utf-8', { fatal: true }).decode(await readRegularFile(path, MAX_SIDECAR_BYTES));
  } catch (error) {
    const message = error instanceof TypeError ? 'not valid UTF-8 text' : error instanceof UnreadableFileError ? error.problem : `cannot read (${(error as Error).message})`;
    return { sidecar: path, article: articlePath ?? null, tags: 0, problems: [{ kind: 'invalid-sidecar', message }] };
  }
  // Checked against either article, its tags would be judged against text that may not be theirs: only the collision is reported.
  if (sharedBy) return { sidecar: path, article: articlePath ?? null, tags: countTags(sidecarText), problems: [{ kind: 'shared-sidecar', message: sharedSidecarProblem(sharedBy) }] };
  // An article listed a moment ago but unreadable now is reported like a missing one.
  const articleText = articlePath === undefined ? undefined : await readArticleFile(articlePath).catch(() => undefined);
  const { tags, problems } = checkSidecar(sidecarText, path, { name: articlePath ? basename(articlePath) : expectedArticle, text: articleText });
  return { sidecar: path, article: articlePath ?? null, tags, problems };
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
