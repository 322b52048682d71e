import type { ArticleTags } from '../core/tagging/tagOperations';
import type { Article } from './article';

/**
 * An open article as the core's tag operations see it: its current text in code points, the tags this
 * person may see (tags keep code point offsets of the current text while it is edited), and the value
 * the detector gave a span (its suggestions are in the editor's UTF-16 offsets, converted here).
 */
export function articleTagsOf(article: Article): ArticleTags {
  const text = article.document.getText();
  const index = article.codePoints();
  const { placed, suggestions } = article.current();
  const suggestionAt = (start: number, end: number, label: string) => {
    const from = index.toUtf16(start);
    const to = index.toUtf16(end);
    return suggestions.find((span) => span.start === from && span.end === to && span.label === label);
  };
  return {
    text,
    index,
    tags: placed.map(({ tag, orphaned }) => ({ tag, orphaned })),
    detectedValue(start, end, label) {
      return suggestionAt(start, end, label)?.value;
    },
    recognisedBy(start, end, label) {
      return suggestionAt(start, end, label)?.recognisedBy?.name;
    },
  };
}
