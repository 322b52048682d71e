import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { KINDS } from '../labels';
import { parseSidecar } from './parse';
import { CONTEXT_LENGTH, TAG_SOURCES, TAG_STATUSES, type Sidecar, type Tag, type TagValue } from './schema';
import { serializeSidecar } from './serialize';
import { exampleSidecar, exampleTag } from './testSidecars';

describe('serializing a sidecar', () => {
  it('writes tags one per line so a git diff shows one line per change', () => {
    const before = exampleSidecar([exampleTag({ id: 't-a' }), exampleTag({ id: 't-b', start: 10, end: 14, text: 'Kyiv' })]);
    const after = structuredClone(before);
    after.annotations[1].label = 'LOC';
    const beforeLines = serializeSidecar(before).split('\n');
    const afterLines = serializeSidecar(after).split('\n');
    assert.equal(beforeLines.length, afterLines.length);
    const changed = beforeLines.filter((line, index) => line !== afterLines[index]);
    assert.equal(changed.length, 1);
    assert.match(changed[0], /^    \{"id": "t-b", .*\}$/);
  });

  it('prints a small, readable, pretty JSON file', () => {
    const tag = exampleTag({ value: { type: 'number', value: 3 }, label: 'CARDINAL', kind: 'number', text: 'four', id: 't-4' });
    assert.equal(
      serializeSidecar(exampleSidecar([tag])),
      [
        '{',
        '  "version": 1,',
        '  "article": "000_kyiv.txt",',
        '  "annotations": [',
        '    {"id": "t-4", "start": 0, "end": 4, "text": "four", "label": "CARDINAL", "kind": "number", "status": "accepted", ' +
          '"source": "manual", "annotator": "olena", "created": "2024-05-01T12:00:00.000Z", "modified": "2024-05-01T12:00:00.000Z", ' +
          '"value": {"type": "number", "value": 3}, "context": {"prefix": "", "suffix": " said on Monday"}}',
        '  ]',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('keeps an empty annotations array, ending the file with a newline', () => {
    assert.equal(serializeSidecar(exampleSidecar([])), '{\n  "version": 1,\n  "article": "000_kyiv.txt",\n  "annotations": []\n}\n');
  });

  it('orders keys the same way however the objects were built', () => {
    const tag = exampleTag({ value: { type: 'money', amount: 5, currency: 'USD', approximate: true } });
    const reversed = Object.fromEntries(Object.entries(tag).reverse()) as Tag;
    reversed.value = { approximate: true, currency: 'USD', amount: 5, type: 'money' };
    reversed.context = { suffix: tag.context.suffix, prefix: tag.context.prefix };
    const shuffled = { annotations: [reversed], article: '000_kyiv.txt', version: 1 } as Sidecar;
    assert.equal(serializeSidecar(shuffled), serializeSidecar(exampleSidecar([tag])));
  });

  it('sorts tags by start, end, label and id', () => {
    const ids = (sidecar: Sidecar) => [...serializeSidecar(sidecar).matchAll(/"id": "([^"]+)"/g)].map((match) => match[1]);
    const tags = [
      exampleTag({ id: 't-5', start: 1, end: 3, text: 'yi' }),
      exampleTag({ id: 't-4', start: 0, end: 4, label: 'ORG' }),
      exampleTag({ id: 't-3', start: 0, end: 4, label: 'GPE' }),
      exampleTag({ id: 't-2', start: 0, end: 2, text: 'Ky' }),
      exampleTag({ id: 't-1', start: 0, end: 4, label: 'GPE' }),
    ];
    assert.deepEqual(ids(exampleSidecar(tags)), ['t-2', 't-1', 't-3', 't-4', 't-5']);
  });

  it('keeps a tag that crosses a line break on one line', () => {
    const lines = serializeSidecar(exampleSidecar([exampleTag({ end: 9, text: 'Kyiv\r\nOdes' })])).split('\n');
    assert.equal(lines.length, serializeSidecar(exampleSidecar([exampleTag()])).split('\n').length);
    assert.match(lines[4], /"text": "Kyiv\\r\\nOdes"/);
  });

  it('round-trips: serialize → parse → serialize is the identity for any valid sidecar', () => {
    fc.assert(
      fc.property(sidecarArbitrary, (sidecar) => {
        const text = serializeSidecar(sidecar);
        assert.equal(serializeSidecar(parseSidecar(text, 'x.annotations.json')), text);
      }),
      { numRuns: 300 },
    );
  });
});

const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const number = fc.double({ noNaN: true, noDefaultInfinity: true });
// Any code points, plus the characters JSON and line-based diffs care most about.
const anyText = (minLength: number, maxLength: number) =>
  fc
    .array(fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), fc.constantFrom('"', '\\', '\n', '\r', '\u2028', '😀', '\ud800')), {
      minLength,
      maxLength,
    })
    .map((characters) => characters.join(''));
const timestamp = fc.date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((date) => date.toISOString());

const valueArbitrary: fc.Arbitrary<TagValue> = fc.oneof(
  fc.record({ type: fc.constant('date' as const), iso: fc.constant('2023-11-04'), endIso: optional(fc.constant('2023-11-05')) }),
  fc.record({ type: fc.constant('time' as const), iso: fc.constant('T18:04') }),
  fc.record({ type: fc.constant('duration' as const), iso: fc.constant('P3Y'), maxIso: optional(fc.constant('P5Y')), approximate: optional(fc.boolean()) }),
  fc.record({ type: fc.constant('number' as const), value: number, min: optional(number), max: optional(number), approximate: optional(fc.boolean()) }),
  fc.record({ type: fc.constant('ordinal' as const), value: number }),
  fc.record({ type: fc.constant('money' as const), amount: number, currency: fc.constantFrom('USD', 'UAH'), approximate: optional(fc.boolean()) }),
  fc.record({ type: fc.constant('percent' as const), value: number, max: optional(number) }),
  fc.record({ type: fc.constant('quantity' as const), value: number, unit: fc.constantFrom('km', 'MW') }),
);

const tagArbitrary: fc.Arbitrary<Tag> = fc
  .record({
    start: fc.nat({ max: 100_000 }),
    text: anyText(1, 40),
    label: fc.stringMatching(/^[A-Z0-9_]{1,12}$/),
    kind: fc.constantFrom(...KINDS),
    status: fc.constantFrom(...TAG_STATUSES),
    source: fc.constantFrom(...TAG_SOURCES),
    annotator: anyText(1, 10),
    created: timestamp,
    modified: timestamp,
    value: optional(valueArbitrary),
    context: fc.record({ prefix: anyText(0, CONTEXT_LENGTH), suffix: anyText(0, CONTEXT_LENGTH) }),
  })
  .map((fields) => ({ id: 't-0', ...fields, end: fields.start + [...fields.text].length }));

const sidecarArbitrary: fc.Arbitrary<Sidecar> = fc
  .record({ article: fc.stringMatching(/^[^/\\]+$/), annotations: fc.array(tagArbitrary, { maxLength: 8 }) })
  .map(({ article, annotations }) => ({
    version: 1 as const,
    article,
    annotations: annotations.map((tag, index) => ({ ...tag, id: `t-${index}` })),
  }));
