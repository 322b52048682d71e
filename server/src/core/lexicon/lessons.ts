import { CodePointIndex } from '../base/offsets';
import type { Tag } from '../sidecar';
import type { TagChange } from '../sidecar/tagEdits';
import type { Lexicon, Lesson, Rejection } from './lexicon';
import { contextAround } from './matching';

/**
 * What one applied tag action teaches the lexicon, derived from the tags it changed alone (before and
 * after), so that every action — tag, tag all, change label, reject, remove, review, and the undo and
 * redo of each — keeps the lexicon as the tags say:
 * - a claim (an accepted or approved entity tag) added teaches its text and label; one removed, or
 *   changed to another text or label, takes one tag's word back (unlearn);
 * - a rejected tag added rules its label out on its text in its context (the words either side); a
 *   rejection removed or accepted after all lifts that again.
 * Numbers and dates are not learnt: the detector finds them with their values, which depend on the
 * article ("Monday", "May"), and a learnt "May" would take the place of the detector's dated one.
 * Their rejections are kept like any other.
 */
export type LexiconUpdate =
  | { type: 'learn'; lesson: Lesson }
  | { type: 'unlearn'; text: string; label: string }
  | { type: 'suppress'; rejection: Rejection }
  | { type: 'unsuppress'; rejection: Pick<Rejection, 'text' | 'label' | 'before' | 'after'> };

/** Who did the action, in which article (its path relative to the lexicon's folder), and when. */
export interface LessonSource {
  by: string;
  article: string;
  at: string;
  /**
   * The article text the tags' code point offsets refer to: a rejection's context is read there, or
   * from the tag's own stored context when its text is no longer at its offsets.
   */
  articleText: string;
}

export function lessonsOf(changes: readonly TagChange[], source: LessonSource): LexiconUpdate[] {
  const takenBack: LexiconUpdate[] = [];
  const taught: LexiconUpdate[] = [];
  let index: CodePointIndex | undefined;
  const contextOf = (tag: Tag) => rejectionContext(tag, source.articleText, (index ??= new CodePointIndex(source.articleText)));
  for (const { before, after } of netChanges(changes)) {
    const claimedBefore = teaches(before);
    const claimedAfter = teaches(after);
    if (claimedBefore && !(claimedAfter && sameClaim(before!, after!))) takenBack.push({ type: 'unlearn', text: taughtText(before!.text), label: before!.label });
    if (claimedAfter && !(claimedBefore && sameClaim(before!, after!))) {
      taught.push({ type: 'learn', lesson: { text: taughtText(after!.text), label: after!.label, kind: after!.kind, by: source.by, article: source.article, at: source.at } });
    }
    const rejectedBefore = rejects(before);
    const rejectedAfter = rejects(after);
    const contextBefore = rejectedBefore ? contextOf(before!) : undefined;
    const contextAfter = rejectedAfter ? contextOf(after!) : undefined;
    const sameRejection = rejectedBefore && rejectedAfter && sameClaim(before!, after!) && contextBefore!.before === contextAfter!.before && contextBefore!.after === contextAfter!.after;
    if (rejectedBefore && !sameRejection) takenBack.push({ type: 'unsuppress', rejection: { text: before!.text, label: before!.label, ...contextBefore! } });
    if (rejectedAfter && !sameRejection && contextAfter!.before.length <= MAX_CONTEXT_WORD && contextAfter!.after.length <= MAX_CONTEXT_WORD) {
      taught.push({ type: 'suppress', rejection: { text: after!.text, label: after!.label, ...contextAfter!, by: source.by, article: source.article, at: source.at } });
    }
  }
  // Taken back first: a tag removed and another added on the same text keeps the entry, counted the same.
  return [...takenBack, ...taught];
}

/** Each tag once, from what it was before the edit to what the edit left it: a tag changed twice in one edit counts once. */
function netChanges(changes: readonly TagChange[]): TagChange[] {
  const byId = new Map<string, TagChange>();
  for (const { before, after } of changes) {
    const id = (before ?? after)!.id;
    const known = byId.get(id);
    byId.set(id, known ? { before: known.before, after } : { before, after });
  }
  return [...byId.values()];
}

export function applyLessons(lexicon: Lexicon, updates: readonly LexiconUpdate[]): void {
  for (const update of updates) {
    if (update.type === 'learn') lexicon.learn(update.lesson);
    else if (update.type === 'unlearn') lexicon.unlearn(update.text, update.label);
    else if (update.type === 'suppress') lexicon.suppress(update.rejection);
    else lexicon.unsuppress(update.rejection);
  }
}

/** A person's tag saying what its text is: accepted or approved, of an entity, on text the lexicon can hold (one line). */
function teaches(tag: Tag | undefined): boolean {
  return tag !== undefined && (tag.status === 'accepted' || tag.status === 'approved') && tag.kind === 'entity' && isLearnableText(tag.text);
}

/**
 * The text a claim teaches: without a possessive ending ("Ukraine’s" teaches "Ukraine", "Ukrainians'"
 * "Ukrainians"), which belongs to the sentence, not the name; learnt with it, the possessive form would
 * win over the name wherever it recurs (the longest match is suggested).
 */
function taughtText(text: string): string {
  const name = text.replace(/(?<=\p{L})['’]s$|(?<=s)['’]$/u, '');
  return name.length > 0 ? name : text;
}

/** A rejected tag on text the lexicon can hold. */
function rejects(tag: Tag | undefined): boolean {
  return tag !== undefined && tag.status === 'rejected' && isLearnableText(tag.text);
}

/** The longest word the lexicon file keeps as a context (schema.ts); a longer one is no word a rule could name. */
const MAX_CONTEXT_WORD = 100;

/** One line, no surrounding white space, a name's length: what the lexicon file accepts (schema.ts). */
export function isLearnableText(text: string): boolean {
  return text.length > 0 && text.length <= 200 && text === text.trim() && !/[\r\n]/.test(text);
}

function sameClaim(a: Tag, b: Tag): boolean {
  return a.text === b.text && a.label === b.label;
}

/** The words either side of a rejected tag, in the article where its text still is at its offsets, else in its own stored context. */
function rejectionContext(tag: Tag, articleText: string, index: CodePointIndex): { before: string; after: string } {
  const start = index.toUtf16(tag.start);
  const end = index.toUtf16(tag.end);
  if (tag.end <= index.length && articleText.slice(start, end) === tag.text) return contextAround(articleText, start, end);
  const around = tag.context.prefix + tag.text + tag.context.suffix;
  return contextAround(around, tag.context.prefix.length, tag.context.prefix.length + tag.text.length);
}
