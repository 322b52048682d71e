import { allowsLabels, labelProblem, type RelationType } from '../project/relationTypes';
import type { ReviewStep } from '../review/reviewLog';
import type { HistoryEntry, Relation, Tag } from '../sidecar/schema';
import { tagId } from '../sidecar/tags';
import type { RelationChange, TagEdit } from '../sidecar/tagEdits';
import type { Actor } from './actor';
import type { ArticleTags } from './tagOperations';

/**
 * Relation actions as edits of an article, like TagOperations' for tags: each answers a TagEdit whose
 * `relations` hold the relations before and after, so that the store applies it, undo and redo cover
 * it, and each step is recorded in the relation's history. Only the tags and relations the actor sees
 * (blind mode) may be touched.
 */
export class RelationOperations {
  constructor(
    private readonly article: Pick<ArticleTags, 'tags'>,
    /** The relations the actor sees. */
    private readonly relations: readonly Relation[],
    private readonly types: readonly RelationType[],
    private readonly actor: Actor,
  ) {}

  /**
   * A new relation of `typeName` from one tag to another. An end may be a tag that `before` adds (a
   * suggestion accepted to link it): the result is then one edit, undone in one step.
   */
  link(from: Tag, to: Tag, typeName: string, before?: TagEdit): TagEdit {
    const type = this.type(typeName);
    if (from.id === to.id) throw new Error('A relation links two different tags');
    const problem = labelProblem(type, from.label, to.label);
    if (problem) throw new Error(`Cannot link "${from.text}" to "${to.text}": ${problem}`);
    const existing = this.relations.find((relation) => relation.type === type.name && sameEnds(relation, from.id, to.id, type.symmetric));
    const description = `Linked ${describeEnds(from, to, type)}`;
    if (existing && (existing.status === 'accepted' || existing.status === 'approved')) throw new Error(`"${from.text}" and "${to.text}" are already linked as ${type.name}`);
    const change: RelationChange = existing
      ? { before: existing, after: this.stepped(existing, { action: 'accepted', from: existing.status, to: 'accepted' }, { status: 'accepted', annotator: this.actor.annotator }) }
      : { after: newRelation({ type: type.name, from: from.id, to: to.id, status: 'accepted', source: 'manual', annotator: this.actor.annotator }) };
    return { description, changes: before?.changes ?? [], relations: [...(before?.relations ?? []), change] };
  }

  remove(relationId: string): TagEdit {
    const relation = this.relationById(relationId);
    return { description: `Removed the relation ${this.describe(relation)}`, changes: [], relations: [{ before: relation }] };
  }

  relabel(relationId: string, typeName: string, comment?: string): TagEdit {
    const relation = this.relationById(relationId);
    const type = this.type(typeName);
    if (type.name === relation.type) throw new Error(`The relation is already ${type.name}`);
    const [from, to] = [this.tagById(relation.from), this.tagById(relation.to)];
    if (from && to && !allowsLabels(type, from.label, to.label)) throw new Error(`Cannot relabel: ${labelProblem(type, from.label, to.label)}`);
    return this.review(`Changed the relation ${this.describe(relation)} to ${type.name}`, relation, { action: 'relabelled', from: relation.type, to: type.name, comment }, { type: type.name, ...this.correctedBy(relation) });
  }

  /** The relation points the other way, if its type allows the labels that way round. */
  reverse(relationId: string): TagEdit {
    const relation = this.relationById(relationId);
    const type = this.type(relation.type);
    if (type.symmetric) throw new Error(`${type.name} has no direction: there is nothing to reverse`);
    const [from, to] = [this.tagById(relation.from), this.tagById(relation.to)];
    if (from && to && !allowsLabels(type, to.label, from.label)) throw new Error(`Cannot reverse: ${labelProblem(type, to.label, from.label)}`);
    return this.review(`Reversed the relation ${this.describe(relation)}`, relation, { action: 'reversed', from: `${relation.from} → ${relation.to}`, to: `${relation.to} → ${relation.from}` }, { from: relation.to, to: relation.from, ...this.correctedBy(relation) });
  }

  accept(relationId: string): TagEdit {
    const relation = this.relationById(relationId);
    return this.review(`Accepted the relation ${this.describe(relation)}`, relation, { action: 'accepted', from: relation.status, to: 'accepted' }, { status: 'accepted', annotator: this.actor.annotator });
  }

  approve(relationId: string, comment?: string): TagEdit {
    const relation = this.relationById(relationId);
    return this.review(`Approved the relation ${this.describe(relation)}`, relation, { action: 'approved', from: relation.status, to: 'approved', comment }, { status: 'approved' });
  }

  reject(relationId: string, comment?: string): TagEdit {
    const relation = this.relationById(relationId);
    // A tool's proposal turned down is this person's decision; a person's relation rejected in review stays theirs.
    const annotator = relation.status === 'proposed' ? this.actor.annotator : relation.annotator;
    return this.review(`Rejected the relation ${this.describe(relation)}`, relation, { action: 'rejected', from: relation.status, to: 'rejected', comment }, { status: 'rejected', annotator });
  }

  comment(relationId: string, comment: string): TagEdit {
    const relation = this.relationById(relationId);
    if (!comment.trim()) throw new Error('The comment is empty');
    return this.review(`Commented on the relation ${this.describe(relation)}`, relation, { action: 'commented', comment }, {});
  }

  /** Settles two annotators' disagreement on relations in one step: the kept ones approved, the others rejected. */
  resolveDisagreement(approveIds: readonly string[], rejectIds: readonly string[]): TagEdit {
    const approved = approveIds.flatMap((id) => this.approve(id).relations!);
    const rejected = rejectIds.flatMap((id) => this.reject(id).relations!);
    const names = (changes: RelationChange[]) => changes.map(({ before }) => `${before!.annotator}'s ${before!.type}`).join(' and ');
    const description = rejected.length > 0 ? `Kept ${names(approved) || 'none'}, rejected ${names(rejected)}` : `Kept both: approved ${names(approved)}`;
    return { description, changes: [], relations: [...approved, ...rejected] };
  }

  /** Keeps one branch's version of a relation in conflict state (see `marginalia merge-driver`), or deletes it if that side did. */
  resolveConflict(relationId: string, side: 'ours' | 'theirs'): TagEdit {
    const relation = this.relationById(relationId);
    if (!relation.conflict) throw new Error(`The relation ${this.describe(relation)} is not in conflict any more`);
    const version = relation.conflict[side];
    const kept: Relation | undefined = version === 'deleted' ? undefined : { id: relation.id, ...version };
    const description = kept ? `Kept ${side} (${kept.type}, ${kept.status}) for the relation ${this.describe(relation)}` : `Kept ${side}: removed the relation ${this.describe(relation)}`;
    return { description, changes: [], relations: [{ before: relation, after: kept }] };
  }

  /** "Ukraine" → "interceptor drones" as PRODUCES, from the tags the actor sees. */
  describe(relation: Relation): string {
    const [from, to] = [this.tagById(relation.from), this.tagById(relation.to)];
    const type = this.types.find((candidate) => candidate.name === relation.type);
    return from && to ? describeEnds(from, to, type ?? { name: relation.type, symmetric: false }) : `${relation.type} ${relation.from} → ${relation.to}`;
  }

  private review(description: string, relation: Relation, step: Omit<ReviewStep, 'by'>, changes: Partial<Pick<Relation, 'type' | 'from' | 'to' | 'status' | 'annotator'>>): TagEdit {
    if (relation.conflict) throw new Error(`The relation ${this.describe(relation)} is in conflict between two branches: keep ours or theirs first`);
    return { description, changes: [], relations: [{ before: relation, after: this.stepped(relation, step, changes) }] };
  }

  private stepped(relation: Relation, step: Omit<ReviewStep, 'by'>, changes: Partial<Relation>): Relation {
    return steppedRelation(relation, { ...step, by: this.actor.annotator }, changes);
  }

  /** As for tags: one's own or a tool's relation corrected stays one's own; another annotator's corrected in review stays theirs, approved. */
  private correctedBy(relation: Relation): Pick<Relation, 'status' | 'annotator'> {
    if (relation.status === 'proposed' || relation.status === 'rejected' || relation.annotator === this.actor.annotator) return { status: 'accepted', annotator: this.actor.annotator };
    return { status: 'approved', annotator: relation.annotator };
  }

  private relationById(relationId: string): Relation {
    const relation = this.relations.find((candidate) => candidate.id === relationId);
    if (!relation) throw new Error(`No relation ${relationId} in this article any more (removed or changed elsewhere?)`);
    return relation;
  }

  private tagById(id: string): Tag | undefined {
    return this.article.tags.find((placed) => placed.tag.id === id)?.tag;
  }

  private type(name: string): RelationType {
    const type = this.types.find((candidate) => candidate.name === name);
    if (!type) throw new Error(`${name} is not a relation type of this project (types: ${this.types.map((t) => t.name).join(', ') || 'none'})`);
    return type;
  }
}

export interface NewRelationOptions {
  type: string;
  from: string;
  to: string;
  status: Relation['status'];
  source: Relation['source'];
  annotator: string;
  now?: Date;
}

/** A new relation with a fresh id ("r-…", from the same source of randomness as tag ids). */
export function newRelation(options: NewRelationOptions): Relation {
  const at = (options.now ?? new Date()).toISOString();
  return { id: `r-${tagId().slice(2)}`, type: options.type, from: options.from, to: options.to, status: options.status, source: options.source, annotator: options.annotator, created: at, modified: at };
}

/** `relation` after a step: fields changed, `modified` now, the step appended to its history. */
export function steppedRelation(relation: Relation, step: ReviewStep, changes: Partial<Relation> = {}, now = new Date()): Relation {
  const entry: HistoryEntry = { at: now.toISOString(), by: step.by, action: step.action };
  if (step.from !== undefined) entry.from = step.from;
  if (step.to !== undefined) entry.to = step.to;
  const comment = step.comment?.trim();
  if (comment) entry.comment = comment;
  return { ...relation, ...changes, modified: now.toISOString(), history: [...(relation.history ?? []), entry] };
}

/**
 * The edit with the relations of every tag it removes removed too, so that no relation is left
 * pointing at nothing: what deleting a tag does once the annotator confirmed (the editor asks first).
 * `relations`: all of the article's relations, whoever made them (another annotator's relation on a
 * removed tag cannot stand either).
 */
export function withRelationsOfRemovedTags(edit: TagEdit, relations: readonly Relation[]): TagEdit {
  const removed = new Set(edit.changes.filter((change) => change.before && !change.after).map((change) => change.before!.id));
  if (removed.size === 0) return edit;
  const already = new Set((edit.relations ?? []).map((change) => (change.before ?? change.after)!.id));
  const going = relations.filter((relation) => !already.has(relation.id) && (removed.has(relation.from) || removed.has(relation.to)));
  if (going.length === 0) return edit;
  const count = going.length === 1 ? 'its relation' : `its ${going.length} relations`;
  return { description: `${edit.description} and ${count}`, changes: edit.changes, relations: [...(edit.relations ?? []), ...going.map((relation) => ({ before: relation }))] };
}

/** The relations that the edit's tag removals would take with them. */
export function relationsRemovedWith(edit: TagEdit, relations: readonly Relation[]): Relation[] {
  const extended = withRelationsOfRemovedTags(edit, relations);
  return (extended.relations ?? []).slice(edit.relations?.length ?? 0).map((change) => change.before!);
}

function sameEnds(relation: Relation, from: string, to: string, symmetric: boolean): boolean {
  return (relation.from === from && relation.to === to) || (symmetric && relation.from === to && relation.to === from);
}

/** `"Ukraine" → "interceptor drones" as PRODUCES` (↔ for a type without direction). */
export function describeEnds(from: Pick<Tag, 'text'>, to: Pick<Tag, 'text'>, type: Pick<RelationType, 'name' | 'symmetric'>): string {
  return `"${from.text}" ${type.symmetric ? '↔' : '→'} "${to.text}" as ${type.name}`;
}
