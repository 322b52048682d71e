import type { Tag, TagChanges } from './sidecar';

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
 * What applying an edit to the current tags (by id) puts and removes. A change whose tag is no longer
 * as the edit left it (changed meanwhile by another window or the CLI) is skipped rather than
 * overwritten; the skipped changes are returned so the annotator can be told.
 */
export function applyEdit(current: ReadonlyMap<string, Tag>, edit: TagEdit): TagChanges & { skipped: TagChange[] } {
  // What the edit has made of each tag so far: a later change of the same tag sees it.
  const changed = new Map<string, Tag | undefined>();
  const skipped: TagChange[] = [];
  for (const change of edit.changes) {
    const id = (change.before ?? change.after)!.id;
    const tag = changed.has(id) ? changed.get(id) : current.get(id);
    if (!sameTag(tag, change.before)) skipped.push(change);
    else changed.set(id, change.after);
  }
  const put = [...changed.values()].filter((tag) => tag !== undefined);
  const remove = [...changed].filter(([, tag]) => tag === undefined).map(([id]) => id);
  return { put, remove, skipped };
}

function sameTag(a: Tag | undefined, b: Tag | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A copy of `tag` with some fields changed and `modified` set to now. */
export function modifiedTag(tag: Tag, changes: Partial<Pick<Tag, 'label' | 'kind' | 'status' | 'source' | 'annotator' | 'value'>>, now = new Date()): Tag {
  return { ...tag, ...changes, modified: now.toISOString() };
}
