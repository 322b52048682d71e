import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { describeValue } from '../core/describeValue';
import { describeHistoryEntry, formatTime } from '../core/review/history';
import type { HistoryEntry } from '../core/sidecar/schema';
import type { Article } from './article';

const MAX_HISTORY_LINES = 10;

/**
 * What an annotator wants to know about the tag or suggestion under the cursor: label and kind,
 * normalised value, status, who tagged it and when, and the label's guideline from the project file.
 */
export function hoverAt(article: Article, offset: number, guidelineOf: (label: string) => string | undefined): Hover | undefined {
  const { placed, suggestions } = article.current();
  const contains = (item: { start: number; end: number }) => item.start <= offset && offset < item.end;
  const tag = placed.filter((p) => !p.orphaned && contains(p)).sort((a, b) => a.end - a.start - (b.end - b.start))[0];
  const suggestion = suggestions.filter(contains).sort((a, b) => a.end - a.start - (b.end - b.start))[0];
  const document = article.document;
  if (tag && (!suggestion || tag.end - tag.start <= suggestion.end - suggestion.start)) {
    const { tag: t } = tag;
    const lines = [
      `**${t.label}** · ${t.kind} · ${STATUS_WORDS[t.status]}`,
      t.value ? `Value: \`${describeValue(t.value)}\`` : undefined,
      `Tagged by ${t.annotator} on ${formatTime(t.created)}${t.modified !== t.created ? `, last changed ${formatTime(t.modified)}` : ''} · source: ${t.source}`,
      history(t.history),
      guideline(guidelineOf(t.label)),
    ];
    return markdown(lines, document.positionAt(tag.start), document.positionAt(tag.end));
  }
  if (suggestion) {
    const { learnt } = suggestion;
    const lines = [
      learnt ? `**${suggestion.label}** · ${suggestion.kind} · suggested, learnt from the corpus` : `**${suggestion.label}** · ${suggestion.kind} · suggested (confidence ${suggestion.confidence.toFixed(2)})`,
      // Names as written (an article's file name keeps its underscores): only inline marks are escaped.
      learnt ? `because ${escapeInline(learnt.by)} tagged "${escapeInline(learnt.text)}" ${learnt.label} in ${escapeInline(learnt.article)}${learnt.count > 1 ? ` (${learnt.count} tags say so)` : ''}` : undefined,
      suggestion.value ? `Value: \`${describeValue(suggestion.value)}\`` : undefined,
      'Not tagged yet: Ctrl+. to tag, change or reject it.',
      guideline(guidelineOf(suggestion.label)),
    ];
    return markdown(lines, document.positionAt(suggestion.start), document.positionAt(suggestion.end));
  }
  return undefined;
}

const STATUS_WORDS = { accepted: 'tagged, awaiting review', approved: 'approved', proposed: 'proposed, awaiting review', rejected: 'rejected', conflict: 'in conflict between two branches' } as const;

/** Most recent last, as it happened; a long history shows its latest steps. */
function history(entries: readonly HistoryEntry[] | undefined): string | undefined {
  if (!entries?.length) return undefined;
  const shown = entries.slice(-MAX_HISTORY_LINES);
  const older = entries.length - shown.length;
  return ['*History:*', ...(older > 0 ? [`- … ${older} earlier step${older === 1 ? '' : 's'}`] : []), ...shown.map((entry) => `- ${escapeMarkdown(describeHistoryEntry(entry))}`)].join('\n');
}

/** A comment is someone's text: shown as written, never as markup (a line starts with the date, so only inline marks matter). */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, '\\$&');
}

/** Like escapeMarkdown, but "_" stays: CommonMark never reads it inside a word, and file names are full of it. */
function escapeInline(text: string): string {
  return text.replace(/[\\`*[\]<>|~]/g, '\\$&');
}

function guideline(text: string | undefined): string | undefined {
  return text ? `---\n*Guideline:* ${text}` : undefined;
}


function markdown(lines: Array<string | undefined>, start: Position, end: Position): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: lines.filter(Boolean).join('\n\n') }, range: { start, end } };
}
