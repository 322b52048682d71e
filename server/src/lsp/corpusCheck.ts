import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Connection, type Diagnostic } from 'vscode-languageserver';
import { ServerCommands, type CorpusCheckResult } from '../api/protocol';
import type { FileReport, ProblemKind, SidecarProblem } from '../core/sidecar/check';
import { checkSidecarFiles } from '../node/checkFiles';
import { findSidecarsIn } from '../node/corpusFiles';
import { uriOfPath } from '../node/uris';
import { withWorkDoneProgress } from './workDoneProgress';

const CHECK_CORPUS_TITLE = "Check all articles' sidecars";
const CHECK_CORPUS_KIND = `${CodeActionKind.Source}.marginalia.checkCorpus`;

/**
 * The source action that checks every sidecar of the workspace, for editors that reach server
 * commands only through code actions. Offered when the client asks for source actions, or for all.
 */
export function corpusCheckActions(only: readonly string[] | undefined): CodeAction[] {
  const wanted = only === undefined || only.some((kind) => CHECK_CORPUS_KIND === kind || CHECK_CORPUS_KIND.startsWith(`${kind}.`));
  return wanted ? [{ title: CHECK_CORPUS_TITLE, kind: CHECK_CORPUS_KIND, command: { title: CHECK_CORPUS_TITLE, command: ServerCommands.checkCorpus } }] : [];
}

/** Orphans and conflicts are states the annotator settles in the article; the rest make the sidecar wrong, and fail CI. */
const SEVERITY: Record<ProblemKind, DiagnosticSeverity> = {
  'invalid-sidecar': DiagnosticSeverity.Error,
  'missing-article': DiagnosticSeverity.Error,
  'shared-sidecar': DiagnosticSeverity.Error,
  'out-of-range': DiagnosticSeverity.Error,
  'text-mismatch': DiagnosticSeverity.Error,
  orphan: DiagnosticSeverity.Warning,
  conflict: DiagnosticSeverity.Warning,
  'relation-end-missing': DiagnosticSeverity.Error,
  // The project's types changed under the relation: a person decides whether to relabel or remove it.
  'relation-type': DiagnosticSeverity.Warning,
  'relation-labels': DiagnosticSeverity.Warning,
};

const KIND_NAMES: Record<ProblemKind, [one: string, many: string]> = {
  'invalid-sidecar': ['schema problem', 'schema problems'],
  'missing-article': ['missing article', 'missing articles'],
  'shared-sidecar': ['sidecar two articles would share', 'sidecars two articles would share'],
  'out-of-range': ["tag past its article's end", "tags past their article's end"],
  'text-mismatch': ['tag whose text moved', 'tags whose text moved'],
  orphan: ['orphaned tag', 'orphaned tags'],
  conflict: ['tag in conflict', 'tags in conflict'],
  'relation-end-missing': ['relation pointing at a missing tag', 'relations pointing at missing tags'],
  'relation-type': ['relation of an undeclared type', 'relations of undeclared types'],
  'relation-labels': ['relation its type no longer allows', 'relations their types no longer allow'],
};

/**
 * `marginalia check` over every workspace folder, run from the editor: the same code, under
 * cancellable work-done progress.
 *
 * Problems are published as diagnostics on the sidecar files, besides a summary message with counts:
 * each problem names a line of the sidecar (one tag a line), so the Problems panel lists them grouped
 * by file with their counts, and a click opens the tag. Not on the articles: their diagnostics are the
 * live ones of the open editor, which a publish for the same file would replace. The sidecars'
 * diagnostics hold until the next check; a cancelled check changes none, since it saw only part.
 */
export class CorpusCheck {
  private running = false;
  /** Sidecars given problems by the last check, cleared when the next one finds them well. */
  private troubled = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly workspaceFolders: () => readonly string[],
  ) {}

  async run(): Promise<CorpusCheckResult> {
    if (this.running) throw new Error('a check of all articles is already running; cancel it or wait for it');
    const folders = this.workspaceFolders();
    if (folders.length === 0) throw new Error('open a folder to check its articles: this window has none');
    this.running = true;
    try {
      const outcome = await withWorkDoneProgress(this.connection, { title: 'Checking sidecars', unit: 'articles' }, async (options) => checkSidecarFiles(await findSidecarsIn(folders), options));
      const reports = outcome.results;
      const problems = reports.reduce((sum, report) => sum + report.problems.length, 0);
      const result = { checked: outcome.done, total: outcome.total, problems, cancelled: outcome.cancelled };
      if (outcome.cancelled) {
        const message = `Check cancelled after ${outcome.done} of ${outcome.total} articles.`;
        void this.connection.window.showInformationMessage(message);
        return { ...result, message };
      }
      this.publish(reports);
      const message = summary(reports, problems);
      void (problems === 0 ? this.connection.window.showInformationMessage(message) : this.connection.window.showWarningMessage(message));
      return { ...result, message };
    } finally {
      this.running = false;
    }
  }

  private publish(reports: readonly FileReport[]): void {
    const troubled = new Set<string>();
    for (const report of reports) {
      if (report.problems.length === 0) continue;
      const uri = uriOfPath(report.sidecar);
      troubled.add(uri);
      void this.connection.sendDiagnostics({ uri, diagnostics: report.problems.map(diagnosticOf) });
    }
    for (const uri of this.troubled) if (!troubled.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.troubled = troubled;
  }
}

function diagnosticOf(problem: SidecarProblem): Diagnostic {
  // A problem without a line (a missing article, unreadable JSON) concerns the whole file: its first line.
  const line = (problem.line ?? 1) - 1;
  return { range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, severity: SEVERITY[problem.kind], source: 'marginalia check', code: problem.kind, message: problem.message };
}

/** "Checked 2000 articles' sidecars: 5 problems in 3 sidecars (3 orphaned tags, 2 tags in conflict), each marked on its line in the sidecar." */
function summary(reports: readonly FileReport[], problems: number): string {
  if (reports.length === 0) return 'No sidecars (*.annotations.json) in this workspace: nothing to check.';
  const checked = `Checked ${plural(reports.length, "article's sidecar", "articles' sidecars")}`;
  if (problems === 0) return `${checked}: all well.`;
  const counts = new Map<ProblemKind, number>();
  for (const report of reports) for (const problem of report.problems) counts.set(problem.kind, (counts.get(problem.kind) ?? 0) + 1);
  const byKind = [...counts].sort((a, b) => b[1] - a[1]).map(([kind, count]) => plural(count, ...KIND_NAMES[kind]));
  const troubled = reports.filter((report) => report.problems.length > 0).length;
  return `${checked}: ${plural(problems, 'problem', 'problems')} in ${plural(troubled, 'sidecar', 'sidecars')} (${byKind.join(', ')}), each marked on its line in the sidecar.`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
