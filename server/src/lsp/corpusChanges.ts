import type { CorpusChanged } from '../api/protocol';

/** Long enough to take a burst (a `git pull`, a tag action and its file event, typing) as one change. */
export const CORPUS_CHANGE_DELAY_MS = 400;

/**
 * Gathers what changed in the corpus and tells the client once the changes pause: which articles'
 * counts changed, or that the corpus is to be listed again (files created or deleted, settings or
 * project files changed).
 */
export class CorpusChanges {
  private readonly articles = new Set<string>();
  private everything = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly send: (change: CorpusChanged) => void,
    private readonly delayMs = CORPUS_CHANGE_DELAY_MS,
  ) {}

  articleChanged(uri: string): void {
    this.articles.add(uri);
    this.schedule();
  }

  corpusChanged(): void {
    this.everything = true;
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const change: CorpusChanged = this.everything ? {} : { uris: [...this.articles] };
      this.articles.clear();
      this.everything = false;
      this.send(change);
    }, this.delayMs);
  }
}
