/**
 * The VS Code client: starts the language server and adds only what LSP cannot do — label colours
 * as decorations, a label picker, keyboard navigation between suggestions, undo on the usual keys,
 * and a status bar count. All intelligence lives in the server.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { ArticleChangedNotification, CorpusChangedNotification, type ArticleChanged, type CorpusChanged } from '../server/src/api/protocol';
import { registerAnnotateFolderCommand } from './annotateFolder';
import { registerTransferCommands } from './transferCommands';
import { ArticleViews } from './articleViews';
import { registerCommands } from './commands';
import { CorpusView } from './corpusView';
import { ADD_COMMENT_COMMAND, registerReviewCommands } from './reviewCommands';
import { LINK_TO_COMMAND, registerLinkPicker } from './linkPicker';
import { Decorations } from './decorations';
import { markArticles } from './articleLanguage';
import { refreshOutline } from './outlineRefresh';
import { ReportPanel } from './reportPanel';
import { ProgressNotifications } from './progressNotifications';
import { StatusCount } from './statusCount';
import { registerLearnedRules } from './learnedRules';
import { TAG_ALL_PREVIEW_COMMAND, registerTagAllPreview } from './tagAllPreview';

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const activationStarted = performance.now();
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // The server picks articles by path; plain .txt files are sent too so that a folder holding a
    // marginalia.json works before its files are given our language id.
    documentSelector: [
      { scheme: 'file', language: 'marginalia-article' },
      { scheme: 'file', language: 'plaintext', pattern: '**/*.txt' },
    ],
    synchronize: { configurationSection: 'marginalia' },
    // The server offers "Add a comment…" as a code action running this command, which asks for the text,
    // and "Tag all … in the workspace" running the other, which shows the occurrences to tag in a picker.
    initializationOptions: { commentCommand: ADD_COMMENT_COMMAND, tagAllPreviewCommand: TAG_ALL_PREVIEW_COMMAND, linkToCommand: LINK_TO_COMMAND },
  };
  client = new LanguageClient('marginalia', 'Marginalia', serverOptions, clientOptions);
  client.registerFeature(new ProgressNotifications(client));
  // Activation holds up every editor feature, so it does not wait for the server: requests wait for
  // the start themselves, and the open editors are decorated once it is up.
  const started = client.start();

  const views = new ArticleViews(client);
  const decorations = new Decorations();
  const status = new StatusCount(client);
  const corpusView = new CorpusView(client, views);
  const reportPanel = new ReportPanel(client, context.extensionUri);
  const refresh = async (editor: vscode.TextEditor | undefined) => {
    if (!editor) return;
    const view = await views.fetch(editor.document);
    decorations.show(editor, view);
    if (editor === vscode.window.activeTextEditor) void status.show(view);
  };
  const refreshVisible = () => Promise.all(vscode.window.visibleTextEditors.map(refresh));

  context.subscriptions.push(
    client,
    decorations,
    status,
    client.onNotification(ArticleChangedNotification, ({ uri }: ArticleChanged) => {
      refreshOutline();
      corpusView.articleChanged(uri);
      for (const editor of vscode.window.visibleTextEditors) if (editor.document.uri.toString() === uri) void refresh(editor);
    }),
    client.onNotification(CorpusChangedNotification, (change: CorpusChanged) => {
      corpusView.corpusChanged(change);
      reportPanel.corpusChanged(change);
    }),
    corpusView,
    ...corpusView.register(),
    reportPanel,
    ...reportPanel.register(),
    vscode.window.onDidChangeVisibleTextEditors(() => void refreshVisible()),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      void status.show(undefined);
      void refresh(editor);
    }),
    views.onDidChangeDocument((document) => {
      for (const editor of vscode.window.visibleTextEditors) if (editor.document === document) void refresh(editor);
    }),
    ...registerCommands(client, views),
    ...registerReviewCommands(views),
    registerLinkPicker(),
    registerLearnedRules(views),
    registerTagAllPreview(),
    registerAnnotateFolderCommand(),
    ...registerTransferCommands(client.outputChannel),
    markArticles(),
  );
  // `npm run bench` reads this line to hold activation to its budget.
  client.outputChannel.appendLine(`Marginalia activated in ${Math.round(performance.now() - activationStarted)} ms`);
  started.then(
    () => void refreshVisible(),
    (error: unknown) => void vscode.window.showErrorMessage(`Marginalia: the language server did not start (${error instanceof Error ? error.message : String(error)}). See the Marginalia output.`),
  );
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
