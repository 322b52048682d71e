import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { detect } from '../detect';
import { exportJsonl, exportJsonlDocument, importJsonl } from './spacyJsonl';
import type { FormatTag } from './types';
import { documentArbitrary, tagKeys } from '../../../../test/formats/documentArbitrary';

const SEEDS = path.join(__dirname, '../../../../seeds');
const FULL: ReadonlyArray<keyof FormatTag> = ['start', 'end', 'text', 'label', 'annotator', 'status', 'id', 'score', 'created', 'modified', 'history'];

describe('spaCy / Prodigy JSONL export', () => {
  it('writes one line a document, offsets in code points, extras under "marginalia", the article in "meta"', () => {
    const text = '😀 Zelensky\r\nin Pari\u0301s';
    const { line, notices } = exportJsonlDocument({
      name: 'news/a.txt',
      text,
      tags: [
        { start: 15, end: 21, text: 'Pari\u0301s', label: 'GPE', status: 'accepted', annotator: 'ana' },
        { start: 2, end: 10, text: 'Zelensky', label: 'PERSON' },
      ],
    });
    assert.deepEqual(notices, []);
    assert.ok(line.endsWith('}\n') && !line.slice(0, -1).includes('\n'));
    assert.deepEqual(JSON.parse(line), {
      text,
      spans: [
        { start: 2, end: 10, text: 'Zelensky', label: 'PERSON' },
        { start: 15, end: 21, text: 'Pari\u0301s', label: 'GPE', marginalia: { annotator: 'ana', status: 'accepted' } },
      ],
      meta: { article: 'news/a.txt' },
    });
  });

  it('escapes the characters Python\'s splitlines() breaks at, so a record stays on one line', () => {
    const { text } = exportJsonl([{ name: 'a.txt', text: 'a\u2028b\u2029c\u0085d', tags: [] }]);
    assert.equal(text, '{"text":"a\\u2028b\\u2029c\\u0085d","spans":[],"meta":{"article":"a.txt"}}\n');
  });

  it('names and leaves out a tag whose text is not at its offsets', () => {
    const { text, notices } = exportJsonl([{ name: 'a.txt', text: 'Kyiv', tags: [{ start: 0, end: 4, text: 'Lviv', label: 'GPE' }] }]);
    assert.deepEqual(JSON.parse(text).spans, []);
    assert.deepEqual(notices, [{ document: 'a.txt', message: 'GPE "Lviv" 0..4 not exported: its text is not at its offsets in the article' }]);
  });
});

describe('spaCy / Prodigy JSONL import', () => {
  it('reads Prodigy\'s own records (token offsets, other keys) and names documents from "meta"', () => {
    const file = [
      '\ufeff{"text": "😀 Macron spoke", "spans": [{"start": 2, "end": 8, "token_start": 1, "token_end": 1, "label": "PERSON"}], "meta": {"source": "x"}, "_input_hash": 1, "answer": "accept"}',
      '',
      '{"text": "Kyiv", "meta": {"article": "b.txt"}}\r',
    ].join('\n');
    const result = importJsonl(file, 'db.jsonl');
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.warnings, []);
    assert.deepEqual(result.documents, [
      { text: '😀 Macron spoke', tags: [{ start: 2, end: 8, text: 'Macron', label: 'PERSON', kind: 'entity' }], line: 1 },
      { name: 'b.txt', text: 'Kyiv', tags: [], line: 3 },
    ]);
  });

  it('does not take the spans of a rejected task as tags, and says so', () => {
    const result = importJsonl('{"text": "Kyiv", "spans": [{"start": 0, "end": 4, "label": "GPE"}], "answer": "reject"}\n', 'db.jsonl');
    assert.deepEqual(result.documents[0].tags, []);
    assert.deepEqual(result.warnings, [{ document: 'db.jsonl', line: 1, message: 'the task was answered "reject": its 1 span(s) are not imported as tags' }]);
  });

  it('names the file and the line of every bad record, and keeps its document out', () => {
    const cases: Array<[string, string]> = [
      ['{"text": "Kyiv", "spans": [', 'not JSON: Unexpected end of JSON input'],
      ['["Kyiv"]', 'expected a JSON object, got an array'],
      ['{"spans": []}', 'expected "text": the document\'s text as a string'],
      ['{"text": "Kyiv", "spans": {}}', 'expected "spans": a list of {"start", "end", "label"}'],
      ['{"text": "Kyiv", "spans": [[0, 4, "GPE"]]}', 'span 1: expected {"start", "end", "label"}, got "[0,4,\\"GPE\\"]"'],
      ['{"text": "Kyiv 😀", "spans": [{"start": 0, "end": 7, "label": "GPE"}]}', 'span 1: the span 0..7 ends past the end of the text (6 characters)'],
      ['{"text": "Kyiv", "spans": [{"start": 0, "end": 4, "label": "CITY"}]}', 'span 1: unknown label "CITY" (not in the project\'s label set)'],
      ['{"text": "Kyiv", "spans": [{"start": "0", "end": 4, "label": "GPE"}]}', 'span 1: expected offsets as whole numbers from 0, got "0" and "4"'],
      ['{"text": "😀Kyiv", "spans": [{"start": 1, "end": 5, "text": "Kyi", "label": "GPE"}]}', 'span 1: its text "Kyi" does not match the document\'s text at 1..5, which is "Kyiv"'],
      ['{"text": "Kyiv", "spans": [{"start": 0, "end": 4, "label": "GPE", "marginalia": {"status": "done"}}]}', 'span 1: "marginalia": unknown status "done"'],
      ['{"text": "Kyiv", "spans": [{"start": 0, "end": 4, "label": "GPE", "marginalia": {"who": "x"}}]}', 'span 1: "marginalia": unknown field "who" (expected id, annotator, status, score, created, modified, history)'],
    ];
    for (const [record, message] of cases) {
      const result = importJsonl(`{"text": "fine"}\n${record}\n`, 'in/db.jsonl');
      assert.deepEqual(result.errors, [{ document: 'in/db.jsonl', line: 2, message }], record);
      assert.equal(result.documents.length, 1, record);
    }
  });
});

describe('spaCy / Prodigy JSONL round trip', () => {
  it('gives back the tags of the seeds, as the detector finds them', () => {
    const documents = readdirSync(SEEDS)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => {
        const text = readFileSync(path.join(SEEDS, name), 'utf8');
        return { name, text, tags: detect(text).map((found): FormatTag => ({ start: found.start, end: found.end, text: found.text, label: found.label, status: 'proposed', annotator: 'detector' })) };
      });
    const { text, notices } = exportJsonl(documents);
    assert.deepEqual(notices, []);
    const result = importJsonl(text, 'seeds.jsonl');
    assert.deepEqual(result.errors, []);
    assert.deepEqual(
      result.documents.map((document) => document.name),
      documents.map((document) => document.name),
    );
    result.documents.forEach((document, index) => assert.deepEqual(tagKeys(document.tags, FULL), tagKeys(documents[index].tags, FULL)));
  });

  it('gives back whole tags of generated documents (emoji, combining marks, CRLF), history included', () => {
    const history = [{ at: '2024-05-01T12:00:00.000Z', by: 'rev', action: 'commented', comment: 'ok\n😀' }];
    fc.assert(
      fc.property(documentArbitrary, fc.boolean(), (document, withHistory) => {
        const tags = document.tags.map((tag, index) => ({ ...tag, id: `t-${index}`, score: 0.5, ...(withHistory ? { history } : {}) }));
        const { text } = exportJsonl([{ ...document, tags }]);
        const result = importJsonl(text, 'generated.jsonl');
        assert.deepEqual(result.errors, []);
        assert.equal(result.documents[0].text, document.text);
        assert.deepEqual(tagKeys(result.documents[0].tags, FULL), tagKeys(tags, FULL));
      }),
      { numRuns: 300 },
    );
  });
});
