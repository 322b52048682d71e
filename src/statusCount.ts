import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CorpusRequest, type ArticleView, type CorpusArticle, type CorpusParams, type CorpusSummary } from '../server/src/api/protocol';
import { describeProgress } from '../server/src/core/review/corpusSummary';
import { REVIEW_STATES } from '../server/src/core/review/reviewState';

/**
 * The active article's tags by review state in the status bar: the same counts as its row in the
 * Corpus view (both come from marginalia/corpus). Clicking jumps to the next suggestion.
 */
export class StatusCount implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('marginalia.counts', vscode.StatusBarAlignment.Right, 100);
  /** The article last asked about: an older answer arriving late is dropped. */
  private shown: string | undefined;

  constructor(private readonly client: LanguageClient) {
    this.item.name = 'Marginalia counts';
    this.item.command = 'marginalia.nextSuggestion';
  }

  async show(view: ArticleView | undefined): Promise<void> {
    this.shown = view?.uri;
    if (!view) return void this.item.hide();
    let article: CorpusArticle | undefined;
    try {
      const summary = await this.client.sendRequest<CorpusSummary>(CorpusRequest, { uris: [view.uri] } satisfies CorpusParams);
      article = summary.articles[0];
    } catch {
      article = undefined;
    }
    if (this.shown !== view.uri) return;
    if (!article) return void this.item.hide();
    const { counts, total, reviewed } = article;
    const conflicts = counts.conflict > 0 ? ` · $(warning) ${counts.conflict} in conflict` : '';
    // Tagged: the annotators' claims, reviewed or not; to review: everything but approved and rejected, as in the Corpus view.
    this.item.text = `$(tag) ${counts.accepted + counts.approved} tagged · $(pass) ${counts.approved} approved · ${total - reviewed} to review${conflicts}`;
    const suggestions = view.items.filter((item) => item.state === 'suggested').length;
    const tooltip = new vscode.MarkdownString(`**Marginalia** · ${describeProgress(article)}\n\n`);
    tooltip.appendMarkdown(REVIEW_STATES.map((state) => `${state} ${counts[state]}`).join(' · '));
    tooltip.appendMarkdown(`\n\n${suggestions} suggestion${suggestions === 1 ? '' : 's'} not tagged yet. Click for the next suggestion.`);
    this.item.tooltip = tooltip;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
