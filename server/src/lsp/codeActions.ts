import { CodeActionKind, type CodeAction, type Command } from 'vscode-languageserver';
import {
  ServerCommands,
  type AdjustSpanArguments,
  type ReattachArguments,
  type RejectArguments,
  type ResolveConflictArguments,
  type ResolveDisagreementArguments,
  type ReviewArguments,
  type ReviewFilterArguments,
  type TagAllArguments,
  type TagArguments,
  type TagIdArguments,
} from '../api/protocol';
import { DELETED, type TagConflict } from '../core/sidecar';
import type { KindedSpan } from '../core/detect';
import { labelsOfKind, type LabelDefinition } from '../core/project/labelSet';
import type { Kind } from '../core/base/labels';
import { wholeWordOccurrences } from '../core/tagging/occurrences';
import type { Article, PlacedTag } from './article';
import { describeClaim, disagreementsIn, extentOf, type PlacedDisagreement } from './disagreements';
import type { RelationType } from '../core/project/relationTypes';
import { relationActionsAt } from './relationActions';
import { relationDisagreementActions } from './relationReview';

/** What the actions depend on beyond the article: who is looking, and what the client can do. */
export interface CodeActionOptions {
  /** Not in blind mode: other annotators' tags, and so disagreements, are shown. */
  seesEveryone: boolean;
  /** The review filter is on: offer to turn it off, else on. */
  onlyToReview: boolean;
  /** A client command that asks for a comment and sends it (VS Code); other editors comment through the server command. */
  commentCommand?: string;
  /** "Tag all N occurrences of … in the workspace" for an entity's text and label, when it stands untagged in other articles. */
  tagAllInWorkspace?: (text: string, label: string) => CodeAction[];
  /** The corpus's relation types: links offered from a tag and between two selected. */
  relationTypes?: readonly RelationType[];
  /** The tag whose removal was asked to be confirmed (it has relations): a confirming quick fix comes first. */
  pendingRemoval?: string;
  /** A client command that offers every link of a tag in a picker (VS Code's "Link to…"). */
  linkToCommand?: string;
}

/**
 * The quick fixes for a cursor or selection, each a command the server runs, each titled by its result
 * so any editor can list them without a picker of its own:
 * on a suggestion, "Tag as PERSON" (preferred) then every other label, those of its kind first, "Tag
 * all N occurrences…", "Reject suggestion PERSON"; on a tag, accept / approve / reject, "Change label
 * to ORG" for every other label (its kind's first), "Change span of …" to a selection, "Remove tag"; on a tag in conflict, "Keep ours (PERSON)",
 * "Keep theirs (ORG)", "Remove tag"; where annotators disagree, "Keep ann's …, reject bob's …" first;
 * on a selection that is none of these, "Tag "…" as …" for every label. Source actions switch the
 * review filter.
 */
export function codeActionsAt(article: Article, labels: readonly LabelDefinition[], start: number, end: number, options: CodeActionOptions): CodeAction[] {
  const model = article.current();
  const text = article.document.getText();
  // A cursor touches what it stands in or right after; a selection, what it overlaps.
  const touches = start === end ? (item: Span) => item.start <= start && start <= item.end : (item: Span) => item.start < end && start < item.end;
  const tags = model.placed.filter((placed) => !placed.orphaned && touches(placed)).sort(innermostFirst);
  const suggestions = model.suggestions.filter(touches).sort(innermostFirst);
  const actions: CodeAction[] = [];

  if (options.seesEveryone) {
    for (const disagreement of disagreementsIn(model).filter((found) => touches(extentOf(found)))) actions.push(...disagreementActions(article, disagreement));
    actions.push(...relationDisagreementActions(article, options.relationTypes ?? [], touches));
  }
  const suggestion = suggestions[0];
  // Suggestions of two kinds can stand on one span (a learnt ORG and a detected DATE on "Wednesday"): all are offered, in order.
  if (suggestion) actions.push(...suggestionActions(article, labels, suggestions.filter((other) => other.start === suggestion.start && other.end === suggestion.end), text, options));
  const selection = trimmed(text, start, end);
  const tag = tags[0];
  const relationActions = relationActionsAt(article, options.relationTypes ?? [], tag, selection, options.pendingRemoval, options.linkToCommand, options.commentCommand);
  // Confirming a removal the annotator just asked for comes first, preferred.
  const confirming = relationActions.filter((candidate) => candidate.title.startsWith('Confirm: remove tag'));
  actions.push(...confirming);
  if (tag) actions.push(...tagActions(article, labels, tag, text, selection, options));
  actions.push(...relationActions.filter((candidate) => !confirming.includes(candidate)));

  const isNewSpan = selection && ![...tags, ...suggestions].some((item) => item.start === selection.start && item.end === selection.end);
  if (isNewSpan) actions.push(...selectionActions(article, labels, selection.start, selection.end, text));

  actions.push(...orphanActions(article, start, end, selection, text));
  if (actions.length > 0) actions[0].isPreferred = true;
  actions.push(reviewFilterAction(options.onlyToReview));
  return actions;
}

/** "Keep ann's PERSON "Volodymyr Zelensky", reject bob's PERSON "Zelensky"", both ways; for a boundary, also keep both. */
function disagreementActions(article: Article, { kind, first, second }: PlacedDisagreement): CodeAction[] {
  const resolve = (approve: string[], reject: string[]): ResolveDisagreementArguments => ({ uri: article.uri, approve, reject });
  const actions = [
    action(`Keep ${describeClaim(first)}, reject ${describeClaim(second)}`, ServerCommands.resolveDisagreement, resolve([first.tag.id], [second.tag.id])),
    action(`Keep ${describeClaim(second)}, reject ${describeClaim(first)}`, ServerCommands.resolveDisagreement, resolve([second.tag.id], [first.tag.id])),
  ];
  // Nested spans can both be right ("Kyiv" GPE inside "Kyiv City Council" ORG); one span cannot hold two labels.
  if (kind === 'boundary') actions.push(action(`Keep both: approve ${describeClaim(first)} and ${describeClaim(second)}`, ServerCommands.resolveDisagreement, resolve([first.tag.id, second.tag.id], [])));
  return actions;
}

/** A source action, listed apart from the quick fixes: what the highlights show. */
function reviewFilterAction(onlyToReview: boolean): CodeAction {
  const title = onlyToReview ? 'Show all tags (turn off the review filter)' : 'Show only what needs review';
  return { title, kind: CodeActionKind.Source, command: { title, command: ServerCommands.setReviewFilter, arguments: [{ onlyToReview: !onlyToReview } satisfies ReviewFilterArguments] } };
}

/** How many orphans a selection offers to re-attach: the list stays short, the outline shows all. */
const MAX_REATTACH_OFFERS = 5;

/**
 * Orphaned tags (their text deleted or rewritten): on a selection, "Re-attach … here" for each;
 * where the orphan's warning stands, "Remove orphaned tag".
 */
function orphanActions(article: Article, start: number, end: number, selection: Span | undefined, text: string): CodeAction[] {
  const orphans = article.current().placed.filter((placed) => placed.orphaned);
  const actions: CodeAction[] = [];
  if (selection) {
    const covered = text.slice(selection.start, selection.end);
    for (const { tag } of orphans.slice(0, MAX_REATTACH_OFFERS)) {
      actions.push(action(`Re-attach orphaned ${tag.label} tag "${tag.text}" here`, ServerCommands.reattach, { uri: article.uri, tagId: tag.id, start: selection.start, end: selection.end, text: covered } satisfies ReattachArguments));
    }
  }
  const length = text.length;
  for (const { tag, start: from, end: to } of orphans) {
    // The warning sits where the tag was; the cursor on it offers the removal.
    if (Math.min(from, length) <= end && start <= Math.min(to, length)) actions.push(action(`Remove orphaned ${tag.label} tag "${tag.text}"`, ServerCommands.removeTag, { uri: article.uri, tagId: tag.id }));
  }
  return actions;
}

/** `spans`: the suggestions on one span, the one to offer first first. */
function suggestionActions(article: Article, labels: readonly LabelDefinition[], spans: readonly KindedSpan[], text: string, options: CodeActionOptions): CodeAction[] {
  const [first] = spans;
  const covered = text.slice(first.start, first.end);
  const base = { uri: article.uri, start: first.start, end: first.end, text: covered };
  const offered = spans.filter((span) => labels.some((label) => label.name === span.label));
  const suggested = offered[0];
  const isSuggested = (name: string) => offered.some((span) => span.label === name);
  const actions: CodeAction[] = [];
  for (const span of offered) actions.push(action(`Tag as ${span.label}`, ServerCommands.tag, { ...base, label: span.label, source: 'suggestion' } satisfies TagArguments));
  // Every other label too: a name can read like a date or a number ("Wednesday" in "Sheffield Wednesday").
  for (const label of labelsKindFirst(labels, first.kind)) {
    if (!isSuggested(label.name)) actions.push(action(`Tag as ${label.name}`, ServerCommands.tag, { ...base, label: label.name, source: 'manual' } satisfies TagArguments));
  }
  const count = wholeWordOccurrences(text, covered).length;
  if (count > 1 && suggested) {
    actions.push(action(`Tag all ${count} occurrences of "${covered}" in this document as ${suggested.label}`, ServerCommands.tagAll, { uri: article.uri, text: covered, label: suggested.label } satisfies TagAllArguments));
  }
  if (suggested && suggested.kind === 'entity' && options.tagAllInWorkspace) actions.push(...options.tagAllInWorkspace(covered, suggested.label));
  for (const span of offered) actions.push(action(`Accept suggestion ${span.label} on "${covered}"`, ServerCommands.tag, { ...base, label: span.label, source: 'suggestion' } satisfies TagArguments));
  for (const span of spans) actions.push(action(`Reject suggestion ${span.label} on "${covered}"`, ServerCommands.reject, { ...base, label: span.label } satisfies RejectArguments));
  return actions;
}

/** Every label, those of `kind` first, each group in the project's order. */
function labelsKindFirst(labels: readonly LabelDefinition[], kind: Kind): LabelDefinition[] {
  return [...labelsOfKind(labels, kind), ...labels.filter((label) => label.kind !== kind)];
}

function tagActions(article: Article, labels: readonly LabelDefinition[], placed: PlacedTag, text: string, selection: Span | undefined, options: CodeActionOptions): CodeAction[] {
  const { tag } = placed;
  const id: TagIdArguments = { uri: article.uri, tagId: tag.id };
  const actions: CodeAction[] = [];
  // Until one version is chosen, other edits would have to pick one silently.
  if (tag.conflict) {
    for (const side of ['ours', 'theirs'] as const) {
      actions.push(action(`Keep ${side} (${describeSide(tag.conflict, side)})`, ServerCommands.resolveConflict, { ...id, side } satisfies ResolveConflictArguments));
    }
    return [...actions, action(`Remove tag ${tag.label} on "${tag.text}"`, ServerCommands.removeTag, id)];
  }
  if (tag.status === 'proposed') {
    actions.push(action(`Accept suggestion ${tag.label} on "${tag.text}"`, ServerCommands.accept, id));
    actions.push(action(`Reject suggestion ${tag.label} on "${tag.text}"`, ServerCommands.reject, { uri: article.uri, start: placed.start, end: placed.end, text: tag.text, label: tag.label } satisfies RejectArguments));
  }
  if (tag.status === 'accepted') actions.push(action(`Approve ${tag.label} on "${tag.text}"`, ServerCommands.approve, id satisfies ReviewArguments));
  if (tag.status === 'accepted' || tag.status === 'approved') actions.push(action(`Reject ${tag.label} on "${tag.text}"`, ServerCommands.rejectTag, id satisfies ReviewArguments));
  if (tag.status === 'rejected') actions.push(action(`Accept ${tag.label} on "${tag.text}" after all`, ServerCommands.accept, id));
  // A selection overlapping the tag but not the same span: the reviewer shows the span it should have.
  if (selection && selection.start < placed.end && placed.start < selection.end && (selection.start !== placed.start || selection.end !== placed.end)) {
    const covered = text.slice(selection.start, selection.end);
    actions.push(action(`Change span of ${tag.label} "${tag.text}" to "${shorten(covered)}"`, ServerCommands.adjustSpan, { ...id, start: selection.start, end: selection.end, text: covered } satisfies AdjustSpanArguments));
  }
  for (const label of labelsKindFirst(labels, tag.kind)) {
    if (label.name !== tag.label) actions.push(action(`Change label to ${label.name}`, ServerCommands.changeLabel, { ...id, label: label.name }));
  }
  if (options.commentCommand) actions.push(action(`Add a comment on ${tag.label} "${tag.text}"…`, options.commentCommand, id));
  const untagged = wholeWordOccurrences(text, tag.text).length - 1;
  if ((tag.status === 'accepted' || tag.status === 'approved') && untagged > 0) {
    actions.push(action(`Tag all ${untagged + 1} occurrences of "${tag.text}" in this document as ${tag.label}`, ServerCommands.tagAll, { uri: article.uri, text: tag.text, label: tag.label } satisfies TagAllArguments));
  }
  if ((tag.status === 'accepted' || tag.status === 'approved') && tag.kind === 'entity' && options.tagAllInWorkspace) actions.push(...options.tagAllInWorkspace(tag.text, tag.label));
  actions.push(action(tag.status === 'rejected' ? `Remove the rejection of ${tag.label} on "${tag.text}"` : `Remove tag ${tag.label} on "${tag.text}"`, ServerCommands.removeTag, id));
  return actions;
}

/** "PERSON", "ORG, rejected" or "deleted": what keeping that side gives. */
function describeSide(conflict: TagConflict, side: 'ours' | 'theirs'): string {
  const version = conflict[side];
  if (version === DELETED) return DELETED;
  return version.status === 'accepted' ? version.label : `${version.label}, ${version.status}`;
}

function selectionActions(article: Article, labels: readonly LabelDefinition[], start: number, end: number, text: string): CodeAction[] {
  const covered = text.slice(start, end);
  const kinds = kindsInLikelyOrder(covered);
  const ordered = kinds.flatMap((kind) => labelsOfKind(labels, kind));
  return ordered.map((label) => action(`Tag "${shorten(covered)}" as ${label.name}`, ServerCommands.tag, { uri: article.uri, start, end, text: covered, label: label.name, source: 'manual' } satisfies TagArguments));
}

/** Numbers first for digits, dates first for month and day names, entities first otherwise. */
function kindsInLikelyOrder(text: string): Kind[] {
  if (/\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b\d{4}-\d{2}-\d{2}\b|\b(?:year|month|week|day|hour)s?\b/i.test(text)) return ['date', 'number', 'entity'];
  if (/\d/.test(text)) return ['number', 'date', 'entity'];
  return ['entity', 'number', 'date'];
}

function action(title: string, command: string, args: object): CodeAction {
  const run: Command = { title, command, arguments: [args] };
  return { title, kind: CodeActionKind.QuickFix, command: run };
}

interface Span {
  start: number;
  end: number;
}

function innermostFirst(a: Span, b: Span): number {
  return a.end - a.start - (b.end - b.start);
}

/** The selection without surrounding white space, or undefined for an empty one. */
function trimmed(text: string, start: number, end: number): { start: number; end: number } | undefined {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { start, end } : undefined;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 30 ? flat.slice(0, 29) + '…' : flat;
}
