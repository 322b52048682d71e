/** fast-check documents for the round trips of the interchange formats: the characters that shift offsets, and tags over them. */
import fc from 'fast-check';
import { DEFAULT_LABEL_SET } from '../../server/src/core/project/labelSet';
import { TAG_STATUSES } from '../../server/src/core/sidecar/schema';
import type { ExportDocument, FormatTag } from '../../server/src/core/formats/types';

/** Pieces of text: astral characters (two UTF-16 units, one code point), a combining mark, CRLF and lone LF, tabs, JSON's specials. */
const PIECES = ['a', 'Kyiv', ' ', 'é', 'e\u0301', '😀', '🇺🇦', '中', '\r\n', '\n', '\t', '"', '\\', '\u2028', 'Zelensky'];
const LINE_BREAK = /[\n\r\u000b\u000c\u001c-\u001e\u0085\u2028\u2029]/;

const textArbitrary = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 40 }).map((pieces) => pieces.join(''));

/**
 * A document with up to eight tags (overlapping, nested or repeated at will). A tag neither starts nor
 * ends on a line break: brat cannot write one that does (it is trimmed, and that is tested on its own).
 */
export const documentArbitrary: fc.Arbitrary<ExportDocument> = textArbitrary.chain((text): fc.Arbitrary<ExportDocument> => {
  const characters = [...text];
  const edges = characters.map((character, index) => (LINE_BREAK.test(character) ? -1 : index)).filter((index) => index >= 0);
  if (edges.length === 0) return fc.constant({ name: 'generated.txt', text, tags: [] });
  const tag = fc
    .record({
      from: fc.constantFrom(...edges),
      to: fc.constantFrom(...edges),
      label: fc.constantFrom(...DEFAULT_LABEL_SET.map((label) => label.name)),
      status: fc.constantFrom(...TAG_STATUSES),
      annotator: fc.constantFrom('ana', 'bo', 'model:crf'),
    })
    .map(({ from, to, label, status, annotator }): FormatTag => {
      const start = Math.min(from, to);
      const end = Math.max(from, to) + 1;
      return { start, end, text: characters.slice(start, end).join(''), label, status, annotator };
    });
  return fc.array(tag, { maxLength: 8 }).map((tags) => ({ name: 'generated.txt', text, tags }));
});

/** Tags as comparable strings, sorted: the same multiset whatever order a format writes them in. */
export function tagKeys(tags: readonly FormatTag[], fields: ReadonlyArray<keyof FormatTag> = ['start', 'end', 'text', 'label']): string[] {
  return tags.map((tag) => JSON.stringify(fields.map((field) => tag[field]))).sort();
}
