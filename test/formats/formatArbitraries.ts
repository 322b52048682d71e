/**
 * Articles and tags for the interchange formats' round trips: the seeds with the detector's spans as
 * tags, and fast-check articles built from the characters offsets get wrong (emoji outside the BMP,
 * combining marks, CRLF line ends, quotes and backslashes that JSON escapes).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { detect } from '../../server/src/core/detect/index';
import { withoutBom } from '../../server/src/core/base/textFiles';
import { REVIEW_ACTIONS, SETTLED_STATUSES } from '../../server/src/core/sidecar/schema';
import type { ExportDocument, FormatTag } from '../../server/src/core/formats/types';
import { PROJECT_ROOT } from '../support/projectRoot';

/** Every seed article, tagged with what the detector finds, as accepted tags of one annotator. */
export function seedDocuments(): ExportDocument[] {
  const folder = path.join(PROJECT_ROOT, 'seeds');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => {
      const text = withoutBom(readFileSync(path.join(folder, name), 'utf8'));
      const tags = detect(text).map(
        (detection, index): FormatTag => ({
          id: `t-${index}`,
          start: detection.start,
          end: detection.end,
          text: detection.text,
          label: detection.label,
          kind: detection.kind,
          status: 'accepted',
          annotator: 'ann',
          created: '2024-05-01T12:00:00.000Z',
          modified: '2024-05-01T12:00:00.000Z',
        }),
      );
      return { name: `seeds/${name}`, text, tags };
    });
}

const character = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('a', 'b', 'Z', ' ', '.', 'é') },
  { weight: 1, arbitrary: fc.constantFrom('😀', '🇺🇦', '𝔄', 'e\u0301', '\u0308', '\r\n', '\n', '"', '\\', '<', '&', '\u2028', '\t') },
);
const timestamp = fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((date) => date.toISOString());
const annotator = fc.constantFrom('ann', 'bob@example.org', 'model-x', 'Zoë 😀');

/** The code points of a text, each whole (a surrogate pair is one). */
const codePoints = (text: string) => Array.from(text);

/** One article with up to 8 tags (overlapping and nested ones included) over a text of up to 60 code points. */
export const documentArbitrary: fc.Arbitrary<ExportDocument> = fc
  .array(character, { minLength: 1, maxLength: 40 })
  .map((parts) => parts.join(''))
  .chain((text) => {
    const length = codePoints(text).length;
    const tag = fc
      .record({
        a: fc.nat({ max: length - 1 }),
        b: fc.nat({ max: length - 1 }),
        label: fc.constantFrom('PERSON', 'ORG', 'GPE', 'MONEY', 'DATE', 'WEAPON_2'),
        status: fc.constantFrom(...SETTLED_STATUSES),
        annotator,
        score: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
        created: timestamp,
        history: fc.array(
          fc.record({
            at: timestamp,
            by: annotator,
            action: fc.constantFrom(...REVIEW_ACTIONS),
            comment: fc.option(fc.string({ minLength: 1, maxLength: 12 }), { nil: undefined }),
          }),
          { maxLength: 3 },
        ),
      })
      .map(({ a, b, label, status, annotator: who, score, created, history }) => ({ start: Math.min(a, b), end: Math.max(a, b) + 1, label, status, annotator: who, score, created, history }));
    return fc.record({ name: fc.constantFrom('a.txt', 'folder/b c#1.txt', 'ü/😀.txt'), tags: fc.array(tag, { maxLength: 8 }) }).map(({ name, tags }) => ({
      name,
      text,
      tags: tags.map((spec, index): FormatTag => {
        const tag: FormatTag = {
          id: `t-${index}`,
          start: spec.start,
          end: spec.end,
          text: codePoints(text).slice(spec.start, spec.end).join(''),
          label: spec.label,
          status: spec.status,
          annotator: spec.annotator,
          created: spec.created,
          modified: spec.created,
        };
        if (spec.score !== undefined) tag.score = spec.score;
        if (spec.history.length > 0) {
          tag.history = spec.history.map((step) => (step.comment === undefined ? { at: step.at, by: step.by, action: step.action } : { ...step, comment: step.comment }));
        }
        return tag;
      }),
    }));
  });

/** A CRLF article with an emoji, a combining mark and a flag before its tags, and the tags' code point offsets found by hand. */
export function trickyDocument(): ExportDocument {
  const text = 'Zoë 😀 met e\u0301lan 🇺🇦 in Kyiv.\r\nThe Ministry said $5 billion 👍.\r\n';
  const tag = (word: string, label: string, extra: Partial<FormatTag> = {}): FormatTag => {
    const start = codePoints(text.slice(0, text.indexOf(word))).length;
    return { start, end: start + codePoints(word).length, text: word, label, status: 'accepted', annotator: 'ann', ...extra };
  };
  return {
    name: 'tricky.txt',
    text,
    tags: [
      { ...tag('Zoë', 'PERSON'), id: 't-1' },
      { ...tag('e\u0301lan', 'ORG'), id: 't-2', status: 'proposed', annotator: 'model-x', score: 0.75 },
      { ...tag('Kyiv', 'GPE'), id: 't-3', status: 'approved' },
      { ...tag('$5 billion', 'MONEY'), id: 't-4' },
      { ...tag('Ministry', 'ORG'), id: 't-5', annotator: 'bob@example.org' },
    ],
  };
}
