import { lineAndColumnAt } from '../base/jsonSyntax';
import { parseProjectFile } from './projectFile';

/** A problem of a project file, for `marginalia check`: its 1-based line and column, and what is wrong there. */
export interface ProjectFileProblem {
  line: number;
  column: number;
  message: string;
}

/** What is wrong with a project file's text (nothing when it parses and passes its schema). */
export function projectFileProblems(text: string, fileName: string): ProjectFileProblem[] {
  const parsed = parseProjectFile(text, fileName);
  if (parsed.ok) return [];
  return parsed.issues.map((issue) => ({ ...lineAndColumnAt(text, issue.start), message: issue.message }));
}
