/**
 * The Marginalia language server: wires LSP requests to the article workspace. Started by the VS Code
 * extension over IPC, and by `marginalia lsp --stdio` for any other editor.
 */
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  type CodeAction,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type Connection,
  type InitializeParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  ArticleChangedNotification,
  ArticleViewRequest,
  CorpusChangedNotification,
  CorpusReportRequest,
  CorpusRequest,
  type ArticleView,
  type CorpusParams,
  type CorpusReportParams,
} from '../api/protocol';
import { PROJECT_FILE_NAME } from '../core/project/projectFile';
import { LEXICON_FILE_NAME } from '../core/lexicon/schema';
import { JOURNAL_FILE_NAME, JOURNAL_FOLDER } from '../core/lexicon/lexiconJournal';
import { lexiconPathIn } from '../core/lexicon/lexiconFile';
import { isSidecarPath } from '../core/sidecar';
import { isDecided, type Article } from './article';
import { FolderAnnotation, annotateFolderActions } from './annotateFolder';
import { ArticleWorkspace } from './articleWorkspace';
import { codeActionsAt } from './codeActions';
import { codeLensesOf } from './codeLens';
import { CorpusCheck, corpusCheckActions } from './corpusCheck';
import { Corpus, exportParameter, pageParameters, reportParameters, urisParameter } from './corpus';
import { CorpusChanges } from './corpusChanges';
import { SERVER_COMMAND_IDS, executeCommand, type CommandContext } from './commandTable';
import { diagnosticsOf } from './diagnostics';
import { documentSymbolsOf } from './documentSymbols';
import { relationDefinition, relationHoverLines, relationInlayHints } from './relationViews';
import { hoverAt } from './hover';
import { learningSourceActions } from './learningActions';
import { ModelSuggestions } from './modelSuggestions';
import { WorkspaceTagAll, tagAllPreviewCommandOf, type PhraseCount } from './workspaceTagAll';
import { SEMANTIC_TOKENS_LEGEND, SemanticTokenResults, encodeSemanticTokens } from './semanticTokens';
import { parseSettings, resolveAnnotator } from './settings';
import { ProjectFileDiagnostics } from './projectFileDiagnostics';
import { exportFromEditor, importFromEditor } from './transfer';
import { pathOfUri as safePath } from '../node/uris';
import { CorpusIndexThread } from '../node/corpusIndexThread';
import { withWorkDoneProgress } from './workDoneProgress';

export function startServer(connection: Connection = connectionFromArguments()): void {
  const documents = new TextDocuments(TextDocument);
  const tokens = new SemanticTokenResults();
  const warned = new Set<string>();
  const diagnosticTimers = new Map<string, NodeJS.Timeout>();
  /**
   * What each article's diagnostics last were: the same list is not sent again. Every send makes the
   * editor recompute its code actions, which cancels a quick-fix list the person just asked for.
   */
  const publishedDiagnostics = new Map<string, string>();
  let canRefreshTokens = false;
  /** Relation hints change with tag actions, not with the text the editor knows of: it is told to ask again. */
  let canRefreshInlayHints = false;
  /** The counts at the top of an article change with tags and recognisers' answers, not only with its text: the editor is told to ask again. */
  let canRefreshCodeLenses = false;
  let canAskConfiguration = false;
  let canWatchFiles = false;
  /** The client command that asks the person for a comment, if the client has one (see commentCommandOf). */
  let commentCommand: string | undefined;
  /** The client command that lists every link a tag may make in a picker (VS Code's "Link to…"), if the client has one. */
  let linkToCommand: string | undefined;
  let workspaceFolders: string[] = [];

  const warn = (message: string) => {
    if (warned.has(message)) return;
    warned.add(message);
    connection.console.warn(message);
    void connection.window.showWarningMessage(message);
  };

  const publishDiagnostics = (article: Article, delay: number) => {
    clearTimeout(diagnosticTimers.get(article.uri));
    diagnosticTimers.set(
      article.uri,
      setTimeout(() => {
        diagnosticTimers.delete(article.uri);
        // Before the settings, blind mode is not known yet: they come with them (configure redraws every article).
        // Before its sidecar is read, an article's suggestions would cover text already tagged: loading redraws it.
        if (workspace.get(article.uri) !== article || !workspace.settingsAreKnown || !article.tagsLoaded) return;
        guard('diagnostics', () => {
          const diagnostics = diagnosticsOf(article, { suggestionHints: workspace.settings.suggestionHints, seesEveryone: workspace.seesEveryone, onlyToReview: workspace.reviewFilter, relationTypes: workspace.relationTypesFor(article) });
          const published = `${article.document.version}:${JSON.stringify(diagnostics)}`;
          if (publishedDiagnostics.get(article.uri) === published) return;
          publishedDiagnostics.set(article.uri, published);
          void connection.sendDiagnostics({ uri: article.uri, version: article.document.version, diagnostics });
        }, undefined);
      }, delay),
    );
  };

  const corpusChanges = new CorpusChanges((change) => void connection.sendNotification(CorpusChangedNotification, change));
  const workspace = new ArticleWorkspace([], {
    articleChanged(article) {
      publishDiagnostics(article, 0);
      if (canRefreshTokens) void connection.languages.semanticTokens.refresh();
      if (canRefreshInlayHints) void connection.languages.inlayHint.refresh();
      if (canRefreshCodeLenses) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
      void connection.sendNotification(ArticleChangedNotification, { uri: article.uri });
      corpusChanges.articleChanged(article.uri);
    },
    warn,
    projectsLookedUp: (paths) => guard('project file diagnostics', () => projectFileDiagnostics.refresh(paths, (path) => workspace.projectFileStatus(path)), undefined),
    learnt: (texts) => guard('corpus index', () => tagAllInWorkspace.learnt(texts), undefined),
  });
  const projectFileDiagnostics = new ProjectFileDiagnostics(connection, warn);
  // The project's own recognisers: their suggestions arrive after the detector's, with a redraw.
  const modelSuggestions = new ModelSuggestions(workspace, { articleChanged: (article) => workspace.events.articleChanged(article), warn });
  const openArticle = async (document: TextDocument) => {
    const article = await workspace.open(document);
    if (article) modelSuggestions.schedule(article);
  };
  const corpus = new Corpus(workspace, () => workspaceFolders);
  const tagAllInWorkspace = new WorkspaceTagAll(workspace);
  /** The client command that previews "Tag all … in the workspace" in a picker (VS Code); else the server offers a preview action. */
  let tagAllPreviewCommand: string | undefined;

  /** Every handler is guarded: one failure is logged and answered with nothing, never a crash loop. */
  function guard<T>(what: string, run: () => T, fallback: T): T {
    try {
      return run();
    } catch (error) {
      connection.console.error(`${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fallback;
    }
  }

  async function configure(): Promise<void> {
    let raw: unknown;
    if (canAskConfiguration) {
      try {
        [raw] = await connection.workspace.getConfiguration([{ section: 'marginalia' }]);
      } catch {
        raw = undefined;
      }
    }
    const { settings, problem } = parseSettings(raw);
    if (problem) warn(problem);
    workspace.configure(settings, await resolveAnnotator(settings.annotator, workspaceFolders[0]), workspaceFolders);
  }

  connection.onInitialize((params: InitializeParams) => {
    workspaceFolders = foldersOf(params);
    workspace.setWorkspaceFolders(workspaceFolders);
    const capabilities = params.capabilities;
    canRefreshTokens = capabilities.workspace?.semanticTokens?.refreshSupport === true;
    canRefreshInlayHints = capabilities.workspace?.inlayHint?.refreshSupport === true;
    canRefreshCodeLenses = capabilities.workspace?.codeLens?.refreshSupport === true;
    canAskConfiguration = capabilities.workspace?.configuration === true;
    canWatchFiles = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    commentCommand = commentCommandOf(params.initializationOptions);
    linkToCommand = commentCommandOf(params.initializationOptions, 'linkToCommand');
    tagAllPreviewCommand = tagAllPreviewCommandOf(params.initializationOptions);
    return {
      capabilities: {
        // didSave tells when tags that moved with edits can get their new offsets in the sidecar.
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: { delta: true }, range: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Source] },
        executeCommandProvider: { commands: [...SERVER_COMMAND_IDS] },
        hoverProvider: true,
        documentSymbolProvider: true,
        codeLensProvider: { resolveProvider: false },
        inlayHintProvider: true,
        definitionProvider: true,
      },
      serverInfo: { name: 'marginalia' },
    };
  });

  connection.onInitialized(async () => {
    try {
      await configure();
    } finally {
      // Even with settings that failed, requests go on (with the defaults) rather than wait forever.
      workspace.settingsLoaded();
    }
    // Started before any request can ask it: requests wait for the settings, not for this handler.
    startIndex();
    if (canWatchFiles) {
      // Articles too: one edited, added or deleted outside the editor changes the corpus view.
      await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.annotations.json' }, { globPattern: `**/${PROJECT_FILE_NAME}` }, { globPattern: '**/*.txt' }, { globPattern: `**/${LEXICON_FILE_NAME}` }, { globPattern: `**/${JOURNAL_FOLDER}/${JOURNAL_FILE_NAME}` }] });
    }
    for (const document of documents.all()) await openArticle(document);
  });

  /** The articles globs the running index was built with: another setting restarts it. */
  let indexedWith: string | undefined;
  /**
   * The corpus index, built in a worker thread under work-done progress while the open articles are
   * served; the corpus view's request waits for the first build. Started again when the article
   * globs change. Runs from the bundle the server runs from (its entry serves the index as a worker).
   */
  const startIndex = () => {
    const key = JSON.stringify([workspaceFolders, workspace.settings.articles]);
    if (key === indexedWith || __filename.endsWith('.ts')) return;
    indexedWith = key;
    let report: (done: number, total: number) => void = () => {};
    const index = new CorpusIndexThread(__filename, workspaceFolders, workspace.settings.articles, (done, total) => report(done, total), (line) => connection.console.log(line));
    const previous = corpus.index;
    corpus.index = index;
    tagAllInWorkspace.useIndex(index);
    void previous?.stop();
    void withWorkDoneProgress(connection, { title: 'Indexing the corpus', unit: 'articles' }, async ({ progress }) => {
      report = (done, total) => progress.report(done, total);
      await index.built;
    }).catch((error: unknown) => connection.console.error(`indexing the corpus failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
  };

  connection.onDidChangeConfiguration(async () => {
    await configure();
    startIndex();
    for (const article of workspace.all()) publishDiagnostics(article, 0);
    if (canRefreshTokens) void connection.languages.semanticTokens.refresh();
    corpusChanges.corpusChanged();
  });

  /** A file changed: its article's counts; a file created or deleted: the list of articles. */
  const corpusChanged = (type: FileChangeType, articleUri: string) => {
    if (type === FileChangeType.Changed) corpusChanges.articleChanged(articleUri);
    else corpusChanges.corpusChanged();
  };

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    for (const change of changes) {
      const path = safePath(change.uri);
      if (!path) continue;
      // Queued before any later question to the index, which answers in order.
      if (!path.endsWith(LEXICON_FILE_NAME)) void tagAllInWorkspace.filesChanged([path]).catch((error: unknown) => connection.console.error(`updating the corpus index failed: ${String(error)}`));
      if (path.endsWith(LEXICON_FILE_NAME)) {
        // What the corpus learnt changed (git, another window): its open articles' suggestions follow.
        await workspace.lexicons.fileChanged(path);
      } else if (path.endsWith(`/${JOURNAL_FOLDER}/${JOURNAL_FILE_NAME}`)) {
        // Another window learnt something: its journal line is read (the lexicon file only when it changed).
        await workspace.lexicons.fileChanged(lexiconPathIn(dirname(dirname(path))));
      } else if (path.endsWith(PROJECT_FILE_NAME)) {
        workspace.projectFilesChanged();
        warned.clear();
        modelSuggestions.projectsChanged();
        // Broken now, or fixed: its diagnostics, and the open articles' labels, follow the file.
        projectFileDiagnostics.refresh([path, ...workspace.all().map((article) => article.path)], (file) => workspace.projectFileStatus(file));
        for (const article of workspace.all()) publishDiagnostics(article, 0);
        if (canRefreshTokens) void connection.languages.semanticTokens.refresh();
        corpusChanges.corpusChanged();
      } else if (isSidecarPath(path)) {
        const article = workspace.all().find((candidate) => path === candidate.path.replace(/\.txt$/i, '.annotations.json'));
        if (article) await workspace.reloadTags(article);
        corpusChanged(change.type, article?.uri ?? pathToFileURL(path.replace(/\.annotations\.json$/, '.txt')).href);
      } else {
        corpusChanged(change.type, change.uri);
      }
    }
  });

  documents.onDidOpen(({ document }) => void openArticle(document).catch((error) => warn(String(error))));
  documents.onDidChangeContent(({ document }) => {
    const article = workspace.get(document.uri);
    if (!article) return;
    article.documentChanged(document);
    publishDiagnostics(article, 300);
    modelSuggestions.edited(article);
    // Typing over a tag orphans it, unsaved.
    corpusChanges.articleChanged(article.uri);
  });
  documents.onDidSave(({ document }) => {
    const article = workspace.get(document.uri);
    if (article) void workspace.saved(article);
  });
  documents.onDidClose(({ document }) => {
    // Closed without saving: its counts are the file's again.
    if (workspace.get(document.uri)) corpusChanges.articleChanged(document.uri);
    workspace.close(document.uri);
    modelSuggestions.closed(document.uri);
    tokens.forget(document.uri);
    publishedDiagnostics.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  connection.languages.semanticTokens.on(async ({ textDocument }) => {
    const article = await workspace.ready(textDocument.uri);
    return guard('semantic tokens', () => tokens.full(textDocument.uri, article ? encodeSemanticTokens(article.document, article.highlights()) : []), { data: [] });
  });
  connection.languages.semanticTokens.onDelta(async ({ textDocument, previousResultId }) => {
    const article = await workspace.ready(textDocument.uri);
    return guard('semantic tokens delta', () => tokens.delta(textDocument.uri, previousResultId, article ? encodeSemanticTokens(article.document, article.highlights()) : []), { data: [] });
  });
  connection.languages.semanticTokens.onRange(async ({ textDocument, range }) => {
    const article = await workspace.ready(textDocument.uri);
    return guard('semantic tokens range', () => {
      if (!article) return { data: [] };
      const start = article.document.offsetAt(range.start);
      const end = article.document.offsetAt(range.end);
      return { data: encodeSemanticTokens(article.document, article.highlights().filter((h) => h.start < end && start < h.end)) };
    }, { data: [] });
  });

  connection.onCodeAction(async ({ textDocument, range, context }) => {
    const article = await workspace.ready(textDocument.uri);
    // The corpus's other articles, read before the quick fixes count in them.
    // The texts whose corpus counts the quick fixes need: asked of the index, then the actions are made with them.
    const phrases: string[] = [];
    let counts = new Map<string, PhraseCount>();
    const actionsWith = (tagAllInCorpus: (text: string, label: string) => CodeAction[]) => {
      if (!article) return [];
      const options = {
        seesEveryone: workspace.seesEveryone,
        onlyToReview: workspace.reviewFilter,
        commentCommand,
        tagAllInWorkspace: tagAllInCorpus,
        relationTypes: workspace.relationTypesFor(article),
        pendingRemoval: workspace.pendingRemovals.get(article.uri),
        linkToCommand,
      };
      return codeActionsAt(article, workspace.labelsFor(article), article.document.offsetAt(range.start), article.document.offsetAt(range.end), options);
    };
    guard('code actions', () => actionsWith((text) => (phrases.push(text), [])), []);
    if (article && phrases.length > 0) {
      try {
        await tagAllInWorkspace.prepare();
        counts = await tagAllInWorkspace.counts(article, phrases);
      } catch (error) {
        connection.console.error(`counting in the corpus failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
    const articleActions = guard('code actions', () => actionsWith((text, label) => tagAllInWorkspace.actionsFor(article!, text, label, tagAllPreviewCommand, counts)), []);
    return article ? [...articleActions, ...corpusCheckActions(context.only), ...annotateFolderActions(context.only), ...guard('learning actions', () => learningSourceActions(article, workspace, context.only), [])] : [];
  });

  const corpusCheck = new CorpusCheck(connection, () => workspaceFolders);
  const learningClient = {
    // A client without window/showDocument answers with an error: the command then says where the file is.
    showDocument: (uri: string) => connection.window.showDocument({ uri, takeFocus: true }).then((result) => result.success, () => false),
    showInformation: (message: string) => void connection.window.showInformationMessage(message),
    ask: (message: string, choices: readonly string[]) => connection.window.showWarningMessage(message, ...choices.map((title) => ({ title }))).then((picked) => picked?.title),
  };
  const folderAnnotation = new FolderAnnotation(connection, { workspace, folders: () => workspaceFolders, articlesChanged: (uris) => uris.forEach((uri) => corpusChanges.articleChanged(uri)) });
  const commandContext: CommandContext = {
    workspace,
    tagAll: tagAllInWorkspace,
    client: learningClient,
    checkCorpus: () => corpusCheck.run(),
    annotateFolder: (args) => folderAnnotation.run(args),
    exportCorpus: (args) => exportFromEditor(connection, args, workspaceFolders),
    importAnnotations: async (args) => {
      const result = await importFromEditor(connection, args, workspaceFolders);
      // Tags written behind the open articles' backs: read them again, and recount the corpus view.
      for (const article of workspace.all()) await workspace.reloadTags(article);
      corpusChanges.corpusChanged();
      return result;
    },
  };
  connection.onExecuteCommand(async ({ command, arguments: args }) => {
    try {
      // A tag made now records the annotator the settings name, and respects blind mode.
      await workspace.settingsKnown;
      const result = await executeCommand(command, args, commandContext);
      connection.console.log(result.message);
      return result;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      void connection.window.showErrorMessage(`Marginalia: ${message}`);
      return { message, failed: true };
    }
  });

  connection.onHover(async ({ textDocument, position }) => {
    const article = await workspace.ready(textDocument.uri);
    return guard(
      'hover',
      () => (article ? hoverAt(article, article.document.offsetAt(position), (label) => workspace.guidelineOf(article, label), (tagId, escape) => relationHoverLines(article, tagId, workspace.relationTypesFor(article), escape)) : null),
      null,
    );
  });

  connection.onDocumentSymbol(async ({ textDocument }) => {
    const article = await workspace.ready(textDocument.uri);
    return guard('document symbols', () => (article ? documentSymbolsOf(article, workspace.relationTypesFor(article)) : []), []);
  });

  connection.languages.inlayHint.on(async ({ textDocument, range }) => {
    const article = await workspace.ready(textDocument.uri);
    return guard('inlay hints', () => (article ? relationInlayHints(article, workspace.relationTypesFor(article), article.document.offsetAt(range.start), article.document.offsetAt(range.end)) : []), []);
  });

  connection.onDefinition(async ({ textDocument, position }) => {
    const article = await workspace.ready(textDocument.uri);
    return guard('definition', () => (article ? relationDefinition(article, article.document.offsetAt(position)) : []), []);
  });

  connection.onCodeLens(async ({ textDocument }) => {
    const article = await workspace.ready(textDocument.uri);
    return guard('code lens', () => (article ? codeLensesOf(article) : []), []);
  });

  // Waits for the article's tags, like the other requests: a view of bare suggestions would flash wrong states.
  connection.onRequest(ArticleViewRequest, async ({ uri }: { uri: string }): Promise<ArticleView | null> => {
    const article = await workspace.ready(uri);
    return guard('article view', () => {
      if (!article) return null;
      const { placed, suggestions, version } = article.current();
      const items: ArticleView['items'] = suggestions.map((span) => ({ start: span.start, end: span.end, label: span.label, state: 'suggested' as const }));
      for (const { tag, start, end, orphaned } of placed) {
        if (orphaned || (workspace.reviewFilter && isDecided(tag))) continue;
        items.push({ start, end, label: tag.label, tagId: tag.id, state: VIEW_STATE[tag.status] });
      }
      items.sort((a, b) => a.start - b.start || b.end - a.end);
      return { uri, version, labels: workspace.labelsFor(article), items, lastTagAction: workspace.lastTagAction(article), onlyToReview: workspace.reviewFilter };
    }, null);
  });

  connection.onRequest(CorpusRequest, async (params: CorpusParams | undefined) => {
    try {
      await workspace.settingsKnown;
      const page = pageParameters(params);
      if (page) return await corpus.page(page);
      return await corpus.summary(urisParameter(params));
    } catch (error) {
      connection.console.error(`corpus failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      throw error;
    }
  });

  connection.onRequest(CorpusReportRequest, async (params: CorpusReportParams | undefined) => {
    try {
      await workspace.settingsKnown;
      const exportTo = exportParameter(params);
      const asked = reportParameters(params);
      if (exportTo) return await corpus.exportReport(asked.annotators, exportTo.format, exportTo.path);
      return await corpus.report(asked);
    } catch (error) {
      connection.console.error(`corpus report failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      throw error;
    }
  });

  connection.onShutdown(async () => {
    try {
      // What was learnt since the last quiet moment goes into the sorted lexicon file, for git.
      await workspace.lexicons.close();
    } catch (error) {
      connection.console.error(`the lexicon journals could not be compacted: ${error instanceof Error ? error.message : String(error)}; they stay beside the lexicons and are read from there`);
    }
    // The changes since the index's cache was last written, so that the next start reads none of them again.
    await corpus.index?.save().catch((error: unknown) => connection.console.error(`the corpus index cache could not be written: ${error instanceof Error ? error.message : String(error)}`));
  });

  documents.listen(connection);
  connection.listen();
}

const VIEW_STATE = { accepted: 'tagged', approved: 'approved', rejected: 'rejected', proposed: 'proposed', conflict: 'conflict' } as const;

/** stdio unless the command line names another transport (--node-ipc from the VS Code client). */
function connectionFromArguments(): Connection {
  const namesTransport = process.argv.some((arg) => arg === '--node-ipc' || arg.startsWith('--socket') || arg.startsWith('--pipe'));
  if (namesTransport) return createConnection(ProposedFeatures.all);
  // On stdio, anything printed to stdout would corrupt the protocol: send console output to stderr.
  console.log = console.error;
  return createConnection(ProposedFeatures.all, process.stdin, process.stdout);
}

/**
 * A client that can ask for a comment names its own command for it (VS Code: an input box), which
 * then runs the server's `marginalia.comment`; LSP has no way for the server to ask for text.
 */
function commentCommandOf(initializationOptions: unknown, key: 'commentCommand' | 'linkToCommand' = 'commentCommand'): string | undefined {
  const command = (initializationOptions as Record<string, unknown> | undefined)?.[key];
  return typeof command === 'string' && command.startsWith('marginalia.') ? command : undefined;
}

function foldersOf(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  return uris.map(safePath).filter((path): path is string => path !== undefined);
}
