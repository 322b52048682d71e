import type { RejectArguments, TagAllArguments, TagArguments } from '../api/protocol';
import type { KindedSpan } from '../core/detect';
import type { LabelDefinition } from '../core/project/labelSet';
import { CodePointIndex } from '../core/offsets';
import { newTag, type Tag } from '../core/sidecar';
import { placedAt } from '../core/sidecar/tags';
import { resolveConflict, type ConflictSide } from '../core/sidecar/conflict';
import { modifiedTag, type TagChange, type TagEdit } from '../core/tagEdits';
import type { Article } from './article';

/** Builds the tag edits behind each code action, checking the article still reads as the action expects. */
export class TagActions {
  private index?: { text: string; index: CodePointIndex };

  constructor(
    private readonly article: Article,
    private readonly labels: readonly LabelDefinition[],
    private readonly annotator: string,
  ) {}

  tag(args: TagArguments): TagEdit {
    const label = this.label(args.label);
    this.expectText(args.start, args.end, args.text);
    const change = this.tagSpan(args.start, args.end, label, args.source);
    return { description: `Tagged "${args.text}" as ${label.name}`, changes: change ? [change] : [] };
  }

  tagAll(args: TagAllArguments): TagEdit {
    const label = this.label(args.label);
    const changes: TagChange[] = [];
    for (const start of wholeWordOccurrences(this.article.document.getText(), args.text)) {
      const change = this.tagSpan(start, start + args.text.length, label, 'manual');
      if (change) changes.push(change);
    }
    return { description: `Tagged ${changes.length} occurrence${changes.length === 1 ? '' : 's'} of "${args.text}" as ${label.name}`, changes };
  }

  reject(args: RejectArguments): TagEdit {
    const label = this.label(args.label);
    this.expectText(args.start, args.end, args.text);
    const existing = this.tagsAt(args.start, args.end).find((tag) => tag.status !== 'rejected');
    if (existing) return this.edit(`Rejected ${existing.label} on "${args.text}"`, existing, { status: 'rejected', annotator: this.annotator });
    const tag = this.newTag(args.start, args.end, label, 'suggestion', 'rejected');
    return { description: `Rejected the suggestion ${label.name} on "${args.text}"`, changes: [{ after: tag }] };
  }

  accept(tagId: string): TagEdit {
    const tag = this.tagById(tagId);
    return this.edit(`Accepted ${tag.label} on "${tag.text}"`, tag, { status: 'accepted', annotator: this.annotator });
  }

  changeLabel(tagId: string, labelName: string): TagEdit {
    const tag = this.tagById(tagId);
    const label = this.label(labelName);
    return this.edit(`Changed "${tag.text}" from ${tag.label} to ${label.name}`, tag, { label: label.name, kind: label.kind, status: 'accepted', annotator: this.annotator });
  }

  /** An orphaned tag placed again where the annotator says its text now is. */
  reattach(tagId: string, start: number, end: number, text: string): TagEdit {
    this.expectText(start, end, text);
    const tag = this.tagById(tagId);
    const article = this.article.document.getText();
    const index = this.indexOf(article);
    const placed = placedAt(tag, article, index.toCodePoint(start), index.toCodePoint(end), index);
    return { description: `Re-attached the ${tag.label} tag "${tag.text}" to "${text}"`, changes: [{ before: tag, after: modifiedTag(placed, { annotator: this.annotator }) }] };
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
   * Tags a span: a tag already there with the same label is left alone; one with another label, or a
   * rejected or proposed one, becomes this accepted tag; otherwise a new tag is added.
   */
  private tagSpan(start: number, end: number, label: LabelDefinition, source: 'manual' | 'suggestion'): TagChange | undefined {
    const existing = this.tagsAt(start, end);
    if (existing.some((tag) => tag.label === label.name && tag.status === 'accepted')) return undefined;
    const replaceable = existing.find((tag) => tag.label === label.name) ?? existing.find((tag) => tag.status !== 'accepted') ?? existing[0];
    if (replaceable) {
      this.expectSettled(replaceable);
      return { before: replaceable, after: modifiedTag(replaceable, { label: label.name, kind: label.kind, status: 'accepted', annotator: this.annotator, source }) };
    }
    return { after: this.newTag(start, end, label, source, 'accepted') };
  }

  private newTag(start: number, end: number, label: LabelDefinition, source: 'manual' | 'suggestion', status: Tag['status']): Tag {
    const text = this.article.document.getText();
    const index = this.indexOf(text);
    const detection = this.detectionAt(start, end, label.name);
    return newTag({
      text,
      start: index.toCodePoint(start),
      end: index.toCodePoint(end),
      label: label.name,
      kind: label.kind,
      source,
      status,
      annotator: this.annotator,
      index,
      ...(detection?.value ? { value: detection.value } : {}),
    });
  }

  /** One code point index per article text, however many tags an action makes ("Tag all" makes dozens). */
  private indexOf(text: string): CodePointIndex {
    if (this.index?.text !== text) this.index = { text, index: new CodePointIndex(text) };
    return this.index.index;
  }

  private edit(description: string, tag: Tag, changes: Parameters<typeof modifiedTag>[1]): TagEdit {
    this.expectSettled(tag);
    return { description, changes: [{ before: tag, after: modifiedTag(tag, changes) }] };
  }

  private tagsAt(start: number, end: number): Tag[] {
    return this.article
      .current()
      .placed.filter((placed) => !placed.orphaned && placed.start === start && placed.end === end)
      .map((placed) => placed.tag);
  }

  private tagById(tagId: string): Tag {
    const tag = this.article.getTags().find((candidate) => candidate.id === tagId);
    if (!tag) throw new Error(`No tag ${tagId} in this article any more (removed or changed elsewhere?)`);
    return tag;
  }

  private detectionAt(start: number, end: number, label: string): KindedSpan | undefined {
    return this.article.current().suggestions.find((span) => span.start === start && span.end === end && span.label === label);
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
    const actual = this.article.document.getText().slice(start, end);
    if (actual !== text) throw new Error(`The article changed: "${text}" is no longer at that place. Try the action again.`);
  }
}

/** UTF-16 starts of `needle` in `text` where it stands as whole words (not inside a longer word). */
export function wholeWordOccurrences(text: string, needle: string): number[] {
  const starts: number[] = [];
  const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}_]/u.test(char);
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
    const wordStart = !isWordChar(needle[0]) || !isWordChar(text[at - 1]);
    const wordEnd = !isWordChar(needle[needle.length - 1]) || !isWordChar(text[at + needle.length]);
    if (wordStart && wordEnd) starts.push(at);
  }
  return starts;
}
