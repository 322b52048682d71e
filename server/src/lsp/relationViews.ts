import { InlayHintKind, SymbolKind, type DocumentSymbol, type InlayHint, type Location } from 'vscode-languageserver';
import type { RelationType } from '../core/project/relationTypes';
import type { Article, PlacedRelation, PlacedTag } from './article';
import { describePlaced } from './relationActions';

/**
 * Where relations show: an inlay hint after the source tag ("→PRODUCES interceptor drones"; "↔" for a
 * type without direction), the outline's children of the source tag, "go to definition" from either
 * end to the other, and the hover of either end. Orphaned relations are shown, marked, never hidden.
 */

/** The hints in the document range [start, end) (UTF-16). */
export function relationInlayHints(article: Article, types: readonly RelationType[], start: number, end: number): InlayHint[] {
  const hints: InlayHint[] = [];
  for (const placed of article.current().relations) {
    if (placed.relation.status === 'rejected') continue;
    // At the source's end; a source orphaned or missing puts the hint, turned round, after the target.
    const anchor = placed.from && !placed.from.orphaned ? placed.from : placed.to && !placed.to.orphaned ? placed.to : undefined;
    if (!anchor || anchor.end < start || anchor.end > end) continue;
    hints.push({ position: article.document.positionAt(anchor.end), label: hintLabel(placed, types, anchor === placed.from), kind: InlayHintKind.Type, paddingLeft: true, tooltip: tooltipOf(placed, types) });
  }
  return hints;
}

/** "→PRODUCES interceptor drones", "↔ALLY_OF Poland", "←PRODUCES Ukraine (orphaned)". */
function hintLabel(placed: PlacedRelation, types: readonly RelationType[], fromSource: boolean): string {
  const { relation } = placed;
  const symmetric = types.find((type) => type.name === relation.type)?.symmetric ?? false;
  const other = fromSource ? placed.to : placed.from;
  const arrow = symmetric ? '↔' : fromSource ? '→' : '←';
  const name = other ? oneLine(other.tag.text) : `missing tag ${fromSource ? relation.to : relation.from}`;
  const state = relation.status === 'proposed' ? ' (proposed)' : relation.status === 'conflict' ? ' (in conflict)' : '';
  return `${arrow}${relation.type} ${name}${placed.orphaned ? ' (orphaned)' : ''}${state}`;
}

function tooltipOf(placed: PlacedRelation, types: readonly RelationType[]): string {
  return `${describePlaced(placed, types)} · ${placed.relation.status} · by ${placed.relation.annotator}`;
}

/** The other ends of the relations of the tag under `offset`: where "go to definition" goes. */
export function relationDefinition(article: Article, offset: number): Location[] {
  const { placed, relations } = article.current();
  const tag = innermostAt(placed, offset);
  if (!tag) return [];
  const locations: Location[] = [];
  for (const relation of relations) {
    const other = relation.from?.tag.id === tag.tag.id ? relation.to : relation.to?.tag.id === tag.tag.id ? relation.from : undefined;
    if (other && !other.orphaned) locations.push({ uri: article.uri, range: { start: article.document.positionAt(other.start), end: article.document.positionAt(other.end) } });
  }
  return locations;
}

/** Hover lines for the tag's relations: "- "Ukraine" → "interceptor drones" as **PRODUCES** · by olena". `escape`: for people's text. */
export function relationHoverLines(article: Article, tagId: string, types: readonly RelationType[], escape: (text: string) => string): string | undefined {
  const lines = article
    .current()
    .relations.filter(({ relation }) => relation.from === tagId || relation.to === tagId)
    .map((placed) => {
      const { relation } = placed;
      const type = types.find((candidate) => candidate.name === relation.type);
      const text = (tag: PlacedTag | undefined, id: string) => (tag ? `"${escape(tag.tag.text)}"` : `(missing tag ${escape(id)})`);
      const status = relation.status === 'accepted' ? '' : ` · ${relation.status}`;
      return `- ${text(placed.from, relation.from)} ${type?.symmetric ? '↔' : '→'} ${text(placed.to, relation.to)} as **${relation.type}** · by ${escape(relation.annotator)}${status}${placed.orphaned ? ' · orphaned' : ''}`;
    });
  return lines.length > 0 ? ['*Relations:*', ...lines].join('\n') : undefined;
}

/** The outline's children of a source tag: its relations, named as their hints are. */
export function relationSymbols(article: Article, tagId: string, types: readonly RelationType[], range: DocumentSymbol['range']): DocumentSymbol[] {
  return article
    .current()
    .relations.filter((placed) => placed.relation.from === tagId && placed.relation.status !== 'rejected')
    .map((placed) => ({ name: hintLabel(placed, types, true), detail: placed.relation.status === 'accepted' ? undefined : placed.relation.status, kind: SymbolKind.Field, range, selectionRange: range }));
}

function innermostAt(placed: readonly PlacedTag[], offset: number): PlacedTag | undefined {
  return placed.filter((p) => !p.orphaned && p.start <= offset && offset < p.end).sort((a, b) => a.end - a.start - (b.end - b.start))[0];
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}
