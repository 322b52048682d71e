import type { HistoryEntry, ReviewAction, Tag } from '../sidecar/schema';
import { modifiedTag } from '../sidecar/tagEdits';

/** One review step, before it is stamped with a time. */
export interface ReviewStep {
  by: string;
  action: ReviewAction;
  from?: string;
  to?: string;
  comment?: string;
}

/** `tag` after a review step: its fields changed, `modified` set to now, and the step appended to its history. */
export function reviewedTag(tag: Tag, step: ReviewStep, changes: Parameters<typeof modifiedTag>[1] = {}, now = new Date()): Tag {
  const entry: HistoryEntry = { at: now.toISOString(), by: step.by, action: step.action };
  if (step.from !== undefined) entry.from = step.from;
  if (step.to !== undefined) entry.to = step.to;
  const comment = step.comment?.trim();
  if (comment) entry.comment = comment;
  return { ...modifiedTag(tag, changes, now), history: [...(tag.history ?? []), entry] };
}

/** A span as a history entry names it: its text and code point offsets, `"Zelensky" 12–20`. */
export function describeSpan(span: Pick<Tag, 'text' | 'start' | 'end'>): string {
  return `"${span.text}" ${span.start}–${span.end}`;
}

const ACTION_WORDS: Record<ReviewAction, string> = {
  accepted: 'accepted',
  approved: 'approved',
  rejected: 'rejected',
  relabelled: 'changed the label',
  resized: 'changed the span',
  reattached: 're-attached',
  commented: 'commented',
  reopened: 'reopened',
  reversed: 'reversed the direction',
};

/** "2026-11-22 10:05 UTC · bob changed the label ORG → PERSON: “not a company”". */
export function describeHistoryEntry(entry: HistoryEntry): string {
  const change = entry.from !== undefined || entry.to !== undefined ? ` ${entry.from ?? '—'} → ${entry.to ?? '—'}` : '';
  const comment = entry.comment ? `: “${entry.comment}”` : '';
  return `${formatTime(entry.at)} · ${entry.by} ${ACTION_WORDS[entry.action]}${change}${comment}`;
}

/** "2026-11-22 10:05 UTC": minutes are enough to tell steps apart for a reader. */
export function formatTime(iso: string): string {
  return iso.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
}
