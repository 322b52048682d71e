import type { Sidecar, Tag } from './sidecar';

/**
 * One tag action (tag, tag all, reject, change label, remove…) as the tags it changed: for each, the
 * tag before (absent when added) and after (absent when removed), matched by id. Inverting swaps
 * them, which is all undo and redo need.
 */
export interface TagEdit {
  /** What the annotator did, in words: "Tag 'Zelensky' as PERSON". */
  description: string;
  changes: TagChange[];
}

export interface TagChange {
  before?: Tag;
  after?: Tag;
}

export function invertEdit(edit: TagEdit): TagEdit {
  return { description: edit.description, changes: edit.changes.map(({ before, after }) => ({ before: after, after: before })) };
}

/**
 * Applies an edit to a sidecar in place. A change whose tag is no longer as the edit left it (changed
 * meanwhile by another window or the CLI) is skipped rather than overwritten; the skipped changes
 * are returned so the annotator can be told.
 */
export function applyEdit(sidecar: Sidecar, edit: TagEdit): TagChange[] {
  const byId = new Map(sidecar.annotations.map((tag, index) => [tag.id, index]));
  const skipped: TagChange[] = [];
  const removed = new Set<number>();
  for (const change of edit.changes) {
    const id = (change.before ?? change.after)!.id;
    const index = byId.get(id);
    const current = index === undefined ? undefined : sidecar.annotations[index];
    if (!sameTag(current, change.before)) {
      skipped.push(change);
      continue;
    }
    if (change.after === undefined) removed.add(index!);
    else if (index === undefined) {
      byId.set(id, sidecar.annotations.length);
      sidecar.annotations.push(change.after);
    } else sidecar.annotations[index] = change.after;
  }
  if (removed.size > 0) sidecar.annotations = sidecar.annotations.filter((_, index) => !removed.has(index));
  return skipped;
}

function sameTag(a: Tag | undefined, b: Tag | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A copy of `tag` with some fields changed and `modified` set to now. */
export function modifiedTag(tag: Tag, changes: Partial<Pick<Tag, 'label' | 'kind' | 'status' | 'source' | 'annotator' | 'value'>>, now = new Date()): Tag {
  return { ...tag, ...changes, modified: now.toISOString() };
}
