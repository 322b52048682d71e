import { basename } from 'node:path';
import { eachWithProgress, type ProgressOptions, type ProgressOutcome } from '../core/base/progress';
import { MAX_PROJECT_FILE_BYTES, relationTypesLookup } from './projectFiles';
import { projectFileProblems, type ProjectFileProblem } from '../core/project/checkProjectFile';
import { readArticleFile, readRegularFile, UnreadableFileError } from './regularFile';
import { checkSidecarFile, unreadableSidecarReport, type FileReport } from '../core/sidecar/check';
import { MAX_SIDECAR_BYTES } from '../core/sidecar/limits';
import type { FoundSidecar } from './corpusFiles';
import type { RelationType } from '../core/project/relationTypes';

/**
 * `marginalia check` reading the files: each sidecar and its article, and the project files, handed
 * to the core's checks. What the CLI prints and the editor marks as diagnostics.
 */

export interface ProjectFileReport {
  file: string;
  problems: ProjectFileProblem[];
}

/** The project files (marginalia.json) below the checked folder: a broken one leaves its corpus on the wrong labels. */
export async function checkProjectFiles(paths: readonly string[]): Promise<ProjectFileReport[]> {
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
  const relationTypesOf = relationTypesLookup();
  return eachWithProgress(found, (sidecar) => checkFile(sidecar, relationTypesOf), { concurrency: 4, ...options });
}

async function checkFile({ path, articlePath, sharedBy }: FoundSidecar, relationTypesOf: (path: string) => RelationType[]): Promise<FileReport> {
  const sidecar = { path, articlePath, articleName: articlePath ? basename(articlePath) : basename(path).replace(/\.annotations\.json$/, '.txt'), sharedBy };
  let sidecarText: string;
  try {
    sidecarText = new TextDecoder('utf-8', { fatal: true }).decode(await readRegularFile(path, MAX_SIDECAR_BYTES));
  } catch (error) {
    return unreadableSidecarReport(sidecar, error instanceof TypeError ? 'not valid UTF-8 text' : error instanceof UnreadableFileError ? error.problem : `cannot read (${(error as Error).message})`);
  }
  // A shared sidecar is not judged against either article: no need to read one.
  // An article listed a moment ago but unreadable now is reported like a missing one.
  const articleText = sharedBy || articlePath === undefined ? undefined : await readArticleFile(articlePath).catch(() => undefined);
  return checkSidecarFile(sidecar, sidecarText, articleText, relationTypesOf(articlePath ?? path));
}
