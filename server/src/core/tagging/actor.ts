import type { Tag } from '../sidecar/schema';

/**
 * Who acts: the annotator whose name a tag action records, and whether they work blind (double
 * annotation, seeing only their own tags and tools' proposals). Passed to every operation that
 * records a name or decides what may be seen, never kept in a field a caller might forget to set.
 */
export interface Actor {
  annotator: string;
  blind: boolean;
}

/** Whether `actor` may see (and so act on) `tag` (or a relation): everyone's tags, or in blind mode their own, tools' proposals and merge conflicts. */
export function canSee(actor: Actor, tag: Pick<Tag, 'annotator' | 'status'>): boolean {
  return !actor.blind || tag.annotator === actor.annotator || tag.status === 'proposed' || tag.status === 'conflict';
}
