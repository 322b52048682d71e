import { looksBinary } from '../core/detect/binary';
import type { Lexicon } from '../core/lexicon';
import { CodePointIndex } from '../core/base/offsets';
import { readArticleFileSync, UnreadableFileError } from './regularFile';
import { SidecarError } from '../core/sidecar/errors';
import type { SidecarStore } from './sidecarStore';
import { candidatesFor } from '../core/annotate/candidates';
import { modelSource, proposalChanges, type ProposalChanges } from '../core/annotate/proposals';
import type { Recognition } from './recognisers/recogniserSet';
import { relationProposals } from '../core/annotate/relationProposals';
import type { RelationType } from '../core/project/relationTypes';
import type { Relation, Tag } from '../core/sidecar/schema';

/** What pre-annotation did to one article. */
export type ArticleOutcome =
  /** changed: its sidecar was written (or, in a dry run, would be); unchanged: every proposal was there already, or nothing to propose. */
  | { article: string; status: 'changed' | 'unchanged'; added: number; removed: number; kept: number; relations?: { added: number; removed: number } }
  /** Left alone, and why: an unreadable or binary article, a broken sidecar, lexicon or project file. */
  | { article: string; status: 'skipped'; reason: string };

export interface ArticleAnnotationContext {
  store: SidecarStore;
  /** Who signs the proposals. */
  annotator: string;
  lexicon?: Lexicon;
  labels?: ReadonlySet<string>;
  /** The project's relation types: relations proposed between the tags by pre-annotation's rules. */
  relationTypes?: readonly RelationType[];
  /** Compute the changes without writing the sidecar. */
  dryRun: boolean;
  now: Date;
  /** The project's recognisers (marginalia.json "recognisers"), asked about the article's text; absent when it names none. */
  recognise?: (text: string) => Promise<Recognition>;
  /** YYYY-MM-DD: what relative dates are resolved against when the article states no date of its own. */
  referenceDate?: string;
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
    // A blocking read: this runs on a worker thread, which has nothing else to do meanwhile but the
    // other articles it holds, and a promise-based read cost more than the read itself.
    text = readArticleFileSync(article);
  } catch (error) {
    if (error instanceof UnreadableFileError) return { article, status: 'skipped', reason: error.message };
    return { article, status: 'skipped', reason: `cannot read the article (${(error as Error).message})` };
  }
  if (looksBinary(text)) return { article, status: 'skipped', reason: 'looks like a binary file, not an article' };
  const { store, annotator, lexicon, labels, dryRun, now, relationTypes = [] } = context;
  const index = new CodePointIndex(text);
  // Before the sidecar's lock: a model may take seconds. One that failed keeps its earlier proposals.
  const recognition = context.recognise ? await context.recognise(text) : undefined;
  const candidates = candidatesFor(text, { lexicon, labels, index, recognised: recognition?.answers, referenceDate: context.referenceDate });
  const keepSources = new Set(recognition?.failed.map(modelSource));
  let changes: ProposalChanges | undefined;
  const propose = (tags: readonly Tag[], relations: readonly Relation[]): ProposalChanges => {
    const tagChanges = proposalChanges(text, candidates, tags, { annotator, now, index, keepSources });
    if (relationTypes.length === 0 && relations.length === 0) return tagChanges;
    // A stale proposal that someone's relation still joins stays: no relation is left pointing at nothing.
    const joined = new Set(relations.flatMap((relation) => [relation.from, relation.to]));
    const remove = tagChanges.remove.filter((id) => !joined.has(id) || isOwnRelationEndOnly(id, relations, annotator));
    const removed = new Set(remove);
    const after = [...tags.filter((tag) => !removed.has(tag.id) && !tagChanges.put.some((put) => put.id === tag.id)), ...tagChanges.put];
    const relationChanges = relationProposals(text, after, relations, { annotator, now, types: relationTypes });
    // The tool's own relations on a removed proposal go with it.
    const orphaned = relations.filter((relation) => (removed.has(relation.from) || removed.has(relation.to)) && !relationChanges.removeRelations.includes(relation.id)).map((relation) => relation.id);
    return { ...tagChanges, remove, putRelations: relationChanges.putRelations, removeRelations: [...relationChanges.removeRelations, ...orphaned] };
  };
  try {
    if (dryRun) {
      const { sidecar } = await store.read(article);
      changes = propose(sidecar.annotations, sidecar.relations ?? []);
    } else {
      await store.updateTags(article, (current, relations) => (changes = propose([...current.values()], [...relations.values()])));
    }
  } catch (error) {
    if (error instanceof SidecarError) return { article, status: 'skipped', reason: error.message };
    throw error;
  }
  const { put, remove, kept, putRelations = [], removeRelations = [] } = changes!;
  const relationCounts = putRelations.length + removeRelations.length > 0 ? { relations: { added: putRelations.length, removed: removeRelations.length } } : {};
  const changed = put.length + remove.length + putRelations.length + removeRelations.length > 0;
  return { article, status: changed ? 'changed' : 'unchanged', added: put.length, removed: remove.length, kept, ...relationCounts };
}

/** Whether every relation joining the tag is the tool's own untouched proposal (which may go with it). */
function isOwnRelationEndOnly(tagId: string, relations: readonly Relation[], annotator: string): boolean {
  return relations
    .filter((relation) => relation.from === tagId || relation.to === tagId)
    .every((relation) => relation.status === 'proposed' && relation.source === 'import' && relation.annotator === annotator && !relation.history?.length);
}
