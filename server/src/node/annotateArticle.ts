import { looksBinary } from '../core/detect/binary';
import type { Lexicon } from '../core/lexicon';
import { CodePointIndex } from '../core/base/offsets';
import { readArticleFile, UnreadableFileError } from './regularFile';
import { SidecarError } from '../core/sidecar/errors';
import type { SidecarStore } from './sidecarStore';
import { candidatesFor } from '../core/annotate/candidates';
import { modelSource, proposalChanges, type ProposalChanges } from '../core/annotate/proposals';
import type { Recognition } from './recognisers/recogniserSet';

/** What pre-annotation did to one article. */
export type ArticleOutcome =
  /** changed: its sidecar was written (or, in a dry run, would be); unchanged: every proposal was there already, or nothing to propose. */
  | { article: string; status: 'changed' | 'unchanged'; added: number; removed: number; kept: number }
  /** Left alone, and why: an unreadable or binary article, a broken sidecar, lexicon or project file. */
  | { article: string; status: 'skipped'; reason: string };

export interface ArticleAnnotationContext {
  store: SidecarStore;
  /** Who signs the proposals. */
  annotator: string;
  lexicon?: Lexicon;
  labels?: ReadonlySet<string>;
  /** Compute the changes without writing the sidecar. */
  dryRun: boolean;
  now: Date;
  /** The project's recognisers (marginalia.json "recognisers"), asked about the article's text; absent when it names none. */
  recognise?: (text: string) => Promise<Recognition>;
}

/**
 * Pre-annotates one article: reads it, finds the candidates (the slow part, outside the sidecar's
 * lock), then works out the changes against the sidecar's tags as they are under the lock and writes
 * them through SidecarStore.updateTags — validated, atomic, nothing written if nothing changed. A
 * sidecar that cannot be read is reported and left untouched.
 */
export async function annotateArticle(article: string, context: ArticleAnnotationContext): Promise<ArticleOutcome> {
  let text: string;
  try {
    text = await readArticleFile(article);
  } catch (error) {
    if (error instanceof UnreadableFileError) return { article, status: 'skipped', reason: error.message };
    return { article, status: 'skipped', reason: `cannot read the article (${(error as Error).message})` };
  }
  if (looksBinary(text)) return { article, status: 'skipped', reason: 'looks like a binary file, not an article' };
  const { store, annotator, lexicon, labels, dryRun, now } = context;
  const index = new CodePointIndex(text);
  // Before the sidecar's lock: a model may take seconds. One that failed keeps its earlier proposals.
  const recognition = context.recognise ? await context.recognise(text) : undefined;
  const candidates = candidatesFor(text, { lexicon, labels, index, recognised: recognition?.answers });
  const keepSources = new Set(recognition?.failed.map(modelSource));
  let changes: ProposalChanges | undefined;
  try {
    if (dryRun) {
      const { sidecar } = await store.read(article);
      changes = proposalChanges(text, candidates, sidecar.annotations, { annotator, now, index, keepSources });
    } else {
      await store.updateTags(article, (current) => (changes = proposalChanges(text, candidates, [...current.values()], { annotator, now, index, keepSources })));
    }
  } catch (error) {
    if (error instanceof SidecarError) return { article, status: 'skipped', reason: error.message };
    throw error;
  }
  const { put, remove, kept } = changes!;
  return { article, status: put.length + remove.length > 0 ? 'changed' : 'unchanged', added: put.length, removed: remove.length, kept };
}
