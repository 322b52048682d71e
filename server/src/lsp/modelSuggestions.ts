import type { Article } from './article';
import type { ArticleWorkspace } from './articleWorkspace';
import { ProjectRecognisers } from '../node/recognisers/recogniserSet';
import type { RecogniserAnswer } from '../core/recognisers/merge';

/** A pause in typing before the recognisers are asked again: a model is slower than the detector. */
const EDIT_PAUSE_MS = 500;

/**
 * The project's own recognisers (marginalia.json "recognisers") in the editor. The editor never waits
 * on them: an article is drawn with the detector's suggestions at once, and the recognisers' arrive
 * later, merged by the project's rule, with a redraw (semantic tokens refresh, diagnostics republished).
 * Meanwhile their last answers move with edits. A recogniser that fails is reported once through
 * `warn`, and the article keeps the detector's suggestions.
 */
export class ModelSuggestions {
  private readonly recognisers: ProjectRecognisers;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The latest request per article: an older answer arriving late is dropped. */
  private readonly asked = new Map<string, number>();
  private requests = 0;

  constructor(
    private readonly workspace: ArticleWorkspace,
    private readonly events: { articleChanged(article: Article): void; warn(message: string): void },
  ) {
    this.recognisers = new ProjectRecognisers((message) => events.warn(message));
  }

  /** Asks again about an article: at once when opened, after a pause in typing when edited. */
  schedule(article: Article, delay = 0): void {
    clearTimeout(this.timers.get(article.uri));
    const request = () => {
      this.timers.delete(article.uri);
      this.ask(article).catch((error: unknown) => this.events.warn(`Marginalia: asking the recognisers failed (${error instanceof Error ? error.message : String(error)})`));
    };
    if (delay === 0) request();
    else this.timers.set(article.uri, setTimeout(request, delay));
  }

  edited(article: Article): void {
    this.schedule(article, EDIT_PAUSE_MS);
  }

  /** The project files changed: every open article is asked again (a set whose recognisers changed is made anew). */
  projectsChanged(): void {
    for (const article of this.workspace.all()) this.schedule(article);
  }

  closed(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.asked.delete(uri);
  }

  private async ask(article: Article): Promise<void> {
    const project = this.workspace.projectOf(article.path);
    const set = project && this.recognisers.of(project.folder, project.file.recognisers);
    const request = ++this.requests;
    this.asked.set(article.uri, request);
    if (!set) {
      if (article.hasRecognised()) {
        article.setRecognised('', undefined);
        this.events.articleChanged(article);
      }
      return;
    }
    const text = article.analysedText();
    const labels = this.workspace.labelsFor(article);
    // Each answer is shown as it arrives, merged with those already in, in the order of marginalia.json.
    const arrived: Array<RecogniserAnswer | undefined> = new Array(set.size).fill(undefined);
    await Promise.all(
      arrived.map(async (_, n) => {
        try {
          arrived[n] = await set.recogniseWith(n, text, labels);
        } catch {
          // Reported by the set; the article keeps the others' suggestions and the detector's.
          return;
        }
        if (this.workspace.get(article.uri) !== article || this.asked.get(article.uri) !== request) return;
        article.setRecognised(text, arrived.filter((answer): answer is RecogniserAnswer => answer !== undefined));
        this.events.articleChanged(article);
      }),
    );
  }
}
