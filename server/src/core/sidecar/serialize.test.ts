import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseSidecar } from './parse';
import { SIDECAR_VERSION, type Sidecar, type Tag } from './schema';
import { serializeSidecar, serializeTag } from './serialize';
import { sidecarArbitrary } from '../../../../test/support/sidecarArbitraries';
import { exampleSidecar, exampleTag } from '../../../../test/support/testSidecars';

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
        '  "version": 5,',
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
    assert.equal(serializeSidecar(exampleSidecar([])), '{\n  "version": 5,\n  "article": "000_kyiv.txt",\n  "annotations": []\n}\n');
  });

  it('orders keys the same way however the objects were built', () => {
    const tag = exampleTag({ value: { type: 'money', amount: 5, currency: 'USD', approximate: true } });
    const reversed = Object.fromEntries(Object.entries(tag).reverse()) as Tag;
    reversed.value = { approximate: true, currency: 'USD', amount: 5, type: 'money' };
    reversed.context = { suffix: tag.context.suffix, prefix: tag.context.prefix };
    const shuffled = { annotations: [reversed], article: '000_kyiv.txt', version: SIDECAR_VERSION } as Sidecar;
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

  it('prints strings escaped as JSON.stringify does: no raw control characters or lone surrogates', () => {
    fc.assert(
      fc.property(sidecarArbitrary, (sidecar) => {
        for (const tag of sidecar.annotations) {
          const line = serializeTag(tag);
          assert.doesNotMatch(line, /[\u0000-\u001f]/);
          assert.equal(Buffer.from(line, 'utf8').toString('utf8'), line);
          assert.equal(JSON.stringify(JSON.parse(line).context), JSON.stringify({ prefix: tag.context.prefix, suffix: tag.context.suffix }));
        }
      }),
      { numRuns: 300 },
    );
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
