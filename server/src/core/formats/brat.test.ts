import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { detect } from '../detect';
import { DEFAULT_LABEL_SET } from '../project/labelSet';
import { exportBrat, exportBratConfig, exportBratDocument, importBrat } from './brat';
import type { ExportDocument, FormatTag } from './types';
import { documentArbitrary, tagKeys } from '../../../../test/formats/documentArbitrary';

const SEEDS = path.join(__dirname, '../../../../seeds');
const AT = '2024-05-01T12:00:00.000Z';

/** A tag over `text`'s code points start..end. */
function tag(text: string, start: number, end: number, label: string, extra: Partial<FormatTag> = {}): FormatTag {
  return { start, end, text: [...text].slice(start, end).join(''), label, ...extra };
}

function roundTrip(document: ExportDocument) {
  const [txt, ann] = exportBratDocument(document).files;
  return importBrat(txt.content, ann.content, ann.path, { importedAt: AT });
}

describe('brat export', () => {
  it('counts offsets in code points: an emoji, a combining mark and a CRLF before a tag', () => {
    const text = '😀 Café\u0301 in Kyiv\r\nZelensky 🇺🇦 spoke.';
    const document: ExportDocument = {
      name: 'news/a.txt',
      text,
      tags: [tag(text, 11, 15, 'GPE', { status: 'approved' }), tag(text, 17, 25, 'PERSON', { status: 'accepted' })],
    };
    assert.equal(document.tags[0].text, 'Kyiv');
    assert.equal(document.tags[1].text, 'Zelensky');
    const { files } = exportBratDocument(document);
    assert.deepEqual(
      files.map((file) => file.path),
      ['news/a.txt', 'news/a.ann'],
    );
    assert.equal(files[0].content, text, 'the .txt is the article, CRLF and all');
    assert.equal(files[1].content, 'T1\tGPE 11 15\tKyiv\nA1\tStatus T1 approved\nT2\tPERSON 17 25\tZelensky\nA2\tStatus T2 accepted\n');
  });

  it('writes comments as AnnotatorNotes and names what brat cannot hold (annotator, other history)', () => {
    const text = 'NATO met.';
    const { files, notices } = exportBratDocument({
      name: 'a.txt',
      text,
      tags: [
        tag(text, 0, 4, 'ORG', {
          annotator: 'ana',
          history: [
            { at: AT, by: 'rev', action: 'commented', comment: 'the alliance,\nnot a place' },
            { at: AT, by: 'rev', action: 'relabelled', from: 'GPE', to: 'ORG' },
          ],
        }),
      ],
    });
    assert.equal(files[1].content, 'T1\tORG 0 4\tNATO\n#1\tAnnotatorNotes T1\tthe alliance, not a place\n');
    assert.deepEqual(
      notices.map((notice) => notice.message),
      [
        'a comment on ORG "NATO" 0..4 is written on one line: brat notes cannot hold line breaks',
        'brat has no place for the annotator of 1 tag(s) and the review history of 1 tag(s) (its comments are kept as notes): not written',
      ],
    );
  });

  it('writes a tag across a line break as fragments between the breaks, and reads them back as one tag', () => {
    const text = 'the New\r\nYork Times';
    const document = { name: 'a.txt', text, tags: [tag(text, 4, 19, 'ORG')] };
    const { files, notices } = exportBratDocument(document);
    assert.equal(files[1].content, 'T1\tORG 4 7;9 19\tNew York Times\n');
    assert.deepEqual(notices, []);
    const back = importBrat(files[0].content, files[1].content, 'a.ann');
    assert.deepEqual(back.errors, []);
    assert.deepEqual(back.warnings, []);
    assert.deepEqual(tagKeys(back.documents[0].tags), tagKeys(document.tags));
  });

  it('trims a line break at a tag\'s edge and says so; a tag of line breaks only is not written', () => {
    const text = 'Kyiv\n\n';
    const { files, notices } = exportBratDocument({ name: 'a.txt', text, tags: [tag(text, 0, 5, 'GPE'), tag(text, 4, 6, 'GPE')] });
    assert.equal(files[1].content, 'T1\tGPE 0 4\tKyiv\n');
    assert.deepEqual(
      notices.map((notice) => notice.message),
      ['GPE "Kyiv\\n" 0..5 starts or ends with a line break, which a .ann line cannot hold: written as 0..4', 'GPE "\\n\\n" 4..6 not exported: it holds only line breaks, which a brat span cannot show'],
    );
  });

  it('never writes a tag whose text is not at its offsets', () => {
    const { files, notices } = exportBratDocument({ name: 'a.txt', text: 'Kyiv', tags: [{ start: 0, end: 4, text: 'Lviv', label: 'GPE' }, { start: 2, end: 9, text: 'iv', label: 'GPE' }] });
    assert.equal(files[1].content, '');
    assert.equal(notices.length, 2);
    assert.match(notices[0].message, /^GPE "Lviv" 0\.\.4 not exported: its text is not at its offsets/);
  });

  it('writes annotation.conf from the label set: entities, the Status attribute, empty relations (none declared) and events', () => {
    const conf = exportBratConfig([{ name: 'PERSON' }, { name: 'WEAPON' }]);
    assert.equal(conf.path, 'annotation.conf');
    assert.equal(
      conf.content,
      "# Written by Marginalia from the project's label set and relation types.\n[entities]\nPERSON\nWEAPON\n[relations]\n# The project declares no relation types.\n[events]\n# Marginalia tags have no events.\n[attributes]\nStatus\tArg:<ENTITY>, Value:accepted|approved|rejected|proposed|conflict\n",
    );
    const collection = exportBrat([{ name: 'a.txt', text: 'x', tags: [] }], { labels: DEFAULT_LABEL_SET });
    assert.deepEqual(
      collection.files.map((file) => file.path),
      ['a.txt', 'a.ann', 'annotation.conf'],
    );
  });
});

describe('brat import', () => {
  const text = 'Zelensky met 😀 Macron in Paris.';

  it('reads T lines, statuses and notes, in code points', () => {
    const ann = 'T1\tPERSON 0 8\tZelensky\nT2\tPERSON 15 21\tMacron\nA1\tStatus T2 approved\n#1\tAnnotatorNotes T2\tthe French president\n';
    const result = importBrat(text, ann, 'corpus/a.ann', { importedAt: AT, annotator: 'ana' });
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.warnings, []);
    assert.equal(result.documents[0].name, 'corpus/a.txt');
    assert.equal(result.documents[0].text, text);
    assert.deepEqual(result.documents[0].tags, [
      { start: 0, end: 8, text: 'Zelensky', label: 'PERSON', kind: 'entity' },
      { start: 15, end: 21, text: 'Macron', label: 'PERSON', kind: 'entity', status: 'approved', history: [{ at: AT, by: 'ana', action: 'commented', comment: 'the French president' }] },
    ]);
  });

  it('imports each fragment of a discontinuous span as a tag, with a warning', () => {
    const result = importBrat(text, 'T1\tPERSON 0 8;15 21\tZelensky Macron\nA1\tStatus T1 accepted\n', 'a.ann');
    assert.deepEqual(result.errors, []);
    assert.deepEqual(tagKeys(result.documents[0].tags, ['start', 'end', 'text', 'status']), tagKeys([
      { start: 0, end: 8, text: 'Zelensky', label: 'PERSON', status: 'accepted' },
      { start: 15, end: 21, text: 'Macron', label: 'PERSON', status: 'accepted' },
    ], ['start', 'end', 'text', 'status']));
    assert.deepEqual(result.warnings, [{ document: 'a.ann', line: 1, message: 'T1 is discontinuous (2 parts): imported as 2 tags, one a part' }]);
  });

  it('reports events, other attributes and notes as not imported, by line', () => {
    const ann = 'T1\tPERSON 0 8\tZelensky\nT2\tPERSON 15 21\tMacron\nE1\tMet:T1 Theme:T2\nA1\tNegation T1\n#1\tOther T1\tx\n';
    const result = importBrat(text, ann, 'a.ann');
    assert.deepEqual(result.errors, []);
    assert.deepEqual(
      result.warnings.map((warning) => `${warning.line}: ${warning.message}`),
      [
        '3: event E1 not imported: Marginalia keeps spans with a label and the relations between them (R lines)',
        '4: attribute "Negation" not imported: Marginalia keeps only the Status attribute',
        '5: note type "Other" not imported: Marginalia keeps AnnotatorNotes as comments',
      ],
    );
  });

  it('reports a status or a note on an event as not imported, not as an error', () => {
    const ann = 'T1\tPERSON 0 8\tZelensky\nT2\tPERSON 15 21\tMacron\nE1\tMet:T1 Theme:T2\nA1\tStatus E1 accepted\n#1\tAnnotatorNotes E1\tcheck\n';
    const result = importBrat(text, ann, 'a.ann');
    assert.deepEqual(result.errors, []);
    assert.equal(result.documents[0].tags.length, 2);
    assert.deepEqual(
      result.warnings.map((warning) => `${warning.line}: ${warning.message}`),
      ['3: event E1 not imported: Marginalia keeps spans with a label and the relations between them (R lines)', '4: the status on E1 not imported: E1 is not a tag', '5: the note on E1 not imported: E1 is not a tag'],
    );
  });

  it('reads a .ann saved with CRLF line ends, and a .txt with a byte-order mark as brat counts it', () => {
    const result = importBrat(`\ufeff${text}`, 'T1\tPERSON 1 9\tZelensky\r\n', 'a.ann');
    assert.deepEqual(result.errors, []);
    assert.equal(result.documents[0].text, text);
    assert.deepEqual(tagKeys(result.documents[0].tags), tagKeys([{ start: 0, end: 8, text: 'Zelensky', label: 'PERSON' }]));
  });

  it('names the file and the line of every bad line, and gives no document', () => {
    const cases: Array<[string, string]> = [
      ['T1 PERSON 0 8 Zelensky', 'expected an annotation id (T1, A1, #1, ...), a tab and the annotation'],
      ['T1\tPERSON 0\tZelensky', 'expected "T1<TAB>LABEL START END<TAB>TEXT" (discontinuous: START END;START END)'],
      ['T1\tPERSON 25 40\tParis.', 'the span 25..40 ends past the end of the text (31 characters)'],
      ['T1\tPERSON 8 0\tZelensky', 'the span 8..0 is empty or reversed (the start must be before the end)'],
      ['T1\tPERSON 0 8\tZelenskyy', 'T1\'s text "Zelenskyy" does not match the .txt at its offsets, which holds "Zelensky"'],
      ['T1\tPerson 0 8\tZelensky', 'unknown label "Person" (not in the project\'s label set)'],
      ['T1\tPERSON 0 8;4 10\tZelensky lensky', 'the parts of T1 overlap'],
      ['A1\tStatus T1 done', 'expected "Status T<n> <status>" with a status of accepted, approved, rejected, proposed, conflict'],
      ['A1\tStatus T7 accepted', 'the status refers to "T7", which is no text-bound annotation (T line) of this file'],
      ['#1\tAnnotatorNotes T7\tnote', 'the note refers to "T7", which is no text-bound annotation (T line) of this file'],
      ['X1\tthing', 'unknown annotation type "X1": expected T, A, M, #, R, E, N or *'],
    ];
    for (const [line, message] of cases) {
      const result = importBrat(text, `T9\tPERSON 0 8\tZelensky\n${line}\n`, 'corpus/a.ann');
      assert.deepEqual(result.errors, [{ document: 'corpus/a.ann', line: 2, message }], line);
      assert.deepEqual(result.documents, [], line);
    }
    const twice = importBrat(text, 'T1\tPERSON 0 8\tZelensky\nT1\tPERSON 0 8\tZelensky\n', 'a.ann');
    assert.deepEqual(twice.errors, [{ document: 'a.ann', line: 2, message: 'the id T1 is used twice' }]);
  });

  it('takes a missing text from the .txt and ignores a remark after the text, saying so', () => {
    const result = importBrat(text, 'T1\tPERSON 0 8\nT2\tPERSON 15 21\tMacron checked\n', 'a.ann');
    assert.deepEqual(result.errors, []);
    assert.equal(result.documents[0].tags.length, 2);
    assert.deepEqual(
      result.warnings.map((warning) => `${warning.line}: ${warning.message}`),
      ['1: T1 has no text after its offsets: taken from the .txt', '2: T2: the remark after its text ("checked") is not imported'],
    );
  });
});

describe('brat round trip', () => {
  it('gives back the tags of the seeds, as the detector finds them', () => {
    const seeds = readdirSync(SEEDS).filter((name) => name.endsWith('.txt'));
    assert.ok(seeds.length > 0);
    for (const name of seeds) {
      const text = readFileSync(path.join(SEEDS, name), 'utf8');
      const tags = detect(text).map((found) => ({ start: found.start, end: found.end, text: found.text, label: found.label, status: 'proposed' as const }));
      assert.ok(tags.length > 0, name);
      const result = roundTrip({ name, text, tags });
      assert.deepEqual(result.errors, [], name);
      assert.deepEqual(tagKeys(result.documents[0].tags, ['start', 'end', 'text', 'label', 'status']), tagKeys(tags, ['start', 'end', 'text', 'label', 'status']), name);
    }
  });

  it('gives back span, label and status of generated documents (emoji, combining marks, CRLF)', () => {
    fc.assert(
      fc.property(documentArbitrary, (document) => {
        const result = roundTrip(document);
        assert.deepEqual(result.errors, []);
        assert.equal(result.documents[0].text, document.text);
        assert.deepEqual(tagKeys(result.documents[0].tags, ['start', 'end', 'text', 'label', 'status']), tagKeys(document.tags, ['start', 'end', 'text', 'label', 'status']));
      }),
      { numRuns: 300 },
    );
  });
});
