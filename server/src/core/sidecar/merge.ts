import { DELETED, SIDECAR_VERSION, type Sidecar } from './schema';
import { serializeRelation, serializeTag } from './serialize';

export interface MergeResult {
  sidecar: Sidecar;
  /** How many tags and relations this merge put in conflict state. */
  conflicts: number;
}

/** A tag that cannot be merged without losing one side: it is still in conflict from an earlier merge, and the other side changed it. */
export class UnresolvedConflictError extends Error {
  constructor(readonly tagId: string) {
    super(`tag ${tagId} is still in conflict from an earlier merge and was changed on the other branch too: resolve that conflict first, then merge again`);
    this.name = 'UnresolvedConflictError';
  }
}

/**
 * Three-way merge of two branches' sidecars by tag id, as git's merge driver needs it:
 * a tag added or changed on one side only is taken from that side, a tag deleted on one side and
 * unchanged on the other is deleted, and a tag both sides changed differently is kept in conflict
 * state with both versions, for a person to choose. Relations merge the same way by their own ids
 * (both branches' new ones kept); one whose tag the other branch deleted is kept, for `marginalia
 * check` to report, never dropped. Throws UnresolvedConflictError rather than nest conflicts.
 */
export function mergeSidecars(base: Sidecar, ours: Sidecar, theirs: Sidecar): MergeResult {
  const tags = mergeById(base.annotations, ours.annotations, theirs.annotations, serializeTag);
  const relations = mergeById(base.relations ?? [], ours.relations ?? [], theirs.relations ?? [], serializeRelation);
  // The article's file name follows a rename on either side.
  const article = ours.article === base.article ? theirs.article : ours.article;
  const sidecar: Sidecar = { version: SIDECAR_VERSION, article, annotations: tags.merged };
  if (relations.merged.length > 0) sidecar.relations = relations.merged;
  return { sidecar, conflicts: tags.conflicts + relations.conflicts };
}

/** What tags and relations share for merging: an id, a status and the conflict state's versions. */
interface Mergeable {
  id: string;
  status: string;
  annotator: string;
  modified: string;
  conflict?: unknown;
}

function mergeById<T extends Mergeable>(base: readonly T[], ours: readonly T[], theirs: readonly T[], print: (item: T) => string): { merged: T[]; conflicts: number } {
  const [baseItems, ourItems, theirItems] = [byId(base), byId(ours), byId(theirs)];
  // Ours first, in their order, so that merging with an unchanged side returns the other one as it was.
  const ids = new Set([...ourItems.keys(), ...theirItems.keys()]);
  const merged: T[] = [];
  let conflicts = 0;
  const same = (a: T | undefined, b: T | undefined) => a === b || (a !== undefined && b !== undefined && print(a) === print(b));
  for (const id of ids) {
    const [baseItem, ourItem, theirItem] = [baseItems.get(id), ourItems.get(id), theirItems.get(id)];
    const result = mergeOne(baseItem, ourItem, theirItem, same);
    if (result === BOTH_CHANGED) {
      merged.push(conflictOf(baseItem, ourItem, theirItem));
      conflicts++;
    } else if (result) merged.push(result);
  }
  return { merged, conflicts };
}

const BOTH_CHANGED = Symbol('both sides changed it differently');

/** The merged tag or relation; undefined when it is deleted (or was never there). */
function mergeOne<T extends Mergeable>(base: T | undefined, ours: T | undefined, theirs: T | undefined, same: (a: T | undefined, b: T | undefined) => boolean): T | undefined | typeof BOTH_CHANGED {
  if (same(ours, theirs)) return ours;
  if (same(ours, base)) return theirs;
  if (same(theirs, base)) return ours;
  // Two people who took the same decision (say, both accepted a proposed tag) do not conflict; the later one signs it.
  if (ours && theirs && same({ ...ours, annotator: theirs.annotator, modified: theirs.modified }, theirs)) {
    return Date.parse(theirs.modified) > Date.parse(ours.modified) ? theirs : ours;
  }
  return BOTH_CHANGED;
}

/** In conflict state: ours on top (theirs if ours deleted it), so the editor shows it where it was on this branch. */
function conflictOf<T extends Mergeable>(base: T | undefined, ours: T | undefined, theirs: T | undefined): T {
  const shown = (ours ?? theirs)!;
  return {
    ...shown,
    status: 'conflict',
    conflict: {
      // A base that was itself in conflict has no single version to show; git history keeps it.
      ...(base && !base.conflict && { base: versionOf(base) }),
      ours: ours ? versionOf(ours) : DELETED,
      theirs: theirs ? versionOf(theirs) : DELETED,
    },
  };
}

function versionOf<T extends Mergeable>(item: T): Omit<T, 'id' | 'conflict'> {
  const { id: _id, conflict: _conflict, status, ...fields } = item;
  if (status === 'conflict') throw new UnresolvedConflictError(item.id);
  return { ...fields, status } as Omit<T, 'id' | 'conflict'>;
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

