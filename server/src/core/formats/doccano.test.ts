import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { detect } from '../detect';
import { exportDoccano, exportDoccanoDocument, importDoccano } from './doccano';
import type { FormatTag } from './types';
import { documentArbitrary, tagKeys } from '../../../../test/formats/documentArbitrary';

const SEEDS = path.join(__dirname, '../../../../seeds');

describe('doccano export', () => {
  it('writes [start, end, label] in code points, sorted, and the article; reports what it cannot say', () => {
    const text = '😀 Zelensky\r\nin Pari\u0301s';
    const { line, notices } = exportDoccanoDocument({
      name: 'news/a.txt',
      text,
      tags: [
        { start: 15, end: 21, text: 'Pari\u0301s', label: 'GPE', status: 'accepted', annotator: 'ana' },
        { start: 2, end: 10, text: 'Zelensky', label: 'PERSON' },
      ],
    });
    assert.deepEqual(JSON.parse(line), { text, label: [[2, 10, 'PERSON'], [15, 21, 'GPE']], article: 'news/a.txt' });
    assert.deepEqual(notices, [{ document: 'news/a.txt', message: "doccano's [start, end, label] has no place for annotator, status or review history: 1 tag(s) written without them" }]);
  });

  it('names and leaves out a tag whose text is not at its offsets', () => {
    const { text, notices } = exportDoccano([{ name: 'a.txt', text: 'Kyiv', tags: [{ start: 1, end: 5, text: 'yiv', label: 'GPE' }] }]);
    assert.deepEqual(JSON.parse(text).label, []);
    assert.equal(notices.length, 1);
  });
});

describe('doccano import', () => {
  it('reads doccano\'s exports: "label" triples, older "labels", the object form, other keys as metadata', () => {
    const file = [
      '{"id": 7, "text": "😀 Macron", "label": [[2, 8, "PERSON"]], "Comments": []}',
      '{"text": "Kyiv", "labels": [{"start_offset": 0, "end_offset": 4, "label": "GPE"}], "article": "b.txt"}',
    ].join('\r\n');
    const result = importDoccano(file, 'all.jsonl');
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.documents, [
      { text: '😀 Macron', tags: [{ start: 2, end: 8, text: 'Macron', label: 'PERSON', kind: 'entity' }], line: 1 },
      { name: 'b.txt', text: 'Kyiv', tags: [{ start: 0, end: 4, text: 'Kyiv', label: 'GPE', kind: 'entity' }], line: 2 },
    ]);
  });

  it('names the file and the line of every bad record, and keeps its document out', () => {
    const cases: Array<[string, string]> = [
      ['{"text": "Kyiv", "label": [[0, 4, "GPE"]', "not JSON: Expected ',' or ']' after array element in JSON at position 40 (column 41)"],
      ['"Kyiv"', 'expected a JSON object, got "Kyiv"'],
      ['{"label": []}', 'expected "text": the document\'s text as a string'],
      ['{"text": "Kyiv", "label": "GPE"}', 'expected "label": a list of [start, end, "LABEL"]'],
      ['{"text": "Kyiv", "label": [], "labels": []}', 'expected one of "label" and "labels", not both'],
      ['{"text": "Kyiv", "label": ["positive"]}', 'label 1: expected [start, end, "LABEL"] or {"start_offset", "end_offset", "label"}, got "positive"'],
      ['{"text": "Kyiv 😀", "label": [[0, 7, "GPE"]]}', 'label 1: the span 0..7 ends past the end of the text (6 characters)'],
      ['{"text": "Kyiv", "label": [[4, 0, "GPE"]]}', 'label 1: the span 4..0 is empty or reversed (the start must be before the end)'],
      ['{"text": "Kyiv", "label": [[0, 4, "CITY"]]}', 'label 1: unknown label "CITY" (not in the project\'s label set)'],
      ['{"text": "Kyiv", "label": [[0.5, 4, "GPE"]]}', 'label 1: expected offsets as whole numbers from 0, got "0.5" and "4"'],
    ];
    for (const [record, message] of cases) {
      const result = importDoccano(`{"text": "fine"}\n${record}\n`, 'in/all.jsonl');
      assert.deepEqual(result.errors, [{ document: 'in/all.jsonl', line: 2, message }], record);
      assert.equal(result.documents.length, 1, record);
    }
  });

  it('accepts the project\'s own labels when told them', () => {
    const result = importDoccano('{"text": "HIMARS", "label": [[0, 6, "WEAPON"]]}', 'a.jsonl', { labels: [{ name: 'WEAPON', kind: 'entity' }] });
    assert.deepEqual(result.errors, []);
    assert.equal(result.documents[0].tags[0].label, 'WEAPON');
  });
});

describe('doccano round trip', () => {
  it('gives back span and label of the seeds\' detected tags', () => {
    const documents = readdirSync(SEEDS)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => {
        const text = readFileSync(path.join(SEEDS, name), 'utf8');
        return { name, text, tags: detect(text).map((found): FormatTag => ({ start: found.start, end: found.end, text: found.text, label: found.label })) };
      });
    const { text, notices } = exportDoccano(documents);
    assert.deepEqual(notices, []);
    const result = importDoccano(text, 'seeds.jsonl');
    assert.deepEqual(result.errors, []);
    result.documents.forEach((document, index) => {
      assert.equal(document.name, documents[index].name);
      assert.deepEqual(tagKeys(document.tags), tagKeys(documents[index].tags));
    });
  });

  it('gives back span and label of generated documents (emoji, combining marks, CRLF)', () => {
    fc.assert(
      fc.property(documentArbitrary, (document) => {
        const result = importDoccano(exportDoccano([document]).text, 'generated.jsonl');
        assert.deepEqual(result.errors, []);
        assert.equal(result.documents[0].text, document.text);
        assert.deepEqual(tagKeys(result.documents[0].tags), tagKeys(document.tags));
      }),
      { numRuns: 300 },
    );
  });
});
