import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { describeValue } from '../core/detect/describeValue';
import { describeHistoryEntry, formatTime } from '../core/review/reviewLog';
import type { HistoryEntry } from '../core/sidecar/schema';
import type { Article } from './article';
import type { NormalizedValue } from '../core/detect/shared/detection';
import type { Kind } from '../core/base/labels';
import { dependsOnReference } from '../core/detect/dateReference';
import { describeReference } from '../core/project/referenceDate';

const MAX_HISTORY_LINES = 10;

/**
 * What an annotator wants to know about the tag or suggestion under the cursor: label and kind,
 * normalised value, status, who tagged it and when, its relations and who made them, and the label's
 * guideline from the project file.
 */
export function hoverAt(article: Article, offset: number, guidelineOf: (label: string) => string | undefined, relationsOf: (tagId: string, escape: (text: string) => string) => string | undefined = () => undefined): Hover | undefined {
  const { placed, suggestions } = article.current();
  const contains = (item: { start: number; end: number }) => item.start <= offset && offset < item.end;
  const tag = placed.filter((p) => !p.orphaned && contains(p)).sort((a, b) => a.end - a.start - (b.end - b.start))[0];
  const suggestion = suggestions.filter(contains).sort((a, b) => a.end - a.start - (b.end - b.start))[0];
  const document = article.document;
  if (tag && (!suggestion || tag.end - tag.start <= suggestion.end - suggestion.start)) {
    const { tag: t } = tag;
    const lines = [
      `**${t.label}** · ${t.kind} · ${STATUS_WORDS[t.status]}`,
      valueLine(article, t, tag),
      `Tagged by ${escapeMarkdown(t.annotator)} on ${formatTime(t.created)}${t.modified !== t.created ? `, last changed ${formatTime(t.modified)}` : ''} · source: ${t.source}`,
      relationsOf(t.id, escapeMarkdown),
      history(t.history),
      guideline(guidelineOf(t.label)),
    ];
    return markdown(lines, document.positionAt(tag.start), document.positionAt(tag.end));
  }
  if (suggestion) {
    const { learnt, recognisedBy } = suggestion;
    const lines = [
      learnt
        ? `**${suggestion.label}** · ${suggestion.kind} · suggested, learnt from the corpus`
        : recognisedBy
          ? `**${suggestion.label}** · ${suggestion.kind} · suggested from ${escapeInline(recognisedBy.name)}${recognisedBy.score !== undefined ? `, score ${recognisedBy.score.toFixed(2)}` : ''}`
          : `**${suggestion.label}** · ${suggestion.kind} · suggested (confidence ${suggestion.confidence.toFixed(2)})`,
      // Names as written (an article's file name keeps its underscores): only inline marks are escaped.
      learnt ? `because ${escapeInline(learnt.by)} tagged "${escapeInline(learnt.text)}" ${learnt.label} in ${escapeInline(learnt.article)}${learnt.count > 1 ? ` (${learnt.count} tags say so)` : ''}` : undefined,
      valueLine(article, suggestion, suggestion),
      'Not tagged yet: Ctrl+. to tag, change or reject it.',
      guideline(guidelineOf(suggestion.label)),
    ];
    return markdown(lines, document.positionAt(suggestion.start), document.positionAt(suggestion.end));
  }
  return undefined;
}

/**
 * "Value: `2024-03-05` (relative to 2024-03-06, taken from the path)": a date whose value hangs on
 * the reference date says which one, and one left without a value for want of it says so.
 */
function valueLine(article: Article, item: { kind: Kind; value?: NormalizedValue }, at: { start: number; end: number }): string | undefined {
  const value = item.value ? inlineCode(describeValue(item.value)) : undefined;
  if (item.kind !== 'date' || (item.value && item.value.type !== 'date' && item.value.type !== 'time')) return value && `Value: ${value}`;
  const text = article.document.getText();
  if (!dependsOnReference(text, at.start, at.end)) return value && `Value: ${value}`;
  const { reference, unrealDay } = article.dateReference();
  if (!reference) return `Value: ${value ?? 'none'} (${describeReference(undefined, unrealDay)})`;
  return value ? `Value: ${value} (${describeReference(reference)})` : undefined;
}

const STATUS_WORDS = { accepted: 'tagged, awaiting review', approved: 'approved', proposed: 'proposed, awaiting review', rejected: 'rejected', conflict: 'in conflict between two branches' } as const;

/** Most recent last, as it happened; a long history shows its latest steps. */
function history(entries: readonly HistoryEntry[] | undefined): string | undefined {
  if (!entries?.length) return undefined;
  const shown = entries.slice(-MAX_HISTORY_LINES);
  const older = entries.length - shown.length;
  return ['*History:*', ...(older > 0 ? [`- … ${older} earlier step${older === 1 ? '' : 's'}`] : []), ...shown.map((entry) => `- ${escapeMarkdown(describeHistoryEntry(entry))}`)].join('\n');
}

/**
 * Someone's text (a comment, a name, a guideline): shown as written, never as markup. It is put on one
 * line, so that it cannot start a block of its own (a heading, a paragraph in bold that passes for the
 * hover's own); within a line only inline marks matter.
 */
function escapeMarkdown(text: string): string {
  return oneLine(text).replace(/[\\`*_[\]<>|~]/g, '\\$&');
}

/** Like escapeMarkdown, but "_" stays: CommonMark never reads it inside a word, and file names are full of it. */
function escapeInline(text: string): string {
  return oneLine(text).replace(/[\\`*[\]<>|~]/g, '\\$&');
}

/** Line breaks as spaces: a blank line would end the hover's paragraph and let what follows be read as markup. */
function oneLine(text: string): string {
  return text.replace(/\r\n|[\r\n\v\f\u0085\u2028\u2029]/g, ' ');
}

/**
 * `text` as inline code, which shows everything literally: fenced by more backticks than any run in it
 * (a unit holding a backtick must not close the span and go on as markup), on one line.
 */
function inlineCode(text: string): string {
  const flat = oneLine(text);
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  // A space each side keeps a backtick at an edge from joining the fence; CommonMark strips one each side.
  return flat.startsWith('`') || flat.endsWith('`') ? `${fence} ${flat} ${fence}` : `${fence}${flat}${fence}`;
}

/** A guideline from the project file is plain text: its author's words, not markup of the hover. */
function guideline(text: string | undefined): string | undefined {
  return text ? `---\n*Guideline:* ${escapeMarkdown(text)}` : undefined;
}


function markdown(lines: Array<string | undefined>, start: Position, end: Position): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: lines.filter(Boolean).join('\n\n') }, range: { start, end } };
}
