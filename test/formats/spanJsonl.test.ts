/**
 * Our spaCy/Prodigy and doccano JSONL exports read by Python (span_jsonl_reader.py, the standard
 * library: json.loads and str slicing, as Prodigy's loader, doccano's importer and spaCy's
 * Doc.char_span see them): every span slices the document's text to the tag's text, with emoji,
 * combining marks and CRLF articles, and over the seeds. Debian has no python3-spacy package
 * (apt-cache policy python3-spacy finds none), so spaCy itself is not run; char_span takes the
 * same str offsets that are checked here.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { detect } from '../../server/src/core/detect';
import { exportDoccano } from '../../server/src/core/formats/doccano';
import { exportJsonl } from '../../server/src/core/formats/spacyJsonl';
import type { ExportDocument, FormatTag } from '../../server/src/core/formats/types';
import { documentArbitrary } from './documentArbitrary';

const READER = path.join(__dirname, 'span_jsonl_reader.py');
const SEEDS = path.join(__dirname, '../../seeds');

interface ReadLine {
  line: number;
  spans: Array<[string, number, number, string]>;
  problems: string[];
  record: string[];
}

function readWithPython(kind: 'spacy' | 'doccano', text: string): ReadLine[] {
  const folder = mkdtempSync(path.join(tmpdir(), 'marginalia-jsonl-'));
  try {
    const file = path.join(folder, 'export.jsonl');
    writeFileSync(file, text, 'utf8');
    const run = spawnSync('python3', [READER, kind, file], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    return JSON.parse(run.stdout) as ReadLine[];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** What Python should see: each tag as [label, start, end, text], in the order the export sorts them. */
function expected(document: ExportDocument): Array<[string, number, number, string]> {
  return [...document.tags].sort((a, b) => a.start - b.start || a.end - b.end).map((tag) => [tag.label, tag.start, tag.end, tag.text]);
}

function tag(text: string, find: string, label: string, extra: Partial<FormatTag> = {}): FormatTag {
  const start = [...text.slice(0, text.indexOf(find))].length;
  return { start, end: start + [...find].length, text: find, label, ...extra };
}

const TEXT = '😀🇺🇦 Volodymyr Zelensky met Emmanuel Macron\r\nin Pari\u0301s on Monday.\u2028NATO 🛡 said 5 drones flew.';
const HANDMADE: ExportDocument = {
  name: 'world/a.txt',
  text: TEXT,
  tags: [
    tag(TEXT, 'Zelensky', 'PERSON', { status: 'approved', annotator: 'ana' }),
    tag(TEXT, 'Macron\r\nin', 'PERSON'),
    tag(TEXT, 'Pari\u0301s', 'GPE'),
    tag(TEXT, 'NATO 🛡', 'ORG'),
    tag(TEXT, '5', 'CARDINAL'),
  ],
};

function seedDocuments(): ExportDocument[] {
  return readdirSync(SEEDS)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => {
      const text = readFileSync(path.join(SEEDS, name), 'utf8');
      return { name, text, tags: detect(text).map((found): FormatTag => ({ start: found.start, end: found.end, text: found.text, label: found.label })) };
    });
}

for (const [kind, exportText] of [
  ['spacy', (documents: ExportDocument[]) => exportJsonl(documents).text],
  ['doccano', (documents: ExportDocument[]) => exportDoccano(documents).text],
] as const) {
  describe(`${kind} JSONL read by Python`, () => {
    it('slices each document\'s str to each tag\'s text: emoji, combining marks, CRLF, U+2028', () => {
      const [read] = readWithPython(kind, exportText([HANDMADE]));
      assert.deepEqual(read.problems, []);
      assert.deepEqual(read.spans, expected(HANDMADE));
      // Python's offsets are ours, not JS's UTF-16 ones: the astral characters before "NATO" count once.
      assert.notEqual(HANDMADE.tags[3].start, TEXT.indexOf('NATO'));
      assert.deepEqual(read.record, kind === 'spacy' ? ['meta', 'spans', 'text'] : ['article', 'label', 'text']);
    });

    it('slices the seeds\' detected tags, one line a seed', () => {
      const documents = seedDocuments();
      const read = readWithPython(kind, exportText(documents));
      assert.equal(read.length, documents.length);
      read.forEach((line, index) => {
        assert.deepEqual(line.problems, [], documents[index].name);
        assert.deepEqual(line.spans, expected(documents[index]), documents[index].name);
      });
    });

    it('slices generated documents\' tags (one Python run for a batch)', () => {
      const documents = fc.sample(documentArbitrary, { numRuns: 200, seed: 16 });
      const read = readWithPython(kind, exportText(documents));
      assert.equal(read.length, documents.length);
      read.forEach((line, index) => {
        assert.deepEqual(line.problems, []);
        assert.deepEqual(line.spans, expected(documents[index]));
      });
    });
  });
}
