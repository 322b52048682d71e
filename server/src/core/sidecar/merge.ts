import { DELETED, SIDECAR_VERSION, type Sidecar, type Tag, type TagVersion } from './schema';
import { serializeTag } from './serialize';

export interface MergeResult {
  sidecar: Sidecar;
  /** How many tags this merge put in conflict state. */
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
 * state with both versions, for a person to choose. Throws UnresolvedConflictError rather than nest conflicts.
 */
export function mergeSidecars(base: Sidecar, ours: Sidecar, theirs: Sidecar): MergeResult {
  const baseTags = byId(base.annotations);
  const theirTags = byId(theirs.annotations);
  const ourTags = byId(ours.annotations);
  // Ours first, in their order, so that merging with an unchanged side returns the other one as it was.
  const ids = new Set([...ourTags.keys(), ...theirTags.keys()]);
  const annotations: Tag[] = [];
  let conflicts = 0;
  for (const id of ids) {
    const [baseTag, ourTag, theirTag] = [baseTags.get(id), ourTags.get(id), theirTags.get(id)];
    const merged = mergeTag(baseTag, ourTag, theirTag);
    if (merged === BOTH_CHANGED) {
      annotations.push(conflictOf(baseTag, ourTag, theirTag));
      conflicts++;
    } else if (merged) annotations.push(merged);
  }
  // The article's file name follows a rename on either side.
  const article = ours.article === base.article ? theirs.article : ours.article;
  return { sidecar: { version: SIDECAR_VERSION, article, annotations }, conflicts };
}

const BOTH_CHANGED = Symbol('both sides changed the tag differently');

/** The merged tag; undefined when it is deleted (or was never there). */
function mergeTag(base: Tag | undefined, ours: Tag | undefined, theirs: Tag | undefined): Tag | undefined | typeof BOTH_CHANGED {
  if (same(ours, theirs)) return ours;
  if (same(ours, base)) return theirs;
  if (same(theirs, base)) return ours;
  // Two people who took the same decision (say, both accepted a proposed tag) do not conflict; the later one signs it.
  if (ours && theirs && same({ ...ours, annotator: theirs.annotator, modified: theirs.modified }, theirs)) {
    return Date.parse(theirs.modified) > Date.parse(ours.modified) ? theirs : ours;
  }
  return BOTH_CHANGED;
}

/** The tag in conflict state: ours on top (theirs if ours deleted it), so the editor shows it where it was on this branch. */
function conflictOf(base: Tag | undefined, ours: Tag | undefined, theirs: Tag | undefined): Tag {
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

function versionOf(tag: Tag): TagVersion {
  const { id: _id, conflict: _conflict, status, ...fields } = tag;
  if (status === 'conflict') throw new UnresolvedConflictError(tag.id);
  return { ...fields, status };
}

function same(a: Tag | undefined, b: Tag | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && serializeTag(a) === serializeTag(b));
}

function byId(tags: readonly Tag[]): Map<string, Tag> {
  return new Map(tags.map((tag) => [tag.id, tag]));
}
