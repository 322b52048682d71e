import type { NormalizedValue } from '../detect/shared/detection';
import type { CodePointIndex } from '../base/offsets';
import type { LabelDefinition } from '../project/labelSet';
import { describeSpan, reviewedTag, type ReviewStep } from '../review/reviewLog';
import { resolveConflict, type ConflictSide } from '../sidecar/conflict';
import { modelSource, type Tag, type TagSource } from '../sidecar/schema';
import { newTag, placedAt } from '../sidecar/tags';
import type { TagChange, TagEdit } from '../sidecar/tagEdits';
import type { Actor } from './actor';
import { wholeWordOccurrences } from './occurrences';

/** A tag where it stands in the article's current text, in code points (as tags keep their offsets). */
export interface PlacedTag {
  tag: Tag;
  /** Its text was deleted or rewritten: kept, but no action may treat its offsets as sound. */
  orphaned: boolean;
}

/**
 * What the operations need of an article, all in code points: its current text (with its index), the
 * tags the actor may see, and the value the detector gives a span with a label, if it found one.
 */
export interface ArticleTags {
  text: string;
  index: CodePointIndex;
  /** The tags the actor sees (blind mode hides other annotators'): the only ones an action may touch. */
  tags: readonly PlacedTag[];
  detectedValue(start: number, end: number, label: string): NormalizedValue | undefined;
  /** The recogniser (marginalia.json "recognisers") that suggested the span with this label, if one did. */
  recognisedBy?(start: number, end: number, label: string): string | undefined;
}

/**
 * Tag actions as edits of an article's tags, checking the article still reads as the action expects:
 * each answers a TagEdit (the tags before and after) for the store to apply, and records `actor` as
 * who did it. Offsets are code points of `article.text`; an action on text that is no longer where it
 * was, on a tag in conflict or on a tag the actor cannot see is refused with a message for people.
 * Who owns a tag after a correction is decided here (see correctedBy), the same in every editor.
 */
export class TagOperations {
  constructor(
    private readonly article: ArticleTags,
    private readonly labels: readonly LabelDefinition[],
    private readonly actor: Actor,
  ) {}

  tag(start: number, end: number, text: string, labelName: string, source: 'manual' | 'suggestion'): TagEdit {
    const label = this.label(labelName);
    this.expectText(start, end, text);
    const change = this.tagSpan(start, end, label, source);
    return { description: `Tagged "${text}" as ${label.name}`, changes: change ? [change] : [] };
  }

  /** Every whole-word occurrence of `text` in the article. */
  tagAll(text: string, labelName: string): TagEdit {
    const label = this.label(labelName);
    const changes: TagChange[] = [];
    const length = [...text].length;
    for (const at of wholeWordOccurrences(this.article.text, text)) {
      const start = this.article.index.toCodePoint(at);
      const change = this.tagSpan(start, start + length, label, 'manual');
      if (change) changes.push(change);
    }
    return { description: `Tagged ${changes.length} occurrence${changes.length === 1 ? '' : 's'} of "${text}" as ${label.name}`, changes };
  }

  /** Turns down a suggestion (kept as a rejected tag, so it is not suggested again), or the tag already on the span. */
  reject(start: number, end: number, text: string, labelName: string): TagEdit {
    const label = this.label(labelName);
    this.expectText(start, end, text);
    const existing = this.tagsAt(start, end).find((tag) => tag.status !== 'rejected');
    if (existing) return this.rejectTag(existing.id);
    const tag = this.newTag(start, end, label, 'suggestion', 'rejected');
    return { description: `Rejected the suggestion ${label.name} on "${text}"`, changes: [{ after: tag }] };
  }

  /** A proposed or rejected tag becomes this person's own. */
  accept(tagId: string): TagEdit {
    const tag = this.tagById(tagId);
    return this.review(`Accepted ${tag.label} on "${tag.text}"`, tag, { action: 'accepted', from: tag.status, to: 'accepted' }, { status: 'accepted', annotator: this.actor.annotator });
  }

  /** A reviewer confirms the tag; it stays its annotator's. */
  approve(tagId: string, comment?: string): TagEdit {
    const tag = this.tagById(tagId);
    return this.review(`Approved ${tag.label} on "${tag.text}"`, tag, { action: 'approved', from: tag.status, to: 'approved', comment }, { status: 'approved' });
  }

  /** Turns a tag down, keeping it so the span is not suggested again; whose tag it was stays recorded. */
  rejectTag(tagId: string, comment?: string): TagEdit {
    const tag = this.tagById(tagId);
    // A tool's proposal turned down is this person's decision; a person's tag rejected in review stays theirs.
    const annotator = tag.status === 'proposed' ? this.actor.annotator : tag.annotator;
    return this.review(`Rejected ${tag.label} on "${tag.text}"`, tag, { action: 'rejected', from: tag.status, to: 'rejected', comment }, { status: 'rejected', annotator });
  }

  changeLabel(tagId: string, labelName: string, comment?: string): TagEdit {
    const tag = this.tagById(tagId);
    const label = this.label(labelName);
    if (label.name === tag.label) throw new Error(`The tag on "${tag.text}" is already ${label.name}`);
    return this.review(`Changed "${tag.text}" from ${tag.label} to ${label.name}`, tag, { action: 'relabelled', from: tag.label, to: label.name, comment }, { label: label.name, kind: label.kind, ...this.correctedBy(tag) });
  }

  /** The tag moved to a span the reviewer selected, with the text it covers there. */
  adjustSpan(tagId: string, start: number, end: number, text: string, comment?: string): TagEdit {
    this.expectText(start, end, text);
    const tag = this.tagById(tagId);
    const placed = this.placedOn(tag, start, end);
    if (placed.start === tag.start && placed.end === tag.end) throw new Error(`The ${tag.label} tag already covers "${text}"`);
    const step = { action: 'resized' as const, from: describeSpan(tag), to: describeSpan(placed), comment };
    return { description: `Changed the ${tag.label} tag "${tag.text}" to "${text}"`, changes: [{ before: tag, after: this.reviewed(placed, step, this.correctedBy(tag)) }] };
  }

  /** A note on the tag for the annotator or the next reviewer; nothing else changes. */
  comment(tagId: string, comment: string): TagEdit {
    const tag = this.tagById(tagId);
    if (!comment.trim()) throw new Error('The comment is empty');
    return this.review(`Commented on ${tag.label} "${tag.text}"`, tag, { action: 'commented', comment }, {});
  }

  /** Settles a disagreement between annotators in one step (one undo): the kept tags approved, the others rejected. */
  resolveDisagreement(approveIds: readonly string[], rejectIds: readonly string[]): TagEdit {
    const approved = approveIds.map((id) => this.approve(id).changes[0]!);
    const rejected = rejectIds.map((id) => this.rejectTag(id).changes[0]!);
    const names = (changes: TagChange[]) => changes.map(({ before }) => `${before!.annotator}'s ${before!.label} "${before!.text}"`).join(' and ');
    const description = rejected.length > 0 ? `Kept ${names(approved)}, rejected ${names(rejected)}` : `Kept both: approved ${names(approved)}`;
    return { description, changes: [...approved, ...rejected] };
  }

  /** An orphaned tag placed again where the annotator says its text now is. */
  reattach(tagId: string, start: number, end: number, text: string): TagEdit {
    this.expectText(start, end, text);
    const tag = this.tagById(tagId);
    const placed = this.placedOn(tag, start, end);
    return { description: `Re-attached the ${tag.label} tag "${tag.text}" to "${text}"`, changes: [{ before: tag, after: this.reviewed(placed, { action: 'reattached', from: describeSpan(tag), to: describeSpan(placed) }, {}) }] };
  }

  remove(tagId: string): TagEdit {
    const tag = this.tagById(tagId);
    return { description: `Removed the ${tag.label} tag on "${tag.text}"`, changes: [{ before: tag }] };
  }

  /** Keeps one side's version of a tag in conflict state exactly as that branch had it, or deletes the tag if that side did. */
  resolveConflict(tagId: string, side: ConflictSide): TagEdit {
    const tag = this.tagById(tagId);
    if (!tag.conflict) throw new Error(`The ${tag.label} tag on "${tag.text}" is not in conflict any more`);
    const kept = resolveConflict(tag, side);
    const description = kept ? `Kept ${side} (${kept.label}) for "${tag.text}"` : `Kept ${side}: removed the tag on "${tag.text}"`;
    return { description, changes: [{ before: tag, after: kept }] };
  }

  /**
   * Who a correction leaves the tag to: a tool's proposal or a rejected tag corrected becomes this
   * person's accepted tag; one's own tag stays accepted, awaiting review; another annotator's tag
   * corrected is a reviewer's decision, so it stays theirs and is approved.
   */
  private correctedBy(tag: Tag): Pick<Tag, 'status' | 'annotator'> {
    if (tag.status === 'proposed' || tag.status === 'rejected' || tag.annotator === this.actor.annotator) return { status: 'accepted', annotator: this.actor.annotator };
    return { status: 'approved', annotator: tag.annotator };
  }

  /**
   * Tags a span: a tag already there with the same label is left alone; one with another label, or a
   * rejected or proposed one, becomes this accepted tag; otherwise a new tag is added.
   */
  private tagSpan(start: number, end: number, label: LabelDefinition, taken: 'manual' | 'suggestion'): TagChange | undefined {
    // A model's suggestion taken as it is says whose it was ("model:spacy-lg"), as its proposal from `annotate` would.
    const recogniser = taken === 'suggestion' ? this.article.recognisedBy?.(start, end, label.name) : undefined;
    const source: TagSource = recogniser ? modelSource(recogniser) : taken;
    const existing = this.tagsAt(start, end);
    if (existing.some((tag) => tag.label === label.name && tag.status === 'accepted')) return undefined;
    const replaceable = existing.find((tag) => tag.label === label.name) ?? existing.find((tag) => tag.status !== 'accepted') ?? existing[0];
    if (replaceable) {
      this.expectSettled(replaceable);
      const step = replaceable.label === label.name ? { action: 'accepted' as const, from: replaceable.status, to: 'accepted' } : { action: 'relabelled' as const, from: replaceable.label, to: label.name };
      return { before: replaceable, after: this.reviewed(replaceable, step, { label: label.name, kind: label.kind, status: 'accepted', annotator: this.actor.annotator, source }) };
    }
    return { after: this.newTag(start, end, label, source, 'accepted') };
  }

  private newTag(start: number, end: number, label: LabelDefinition, source: TagSource, status: Tag['status']): Tag {
    const value = this.article.detectedValue(start, end, label.name);
    return newTag({ text: this.article.text, start, end, label: label.name, kind: label.kind, source, status, annotator: this.actor.annotator, index: this.article.index, ...(value ? { value } : {}) });
  }

  /** One tag changed by this person, the step recorded in its history. */
  private review(description: string, tag: Tag, step: Omit<ReviewStep, 'by'>, changes: Parameters<typeof reviewedTag>[2]): TagEdit {
    this.expectSettled(tag);
    return { description, changes: [{ before: tag, after: this.reviewed(tag, step, changes) }] };
  }

  private reviewed(tag: Tag, step: Omit<ReviewStep, 'by'>, changes: Parameters<typeof reviewedTag>[2]): Tag {
    return reviewedTag(tag, { ...step, by: this.actor.annotator }, changes);
  }

  /** `tag` moved to [start, end), with the quote and context found there. */
  private placedOn(tag: Tag, start: number, end: number): Tag {
    this.expectSettled(tag);
    return placedAt(tag, this.article.text, start, end, this.article.index);
  }

  private tagsAt(start: number, end: number): Tag[] {
    return this.article.tags.filter((placed) => !placed.orphaned && placed.tag.start === start && placed.tag.end === end).map((placed) => placed.tag);
  }

  /** Only among the tags this person sees: blind mode must not let an action reach another annotator's tag. */
  private tagById(tagId: string): Tag {
    const tag = this.article.tags.find((candidate) => candidate.tag.id === tagId)?.tag;
    if (!tag) throw new Error(`No tag ${tagId} in this article any more (removed or changed elsewhere?)`);
    return tag;
  }

  private label(name: string): LabelDefinition {
    const label = this.labels.find((definition) => definition.name === name);
    if (!label) throw new Error(`${name} is not a label of this project (labels: ${this.labels.map((l) => l.name).join(', ')})`);
    return label;
  }

  /** Editing one version of a tag in conflict would silently drop the other. */
  private expectSettled(tag: Tag): void {
    if (tag.conflict) throw new Error(`The ${tag.label} tag on "${tag.text}" is in conflict between two branches: keep ours or theirs first (Ctrl+.)`);
  }

  private expectText(start: number, end: number, text: string): void {
    const { index } = this.article;
    const actual = end <= index.length ? this.article.text.slice(index.toUtf16(start), index.toUtf16(end)) : undefined;
    if (actual !== text) throw new Error(`The article changed: "${text}" is no longer at that place. Try the action again.`);
  }
}
