import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { RelationType } from '../core/project/relationTypes';
import type { Article } from './article';
import { relationSymbols } from './relationViews';

const SYMBOL_KIND = { entity: SymbolKind.Object, number: SymbolKind.Number, date: SymbolKind.Event } as const;

/** The outline: the article's tags grouped by label, in reading order within each label; a tag's relations under it. */
export function documentSymbolsOf(article: Article, relationTypes: readonly RelationType[] = []): DocumentSymbol[] {
  const document = article.document;
  const byLabel = new Map<string, DocumentSymbol[]>();
  for (const { tag, start, end, orphaned } of article.current().placed) {
    if (orphaned || tag.status === 'rejected') continue;
    const range = { start: document.positionAt(start), end: document.positionAt(end) };
    const symbol: DocumentSymbol = { name: tag.text.replace(/\s+/g, ' '), detail: tag.status === 'proposed' ? 'proposed' : undefined, kind: SYMBOL_KIND[tag.kind], range, selectionRange: range };
    const relations = relationSymbols(article, tag.id, relationTypes, range);
    if (relations.length > 0) symbol.children = relations;
    byLabel.set(tag.label, [...(byLabel.get(tag.label) ?? []), symbol]);
  }
  return [...byLabel.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([label, children]) => {
      children.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
      // A parent's range must hold its children's: from the first tag's start to the furthest end.
      const end = children.reduce((furthest, child) => (child.range.end.line > furthest.line || (child.range.end.line === furthest.line && child.range.end.character > furthest.character) ? child.range.end : furthest), children[0].range.end);
      const range = { start: children[0].range.start, end };
      return { name: label, detail: `${children.length} tag${children.length === 1 ? '' : 's'}`, kind: SymbolKind.Namespace, range, selectionRange: children[0].range, children };
    });
}
