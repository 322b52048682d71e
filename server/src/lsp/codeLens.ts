import type { CodeLens } from 'vscode-languageserver';
import { ServerCommands, type DocumentArguments } from '../api/protocol';
import type { Article } from './article';

/** Counts at the top of the article; running it shows the counts by label. */
export function codeLensesOf(article: Article): CodeLens[] {
  const summary = articleHeadline(article);
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return [{ range, command: { title: summary.headline, command: ServerCommands.summary, arguments: [{ uri: article.uri } satisfies DocumentArguments] } }];
}

export function articleHeadline(article: Article): { headline: string; byLabel: string } {
  const { placed, suggestions } = article.current();
  const count = (status: string) => placed.filter((p) => !p.orphaned && p.tag.status === status).length;
  const orphaned = placed.filter((p) => p.orphaned).length;
  const parts = [`${count('accepted')} tagged`, `${suggestions.length} suggested`];
  if (count('proposed') > 0) parts.push(`${count('proposed')} proposed`);
  if (count('rejected') > 0) parts.push(`${count('rejected')} rejected`);
  if (count('conflict') > 0) parts.push(`${count('conflict')} in conflict`);
  if (orphaned > 0) parts.push(`${orphaned} orphaned`);
  const labels = new Map<string, number>();
  for (const p of placed) if (!p.orphaned && p.tag.status === 'accepted') labels.set(p.tag.label, (labels.get(p.tag.label) ?? 0) + 1);
  const byLabel = [...labels.entries()].sort((a, b) => b[1] - a[1]).map(([label, n]) => `${label} ${n}`).join(', ');
  return { headline: `Marginalia: ${parts.join(' · ')}`, byLabel: byLabel || 'no tags yet' };
}
