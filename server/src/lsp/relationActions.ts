import { CodeActionKind, type CodeAction } from 'vscode-languageserver';
import { ServerCommands, type LinkArguments, type RelationEnd, type RemoveTagArguments } from '../api/protocol';
import type { LabelDefinition } from '../core/project/labelSet';
import { allowsLabels, type RelationType } from '../core/project/relationTypes';
import type { Relation, Tag } from '../core/sidecar';
import type { TagEdit } from '../core/sidecar/tagEdits';
import type { Actor } from '../core/tagging/actor';
import { describeEnds, RelationOperations, relationsRemovedWith, withRelationsOfRemovedTags } from '../core/tagging/relationOperations';
import { TagOperations } from '../core/tagging/tagOperations';
import type { Article, PlacedRelation, PlacedTag } from './article';
import { articleTagsOf } from './tagActions';

/** A tag or a suggestion that a relation may link: where it stands (UTF-16) and what it would be. */
interface LinkEnd {
  start: number;
  end: number;
  text: string;
  label: string;
  end_: RelationEnd;
}

/**
 * The quick fixes for relations on a tag: "Link "Ukraine" → "interceptor drones" as PRODUCES" for every
 * tag or suggestion nearby whose labels a type allows (the same sentence first, then the paragraph),
 * each titled by its result so any editor can pick it; on a selection spanning two tags, links between
 * them; for each relation of the tag, change its type, reverse, approve, reject, remove.
 */
export function relationActionsAt(article: Article, types: readonly RelationType[], tag: PlacedTag | undefined, selection: { start: number; end: number } | undefined, pendingRemoval: string | undefined, linkToCommand?: string, commentCommand?: string): CodeAction[] {
  if (types.length === 0 && !tag) return [];
  const model = article.current();
  const text = article.document.getText();
  const actions: CodeAction[] = [];
  const existing = model.relations.map((placed) => placed.relation);
  const offer = (from: LinkEnd, to: LinkEnd, type: RelationType) => {
    if (isLinked(existing, from.end_, to.end_, type)) return;
    const args: LinkArguments = { uri: article.uri, from: from.end_, to: to.end_, type: type.name };
    actions.push(action(`Link ${describeEnds(from, to, type)}`, ServerCommands.link, args));
  };
  const offerBetween = (a: LinkEnd, b: LinkEnd) => {
    for (const type of types) {
      if (allowsLabels(type, a.label, b.label)) offer(a, b, type);
      if (!type.symmetric && allowsLabels(type, b.label, a.label)) offer(b, a, type);
    }
  };
  if (selection && selection.end - selection.start > 0) {
    // A selection spanning two tags: link the first to the last it holds whole.
    const inside = linkEnds(article, selection);
    if (inside.length >= 2) offerBetween(inside[0]!, inside[inside.length - 1]!);
  }
  if (tag && !tag.orphaned && !tag.tag.conflict && tag.tag.status !== 'rejected') {
    const self: LinkEnd = { start: tag.start, end: tag.end, text: tag.tag.text, label: tag.tag.label, end_: { tagId: tag.tag.id } };
    if (pendingRemoval === tag.tag.id) {
      // Every relation of the tag goes with it, seen or not (blind mode): the title counts them all, as the question did.
      const count = article.allRelations().filter((relation) => relation.from === tag.tag.id || relation.to === tag.tag.id).length;
      actions.push(action(confirmTitle(tag.tag, count), ServerCommands.removeTag, { uri: article.uri, tagId: tag.tag.id, confirmed: true } satisfies RemoveTagArguments));
    }
    if (!selection || selection.end - selection.start === 0 || (selection.start >= tag.start && selection.end <= tag.end)) {
      for (const other of nearby(article, text, self)) offerBetween(self, other);
    }
    if (linkToCommand && types.length > 0) actions.push(action(`Link "${tag.tag.text}" to…`, linkToCommand, { uri: article.uri, tagId: tag.tag.id }));
    for (const placed of model.relations.filter(({ relation }) => relation.from === tag.tag.id || relation.to === tag.tag.id)) actions.push(...actionsOnRelation(article, types, placed, commentCommand));
  }
  return actions;
}

function confirmTitle(tag: Tag, count: number): string {
  return `Confirm: remove tag ${tag.label} on "${tag.text}" and ${count === 1 ? 'its relation' : `its ${count} relations`}`;
}

/** Change type, reverse, approve, reject, remove: one relation's quick fixes. */
function actionsOnRelation(article: Article, types: readonly RelationType[], placed: PlacedRelation, commentCommand?: string): CodeAction[] {
  const { relation } = placed;
  const named = describePlaced(placed, types);
  const id = { uri: article.uri, relationId: relation.id };
  const actions: CodeAction[] = [];
  if (relation.conflict) {
    const sides = (['ours', 'theirs'] as const).map((side) => {
      const version = relation.conflict![side];
      const what = version === 'deleted' ? 'deleted' : version.type === relation.type ? version.status : `${version.type}, ${version.status}`;
      return action(`Keep ${side} (${what}) for relation ${named}`, ServerCommands.resolveRelationConflict, { ...id, side });
    });
    return [...sides, action(`Remove relation ${named}`, ServerCommands.removeRelation, id)];
  }
  if (relation.status === 'proposed') actions.push(action(`Accept relation ${named}`, ServerCommands.acceptRelation, id));
  if (relation.status === 'accepted') actions.push(action(`Approve relation ${named}`, ServerCommands.approveRelation, id));
  if (relation.status !== 'rejected') actions.push(action(`Reject relation ${named}`, ServerCommands.rejectRelation, id));
  const type = types.find((candidate) => candidate.name === relation.type);
  const [from, to] = [placed.from?.tag, placed.to?.tag];
  if (from && to) {
    const short = describeEnds(from, to, type ?? { name: relation.type, symmetric: false }).replace(/ as [A-Z0-9_]+$/, '');
    for (const other of types) {
      if (other.name !== relation.type && allowsLabels(other, from.label, to.label)) actions.push(action(`Change relation ${short} from ${relation.type} to ${other.name}`, ServerCommands.changeRelationType, { ...id, type: other.name }));
    }
    if (type && !type.symmetric && allowsLabels(type, to.label, from.label)) actions.push(action(`Reverse relation ${named}`, ServerCommands.reverseRelation, id));
  }
  // A client that can ask for text (VS Code) names its command; others send marginalia.commentRelation themselves.
  if (commentCommand) actions.push(action(`Add a comment on relation ${named}…`, commentCommand, id));
  actions.push(action(`Remove relation ${named}`, ServerCommands.removeRelation, id));
  return actions;
}

/** "Ukraine" → "interceptor drones" as PRODUCES, or the ids where an end is not seen. */
export function describePlaced(placed: PlacedRelation, types: readonly RelationType[]): string {
  const { relation } = placed;
  const type = types.find((candidate) => candidate.name === relation.type) ?? { name: relation.type, symmetric: false };
  const end = (tag: PlacedTag | undefined, id: string) => (tag ? { text: tag.tag.text } : { text: `(missing tag ${id})` });
  return describeEnds(end(placed.from, relation.from), end(placed.to, relation.to), type);
}

/**
 * Every tag (not orphaned, not rejected, not in conflict) and suggestion of the article lying whole in
 * `within` (default: all of it), in reading order. Filtered before anything is built: an article of
 * 10,000 tags asks this on every quick-fix list.
 */
function linkEnds(article: Article, within?: { start: number; end: number }): LinkEnd[] {
  const { placed, suggestions } = article.current();
  const text = article.document.getText();
  const inside = (span: { start: number; end: number }) => !within || (within.start <= span.start && span.end <= within.end);
  const ends: LinkEnd[] = placed
    .filter((candidate) => !candidate.orphaned && candidate.tag.status !== 'rejected' && !candidate.tag.conflict && inside(candidate))
    .map(({ tag, start, end }) => ({ start, end, text: tag.text, label: tag.label, end_: { tagId: tag.id } }));
  for (const span of suggestions) {
    if (!inside(span)) continue;
    const covered = text.slice(span.start, span.end);
    ends.push({ start: span.start, end: span.end, text: covered, label: span.label, end_: { start: span.start, end: span.end, text: covered, label: span.label } });
  }
  return ends.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The ends in the tag's paragraph other than itself and what overlaps it: its sentence's first, then the nearest. */
function nearby(article: Article, text: string, self: LinkEnd): LinkEnd[] {
  const paragraph = blockAround(text, self.start, /\n[ \t]*\n/g);
  const sentence = sentenceAround(text, self.start, paragraph);
  const candidates = linkEnds(article, paragraph).filter((end) => end.end <= self.start || end.start >= self.end);
  const inSentence = (end: LinkEnd) => end.start >= sentence.start && end.end <= sentence.end;
  const distance = (end: LinkEnd) => (end.start >= self.end ? end.start - self.end : self.start - end.end);
  return candidates.sort((a, b) => Number(inSentence(b)) - Number(inSentence(a)) || distance(a) - distance(b));
}

/** The stretch between separators (matched by `separator`, global) around `offset`. */
function blockAround(text: string, offset: number, separator: RegExp): { start: number; end: number } {
  let start = 0;
  let end = text.length;
  for (const match of text.matchAll(separator)) {
    if (match.index + match[0].length <= offset) start = match.index + match[0].length;
    else if (match.index >= offset) {
      end = match.index;
      break;
    }
  }
  return { start, end };
}

/** The sentence holding `offset`: ended by . ! or ? before a space and a capital, a quote or a digit, or by a line break. */
function sentenceAround(text: string, offset: number, within: { start: number; end: number }): { start: number; end: number } {
  const slice = text.slice(within.start, within.end);
  const block = blockAround(slice, offset - within.start, /[.!?]["'’”)]?\s+(?=["'‘“(]?[A-Z0-9])|\n/g);
  return { start: within.start + block.start, end: within.start + block.end };
}

function isLinked(relations: readonly Relation[], from: RelationEnd, to: RelationEnd, type: RelationType): boolean {
  if (!('tagId' in from) || !('tagId' in to)) return false;
  return relations.some(
    (relation) =>
      relation.type === type.name &&
      relation.status !== 'rejected' &&
      ((relation.from === from.tagId && relation.to === to.tagId) || (type.symmetric && relation.from === to.tagId && relation.to === from.tagId)),
  );
}

/**
 * The edit a link makes: each end that is a suggestion tagged first (accepted, with its label), then
 * the relation, all in one edit so that one undo takes it all back.
 */
export function linkEdit(article: Article, labels: readonly LabelDefinition[], types: readonly RelationType[], actor: Actor, args: LinkArguments): TagEdit {
  const tags = articleTagsOf(article);
  const tagOps = new TagOperations(tags, labels, actor);
  const before: TagEdit = { description: '', changes: [] };
  const resolve = (end: RelationEnd): Tag => {
    if ('tagId' in end) {
      const found = tags.tags.find((placed) => placed.tag.id === end.tagId);
      if (!found) throw new Error(`No tag ${end.tagId} in this article any more (removed or changed elsewhere?)`);
      if (found.orphaned) throw new Error(`The ${found.tag.label} tag "${found.tag.text}" is orphaned: re-attach it before linking it`);
      return found.tag;
    }
    const [start, stop] = [tags.index.toCodePoint(end.start), tags.index.toCodePoint(end.end)];
    const edit = tagOps.tag(start, stop, end.text, end.label, 'suggestion');
    before.changes.push(...edit.changes);
    const made = edit.changes[0]?.after ?? tags.tags.find((placed) => !placed.orphaned && placed.tag.start === start && placed.tag.end === stop && placed.tag.label === end.label)?.tag;
    if (!made) throw new Error(`Could not tag "${end.text}" as ${end.label}`);
    return made;
  };
  const from = resolve(args.from);
  const to = resolve(args.to);
  return new RelationOperations(tags, article.visibleRelations(), types, actor).link(from, to, args.type, before);
}

/**
 * Removing a tag: with its relations only once confirmed (`confirmed`), never leaving one pointing at
 * nothing. Unconfirmed, answers the question to put to the annotator instead of an edit.
 */
export function removeTagEdit(article: Article, labels: readonly LabelDefinition[], actor: Actor, tagId: string, confirmed: boolean): { edit: TagEdit } | { ask: string; confirm: string } {
  const edit = new TagOperations(articleTagsOf(article), labels, actor).remove(tagId);
  const going = relationsRemovedWith(edit, article.allRelations());
  if (going.length === 0) return { edit };
  if (!confirmed) {
    const tag = edit.changes[0]!.before!;
    const { relations } = article.current();
    const names = going.map((relation) => {
      const placed = relations.find((candidate) => candidate.relation.id === relation.id);
      return placed ? describePlaced(placed, []) : `${relation.type} by ${relation.annotator}`;
    });
    const its = going.length === 1 ? 'its relation' : `its ${going.length} relations`;
    const confirm = confirmTitle(tag, going.length);
    return { ask: `"${tag.text}" has ${going.length} relation${going.length === 1 ? '' : 's'} (${names.join('; ')}): not removed. To remove the tag and ${its}, choose "${confirm}" (Ctrl+.)`, confirm };
  }
  return { edit: withRelationsOfRemovedTags(edit, article.allRelations()) };
}

/** A relation operation on the relations this person sees. */
export function relationOperationsOf(article: Article, types: readonly RelationType[], actor: Actor): RelationOperations {
  return new RelationOperations(articleTagsOf(article), article.visibleRelations(), types, actor);
}

/** Every link the tag may make in the article (not only nearby): what "Link to…" lists in a picker. */
export function linkTargets(article: Article, types: readonly RelationType[], tagId: string): Array<{ title: string; arguments: LinkArguments }> {
  const self = linkEnds(article).find((end) => 'tagId' in end.end_ && end.end_.tagId === tagId);
  if (!self) throw new Error(`No tag ${tagId} to link in this article (removed, orphaned or rejected?)`);
  const existing = article.current().relations.map((placed) => placed.relation);
  const targets: Array<{ title: string; arguments: LinkArguments }> = [];
  for (const other of linkEnds(article)) {
    if (other.end > self.start && other.start < self.end) continue;
    for (const type of types) {
      const pairs: Array<[LinkEnd, LinkEnd]> = [];
      if (allowsLabels(type, self.label, other.label)) pairs.push([self, other]);
      if (!type.symmetric && allowsLabels(type, other.label, self.label)) pairs.push([other, self]);
      for (const [from, to] of pairs) {
        if (!isLinked(existing, from.end_, to.end_, type)) targets.push({ title: `Link ${describeEnds(from, to, type)}`, arguments: { uri: article.uri, from: from.end_, to: to.end_, type: type.name } });
      }
    }
  }
  return targets;
}

function action(title: string, command: string, args: object): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, command: { title, command, arguments: [args] } };
}
