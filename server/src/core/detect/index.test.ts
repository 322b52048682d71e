import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { detect, detectSpans } from './index';
import type { Detection } from './shared/detection';
import { kindOf } from '../base/labels';

const SEEDS = path.join(__dirname, '..', '..', '..', '..', 'seeds');
const seedTexts = readdirSync(SEEDS).filter((file) => file.endsWith('.txt')).map((file) => readFileSync(path.join(SEEDS, file), 'utf8'));

/** The contract every caller relies on, whatever the input. */
function assertWellFormed(text: string, detections: readonly Detection[]): void {
  const characters = [...text];
  const lastEndByKind = new Map<string, number>();
  let previousStart = 0;
  for (const detection of detections) {
    assert.ok(detection.start >= previousStart, 'sorted by start');
    previousStart = detection.start;
    assert.ok(detection.start < detection.end && detection.end <= characters.length, 'inside the text');
    assert.equal(characters.slice(detection.start, detection.end).join(''), detection.text, 'text matches offsets');
    assert.equal(detection.kind, kindOf(detection.label));
    assert.ok(detection.confidence > 0 && detection.confidence <= 1);
    assert.ok(detection.start >= (lastEndByKind.get(detection.kind) ?? 0), `no overlap within ${detection.kind}`);
    lastEndByKind.set(detection.kind, detection.end);
  }
}

describe('detect', () => {
  it('finds all three kinds in a news sentence', () => {
    const found = detect('On November 4, President Volodymyr Zelensky said Ukraine would build 800 drones.');
    const byText = new Map(found.map((detection) => [detection.text, detection.label]));
    assert.equal(byText.get('November 4'), 'DATE');
    assert.equal(byText.get('Volodymyr Zelensky'), 'PERSON');
    assert.equal(byText.get('Ukraine'), 'GPE');
    assert.equal(byText.get('800'), 'CARDINAL');
  });

  it('does not count the day of a date as a number', () => {
    const found = detect('The attack came on November 4.');
    assert.ok(!found.some((detection) => detection.kind === 'number'));
  });

  it('resolves relative dates against the article date in its first line', () => {
    const found = detect('date 2025-11-05\nRussia attacked on Monday.');
    const monday = found.find((detection) => detection.text === 'Monday');
    assert.deepEqual(monday?.value, { type: 'date', iso: '2025-11-03' });
  });

  it('resolves relative dates against the caller reference date when the article has none', () => {
    const found = detect('Russia attacked on Monday.', { referenceDate: '2025-11-05' });
    assert.equal(found.find((detection) => detection.text === 'Monday')?.value?.type, 'date');
  });

  it('keeps offsets right after emoji and in CRLF text', () => {
    const text = '🇺🇦🔥 Kyiv\r\nPresident Volodymyr Zelensky met 𝕏 executives in Poland.\r\n';
    const found = detect(text);
    assertWellFormed(text, found);
    assert.ok(found.some((detection) => detection.text === 'Volodymyr Zelensky'));
  });

  it('returns the same spans in UTF-16 for the language server', () => {
    const text = '😀 Volodymyr Zelensky visited Poland.';
    const spans = detectSpans(text);
    const person = spans.find((span) => span.label === 'PERSON')!;
    assert.equal(text.slice(person.start, person.end), 'Volodymyr Zelensky');
  });

  it('yields nothing for empty, binary or non-string input, without throwing', () => {
    assert.deepEqual(detect(''), []);
    assert.deepEqual(detect('\u0000\u0001PNG\u0000\u0000IHDR Poland'), []);
    assert.deepEqual(detect(undefined as unknown as string), []);
  });

  it('never throws and always returns well-formed detections, whatever the text', () => {
    const newsy = fc.constantFrom('Poland', ' ', '\r\n', 'Zelensky', '$', '5', '%', 'Monday', '😀', '\ud800', 'May', ',', '.', 'Mr.', '-', 'th');
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.array(newsy).map((parts) => parts.join(''))), (text) => {
        assertWellFormed(text, detect(text));
      }),
      { numRuns: 300 },
    );
  });

  it('handles every seed article and a 3 MB article built from them', () => {
    for (const text of seedTexts) assertWellFormed(text, detect(text));
    const big = seedTexts.join('\n').repeat(Math.ceil(3e6 / seedTexts.join('\n').length));
    assert.ok(detect(big).length > 1000);
  });

  it('survives text with no spaces, all capitals, or one very long line', () => {
    for (const text of ['A'.repeat(200_000), 'UKRAINE AND POLAND SIGNED A DEAL ON MONDAY WORTH $5 BILLION', '1,'.repeat(50_000)]) {
      assertWellFormed(text, detect(text));
    }
  });
});
