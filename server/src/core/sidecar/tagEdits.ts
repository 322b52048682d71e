import type { Tag, TagChanges } from '../sidecar';
import type { Relation } from './schema';
import { withoutPlacement } from './tags';

/**
 * One tag action (tag, tag all, reject, change label, remove…) as the tags it changed: for each, the
 * tag before (absent when added) and after (absent when removed), matched by id. Inverting swaps
 * them, which is all undo and redo need.
 */
export interface TagEdit {
  /** What the annotator did, in words: "Tag 'Zelensky' as PERSON". */
  description: string;
  changes: TagChange[];
  /** The relations between tags it changed, likewise (absent when none): undo and redo cover them with the tags. */
  relations?: RelationChange[];
}

export interface TagChange {
  before?: Tag;
  after?: Tag;
}

export interface RelationChange {
  before?: Relation;
  after?: Relation;
}

export function invertEdit(edit: TagEdit): TagEdit {
  const inverted: TagEdit = { description: edit.description, changes: edit.changes.map(({ before, after }) => ({ before: after, after: before })) };
  if (edit.relations) inverted.relations = edit.relations.map(({ before, after }) => ({ before: after, after: before }));
  return inverted;
}

/** Whether an edit changes anything at all, tags or relations. */
export function isEmptyEdit(edit: TagEdit): boolean {
  return edit.changes.length === 0 && (edit.relations ?? []).length === 0;
}

/**
 * What applying an edit to the current tags (by id) puts and removes. A change whose tag is no longer
 * as the edit left it (changed meanwhile by another window or the CLI) is skipped rather than
 * overwritten; the skipped changes are returned so the annotator can be told.
 *
 * Where a tag stands (offsets, text, context) is not a change of it: the editor moves tags with
 * unsaved edits and refreshes their context when the article is saved, so the stored tag and the
 * one an action started from may be placed differently while meaning the same decision. Only what
 * people decide (label, status, annotator, history, …) tells a tag changed elsewhere.
 */
export function applyEdit(current: ReadonlyMap<string, Tag>, edit: TagEdit, currentRelations: ReadonlyMap<string, Relation> = new Map()): TagChanges & { skipped: TagChange[]; skippedRelations: RelationChange[] } {
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
  const relations = applyRelationChanges(currentRelations, edit.relations ?? []);
  return { put, remove, skipped, ...relations };
}

/** applyEdit for relations: a relation changed elsewhere meanwhile is skipped, not overwritten. */
function applyRelationChanges(current: ReadonlyMap<string, Relation>, changes: readonly RelationChange[]): { putRelations: Relation[]; removeRelations: string[]; skippedRelations: RelationChange[] } {
  const changed = new Map<string, Relation | undefined>();
  const skippedRelations: RelationChange[] = [];
  for (const change of changes) {
    const id = (change.before ?? change.after)!.id;
    const relation = changed.has(id) ? changed.get(id) : current.get(id);
    if (!sameJson(relation, change.before)) skippedRelations.push(change);
    else changed.set(id, change.after);
  }
  return {
    putRelations: [...changed.values()].filter((relation) => relation !== undefined),
    removeRelations: [...changed].filter(([, relation]) => relation === undefined).map(([id]) => id),
    skippedRelations,
  };
}

function sameJson(a: object | undefined, b: object | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function sameTag(a: Tag | undefined, b: Tag | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a === b || JSON.stringify(withoutPlacement(a)) === JSON.stringify(withoutPlacement(b));
}

/** The tags an edit changed, given what applyEdit skipped. */
export function appliedChanges(edit: TagEdit, skipped: readonly TagChange[]): TagChange[] {
  return skipped.length === 0 ? edit.changes : edit.changes.filter((change) => !skipped.includes(change));
}

/** The edit as far as it was made: what applyEdit skipped (tags and relations) left out, to record for undo. */
export function appliedEdit(edit: TagEdit, skipped: readonly TagChange[], skippedRelations: readonly RelationChange[]): TagEdit {
  const applied: TagEdit = { ...edit, changes: appliedChanges(edit, skipped) };
  if (edit.relations) applied.relations = edit.relations.filter((change) => !skippedRelations.includes(change));
  return applied;
}

/**
 * What to tell the annotator about an edit, from what was written: its description when every change
 * was made, "Partly done" naming what was not, and for an edit none of whose changes could be made,
 * `done: false` with a message that says so (never the description of what did not happen).
 */
export function outcomeOf(edit: TagEdit, skipped: readonly TagChange[], skippedRelations: readonly RelationChange[] = []): { done: boolean; message: string } {
  if (skipped.length === 0 && skippedRelations.length === 0) return { done: true, message: edit.description };
  const names = [...skipped.map(({ before, after }) => describeTag((before ?? after)!)), ...skippedRelations.map(({ before, after }) => `the ${(before ?? after)!.type} relation`)];
  const total = edit.changes.length + (edit.relations?.length ?? 0);
  const count = names.length;
  const which = names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
  const were = count === 1 ? 'was' : 'were';
  if (count === total) {
    return { done: false, message: `Not done: ${which} ${were} changed elsewhere meanwhile (another window, the CLI or git), and ${count === 1 ? 'is' : 'are'} left as ${count === 1 ? 'it is' : 'they are'}; the article now shows the sidecar as it is. Look again and retry if still wanted.` };
  }
  return { done: true, message: `Partly done (${total - count} of ${total} changes): ${edit.description}; not done for ${which}, which ${were} changed elsewhere meanwhile and left as ${count === 1 ? 'it is' : 'they are'}` };
}

function describeTag(tag: Tag): string {
  return `the ${tag.label} tag on "${tag.text}"`;
}

/** A copy of `tag` with some fields changed and `modified` set to now. */
export function modifiedTag(tag: Tag, changes: Partial<Pick<Tag, 'label' | 'kind' | 'status' | 'source' | 'annotator' | 'value'>>, now = new Date()): Tag {
  return { ...tag, ...changes, modified: now.toISOString() };
}
