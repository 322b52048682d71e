import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver';
import type { Cancellation, ProgressReporter } from '../core/base/progress';

export interface WorkDoneProgressTitle {
  /** What the editor shows above the bar: "Checking sidecars". */
  title: string;
  /** What is counted, for the default message "12 of 2000 articles". */
  unit: string;
}

/**
 * Runs a long operation under LSP work-done progress that the server creates, cancellable: VS Code
 * shows it as a notification with a Cancel button (src/progressNotifications.ts), other editors as
 * they show $/progress. A report is sent only when the whole percentage changes, so a run over
 * 100,000 files sends about a hundred messages. A client without work-done progress gets none, and
 * the operation runs to its end.
 */
export async function withWorkDoneProgress<T>(
  connection: Connection,
  { title, unit }: WorkDoneProgressTitle,
  operation: (options: { progress: ProgressReporter; cancellation: Cancellation }) => Promise<T>,
): Promise<T> {
  let reporter: WorkDoneProgressServerReporter | undefined;
  try {
    reporter = await connection.window.createWorkDoneProgress();
  } catch (error) {
    // The client refused the token: the work is still wanted, only unseen.
    connection.console.warn(`${title}: no progress shown (${error instanceof Error ? error.message : String(error)})`);
  }
  // Until the first report, the operation is finding what to count.
  reporter?.begin(title, 0, `Finding the ${unit}…`, true);
  let shownPercentage: number | undefined;
  const progress: ProgressReporter = {
    report(done, total, message) {
      const percentage = total === 0 ? 100 : Math.floor((done / total) * 100);
      if (percentage === shownPercentage) return;
      shownPercentage = percentage;
      reporter?.report(percentage, message ?? `${done} of ${total} ${unit}`);
    },
  };
  try {
    return await operation({ progress, cancellation: { isCancelled: () => reporter?.token.isCancellationRequested === true } });
  } finally {
    reporter?.done();
  }
}
