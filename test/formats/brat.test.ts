/**
 * Our brat export read by a reader that follows brat's standoff format and brat's own parser
 * (brat_standoff_reader.py, Python's standard library only): every T line's offsets slice the .txt,
 * decoded by Python, to the text the line carries, with emoji, combining marks and CRLF articles; every
 * type and attribute value is declared in annotation.conf; statuses and notes land on their tags.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { detect } from '../../server/src/core/detect';
import { exportBrat } from '../../server/src/core/formats/brat';
import type { ExportDocument, FormatTag } from '../../server/src/core/formats/types';
import { DEFAULT_LABEL_SET } from '../../server/src/core/project/labelSet';
import { resolveRelationTypes, type RelationType } from '../../server/src/core/project/relationTypes';

const READER = path.join(__dirname, 'brat_standoff_reader.py');
const SEEDS = path.join(__dirname, '../../seeds');

interface Read {
  conf: { sections: string[]; entities: string[]; attributes: Record<string, string[]>; relations: Record<string, { roles: Record<string, string[]>; flags: string[] }> };
  documents: Record<
    string,
    {
      textbounds: Array<{ id: string; type: string; spans: Array<[number, number]>; text: string }>;
      attributes: Array<{ target: string; name: string; value: string }>;
      notes: Array<{ target: string; type: string; note: string }>;
      relations: Array<{ id: string; type: string; args: Array<[string, string, string]> }>;
      problems: string[];
    }
  >;
}

/** Writes the export to a folder and reads it back with Python. */
function readWithPython(documents: ExportDocument[], relationTypes?: readonly RelationType[]): Read {
  const folder = mkdtempSync(path.join(tmpdir(), 'marginalia-brat-'));
  try {
    const { files } = exportBrat(documents, { labels: DEFAULT_LABEL_SET, ...(relationTypes ? { relationTypes } : {}) });
    for (const file of files) {
      mkdirSync(path.dirname(path.join(folder, file.path)), { recursive: true });
      writeFileSync(path.join(folder, file.path), file.content, 'utf8');
    }
    const run = spawnSync('python3', [READER, folder], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    return JSON.parse(run.stdout) as Read;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function tag(text: string, find: string, label: string, extra: Partial<FormatTag> = {}): FormatTag {
  const utf16 = text.indexOf(find);
  assert.ok(utf16 >= 0, find);
  const start = [...text.slice(0, utf16)].length;
  return { start, end: start + [...find].length, text: find, label, ...extra };
}

describe('brat export read as brat reads it (Python)', () => {
  it('slices the .txt to each T line\'s text, in code points: emoji, combining marks, CRLF, a tag across lines', () => {
    const text = '😀🇺🇦 Volodymyr Zelensky met Emmanuel Macron\r\nin Pari\u0301s on Monday.\r\n\tNATO 🛡 said 5 drones flew.';
    const tags = [
      tag(text, 'Zelensky', 'PERSON', { status: 'approved', history: [{ at: '2024-05-01T12:00:00.000Z', by: 'rev', action: 'commented', comment: 'full name\tchecked 😀' }] }),
      tag(text, 'Macron\r\nin', 'PERSON', { status: 'accepted' }),
      tag(text, 'Pari\u0301s', 'GPE', { status: 'proposed' }),
      tag(text, 'Monday', 'DATE'),
      tag(text, 'NATO 🛡', 'ORG', { status: 'rejected' }),
      tag(text, '5', 'CARDINAL', { status: 'conflict' }),
    ];
    const read = readWithPython([{ name: 'world/a.txt', text, tags }]);
    assert.deepEqual(read.conf.sections, ['attributes', 'entities', 'events', 'relations']);
    assert.deepEqual(read.conf.entities, DEFAULT_LABEL_SET.map((label) => label.name));
    const document = read.documents['world/a.txt'];
    assert.deepEqual(document.problems, []);
    assert.deepEqual(
      document.textbounds.map((textbound) => [textbound.type, textbound.spans, textbound.text]),
      [
        ['PERSON', [[tags[0].start, tags[0].end]], 'Zelensky'],
        ['PERSON', [[tags[1].start, tags[1].start + 6], [tags[1].end - 2, tags[1].end]], 'Macron in'],
        ['GPE', [[tags[2].start, tags[2].end]], 'Pari\u0301s'],
        ['DATE', [[tags[3].start, tags[3].end]], 'Monday'],
        ['ORG', [[tags[4].start, tags[4].end]], 'NATO 🛡'],
        ['CARDINAL', [[tags[5].start, tags[5].end]], '5'],
      ],
    );
    // Python's offsets are ours: the astral characters and the CRLF before "NATO" count as JS would not.
    assert.equal(tags[4].start, [...text.slice(0, text.indexOf('NATO'))].length);
    assert.notEqual(tags[4].start, text.indexOf('NATO'));
    const statusOf = new Map(document.attributes.map((attribute) => [attribute.target, `${attribute.name}=${attribute.value}`]));
    assert.deepEqual(
      document.textbounds.map((textbound) => statusOf.get(textbound.id)),
      ['Status=approved', 'Status=accepted', 'Status=proposed', undefined, 'Status=rejected', 'Status=conflict'],
    );
    assert.deepEqual(document.notes, [{ id: '#1', type: 'AnnotatorNotes', target: 'T1', note: 'full name\tchecked 😀' }]);
  });

  it('reads every seed\'s detected tags without a problem', () => {
    const documents = readdirSync(SEEDS)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => {
        const text = readFileSync(path.join(SEEDS, name), 'utf8');
        return { name, text, tags: detect(text).map((found) => ({ start: found.start, end: found.end, text: found.text, label: found.label, status: 'proposed' as const })) };
      });
    const read = readWithPython(documents);
    for (const document of documents) {
      const found = read.documents[document.name];
      assert.deepEqual(found.problems, [], document.name);
      assert.equal(found.textbounds.length, document.tags.length, document.name);
    }
  });

  it('reads relations as brat does: R lines between T lines, of types annotation.conf declares for those labels, their status an attribute declared for relations', () => {
    const text = 'Ukraine 🇺🇦 plans to produce almost 800 interceptor drones.\r\nPoland and Ukraine agreed.';
    const tags = [
      tag(text, 'Ukraine', 'GPE', { id: 't-1', status: 'accepted' }),
      tag(text, 'almost 800', 'CARDINAL', { id: 't-2', status: 'accepted' }),
      tag(text, 'interceptor drones', 'PRODUCT', { id: 't-3', status: 'accepted' }),
      tag(text, 'Poland', 'GPE', { id: 't-4', status: 'accepted' }),
      { ...tag(text.slice(20), 'Ukraine', 'GPE', { id: 't-5', status: 'accepted' }), start: [...text.slice(0, text.lastIndexOf('Ukraine'))].length, end: [...text.slice(0, text.lastIndexOf('Ukraine'))].length + 7 },
    ];
    const relations = [
      { id: 'r-1', type: 'PRODUCES', from: 't-1', to: 't-3', status: 'accepted' as const, history: [{ at: '2024-05-01T12:00:00.000Z', by: 'rev', action: 'commented', comment: 'so they said' }] },
      { id: 'r-2', type: 'QUANTITY_OF', from: 't-2', to: 't-3', status: 'approved' as const },
      { id: 'r-3', type: 'ALLY_OF', from: 't-4', to: 't-5', status: 'proposed' as const },
    ];
    const read = readWithPython([{ name: 'drones.txt', text, tags, relations }], resolveRelationTypes(undefined));
    const document = read.documents['drones.txt'];
    assert.deepEqual(document.problems, []);
    assert.deepEqual(
      document.relations.map((relation) => [relation.type, relation.args]),
      [
        ['PRODUCES', [['Arg1', 'T1', 'GPE'], ['Arg2', 'T3', 'PRODUCT']]],
        ['QUANTITY_OF', [['Arg1', 'T2', 'CARDINAL'], ['Arg2', 'T3', 'PRODUCT']]],
        ['ALLY_OF', [['Arg1', 'T4', 'GPE'], ['Arg2', 'T5', 'GPE']]],
      ],
    );
    assert.deepEqual(read.conf.relations.ALLY_OF.flags, ['symmetric']);
    assert.deepEqual(read.conf.relations.PRODUCES.roles, { Arg1: ['GPE', 'ORG'], Arg2: ['PRODUCT'] });
    const statusOf = new Map(document.attributes.map((attribute) => [attribute.target, attribute.value]));
    assert.deepEqual(['R1', 'R2', 'R3'].map((id) => statusOf.get(id)), ['accepted', 'approved', 'proposed']);
    assert.deepEqual(document.notes.filter((note) => note.target === 'R1').map((note) => note.note), ['so they said']);
  });
});
