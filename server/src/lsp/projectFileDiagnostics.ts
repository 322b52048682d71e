import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ProjectProblem } from '../core/project/articleSelector';

/** Answers the state of the project file governing a path (see ArticleWorkspace.projectFileStatus). */
export type ProjectFileStatusOf = (path: string) => { file: string; broken?: ProjectProblem } | undefined;

/**
 * Shows a broken marginalia.json where it is wrong: an error diagnostic on each key or value at fault
 * (so any editor's Problems list names it) and one message saying what the corpus goes on with; the
 * diagnostics go away once the file is fixed. Without this, a typo in the project file silently put
 * the corpus back on the default labels.
 */
export class ProjectFileDiagnostics {
  /** Project files shown broken, with what was published for each (the same list is not sent twice). */
  private readonly shown = new Map<string, string>();

  constructor(
    private readonly connection: Connection,
    private readonly warn: (message: string) => void,
  ) {}

  /** Looks up the project files governing `paths` and every file shown broken, and publishes what changed. */
  refresh(paths: readonly string[], statusOf: ProjectFileStatusOf): void {
    const files = new Map<string, ProjectProblem | undefined>();
    for (const path of [...paths, ...this.shown.keys()]) {
      const status = statusOf(path);
      if (status && !files.has(status.file)) files.set(status.file, status.broken);
    }
    // A file shown broken and now gone (deleted, or no longer governing anything): its problems go too.
    for (const file of this.shown.keys()) if (!files.has(file)) files.set(file, undefined);
    for (const [file, broken] of files) this.publish(file, broken);
  }

  private publish(file: string, broken: ProjectProblem | undefined): void {
    const diagnostics = broken ? diagnosticsOf(broken) : [];
    const key = JSON.stringify(diagnostics);
    if ((this.shown.get(file) ?? '[]') === key) return;
    if (broken) this.shown.set(file, key);
    else this.shown.delete(file);
    if (broken) {
      const goesOn = broken.keptLastGood ? 'Its corpus goes on with the last good version of the file' : 'Its folder is not treated as a corpus';
      this.warn(`Marginalia: ${file} is not valid: ${broken.issues.map((issue) => issue.message).join('; ')}. ${goesOn} until it is fixed.`);
    }
    void this.connection.sendDiagnostics({ uri: pathToFileURL(file).href, diagnostics });
  }
}

function diagnosticsOf(broken: ProjectProblem): Diagnostic[] {
  const document = TextDocument.create('file:///marginalia.json', 'json', 0, broken.text);
  return broken.issues.map((issue) => ({
    range: { start: document.positionAt(issue.start), end: document.positionAt(issue.end) },
    severity: DiagnosticSeverity.Error,
    source: 'marginalia',
    code: 'project-file-invalid',
    message: issue.message,
  }));
}
