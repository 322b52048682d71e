import * as vscode from 'vscode';
import {
  WorkDoneProgress,
  WorkDoneProgressCancelNotification,
  WorkDoneProgressCreateRequest,
  type BaseLanguageClient,
  type ClientCapabilities,
  type FeatureState,
  type ProgressToken,
  type StaticFeature,
  type WorkDoneProgressBegin,
  type WorkDoneProgressReport,
} from 'vscode-languageclient/node';

/**
 * Shows the server's work-done progress (checking every sidecar, pre-annotating a folder) as a
 * notification with a Cancel button. The language client shows it in the status bar, where it
 * cannot be cancelled; registered after the client's own feature, this one answers
 * window/workDoneProgress/create in its place (features initialise in order, and a request has
 * one handler), also after the server restarts.
 */
export class ProgressNotifications implements StaticFeature {
  /** Ends the notifications still open, when the client stops. */
  private readonly open = new Set<() => void>();

  constructor(private readonly client: BaseLanguageClient) {}

  fillClientCapabilities(capabilities: ClientCapabilities): void {
    capabilities.window = { ...capabilities.window, workDoneProgress: true };
  }

  initialize(): void {
    this.client.onRequest(WorkDoneProgressCreateRequest.type, ({ token }) => this.follow(token));
  }

  getState(): FeatureState {
    return { kind: 'window', id: WorkDoneProgressCreateRequest.method, registrations: this.open.size > 0 };
  }

  clear(): void {
    for (const end of [...this.open]) end();
  }

  private follow(token: ProgressToken): void {
    let notification: vscode.Progress<{ message?: string; increment?: number }> | undefined;
    let shownPercentage = 0;
    let ended!: () => void;
    const closed = new Promise<void>((resolve) => (ended = resolve));
    const show = ({ message, percentage }: WorkDoneProgressBegin | WorkDoneProgressReport) => {
      if (!notification) return;
      // VS Code's progress adds increments; LSP's states where it is.
      const increment = percentage === undefined ? undefined : Math.max(0, Math.min(100, percentage) - shownPercentage);
      shownPercentage += increment ?? 0;
      notification.report({ message, increment });
    };
    const end = () => {
      listener.dispose();
      this.open.delete(end);
      ended();
    };
    const listener = this.client.onProgress(WorkDoneProgress.type, token, (value) => {
      if (value.kind === 'end') return end();
      if (value.kind === 'report') return show(value);
      const cancellable = value.cancellable === true;
      void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: value.title, cancellable }, (progress, cancellation) => {
        notification = progress;
        cancellation.onCancellationRequested(() => {
          // A server already gone has nothing left to cancel.
          this.client.sendNotification(WorkDoneProgressCancelNotification.type, { token }).catch(() => undefined);
        });
        show(value);
        return closed;
      });
    });
    this.open.add(end);
  }
}
