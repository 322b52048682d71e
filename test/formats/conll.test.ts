/**
 * CoNLL-2003 / IOB against real consumers (issue 16): NLTK's ConllCorpusReader reads our export and
 * sees the same tokens and chunks; a conlleval implementation (test/support/conlleval.ts) scores an
 * export against itself and against a perturbed copy with figures computed by hand; and export →
 * import gives back the same spans and labels over the seeds, the gold set and generated documents.
 *
 * NLTK comes from Debian (python3-nltk, installed by scripts/setup-test-deps.sh) and runs with
 * /usr/bin/python3: a python3 found first on PATH, such as pyenv's, does not see Debian's
 * dist-packages. Without it the NLTK test fails in CI (CI=true) and is skipped, saying why, elsewhere.
 */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { detect } from '../../server/src/core/detect';
import { exportConll, exportConllDocument, importConll, type ConllScheme } from '../../server/src/core/formats/conll';
import type { ExportDocument, FormatTag } from '../../server/src/core/formats/types';
import { conlleval, pairExports } from '../support/conlleval';
import { loadGoldSet } from '../support/goldSet';
import { PROJECT_ROOT } from '../support/projectRoot';

const DEBIAN_PYTHON = '/usr/bin/python3';
const NLTK_MISSING = `NLTK is not importable by ${DEBIAN_PYTHON}; install Debian's python3-nltk (bash scripts/setup-test-deps.sh as root, or apt-get install -y python3-nltk)`;
const SCHEMES: readonly ConllScheme[] = ['iob1', 'iob2', 'bioes'];

const codePoints = (text: string) => [...text];

/** A tag on the first appearance of `covered` at or after `from` (a UTF-16 offset), in code points. */
function tagOn(text: string, covered: string, label: string, from = 0): FormatTag {
  const at = text.indexOf(covered, from);
  assert.ok(at >= 0, `${covered} not in the text`);
  const start = codePoints(text.slice(0, at)).length;
  return { start, end: start + codePoints(covered).length, text: covered, label };
}

function seedDocuments(): ExportDocument[] {
  const folder = path.join(PROJECT_ROOT, 'seeds');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => {
      const text = readFileSync(path.join(folder, name), 'utf8');
      return { name, text, tags: detect(text).map((d) => ({ start: d.start, end: d.end, text: d.text, label: d.label })) };
    });
}

function goldDocuments(): ExportDocument[] {
  return loadGoldSet().map((article) => ({
    name: article.name,
    text: article.text,
    tags: article.spans.map((span) => ({ ...span, text: codePoints(article.text).slice(span.start, span.end).join('') })),
  }));
}

/** Articles with what offsets trip over: emoji (astral, ZWJ, skin tone, flag), combining marks, CRLF. */
const hardText = '🏆 Cafe\u0301 Noe\u0308l of Kyiv\u2019s 👩‍💻 team met “Anna Smith” in New\r\nYork.\r\nThe 🇺🇦 EU (Brussels) paid $5 billion 👍🏽 on Monday.';
const hardDocument: ExportDocument = {
  name: 'hard.txt',
  text: hardText,
  tags: [
    tagOn(hardText, 'Cafe\u0301 Noe\u0308l', 'ORG'),
    tagOn(hardText, 'Kyiv', 'GPE'),
    tagOn(hardText, 'Anna Smith', 'PERSON'),
    tagOn(hardText, 'New\r\nYork', 'GPE'),
    tagOn(hardText, 'EU', 'ORG'),
    tagOn(hardText, 'Brussels', 'GPE'),
    tagOn(hardText, '$5 billion', 'MONEY'),
    tagOn(hardText, 'Monday', 'DATE'),
  ],
};

/** The tags CoNLL writes, computed here independently: the outer of overlapping tags, earlier and longer first. */
function writtenTags(document: ExportDocument): FormatTag[] {
  const sorted = [...document.tags].sort((a, b) => a.start - b.start || b.end - a.end || a.label.localeCompare(b.label));
  const kept: FormatTag[] = [];
  for (const tag of sorted) {
    if (kept.length === 0 || tag.start >= kept[kept.length - 1].end) kept.push(tag);
  }
  return kept.filter((tag) => /\S/u.test(codePoints(document.text).slice(tag.start, tag.end).join('')));
}

/** A text without white space, and where each of its code points was in the text. */
function ink(text: string): { ink: string[]; at: number[] } {
  const result = { ink: [] as string[], at: [] as number[] };
  codePoints(text).forEach((character, i) => {
    if (!/[\s\x1c-\x1f\x85]/u.test(character)) {
      result.ink.push(character);
      result.at.push(i);
    }
  });
  return result;
}

/** A span trimmed of white space at both ends, as ink positions (index of first and last + 1). */
function inkSpan(text: string, start: number, end: number): [number, number] {
  const { at } = ink(text);
  const first = at.findIndex((position) => position >= start);
  let last = at.length;
  for (let i = at.length - 1; i >= 0; i--) if (at[i] < end) { last = i + 1; break; }
  return [first, last];
}

/**
 * Export → import: the imported article has the same characters but white space, and each written tag
 * comes back over the same characters with the same label; tags that overlap no other are all written.
 */
function assertRoundTrip(documents: readonly ExportDocument[], scheme: ConllScheme): void {
  const exported = exportConll(documents, { scheme });
  const imported = importConll(exported.text, 'round-trip.conll');
  assert.deepEqual(imported.errors, []);
  assert.equal(imported.documents.length, documents.length);
  documents.forEach((document, d) => {
    const back = imported.documents[d];
    assert.deepEqual(ink(back.text!).ink, ink(document.text).ink, `${document.name}: the same characters but white space`);
    const expected = writtenTags(document).map((tag) => [...inkSpan(document.text, tag.start, tag.end), tag.label]);
    const actual = back.tags.map((tag) => [...inkSpan(back.text!, tag.start, tag.end), tag.label]);
    assert.deepEqual(actual, expected, `${document.name} (${scheme}): the same spans and labels`);
    for (const tag of back.tags) assert.equal(codePoints(back.text!).slice(tag.start, tag.end).join(''), tag.text);
    const alone = document.tags.filter((tag) => !document.tags.some((other) => other !== tag && other.start < tag.end && tag.start < other.end));
    for (const tag of alone) {
      if (/\S/u.test(tag.text)) assert.ok(expected.some(([start, end]) => start === inkSpan(document.text, tag.start, tag.end)[0] && end === inkSpan(document.text, tag.start, tag.end)[1]));
    }
  });
}

describe('CoNLL read by NLTK', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'marginalia-conll-'));
  after(() => rmSync(folder, { recursive: true, force: true }));

  for (const scheme of ['iob1', 'iob2'] as const) {
    it(`gives NLTK's ConllCorpusReader the same tokens and chunks (${scheme.toUpperCase()}; NLTK reads no BIOES)`, (t) => {
      const probe = spawnSync(DEBIAN_PYTHON, ['-c', 'import nltk'], { encoding: 'utf8' });
      if (probe.status !== 0) {
        if (process.env.CI === 'true') assert.fail(NLTK_MISSING);
        t.skip(NLTK_MISSING);
        return;
      }
      const documents = [...seedDocuments(), hardDocument, { name: 'empty.txt', text: '', tags: [] }];
      const { text } = exportConll(documents, { scheme });
      writeFileSync(path.join(folder, `${scheme}.conll`), text, 'utf8');
      const run = spawnSync(DEBIAN_PYTHON, [path.join(__dirname, 'conll_nltk.py'), folder, `${scheme}.conll`], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      assert.equal(run.status, 0, run.stderr);
      const sentences = JSON.parse(run.stdout) as Array<{ tokens: string[]; chunks: Array<[string, number, number]> }>;

      // An empty sentence where each document starts (NLTK drops the -DOCSTART- row, keeps its block).
      const byDocument: Array<typeof sentences> = [];
      for (const sentence of sentences) {
        if (sentence.tokens.length === 0) byDocument.push([]);
        else byDocument[byDocument.length - 1].push(sentence);
      }
      assert.equal(byDocument.length, documents.length);
      documents.forEach((document, d) => {
        const tokens = byDocument[d].flatMap((sentence) => sentence.tokens);
        assert.deepEqual(codePoints(tokens.join('')), ink(document.text).ink, `${document.name}: NLTK's tokens are the article's characters but white space`);
        const chunks = byDocument[d].flatMap((sentence) => sentence.chunks.map(([label, first, last]) => [label, sentence.tokens.slice(first, last).join('')]));
        const expected = writtenTags(document).map((tag) => [tag.label, tag.text.replace(/[\s\x1c-\x1f\x85]/gu, '')]);
        assert.deepEqual(chunks, expected, `${document.name}: NLTK's chunks are the tags`);
      });
    });
  }
});

describe('CoNLL scored by conlleval', () => {
  // Two ORGs side by side ("Meta Google"), where IOB1 writes B-: merging them must cost two chunks.
  const text = 'John Smith met Anna Lee of Acme Corp and Meta Google in New York and Paris on Monday.';
  const gold: ExportDocument = {
    name: 'fixture.txt',
    text,
    tags: [
      tagOn(text, 'John Smith', 'PERSON'),
      tagOn(text, 'Anna Lee', 'PERSON'),
      tagOn(text, 'Acme Corp', 'ORG'),
      tagOn(text, 'Meta', 'ORG'),
      tagOn(text, 'Google', 'ORG'),
      tagOn(text, 'New York', 'GPE'),
      tagOn(text, 'Paris', 'GPE'),
      tagOn(text, 'Monday', 'DATE'),
    ],
  };
  // Right: John Smith, Acme Corp, Paris. Wrong: "Anna" (too short), "Meta Google" (merged), New York
  // as LOC (wrong label). Missed: Monday.
  const guessed: ExportDocument = {
    ...gold,
    tags: [
      tagOn(text, 'John Smith', 'PERSON'),
      tagOn(text, 'Anna', 'PERSON'),
      tagOn(text, 'Acme Corp', 'ORG'),
      tagOn(text, 'Meta Google', 'ORG'),
      tagOn(text, 'New York', 'LOC'),
      tagOn(text, 'Paris', 'GPE'),
    ],
  };

  for (const scheme of SCHEMES) {
    it(`gives the hand-computed figures for a perturbed copy (${scheme.toUpperCase()}): P 3/6, R 3/8, F1 2PR/(P+R)`, () => {
      const scores = conlleval(pairExports(exportConllDocument(gold, { scheme }).text, exportConllDocument(guessed, { scheme }).text));
      assert.deepEqual([scores.correctChunks, scores.foundGuessed, scores.foundCorrect], [3, 6, 8]);
      assert.equal(scores.precision.toFixed(2), '50.00');
      assert.equal(scores.recall.toFixed(2), '37.50');
      assert.equal(scores.f1.toFixed(2), '42.86');
      assert.deepEqual(
        Object.fromEntries(Object.entries(scores.byType).map(([type, figures]) => [type, [figures.precision.toFixed(2), figures.recall.toFixed(2)]])),
        { DATE: ['0.00', '0.00'], GPE: ['100.00', '50.00'], LOC: ['0.00', '0.00'], ORG: ['50.00', '33.33'], PERSON: ['50.00', '50.00'] },
      );
    });

    it(`scores an export against itself 100/100/100 over the seeds, the gold set and hard text (${scheme.toUpperCase()})`, () => {
      const { text: exported } = exportConll([...seedDocuments(), ...goldDocuments(), hardDocument], { scheme });
      const scores = conlleval(pairExports(exported, exported));
      assert.ok(scores.foundCorrect > 100, `only ${scores.foundCorrect} chunks`);
      assert.deepEqual([scores.precision, scores.recall, scores.f1], [100, 100, 100]);
    });
  }
});

describe('CoNLL round trips', () => {
  for (const scheme of SCHEMES) {
    it(`export → import gives back the same spans and labels over the seeds (detector's tags), the gold set and hard text (${scheme.toUpperCase()})`, () => {
      assertRoundTrip([...seedDocuments(), ...goldDocuments(), hardDocument, { name: 'empty.txt', text: '', tags: [] }], scheme);
    });
  }

  it('exporting an imported article again gives back the same CoNLL lines (same tokens, sentences and entities)', () => {
    for (const scheme of SCHEMES) {
      const first = exportConll([...seedDocuments(), ...goldDocuments(), hardDocument], { scheme }).text;
      const imported = importConll(first, 'first.conll');
      const again = exportConll(
        imported.documents.map((document, i) => ({ name: `${i}`, text: document.text!, tags: document.tags })),
        { scheme },
      ).text;
      assert.equal(again, first);
    }
  });

  const piece = fc.constantFrom(
    'Kyiv', 'Anna', 'Smith', 'U.S.', 'Mr.', "Kyiv's", "don't", '3.5', '1,000', 'York-based', 'Cafe\u0301', 'Noe\u0308l', '😀', '👩‍💻', '👍🏽', '🇺🇦',
    '.', ',', '(', ')', '“', '”', '"', '$', '%', '...', '—', 'a', 'The', '\u0301',
  );
  const separator = fc.constantFrom(' ', ' ', ' ', '', '\n', '\r\n', '  ', '\t', '\u00a0');
  const documentArbitrary = fc
    .array(fc.tuple(piece, separator), { minLength: 0, maxLength: 40 })
    .map((parts) => parts.map(([word, space]) => word + space).join(''))
    .chain((text) => {
      const length = codePoints(text).length;
      const span = fc.tuple(fc.nat(Math.max(0, length - 1)), fc.integer({ min: 1, max: 12 }), fc.constantFrom('PERSON', 'GPE', 'ORG', 'MONEY', 'DATE'));
      return fc.array(span, { maxLength: length === 0 ? 0 : 6 }).map((spans) => ({
        name: 'generated.txt',
        text,
        tags: spans.map(([start, size, label]) => {
          const end = Math.min(length, start + size);
          return { start, end, label, text: codePoints(text).slice(start, end).join('') };
        }),
      }));
    });

  it('export → import gives back the same spans and labels for generated documents (emoji, combining marks, CRLF, tags cutting tokens, overlaps), and exporting again the same lines', () => {
    fc.assert(
      fc.property(fc.array(documentArbitrary, { minLength: 1, maxLength: 3 }), fc.constantFrom(...SCHEMES), (documents, scheme) => {
        assertRoundTrip(documents, scheme);
        const first = exportConll(documents, { scheme }).text;
        const imported = importConll(first, 'first.conll');
        const again = exportConll(imported.documents.map((document, i) => ({ name: `${i}`, text: document.text!, tags: document.tags })), { scheme }).text;
        assert.equal(again, first, 'a second export gives the same tokens, sentences and entities');
      }),
      { numRuns: 300 },
    );
  });
});
