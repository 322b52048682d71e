import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { documentArbitrary, seedDocuments, trickyDocument } from '../../../../test/formats/formatArbitraries';
import { WebAnnotationWriter, exportWebAnnotation, importWebAnnotation } from './webAnnotation';
import type { ExportDocument, FormatTag } from './types';

/** What the format carries of a tag: everything but discontinuous fragments. */
const carried = (tag: FormatTag) => {
  const { fragments: _fragments, ...rest } = tag;
  return rest;
};

function roundTrip(documents: ExportDocument[], options = {}) {
  const exported = exportWebAnnotation(documents, options);
  assert.deepEqual(exported.notices, []);
  const imported = importWebAnnotation(exported.text, 'out.jsonld', options);
  assert.deepEqual(imported.errors, []);
  assert.deepEqual(imported.warnings, []);
  const expected = documents.filter((document) => document.tags.length > 0).map((document) => ({ name: document.name, tags: document.tags.map(carried) }));
  assert.deepEqual(
    imported.documents.map((document) => ({ name: document.name, tags: document.tags })),
    expected,
  );
  return exported.text;
}

describe('Web Annotation export', () => {
  it('writes one annotation a tag, a line each, with code point selectors and 32 code points of context', () => {
    const document = trickyDocument();
    const { text, notices } = exportWebAnnotation([document]);
    assert.deepEqual(notices, []);
    const lines = text.trimEnd().split('\n');
    assert.equal(lines.length, document.tags.length + 2, 'a header line, one line an annotation, a footer line');
    const collection = JSON.parse(text);
    assert.equal(collection.type, 'AnnotationCollection');
    assert.equal(collection.total, document.tags.length);
    const kyiv = collection.first.items.find((item: { id: string }) => item.id.endsWith('#t-3'));
    const [quote, position] = kyiv.target.selector;
    // 22 code points before "Kyiv": the emoji counts 1 (2 UTF-16 units), the flag 2 (4 units), "e" + combining acute 2.
    assert.deepEqual(position, { type: 'TextPositionSelector', start: 22, end: 26 });
    assert.deepEqual(quote, { type: 'TextQuoteSelector', exact: 'Kyiv', prefix: 'Zoë 😀 met e\u0301lan 🇺🇦 in ', suffix: '.\r\nThe Ministry said $5 billion ' });
    assert.equal(Array.from(quote.suffix).length, 32);
    assert.deepEqual(kyiv.body, [{ type: 'TextualBody', purpose: 'tagging', value: 'GPE' }]);
    assert.equal(kyiv['marginalia:status'], 'approved');
    const proposal = collection.first.items.find((item: { id: string }) => item.id.endsWith('#t-2'));
    assert.deepEqual(proposal.creator, { type: 'Software', name: 'model-x' });
    assert.equal(proposal['marginalia:score'], 0.75);
  });

  it('writes review comments as commenting bodies and the whole history as marginalia:history', () => {
    const history = [
      { at: '2024-05-02T09:00:00.000Z', by: 'rev', action: 'relabelled', from: 'ORG', to: 'PERSON' },
      { at: '2024-05-02T09:01:00.000Z', by: 'rev', action: 'commented', comment: 'a "name", not a body' },
    ];
    const document: ExportDocument = { name: 'a.txt', text: 'Umerov said', tags: [{ id: 'x', start: 0, end: 6, text: 'Umerov', label: 'PERSON', history }] };
    const annotation = JSON.parse(exportWebAnnotation([document]).text).first.items[0];
    assert.deepEqual(annotation.body[1], { type: 'TextualBody', purpose: 'commenting', value: 'a "name", not a body', creator: { type: 'Person', name: 'rev' }, created: '2024-05-02T09:01:00.000Z' });
    assert.deepEqual(annotation['marginalia:history'][0], { 'marginalia:at': history[0].at, 'marginalia:by': 'rev', 'marginalia:action': 'relabelled', 'marginalia:from': 'ORG', 'marginalia:to': 'PERSON' });
  });

  it('names a tag whose text is not at its offsets, or whose offsets are past the end, and leaves it out', () => {
    const document: ExportDocument = {
      name: 'a.txt',
      text: 'Umerov said',
      tags: [
        { id: 'gone', start: 0, end: 6, text: 'Zelens', label: 'PERSON' },
        { id: 'past', start: 7, end: 40, text: 'said', label: 'PERSON' },
        { id: 'ok', start: 7, end: 11, text: 'said', label: 'EVENT' },
      ],
    };
    const { text, notices } = exportWebAnnotation([document]);
    assert.deepEqual(
      notices.map((notice) => [notice.document, /^tag (\S+)/.exec(notice.message)?.[1]]),
      [
        ['a.txt', 'gone'],
        ['a.txt', 'past'],
      ],
    );
    assert.equal(JSON.parse(text).first.items.length, 1);
  });

  it('streams: header, documents and footer written apart make the same file as the whole export', () => {
    const documents = [trickyDocument(), { name: 'empty.txt', text: 'nothing', tags: [] }, { ...trickyDocument(), name: 'again.txt' }];
    const writer = new WebAnnotationWriter();
    const streamed = writer.header() + documents.map((document) => writer.document(document).text).join('') + writer.footer();
    assert.equal(streamed, exportWebAnnotation(documents).text);
    assert.equal(JSON.parse(streamed).total, 10);
  });

  it('writes a file that parses with no annotation at all', () => {
    assert.deepEqual(JSON.parse(exportWebAnnotation([]).text).first.items, []);
  });
});

describe('Web Annotation round trip', () => {
  it('gives back the tags of a CRLF article with emoji and combining marks', () => {
    roundTrip([trickyDocument()]);
  });

  it('gives back the detector\'s tags over the seeds', () => {
    const documents = seedDocuments();
    assert.ok(documents.reduce((sum, document) => sum + document.tags.length, 0) > 100);
    roundTrip(documents);
  });

  it('gives back generated tags (any label, status, annotator, score, history) under any base', () => {
    fc.assert(
      fc.property(fc.array(documentArbitrary, { maxLength: 3 }), fc.constantFrom(undefined, 'file:///corpus%20one/', 'https://example.org/news/'), (documents, base) => {
        // Article names are unique in a corpus.
        const unique = documents.map((document, index) => ({ ...document, name: `${index}/${document.name}` }));
        roundTrip(unique, base === undefined ? {} : { base });
      }),
      { numRuns: 150 },
    );
  });

  it('reads the base from the collection when none is given', () => {
    const text = exportWebAnnotation([trickyDocument()], { base: 'file:///srv/news/' }).text;
    assert.equal(importWebAnnotation(text, 'out.jsonld').documents[0].name, 'tricky.txt');
  });

  it('reads a comment body another client added as a comment step', () => {
    const collection = JSON.parse(exportWebAnnotation([trickyDocument()]).text);
    const annotation = collection.first.items[0];
    annotation.body.push({ type: 'TextualBody', purpose: 'commenting', value: 'check the spelling', creator: { name: 'cat' }, created: '2024-06-01T00:00:00.000Z' });
    const tag = importWebAnnotation(JSON.stringify(collection), 'x.jsonld').documents[0].tags[0];
    assert.deepEqual(tag.history, [{ at: '2024-06-01T00:00:00.000Z', by: 'cat', action: 'commented', comment: 'check the spelling' }]);
  });
});

describe('Web Annotation import of bad input', () => {
  const exported = () => exportWebAnnotation([trickyDocument()]).text.split('\n');

  it('names the file and line of a JSON syntax error', () => {
    const lines = exported();
    lines[3] = lines[3].replace('"type"', '"type" oops');
    const result = importWebAnnotation(lines.join('\n'), 'bad.jsonld');
    assert.equal(result.errors.length, 1);
    assert.equal(result.errors[0].document, 'bad.jsonld');
    assert.equal(result.errors[0].line, 4);
    assert.deepEqual(result.documents, []);
  });

  it('names the line of an annotation whose quote does not fit its position, or that has no label, or an unknown status', () => {
    const lines = exported();
    const edit = (index: number, change: (annotation: Record<string, any>) => void) => {
      const comma = lines[index].endsWith(',');
      const annotation = JSON.parse(comma ? lines[index].slice(0, -1) : lines[index]);
      change(annotation);
      lines[index] = JSON.stringify(annotation) + (comma ? ',' : '');
    };
    edit(1, (annotation) => (annotation.target.selector[1].end += 1));
    edit(2, (annotation) => (annotation.body = []));
    edit(3, (annotation) => (annotation['marginalia:status'] = 'maybe'));
    edit(4, (annotation) => delete annotation.target.selector);
    const result = importWebAnnotation(lines.join('\n'), 'bad.jsonld');
    assert.deepEqual(
      result.errors.map((error) => [error.document, error.line]),
      [
        ['bad.jsonld', 2],
        ['bad.jsonld', 3],
        ['bad.jsonld', 4],
        ['bad.jsonld', 5],
      ],
    );
    assert.match(result.errors[0].message, /has 3 characters but the position 0\.\.4 covers 4/);
    assert.match(result.errors[1].message, /purpose "tagging"/);
    assert.match(result.errors[2].message, /unknown marginalia:status "maybe"/);
    assert.match(result.errors[3].message, /TextPositionSelector/);
  });

  it('refuses what is not a Web Annotation document, and a target outside the base', () => {
    assert.match(importWebAnnotation('{"hello": 1}', 'x.json').errors[0].message, /AnnotationCollection/);
    const text = exportWebAnnotation([trickyDocument()]).text;
    const result = importWebAnnotation(text, 'x.jsonld', { base: 'file:///elsewhere/' });
    assert.equal(result.errors.length, trickyDocument().tags.length);
    assert.match(result.errors[0].message, /not an article under "file:\/\/\/elsewhere\/"/);
  });
});
