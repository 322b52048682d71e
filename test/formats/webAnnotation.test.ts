/**
 * The Web Annotation export read by others: every selector resolved by Apache Annotator against the
 * article, and the JSON-LD expanded by the `jsonld` package against the shipped context, offline.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { textPositionSelectorMatcher, textQuoteSelectorMatcher, type Chunk, type Chunker, type TextPositionSelector, type TextQuoteSelector } from '@apache-annotator/selector';
import jsonld from 'jsonld';
import { CodePointIndex } from '../../server/src/core/base/offsets';
import { DEFAULT_WEB_ANNOTATION_BASE, W3C_ANNOTATION_CONTEXT, WEB_ANNOTATION_CONTEXT_URL, articleIri, exportWebAnnotation } from '../../server/src/core/formats/webAnnotation';
import type { ExportDocument } from '../../server/src/core/formats/types';
import { seedDocuments, trickyDocument } from './formatArbitraries';

/** The article as Apache Annotator reads text: a chunker over chunks of strings (here, the one chunk of the whole article). */
class WholeText implements Chunker<Chunk<string>> {
  readonly currentChunk: Chunk<string>;
  constructor(text: string) {
    this.currentChunk = { data: text };
  }
  nextChunk(): null {
    return null;
  }
  previousChunk(): null {
    return null;
  }
  precedesCurrentChunk(): boolean {
    return false;
  }
}

interface Annotation {
  id: string;
  target: { source: string; selector: [TextQuoteSelector, TextPositionSelector] };
}

async function all<T>(generator: AsyncGenerator<T, void, void>): Promise<T[]> {
  const found: T[] = [];
  for await (const item of generator) found.push(item);
  return found;
}

/**
 * Resolves both selectors of every annotation with Apache Annotator. It reads a TextPositionSelector
 * in code points, as the specification counts them, and answers with a range of UTF-16 indices into
 * the chunk's string: the check converts those back to code points to compare them with the tag.
 */
async function checkSelectors(documents: ExportDocument[]): Promise<number> {
  const items: Annotation[] = JSON.parse(exportWebAnnotation(documents).text).first.items;
  const byIri = new Map(documents.map((document) => [articleIri(DEFAULT_WEB_ANNOTATION_BASE, document.name), document]));
  let checked = 0;
  for (const annotation of items) {
    const document = byIri.get(annotation.target.source)!;
    const tag = document.tags.find((candidate) => annotation.id.endsWith(`#${candidate.id}`))!;
    const index = new CodePointIndex(document.text);
    const [quote, position] = annotation.target.selector;

    const [located] = await all(textPositionSelectorMatcher(position)(new WholeText(document.text)));
    assert.equal(document.text.slice(located.startIndex, located.endIndex), tag.text, `position of ${annotation.id}`);
    assert.deepEqual([index.toCodePoint(located.startIndex), index.toCodePoint(located.endIndex)], [tag.start, tag.end]);

    const quoted = await all(textQuoteSelectorMatcher(quote)(new WholeText(document.text)));
    assert.ok(
      quoted.some((match) => match.startIndex === located.startIndex && match.endIndex === located.endIndex),
      `the quote of ${annotation.id} matches at its position`,
    );
    for (const match of quoted) assert.equal(document.text.slice(match.startIndex, match.endIndex), tag.text);
    checked++;
  }
  return checked;
}

describe('Web Annotation export read by Apache Annotator', () => {
  it('resolves every selector of a CRLF article with emoji, a flag and combining marks to the tag\'s text', async () => {
    assert.equal(await checkSelectors([trickyDocument()]), trickyDocument().tags.length);
  });

  it('resolves every selector of the seeds, tagged by the detector, to the tag\'s text', async () => {
    const documents = seedDocuments();
    assert.equal(await checkSelectors(documents), documents.reduce((sum, document) => sum + document.tags.length, 0));
  });

  it('would catch UTF-16 offsets: a position counted in UTF-16 units after an emoji resolves elsewhere', async () => {
    const document = trickyDocument();
    const kyiv = document.tags.find((tag) => tag.text === 'Kyiv')!;
    const utf16 = { type: 'TextPositionSelector' as const, start: document.text.indexOf('Kyiv'), end: document.text.indexOf('Kyiv') + 4 };
    const [located] = await all(textPositionSelectorMatcher(utf16)(new WholeText(document.text)));
    assert.notEqual(document.text.slice(located.startIndex, located.endIndex), kyiv.text);
  });
});

const OA = 'http://www.w3.org/ns/oa#';
const MARGINALIA = 'https://example.invalid/marginalia/ns#';

/** Serves the shipped W3C context and refuses every other URL: the test never touches the network. */
const requested: string[] = [];
const offlineLoader = async (url: string) => {
  requested.push(url);
  if (url !== WEB_ANNOTATION_CONTEXT_URL) throw new Error(`offline test: refused to load ${url}`);
  return { contextUrl: undefined, document: structuredClone(W3C_ANNOTATION_CONTEXT), documentUrl: url };
};

type Node = Record<string, any>;

describe('Web Annotation export expanded as JSON-LD, offline', () => {
  it('expands to the Web Annotation vocabulary: oa:hasTarget, oa:hasSelector, oa:exact, oa:start, oa:hasBody, oa:hasPurpose, and our terms', async () => {
    const document = trickyDocument();
    document.tags[0].history = [{ at: '2024-05-02T09:01:00.000Z', by: 'rev', action: 'commented', comment: 'spelling checked' }];
    const exported = JSON.parse(exportWebAnnotation([document]).text);
    const [collection] = (await jsonld.expand(exported, { documentLoader: offlineLoader as never })) as Node[];
    assert.deepEqual([...new Set(requested)], [WEB_ANNOTATION_CONTEXT_URL]);
    assert.deepEqual(collection['@type'], ['http://www.w3.org/ns/activitystreams#OrderedCollection']);
    assert.equal(collection[`${MARGINALIA}corpus`][0]['@id'], DEFAULT_WEB_ANNOTATION_BASE);
    const annotations: Node[] = collection['http://www.w3.org/ns/activitystreams#first'][0]['http://www.w3.org/ns/activitystreams#items'][0]['@list'];
    assert.equal(annotations.length, document.tags.length);

    const first = annotations[0];
    assert.deepEqual(first['@type'], [`${OA}Annotation`]);
    assert.deepEqual(first[`${OA}motivatedBy`], [{ '@id': `${OA}tagging` }]);
    const target = first[`${OA}hasTarget`][0];
    assert.equal(target[`${OA}hasSource`][0]['@id'], `${DEFAULT_WEB_ANNOTATION_BASE}tricky.txt`);
    const [quote, position] = target[`${OA}hasSelector`];
    assert.deepEqual(quote['@type'], [`${OA}TextQuoteSelector`]);
    assert.deepEqual(quote[`${OA}exact`], [{ '@value': 'Zoë' }]);
    assert.deepEqual(quote[`${OA}prefix`], [{ '@value': '' }]);
    assert.deepEqual(quote[`${OA}suffix`][0]['@value'], ' 😀 met e\u0301lan 🇺🇦 in Kyiv.\r\nThe Mi');
    assert.deepEqual(position['@type'], [`${OA}TextPositionSelector`]);
    assert.deepEqual(position[`${OA}start`], [{ '@value': 0, '@type': 'http://www.w3.org/2001/XMLSchema#nonNegativeInteger' }]);
    assert.deepEqual(position[`${OA}end`], [{ '@value': 3, '@type': 'http://www.w3.org/2001/XMLSchema#nonNegativeInteger' }]);

    const [label, comment] = first[`${OA}hasBody`];
    assert.deepEqual(label[`${OA}hasPurpose`], [{ '@id': `${OA}tagging` }]);
    assert.deepEqual(label['http://www.w3.org/1999/02/22-rdf-syntax-ns#value'], [{ '@value': 'PERSON' }]);
    assert.deepEqual(comment[`${OA}hasPurpose`], [{ '@id': `${OA}commenting` }]);
    assert.deepEqual(first['http://purl.org/dc/terms/creator'][0]['http://xmlns.com/foaf/0.1/name'], [{ '@value': 'ann' }]);

    assert.deepEqual(first[`${MARGINALIA}status`], [{ '@value': 'accepted' }]);
    const [step] = first[`${MARGINALIA}history`][0]['@list'];
    assert.deepEqual(step[`${MARGINALIA}at`], [{ '@value': '2024-05-02T09:01:00.000Z', '@type': 'http://www.w3.org/2001/XMLSchema#dateTime' }]);
    assert.deepEqual(step[`${MARGINALIA}comment`], [{ '@value': 'spelling checked' }]);
    const proposal = annotations[1];
    assert.deepEqual(proposal[`${MARGINALIA}score`], [{ '@value': 0.75 }]);
    assert.deepEqual(proposal['http://purl.org/dc/terms/creator'][0]['@type'], ['http://www.w3.org/ns/activitystreams#Application']);
  });

  it('leaves no term unmapped: every key of every expanded node is an absolute IRI or a keyword', async () => {
    const exported = JSON.parse(exportWebAnnotation(seedDocuments().slice(0, 1)).text);
    const expanded = await jsonld.expand(exported, { documentLoader: offlineLoader as never });
    const keys = new Set<string>();
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value !== null && typeof value === 'object') {
        for (const [key, inner] of Object.entries(value)) {
          keys.add(key);
          if (key !== '@value') walk(inner);
        }
      }
    };
    walk(expanded);
    for (const key of keys) assert.match(key, /^(@[a-z]+|https?:\/\/\S+)$/, `expanded key ${key}`);
    assert.ok(keys.has(`${OA}exact`) && keys.has(`${MARGINALIA}kind`));
  });

  it('expands a relation to an oa:linking annotation whose targets are its two tag annotations, with the direction as IRIs of our terms', async () => {
    const document = trickyDocument();
    document.relations = [{ id: 'r-1', type: 'PART_OF', from: 't-1', to: 't-5', status: 'accepted', annotator: 'ann', created: '2024-05-01T12:00:00.000Z', modified: '2024-05-01T12:00:00.000Z' }];
    const exported = JSON.parse(exportWebAnnotation([document]).text);
    const [collection] = (await jsonld.expand(exported, { documentLoader: offlineLoader as never })) as Node[];
    const annotations: Node[] = collection['http://www.w3.org/ns/activitystreams#first'][0]['http://www.w3.org/ns/activitystreams#items'][0]['@list'];
    assert.equal(annotations.length, document.tags.length + 1);
    const link = annotations.find((annotation) => annotation['@id'].endsWith('#r-1'))!;
    const tagIri = (id: string) => `${DEFAULT_WEB_ANNOTATION_BASE}tricky.txt#${id}`;
    assert.deepEqual(link[`${OA}motivatedBy`], [{ '@id': `${OA}linking` }]);
    assert.deepEqual(link[`${OA}hasTarget`], [{ '@id': tagIri('t-1') }, { '@id': tagIri('t-5') }]);
    const [body] = link[`${OA}hasBody`];
    assert.deepEqual(body[`${OA}hasPurpose`], [{ '@id': `${OA}linking` }]);
    assert.deepEqual(body['http://www.w3.org/1999/02/22-rdf-syntax-ns#value'], [{ '@value': 'PART_OF' }]);
    assert.deepEqual(link[`${MARGINALIA}fromTag`], [{ '@id': tagIri('t-1') }]);
    assert.deepEqual(link[`${MARGINALIA}toTag`], [{ '@id': tagIri('t-5') }]);
    // The targets are the tag annotations themselves, by the ids they expand to.
    for (const target of link[`${OA}hasTarget`]) assert.ok(annotations.some((annotation) => annotation['@id'] === target['@id']), target['@id']);
  });

  it('the loader really is offline: a context at any other URL fails to expand', async () => {
    await assert.rejects(jsonld.expand({ '@context': 'https://example.org/other.jsonld', name: 'x' }, { documentLoader: offlineLoader as never }), /Dereferencing a URL did not result/);
    assert.ok(requested.includes('https://example.org/other.jsonld'), 'asked our loader, which refused');
  });
});
