/**
 * The Web Annotation export writes a common tag's JSON directly (annotationJson, for speed): it must be
 * exactly what JSON.stringify gives for the annotation object, for any tag the exporter may meet.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { annotationJson, articleIri, exportWebAnnotation, toAnnotation, DEFAULT_WEB_ANNOTATION_BASE } from '../../server/src/core/formats/webAnnotation';
import { documentArbitrary } from './formatArbitraries';
import type { FormatTag } from '../../server/src/core/formats/types';

const text = fc.string({ unit: fc.constantFrom('a', 'é', '"', '\\', '\n', '\u2028', '😀', '\ud800', '<', '\u0000'), maxLength: 12 });
const tagArbitrary: fc.Arbitrary<FormatTag> = fc.record(
  {
    id: fc.option(fc.constantFrom('t-1', 'a b#?', 'ü/😀'), { nil: undefined }),
    start: fc.nat({ max: 1000 }),
    end: fc.nat({ max: 1000 }),
    text,
    label: fc.constantFrom('PERSON', 'WEAPON_2', 'x"y'),
    kind: fc.option(fc.constantFrom('entity', 'number', 'date'), { nil: undefined }),
    status: fc.option(fc.constantFrom('accepted', 'approved', 'proposed', 'rejected', 'conflict'), { nil: undefined }),
    annotator: fc.option(fc.constantFrom('ann', 'Zoë 😀', 'a"b\\c'), { nil: undefined }),
    score: fc.option(fc.oneof(fc.double({ noNaN: false }), fc.constant(0.5)), { nil: undefined }),
    created: fc.option(fc.constantFrom('2026-01-01T00:00:00.000Z', 'x"'), { nil: undefined }),
    modified: fc.option(fc.constantFrom('2026-01-02T00:00:00.000Z'), { nil: undefined }),
    history: fc.option(fc.array(fc.record({ at: fc.constant('2026-01-01T00:00:00.000Z'), by: fc.constant('ann'), action: fc.constant('accept'), comment: fc.option(text, { nil: undefined }) }), { maxLength: 2 }), { nil: undefined }),
  },
  { requiredKeys: ['start', 'end', 'text', 'label'] },
) as fc.Arbitrary<FormatTag>;

describe('Web Annotation JSON written directly', () => {
  it('is exactly JSON.stringify of the annotation object, for any tag', () => {
    fc.assert(
      fc.property(tagArbitrary, fc.constantFrom('a.txt', 'folder/b c#1.txt', 'ü/😀.txt'), fc.nat({ max: 9 }), text, text, text, (tag, name, position, exact, prefix, suffix) => {
        const source = articleIri(DEFAULT_WEB_ANNOTATION_BASE, name);
        const quote = { exact, prefix, suffix };
        assert.equal(annotationJson(tag, source, JSON.stringify(source), position, quote), JSON.stringify(toAnnotation(tag, source, position, quote)));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the export the same text as stringifying each annotation object', () => {
    fc.assert(
      fc.property(fc.array(documentArbitrary, { maxLength: 4 }), (documents) => {
        const exported = exportWebAnnotation(documents).text;
        const items = (JSON.parse(exported) as { first: { items: unknown[] } }).first.items;
        // Each line after the first is one annotation, as written.
        const lines = exported.split('\n').slice(1, 1 + items.length).map((line) => line.replace(/,$/, ''));
        assert.deepEqual(lines.map((line) => JSON.parse(line)), items);
        assert.deepEqual(lines, items.map((item) => JSON.stringify(item)));
      }),
      { numRuns: 300 },
    );
  });
});
