/**
 * Checks every exporter makes before writing a tag: a tag whose offsets fall outside its article, or
 * whose text is no longer there, is named and left out rather than written as if it were sound.
 */
import type { CodePointIndex } from '../base/offsets';
import { shown } from './jsonRecords';
import type { ExportDocument, FormatNotice, FormatTag } from './types';

/** How a tag is named in a notice: its id, label and text. */
export function describeTag(tag: FormatTag): string {
  return `${tag.id ?? ''} ${tag.label} ${shown(tag.text)}`.trim();
}

/**
 * The tag's UTF-16 span in the article, or the notice that says why it cannot be exported. `index`
 * is the article's CodePointIndex (built once an article, not once a tag).
 */
export function locateTag(document: ExportDocument, index: CodePointIndex, tag: FormatTag): { start: number; end: number } | { notice: FormatNotice } {
  if (!(Number.isInteger(tag.start) && Number.isInteger(tag.end) && tag.start >= 0 && tag.end > tag.start && tag.end <= index.length)) {
    return { notice: { document: document.name, message: `tag ${describeTag(tag)}: offsets ${tag.start}..${tag.end} are outside the article (${index.length} characters): not exported` } };
  }
  const start = index.toUtf16(tag.start);
  const end = index.toUtf16(tag.end);
  const found = document.text.slice(start, end);
  if (found !== tag.text) {
    return { notice: { document: document.name, message: `tag ${describeTag(tag)}: the article reads ${shown(found)} at ${tag.start}..${tag.end}: not exported` } };
  }
  return { start, end };
}
