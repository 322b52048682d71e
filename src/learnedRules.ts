import * as vscode from 'vscode';
import { ServerCommands, type ForgetRuleArguments, type ForgetRuleResult, type LearnedRulesResult } from '../server/src/api/protocol';
import type { ArticleViews } from './articleViews';

/**
 * Marginalia: Show Learned Rules…: what the corpus of the active article learnt from its tags, in a
 * picker; the rules picked are forgotten (the server updates every open article's suggestions).
 */
export function registerLearnedRules(views: ArticleViews): vscode.Disposable {
  return vscode.commands.registerCommand('marginalia.showLearnedRules', async () => {
    const uri = articleUri(views);
    if (!uri) return void vscode.window.showInformationMessage('Marginalia: open an article first: the learned rules are those of its corpus.');
    const listed = await vscode.commands.executeCommand<LearnedRulesResult & { failed?: boolean }>(ServerCommands.learnedRules, { uri });
    // A failure was already shown by the server.
    if (!listed || listed.failed) return;
    if (listed.rules.length === 0) return void vscode.window.showInformationMessage('Marginalia: nothing learnt yet in this corpus. Tags you make and suggestions you reject teach it.');
    const picked = await vscode.window.showQuickPick(
      listed.rules.map((rule) => ({ label: `${rule.type === 'label' ? '$(lightbulb)' : '$(circle-slash)'} ${rule.description}`, id: rule.id })),
      { canPickMany: true, title: `Learned rules of this corpus (${listed.rules.length})`, placeHolder: 'Pick the rules to forget, then press Enter (Escape keeps them all)', matchOnDescription: true },
    );
    if (!picked || picked.length === 0) return;
    const result = await vscode.commands.executeCommand<ForgetRuleResult & { failed?: boolean }>(ServerCommands.forgetRule, { uri, ids: picked.map((item) => item.id) } satisfies ForgetRuleArguments);
    if (result && !result.failed) void vscode.window.showInformationMessage(`Marginalia: forgot ${result.forgotten} learned rule${result.forgotten === 1 ? '' : 's'}.`);
  });
}

/** The active editor's article, else the first visible one: the learned rules are its corpus's. */
function articleUri(views: ArticleViews): string | undefined {
  const editors = [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors].filter((editor): editor is vscode.TextEditor => editor !== undefined);
  const article = editors.find((editor) => views.latest(editor.document) !== undefined) ?? editors.find((editor) => editor.document.uri.scheme === 'file' && editor.document.fileName.toLowerCase().endsWith('.txt'));
  return article?.document.uri.toString();
}
