/**
 * Relations in the interchange formats (issue 16 × issue 18): brat's R lines and annotation.conf,
 * Label Studio's relation results and <Relations>, Web Annotation's linking annotations, both ways;
 * the formats without a place for relations name each one (or, strict, refuse the article).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { resolveRelationTypes } from '../project/relationTypes';
import { DEFAULT_LABEL_SET } from '../project/labelSet';
import { exportBratConfig, exportBratDocument, importBrat } from './brat';
import { exportLabelStudio, importLabelStudio, labelStudioConfig } from './labelStudio';
import { exportWebAnnotation, importWebAnnotation } from './webAnnotation';
import { formatNamed } from './registry';
import { importJsonl } from './spacyJsonl';
import { chooseRelations } from './relations';
import type { Relation, Tag } from '../sidecar/schema';
import type { ExportDocument, FormatTag } from './types';
import { exportedRelationKeys, importedRelationKeys, relationDocumentArbitrary, RELATION_TYPES } from '../../../../test/formats/relationArbitrary';
import { seedDocuments } from '../../../../test/formats/formatArbitraries';

const TYPES = resolveRelationTypes(undefined);
const AT = '2024-05-01T12:00:00.000Z';
const TEXT = 'Ukraine 😀 plans to produce almost 800 interceptor drones.\r\nPoland and Ukraine agreed.';

function tag(id: string, find: string, label: string, extra: Partial<FormatTag> = {}, from = 0): FormatTag {
  const at = TEXT.indexOf(find, from);
  const start = [...TEXT.slice(0, at)].length;
  return { id, start, end: start + [...find].length, text: find, label, status: 'accepted', annotator: 'ana', ...extra };
}

/** Ukraine → drones (PRODUCES, commented), 800 → drones (QUANTITY_OF, proposed by a model), Poland ↔ Ukraine (ALLY_OF). */
function drones(): ExportDocument {
  return {
    name: 'news/drones.txt',
    text: TEXT,
    tags: [
      tag('t-1', 'Ukraine', 'GPE'),
      tag('t-2', 'interceptor drones', 'PRODUCT'),
      tag('t-3', 'almost 800', 'CARDINAL', { status: 'proposed', annotator: 'model:crf' }),
      tag('t-4', 'Poland', 'GPE'),
      tag('t-5', 'Ukraine', 'GPE', {}, 20),
      tag('t-6', 'interceptor drones', 'PRODUCT', { status: 'proposed', annotator: 'model:crf' }),
    ],
    relations: [
      { id: 'r-1', type: 'PRODUCES', from: 't-1', to: 't-2', status: 'accepted', annotator: 'ana', created: AT, modified: AT, history: [{ at: AT, by: 'rev', action: 'commented', comment: 'they said so' }] },
      { id: 'r-2', type: 'QUANTITY_OF', from: 't-3', to: 't-6', status: 'proposed', annotator: 'model:crf', created: AT, modified: AT },
      { id: 'r-3', type: 'ALLY_OF', from: 't-4', to: 't-5', status: 'approved', annotator: 'ana', created: AT, modified: AT },
    ],
  };
}

describe('which relations go out', () => {
  const stored = (id: string, text: string): Tag => ({ id, text } as Tag);
  const relation = (id: string, from: string, to: string, changes: Partial<Relation> = {}): Relation => ({ id, type: 'PRODUCES', from, to, status: 'accepted', source: 'manual', annotator: 'ana', created: AT, modified: AT, ...changes });
  const tags = [stored('t-1', 'Ukraine'), stored('t-2', 'drones'), stored('t-3', 'Kyiv'), stored('t-4', 'Lviv')];

  it('the statuses and annotator asked for, both ends going out; one in conflict, or with an end left behind or missing, is named', () => {
    const notices: Array<{ document: string; message: string }> = [];
    const relations = [
      relation('r-ok', 't-1', 't-2'),
      relation('r-proposed', 't-1', 't-2', { status: 'proposed' }),
      relation('r-bob', 't-1', 't-2', { annotator: 'bob' }),
      relation('r-orphan-end', 't-1', 't-3'),
      relation('r-conflict', 't-1', 't-2', { status: 'conflict' }),
      relation('r-dangling', 't-1', 't-9'),
    ];
    // t-3 did not go out (orphaned, in conflict or filtered: the tags' choice, made before).
    const chosen = chooseRelations('a.txt', relations, tags, new Set(['t-1', 't-2', 't-4']), { statuses: new Set(['accepted', 'approved'] as const), annotator: 'ana' }, notices);
    assert.deepEqual(chosen?.map((found) => found.id), ['r-ok']);
    assert.deepEqual(notices.map((notice) => notice.message), [
      'relation PRODUCES "Ukraine" → "Kyiv" (r-orphan-end) not exported: its end "Kyiv" is not exported (filtered out, orphaned or in conflict)',
      'relation PRODUCES "Ukraine" → "drones" (r-conflict) not exported: in conflict between two branches (keep ours or theirs first)',
      'relation PRODUCES "Ukraine" → tag t-9 (r-dangling) not exported: its tag t-9 is not in the sidecar',
    ]);
    assert.equal(chooseRelations('a.txt', undefined, tags, new Set(), { statuses: new Set(['accepted'] as const) }, notices), undefined);
  });
});

describe('brat relations', () => {
  it('writes a relation as an R line between the T lines of its ends, its status as an A line and its comments as notes', () => {
    const { files, notices } = exportBratDocument(drones(), TYPES);
    const ann = files[1].content.split('\n');
    assert.ok(ann.includes('R1\tPRODUCES Arg1:T1 Arg2:T2'), files[1].content);
    assert.ok(ann.includes('R2\tQUANTITY_OF Arg1:T3 Arg2:T6'));
    assert.ok(ann.includes('R3\tALLY_OF Arg1:T4 Arg2:T5'));
    assert.ok(ann.includes('A7\tStatus R1 accepted'));
    assert.ok(ann.includes('A9\tStatus R3 approved'));
    assert.ok(ann.includes('#1\tAnnotatorNotes R1\tthey said so'));
    assert.deepEqual(
      notices.map((notice) => notice.message),
      ['brat has no place for the annotator of 9 tag(s) and relation(s): not written'],
    );
  });

  it('declares the project\'s relation types in annotation.conf with the labels each end allows, a type without direction as symmetric', () => {
    const conf = exportBratConfig(DEFAULT_LABEL_SET, TYPES).content.split('\n');
    const relations = conf.slice(conf.indexOf('[relations]') + 1, conf.indexOf('[events]'));
    assert.deepEqual(relations, [
      'PRODUCES\tArg1:GPE|ORG, Arg2:PRODUCT',
      'QUANTITY_OF\tArg1:CARDINAL|QUANTITY|MONEY, Arg2:PRODUCT|ORG',
      'TIME_OF\tArg1:DATE|DURATION|TIME, Arg2:<ENTITY>',
      'RECEIVES\tArg1:GPE|ORG|PERSON, Arg2:MONEY|PRODUCT',
      'PART_OF\tArg1:PERSON|ORG|GPE|FAC, Arg2:ORG|GPE|LAW|EVENT',
      'LOCATED_IN\tArg1:FAC|ORG|EVENT|PERSON|GPE, Arg2:GPE|LOC',
      'ALLY_OF\tArg1:GPE|ORG|PERSON, Arg2:GPE|ORG|PERSON, <REL-TYPE>:symmetric',
    ]);
    assert.ok(conf.includes('Status\tArg:<ENTITY>|<RELATION>, Value:accepted|approved|rejected|proposed|conflict'));
    assert.ok(!conf.join('\n').includes('have no relations'));
  });

  it('reads R lines back as relations between the tags of their T lines, with their status and notes', () => {
    const [txt, ann] = exportBratDocument(drones(), TYPES).files;
    const result = importBrat(txt.content, ann.content, ann.path, { importedAt: AT, annotator: 'ana' });
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.warnings, []);
    const [document] = result.documents;
    assert.deepEqual(importedRelationKeys(document, ['status']), exportedRelationKeys(drones(), ['status']));
    const produces = document.relations!.find((relation) => relation.type === 'PRODUCES')!;
    assert.deepEqual(produces, { type: 'PRODUCES', from: 0, to: 1, line: produces.line, status: 'accepted', history: [{ at: AT, by: 'ana', action: 'commented', comment: 'they said so' }] });
  });

  it('names the line of an R line that is malformed or points at no T line, and imports nothing of the file', () => {
    const text = 'Zelensky met Macron.';
    const result = importBrat(text, 'T1\tPERSON 0 8\tZelensky\nT2\tPERSON 13 19\tMacron\nR1\tMET Arg1:T1 Arg2:T9\nR2\tMET T1 T2\nR3\tMET Arg1:T1 Arg2:T1\n', 'a.ann');
    assert.deepEqual(result.documents, []);
    assert.deepEqual(
      result.errors.map((error) => `${error.document}:${error.line}: ${error.message}`),
      [
        'a.ann:4: expected "R2<TAB>TYPE Arg1:T<n> Arg2:T<n>"',
        'a.ann:3: R1\'s Arg2 "T9" is no text-bound annotation (T line) of this file: Marginalia relates tags only',
        'a.ann:5: R3 relates T1 with itself',
      ],
    );
  });

  it('names a relation whose end brat could not write, and writes the rest', () => {
    const document = drones();
    const broken: ExportDocument = { ...document, tags: document.tags.map((found) => (found.id === 't-2' ? { ...found, text: 'other' } : found)) };
    const { files, notices } = exportBratDocument(broken, TYPES);
    assert.ok(!files[1].content.includes('PRODUCES'));
    assert.ok(notices.some((notice) => /^relation PRODUCES "Ukraine" → "other" \(r-1\) not exported: its end "other" was not written in brat/.test(notice.message)), JSON.stringify(notices));
  });
});

describe('Label Studio relations', () => {
  it('writes relations as relation results in the annotation or prediction of their ends, "bi" for a type without direction', () => {
    const { text, notices } = exportLabelStudio([drones()], TYPES);
    const [task] = JSON.parse(text);
    const relationsOf = (items: Array<{ result: Array<Record<string, unknown>> }>) => items.flatMap((item) => item.result.filter((result) => result.type === 'relation'));
    assert.deepEqual(relationsOf(task.annotations), [
      { from_id: 't-1', to_id: 't-2', type: 'relation', direction: 'right', labels: ['PRODUCES'] },
      { from_id: 't-4', to_id: 't-5', type: 'relation', direction: 'bi', labels: ['ALLY_OF'] },
    ]);
    assert.deepEqual(relationsOf(task.predictions), [{ from_id: 't-3', to_id: 't-6', type: 'relation', direction: 'right', labels: ['QUANTITY_OF'] }]);
    assert.ok(notices.some((notice) => /review history of relation PRODUCES "Ukraine" → "interceptor drones" \(r-1\) is not carried/.test(notice.message)), JSON.stringify(notices));
  });

  it('names a relation whose ends are two annotators\' tags: a Label Studio relation links regions of one annotation', () => {
    const document = drones();
    const mixed: ExportDocument = { ...document, relations: [{ id: 'r-9', type: 'QUANTITY_OF', from: 't-3', to: 't-2', status: 'accepted', annotator: 'ana' }] };
    const { text, notices } = exportLabelStudio([mixed], TYPES);
    assert.ok(!text.includes('"relation"'));
    assert.ok(notices.some((notice) => /^relation QUANTITY_OF "almost 800" → "interceptor drones" \(r-9\) not exported: its ends are in two annotations \(model:crf's and ana's\)/.test(notice.message)), JSON.stringify(notices));
  });

  it('reads relations back: ends, type, and the status and annotator of their annotation or prediction; "left" points the other way', () => {
    const { text } = exportLabelStudio([drones()], TYPES);
    const result = importLabelStudio(text, 'tasks.json');
    assert.deepEqual(result.errors, []);
    const [document] = result.documents;
    assert.deepEqual(importedRelationKeys(document, ['status', 'annotator']), exportedRelationKeys({ ...drones(), relations: drones().relations!.map((relation) => ({ ...relation, status: relation.status === 'approved' ? 'accepted' : relation.status })) }, ['status', 'annotator']));
    const left = JSON.parse(text);
    left[0].annotations[0].result.find((result: { type: string }) => result.type === 'relation').direction = 'left';
    const reversed = importLabelStudio(JSON.stringify(left), 'tasks.json').documents[0];
    const produces = reversed.relations!.find((relation) => relation.type === 'PRODUCES')!;
    assert.deepEqual([reversed.tags[produces.from].text, reversed.tags[produces.to].text], ['interceptor drones', 'Ukraine']);
  });

  it('names the task of a relation whose end is no region of its annotation', () => {
    const task = { data: { text: 'Zelensky met Macron.' }, annotations: [{ result: [{ id: 'a', type: 'labels', value: { start: 0, end: 8, text: 'Zelensky', labels: ['PERSON'] } }, { from_id: 'a', to_id: 'zz', type: 'relation', direction: 'right', labels: ['MET'] }] }] };
    const result = importLabelStudio(JSON.stringify([task]), 'in.json');
    assert.deepEqual(result.documents, []);
    assert.match(result.errors[0].message, /^task 1: annotation 1, result 2: the relation's to_id "zz" is no labelled region of the same annotation or prediction/);
  });

  it('declares the relation types in the config\'s <Relations>', () => {
    const config = labelStudioConfig(DEFAULT_LABEL_SET, TYPES);
    assert.match(config, /^<View>\n {2}<Relations>\n {4}<Relation value="PRODUCES" background="#e07b39"\/>\n/);
    assert.equal(config.match(/<Relation /g)?.length, TYPES.length);
  });
});

describe('Web Annotation relations', () => {
  it('writes a relation as a linking annotation targeting its two tag annotations, and reads it back', () => {
    const { text, notices } = exportWebAnnotation([drones()]);
    assert.deepEqual(notices, []);
    const items: Array<Record<string, any>> = JSON.parse(text).first.items;
    const produces = items.find((item) => item.id.endsWith('#r-1'))!;
    const iri = 'urn:marginalia:corpus/news/drones.txt';
    assert.deepEqual(
      { motivation: produces.motivation, body: produces.body, target: produces.target, from: produces['marginalia:fromTag'], to: produces['marginalia:toTag'], status: produces['marginalia:status'], creator: produces.creator },
      {
        motivation: 'linking',
        body: [
          { type: 'TextualBody', purpose: 'linking', value: 'PRODUCES' },
          { type: 'TextualBody', purpose: 'commenting', value: 'they said so', creator: { type: 'Person', name: 'rev' }, created: AT },
        ],
        target: [`${iri}#t-1`, `${iri}#t-2`],
        from: `${iri}#t-1`,
        to: `${iri}#t-2`,
        status: 'accepted',
        creator: { type: 'Person', name: 'ana' },
      },
    );
    const result = importWebAnnotation(text, 'out.jsonld');
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.warnings, []);
    const [document] = result.documents;
    assert.deepEqual(importedRelationKeys(document, ['status', 'annotator']), exportedRelationKeys(drones(), ['status', 'annotator']));
    const read = document.relations!.find((relation) => relation.id === 'r-1')!;
    assert.deepEqual(read.history, drones().relations![0].history);
    assert.deepEqual([read.created, read.modified], [AT, AT]);
  });

  it('names the line of a relation whose end is no tag annotation of the file', () => {
    const { text } = exportWebAnnotation([drones()]);
    const result = importWebAnnotation(text.replace('"marginalia:toTag":"urn:marginalia:corpus/news/drones.txt#t-2"', '"marginalia:toTag":"urn:marginalia:corpus/news/drones.txt#t-99"'), 'out.jsonld');
    // An import with errors writes nothing (the shell refuses it whole).
    assert.equal(result.errors.length, 1);
    assert.match(result.errors[0].message, /the relation's end "urn:marginalia:corpus\/news\/drones.txt#t-99" is no tag annotation of this file/);
    assert.ok(result.errors[0].line! > 1);
  });
});

describe('Prodigy rel.manual relations, imported', () => {
  // A task as rel.manual saves it: tokens, spans with their token range, relations by token index and by span.
  const text = 'Ukraine plans to produce almost 800 interceptor drones.';
  const span = (find: string, label: string, tokenStart: number, tokenEnd: number) => ({ start: text.indexOf(find), end: text.indexOf(find) + find.length, token_start: tokenStart, token_end: tokenEnd, label });
  const ukraine = span('Ukraine', 'GPE', 0, 0);
  const drones = span('interceptor drones', 'PRODUCT', 6, 7);
  const many = span('almost 800', 'CARDINAL', 4, 5);
  const task = {
    text,
    tokens: text.replace(/\.$/, ' .').split(' ').map((word, id) => ({ text: word, id })),
    spans: [ukraine, many, drones],
    relations: [
      { head: 0, child: 7, head_span: ukraine, child_span: drones, label: 'PRODUCES' },
      { head: 5, child: 7, head_span: many, child_span: drones, label: 'QUANTITY_OF' },
      { head: 1, child: 2, label: 'DEP' },
      { head: 0, child: 3, head_span: ukraine, child_span: { start: 17, end: 24, label: 'EVENT' }, label: 'PRODUCES' },
    ],
    answer: 'accept',
  };

  it('reads a relation between two of the task\'s spans by its head_span and child_span, the head its source; names the others', () => {
    const result = importJsonl(JSON.stringify(task), 'rel.jsonl');
    assert.deepEqual(result.errors, []);
    const [document] = result.documents;
    assert.deepEqual(
      document.relations!.map((relation) => [relation.type, document.tags[relation.from].text, document.tags[relation.to].text]),
      [
        ['PRODUCES', 'Ukraine', 'interceptor drones'],
        ['QUANTITY_OF', 'almost 800', 'interceptor drones'],
      ],
    );
    assert.deepEqual(
      result.warnings.map((warning) => `${warning.document}:${warning.line}: ${warning.message}`),
      [
        'rel.jsonl:1: relation 3 ("DEP") not imported: it has no "head_span" and "child_span", and its token indexes point into Prodigy\'s own tokens',
        'rel.jsonl:1: relation 4 ("PRODUCES") not imported: its child_span is none of the task\'s spans',
      ],
    );
  });

  it('imports no relation of a task answered "reject", and says so', () => {
    const result = importJsonl(JSON.stringify({ ...task, answer: 'reject' }), 'rel.jsonl');
    assert.equal(result.documents[0].relations, undefined);
    assert.match(result.warnings.at(-1)!.message, /answered "reject": its 3 span\(s\) and 2 relation\(s\) are not imported/);
  });
});

describe('formats without a place for relations', () => {
  for (const name of ['conll', 'doccano', 'jsonl']) {
    it(`${name}: names each relation of the article, or refuses the article when strict`, () => {
      const exporter = formatNamed(name)!.exporter;
      assert.equal(exporter.kind, 'stream');
      if (exporter.kind !== 'stream') return;
      const written = exporter.writer({ labels: DEFAULT_LABEL_SET }).document(drones());
      assert.ok(written.text.length > 0);
      const about = written.notices.filter((notice) => /relation/.test(notice.message));
      assert.equal(about.length, 1, JSON.stringify(written.notices));
      assert.match(about[0].message, /^3 relations not exported: .* has no place for relations: PRODUCES "Ukraine" → "interceptor drones" \(r-1\); QUANTITY_OF "almost 800" → "interceptor drones" \(r-2\); ALLY_OF "Poland" → "Ukraine" \(r-3\)$/);
      const strict = exporter.writer({ labels: DEFAULT_LABEL_SET, strict: true }).document(drones());
      assert.equal(strict.text, '');
      assert.match(strict.notices[0].message, /^not exported: .* has no place for relations, and strict mode refuses to drop its 3 relations/);
      const none = exporter.writer({ labels: DEFAULT_LABEL_SET, strict: true }).document({ ...drones(), relations: undefined });
      assert.ok(none.text.length > 0 && none.notices.every((notice) => !/relation/.test(notice.message)));
    });
  }
});

/** The seeds with the detector's tags, each tag related to the next (types in turn, every third by another annotator). */
function seedsWithRelations(): ExportDocument[] {
  return seedDocuments().map((document) => ({
    ...document,
    relations: document.tags.slice(1).map((tag, index) => ({
      id: `r-${index}`,
      type: RELATION_TYPES[index % RELATION_TYPES.length],
      from: document.tags[index].id!,
      to: tag.id!,
      status: 'accepted' as const,
      annotator: 'ann',
    })),
  }));
}

describe('round trips of the seeds\' relations', () => {
  it('brat, Label Studio and Web Annotation give back every relation between the seeds\' detected tags', () => {
    const documents = seedsWithRelations();
    assert.ok(documents.every((document) => (document.relations?.length ?? 0) > 10));
    for (const document of documents) {
      const [txt, ann] = exportBratDocument(document, TYPES).files;
      const brat = importBrat(txt.content, ann.content, ann.path, { importedAt: AT });
      assert.deepEqual(brat.errors, [], document.name);
      assert.deepEqual(importedRelationKeys(brat.documents[0], ['status']), exportedRelationKeys(document, ['status']), `brat ${document.name}`);
    }
    const labelStudio = importLabelStudio(exportLabelStudio(documents, TYPES).text, 'tasks.json');
    assert.deepEqual(labelStudio.errors, []);
    labelStudio.documents.forEach((document, index) => assert.deepEqual(importedRelationKeys(document, ['status', 'annotator']), exportedRelationKeys(documents[index], ['status', 'annotator']), `Label Studio ${documents[index].name}`));
    const web = importWebAnnotation(exportWebAnnotation(documents).text, 'out.jsonld');
    assert.deepEqual(web.errors, []);
    web.documents.forEach((document, index) => assert.deepEqual(importedRelationKeys(document, ['status', 'annotator']), exportedRelationKeys(documents[index], ['status', 'annotator']), `Web Annotation ${documents[index].name}`));
  });
});

describe('round trips of generated relations', () => {
  it('brat gives back every relation between tags it wrote (type, ends, status), and names the others', () => {
    fc.assert(
      fc.property(relationDocumentArbitrary, (document) => {
        const { files, notices } = exportBratDocument(document, TYPES);
        const read = importBrat(files[0].content, files[1].content, files[1].path, { importedAt: AT });
        assert.deepEqual(read.errors, []);
        const unwritten = notices.filter((notice) => notice.message.startsWith('relation ')).length;
        const back = importedRelationKeys(read.documents[0], ['status']);
        assert.equal(back.length + unwritten, document.relations?.length ?? 0);
        const sent = exportedRelationKeys(document, ['status']);
        for (const key of back) assert.ok(sent.includes(key), key);
      }),
      { numRuns: 200 },
    );
  });

  it('Label Studio gives back every relation it wrote (type, ends, the status and annotator of their annotation), and names the others', () => {
    fc.assert(
      fc.property(relationDocumentArbitrary, (document) => {
        const { text, notices } = exportLabelStudio([document], TYPES);
        const read = importLabelStudio(text, 'tasks.json');
        assert.deepEqual(read.errors, []);
        const unwritten = notices.filter((notice) => / not exported: /.test(notice.message) && notice.message.startsWith('relation ')).length;
        const back = importedRelationKeys(read.documents[0]);
        assert.equal(back.length + unwritten, document.relations?.length ?? 0);
        const sent = exportedRelationKeys(document);
        for (const key of back) assert.ok(sent.includes(key), key);
      }),
      { numRuns: 200 },
    );
  });

  it('Web Annotation gives back every relation (type, ends, status, annotator)', () => {
    fc.assert(
      fc.property(relationDocumentArbitrary, (document) => {
        const { text } = exportWebAnnotation([document]);
        const read = importWebAnnotation(text, 'out.jsonld');
        assert.deepEqual(read.errors, []);
        const back = read.documents[0] ? importedRelationKeys(read.documents[0], ['status', 'annotator']) : [];
        assert.deepEqual(back, exportedRelationKeys(document, ['status', 'annotator']));
      }),
      { numRuns: 200 },
    );
  });
});
