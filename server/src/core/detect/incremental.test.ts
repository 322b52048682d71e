import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { detectSpans } from './index';
import { IncrementalDetector } from './incremental';

const SEEDS = path.join(__dirname, '..', '..', '..', '..', 'seeds');
const seedTexts = readdirSync(SEEDS).filter((file) => file.endsWith('.txt')).sort().map((file) => readFileSync(path.join(SEEDS, file), 'utf8'));
/** All seeds in one text: many blocks, and names and words shared between them. */
const corpus = seedTexts.join('\n');

/** Where an edit goes, as fractions, so that one arbitrary value fits any text. */
interface Edit {
  kind: 'insert' | 'delete' | 'split' | 'join' | 'inSpan' | 'head';
  at: number;
  length: number;
  text: string;
}

/** Text that can start, end or change names, dates, numbers and the lowercase vocabulary. */
const INSERTIONS = [
  'e', 'x', ' ', '.', ',', '-', "'s", '\n', '\n\n', '3', '2024', 'November 4, ', 'last week', 'Monday', 'said ', ' said',
  'Rustem Umerov ', 'President ', 'Zelensky', 'Kyiv', 'drones', 'Drones', 'missiles ', 'the ', 'The ', 'Ministry of Defence',
  '$50 billion', 'three years', 'date 2025-11-05\n', 'Published: March 3, 2023\n', 'Home > News\n', 'SUBSCRIBE\n', 'in Ukrainian',
  'on June 1\n-25 ',
];

const edit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'split', 'join', 'inSpan', 'head'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.oneof(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 3000 })),
  text: fc.oneof(fc.constantFrom(...INSERTIONS), fc.string({ maxLength: 6 })),
});

function apply(text: string, { kind, at, length, text: inserted }: Edit): string {
  const position = Math.min(text.length, Math.floor(at * (text.length + 1)));
  switch (kind) {
    case 'insert':
      return text.slice(0, position) + inserted + text.slice(position);
    case 'delete':
      return text.slice(0, position) + text.slice(position + length);
    case 'split':
      return text.slice(0, position) + '\n\n' + text.slice(position);
    case 'join': {
      // Joins the paragraph at `position` with the next one.
      const lineFeed = text.indexOf('\n', position);
      if (lineFeed < 0) return text;
      let end = lineFeed;
      while (text[end] === '\n') end++;
      return text.slice(0, lineFeed) + ' ' + text.slice(end);
    }
    case 'inSpan': {
      const spans = detectSpans(text);
      if (spans.length === 0) return text;
      const span = spans[Math.min(spans.length - 1, Math.floor(at * spans.length))]!;
      const inside = span.start + (length % (span.end - span.start + 1));
      return length % 2 === 0 ? text.slice(0, inside) + inserted + text.slice(inside) : text.slice(0, inside) + text.slice(inside + 1 + (length % 3));
    }
    case 'head': {
      // The article date is read from the beginning of the text.
      const near = Math.floor(at * Math.min(text.length, 200));
      return text.slice(0, near) + inserted + text.slice(near + (length % 4));
    }
  }
}

function assertFollowsEdits(start: string, edits: readonly Edit[]): void {
  const detector = new IncrementalDetector();
  let text = start;
  assert.deepEqual(detector.detect(text), detectSpans(text));
  for (const [n, next] of edits.entries()) {
    text = apply(text, next);
    assert.deepEqual(detector.detect(text), detectSpans(text), `after edit ${n + 1}: ${JSON.stringify(next)}`);
  }
}

describe('incremental detection', () => {
  it('equals whole-document detection after random edits to each seed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...seedTexts), fc.array(edit, { minLength: 1, maxLength: 12 }), (seed, edits) => assertFollowsEdits(seed, edits)),
      { numRuns: 120 },
    );
  });

  it('equals whole-document detection after random edits to all seeds in one text', () => {
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => assertFollowsEdits(corpus, edits)), { numRuns: 60 });
  });

  it('follows a name learnt in one paragraph into the others, and its removal', () => {
    const text = `${corpus}\nDefence Minister Rustem Umerov spoke.\n\n${corpus}\nUmerov said so.\n`;
    const withoutTitle = text.replace('Defence Minister Rustem Umerov', 'Rustem Umerov');
    assertFollowsEdits(text, []);
    const detector = new IncrementalDetector();
    detector.detect(text);
    assert.deepEqual(detector.detect(withoutTitle), detectSpans(withoutTitle));
    assert.deepEqual(detector.detect(text), detectSpans(text));
  });

  it('follows names learnt far away into capitals, teams and company short names, and their removal', () => {
    // Wire copy: a headline in capitals, a dateline, a team and a company named in full only once, far away.
    const head = 'CYCLING - KOVAC AND NORVEX SHINE\n\nKYIV, Jan 5 (Reuters) - Portland had won four in a row. Norvex said so.\n';
    const tail = '\nLuka Kovac won. Denver beat Portland 5-3. Norvex Systems Inc. paid.\n';
    const text = `${head}\n${corpus}${tail}`;
    assertFollowsEdits(text, []);
    for (const removed of ['Luka Kovac won.', 'Denver beat Portland 5-3.', 'Norvex Systems Inc. paid.']) {
      const detector = new IncrementalDetector();
      detector.detect(text);
      const without = text.replace(removed, 'Nothing happened.');
      assert.deepEqual(detector.detect(without), detectSpans(without), `without "${removed}"`);
      assert.deepEqual(detector.detect(text), detectSpans(text), `with "${removed}" again`);
    }
  });

  it('re-reads relative dates when the article date changes', () => {
    const text = `date 2025-11-05\n${corpus}\nRussia attacked on Monday.\n`;
    const detector = new IncrementalDetector();
    detector.detect(text);
    const redated = text.replace('2025-11-05', '2024-02-29');
    assert.deepEqual(detector.detect(redated), detectSpans(redated));
  });

  it('combines dates that run across a line break, wherever blocks are cut', () => {
    // "June 1\n-25" is one date: on every line, so that some run across the end of a block.
    const text = corpus.split('\n').map((line) => (line === '' ? line : `${line} It began on June 1\n-25 people`)).join('\n');
    const edits: Edit[] = [0.1, 0.3, 0.5, 0.7, 0.9].map((at) => ({ kind: 'insert', at, length: 1, text: 'e' }));
    assertFollowsEdits(text, edits);
  });

  it('gives nothing for empty or binary text and recovers after it', () => {
    const detector = new IncrementalDetector();
    detector.detect(corpus);
    assert.deepEqual(detector.detect(''), []);
    assert.deepEqual(detector.detect('\u0000\u0000binary'), []);
    assert.deepEqual(detector.detect(corpus), detectSpans(corpus));
  });
});
