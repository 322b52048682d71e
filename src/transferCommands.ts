import * as vscode from 'vscode';
import { ServerCommands, type ExportCorpusArguments, type ExportCorpusResult, type ImportAnnotationsArguments, type ImportAnnotationsResult, type InterchangeFormatsResult } from '../server/src/api/protocol';

export const EXPORT_CORPUS_COMMAND = 'marginalia.exportCorpusPicker';
export const IMPORT_ANNOTATIONS_COMMAND = 'marginalia.importAnnotationsPicker';

type Format = InterchangeFormatsResult['formats'][number];

/**
 * "Marginalia: Export Corpus…" and "Import Annotations…" (palette, and the explorer's folder menu):
 * a format picker, then where to write or what to read, then the server's own commands, which show
 * progress and answer with a summary naming what was left out. Other editors call those commands
 * (marginalia.exportCorpus, marginalia.importAnnotations) with the same arguments.
 */
export function registerTransferCommands(output: vscode.OutputChannel): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(EXPORT_CORPUS_COMMAND, async (clicked?: unknown) => {
      try {
        const corpus = clicked instanceof vscode.Uri ? clicked : await pickCorpus('Export the tags of…');
        if (!corpus) return;
        const format = await pickFormat('Export as…');
        if (!format) return;
        const statuses = await vscode.window.showQuickPick(
          [
            { label: 'Accepted and approved', statuses: ['accepted', 'approved'] },
            { label: 'Approved only', statuses: ['approved'] },
            { label: 'Proposed (tools’ proposals awaiting a person)', statuses: ['proposed'] },
            { label: 'Everything but rejected', statuses: ['accepted', 'approved', 'proposed'] },
          ],
          { title: 'Which tags?', placeHolder: 'Orphaned tags and tags in conflict are never exported as sound' },
        );
        if (!statuses) return;
        const base = vscode.Uri.joinPath(corpus, `${corpus.path.split('/').pop() ?? 'corpus'}-${format.name}`);
        const out = format.folder
          ? (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, defaultUri: corpus, openLabel: 'Export into this (empty) folder' }))?.[0]
          : await vscode.window.showSaveDialog({ defaultUri: base.with({ path: `${base.path}.${extensionOf(format)}` }), saveLabel: 'Export' });
        if (!out) return;
        const args: ExportCorpusArguments = { format: format.name, out: out.toString(), corpus: corpus.toString(), statuses: statuses.statuses };
        const result = await vscode.commands.executeCommand<ExportCorpusResult>(ServerCommands.exportCorpus, args);
        report(output, result.message, result.notices);
      } catch (error) {
        void vscode.window.showErrorMessage(`Marginalia: could not export (${error instanceof Error ? error.message : String(error)})`);
      }
    }),
    vscode.commands.registerCommand(IMPORT_ANNOTATIONS_COMMAND, async (clicked?: unknown) => {
      try {
        const into = clicked instanceof vscode.Uri ? clicked : await pickCorpus('Import into…');
        if (!into) return;
        const format = await pickFormat('Import from…');
        if (!format) return;
        const picked = await vscode.window.showOpenDialog({ canSelectFolders: format.name === 'brat', canSelectFiles: format.name !== 'brat', canSelectMany: false, openLabel: 'Import' });
        if (!picked?.[0]) return;
        const as = await vscode.window.showQuickPick(
          [
            { label: 'As proposals', description: 'to accept or reject one by one', as: 'proposed' as const },
            { label: 'As accepted tags', description: 'they become the annotators’ own', as: 'accepted' as const },
          ],
          { title: 'Imported tags become…' },
        );
        if (!as) return;
        const args: ImportAnnotationsArguments = { format: format.name, input: picked[0].toString(), into: into.toString(), as: as.as };
        const result = await vscode.commands.executeCommand<ImportAnnotationsResult>(ServerCommands.importAnnotations, args);
        report(output, result.message, result.problems);
      } catch (error) {
        void vscode.window.showErrorMessage(`Marginalia: could not import (${error instanceof Error ? error.message : String(error)})`);
      }
    }),
  ];
}

async function pickFormat(title: string): Promise<Format | undefined> {
  const { formats } = await vscode.commands.executeCommand<InterchangeFormatsResult>(ServerCommands.interchangeFormats);
  const picked = await vscode.window.showQuickPick(
    formats.map((format) => ({ label: format.title, description: `${format.name} · offsets: ${format.unit}`, format })),
    { title },
  );
  return picked?.format;
}

async function pickCorpus(title: string): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return folders[0]!.uri;
  const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, ...(folders[0] ? { defaultUri: folders[0].uri } : {}), openLabel: title.replace('…', '') });
  return picked?.[0];
}

function extensionOf(format: Format): string {
  return format.name === 'conll' ? 'conll' : format.name === 'webannotation' ? 'jsonld' : format.name === 'labelstudio' ? 'json' : 'jsonl';
}

/** The summary as a message; what was left out in the output channel, behind a button. */
function report(output: vscode.OutputChannel, message: string, details: readonly string[]): void {
  if (details.length === 0) {
    void vscode.window.showInformationMessage(`Marginalia: ${message}`);
    return;
  }
  output.appendLine(message);
  for (const detail of details) output.appendLine(`  ${detail}`);
  void vscode.window.showWarningMessage(`Marginalia: ${message}`, 'Show all').then((choice) => choice && output.show());
}
