import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { anchorsOf } from '../numbers/anchors';
import { utf16Units } from '../shared/utf16Units';
import { forEachTrigger, RULES, triggerStarts, triggerStartsOfHead } from './triggers';

const ROOT = path.join(__dirname, '..', '..', '..', '..', '..');
const NEWS = ['seeds', path.join('test', 'fixtures', 'gold')].flatMap((folder) =>
  readdirSync(path.join(ROOT, folder)).filter((file) => file.endsWith('.txt') && !file.endsWith('.spans.txt')).sort()
    .map((file) => readFileSync(path.join(ROOT, folder, file), 'utf8')));

function assertHeadStartsAsReadAlone(text: string, length: number): void {
  const head = text.slice(0, length);
  const headUnits = utf16Units(head);
  assert.deepEqual(triggerStartsOfHead(triggerStarts(text, utf16Units(text)), head, headUnits), triggerStarts(head, headUnits), `head of ${length}: …${head.slice(-30)}`);
}

describe('trigger positions of a head', () => {
  it('are those of the head read alone, wherever the head ends: inside a word, after an apostrophe, on a digit', () => {
    // Few digits, so that digit starts are listed rather than given up on.
    const filler = 'Words without figures. '.repeat(40);
    const text = `${filler}In the '90s, on March 3 2024, the report came after Monday's vote (not Marching).${filler}`;
    for (let length = filler.length; length <= filler.length + 90; length++) assertHeadStartsAsReadAlone(text, length);
    assertHeadStartsAsReadAlone(`${filler}Back in '9`, filler.length + 9);
    assertHeadStartsAsReadAlone(`${filler}Marcher`, filler.length + 4);
  });

  it('are those of the head read alone in news, and in digit-dense tables where digits are given up on', () => {
    const table = 'Team 25 18 5 2 58 21 59\n'.repeat(200);
    for (const text of [...NEWS, table, `${'Words without figures. '.repeat(200)}${table}`]) {
      for (const length of [1, 7, 150, 999, 3000, 3001, Math.floor(text.length / 2)]) assertHeadStartsAsReadAlone(text, Math.min(length, text.length));
    }
  });
});

describe('number anchors found with the trigger positions', () => {
  const assertAnchorsAsFoundAlone = (text: string): void => {
    const units = utf16Units(text);
    const found = triggerStarts(text, units, true).numberAnchors;
    // A Kelvin sign or a "İ" is read otherwise by the number detector, which then finds its anchors itself.
    if (/[\u212a\u0130]/.test(text)) assert.equal(found, undefined);
    else assert.deepEqual(found, anchorsOf(text, units), text.slice(0, 80));
  };

  it('are those the number detector finds alone, in news and in any mix of words, digits, signs and odd letters', () => {
    for (const text of NEWS) assertAnchorsAsFoundAlone(text);
    assertAnchorsAsFoundAlone('Twenty_one $5, €3bn, thirty2 x_9 ONE hundred, 1,000.5 a\u212a 3 \u0130stanbul');
    const pieces = ['one', 'Twenty', 'HUNDRED', 'thirds', 'a', 'x', '_', '7', '1,5', '$', '€', '£', ' ', '\n', '-', "'", '’', '\u212a', '\u0130', 'é', '\ud83d\ude00'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => assertAnchorsAsFoundAlone(parts.join(''))), { numRuns: 2000 });
  });
});

describe('trigger matches at the positions the pass finds', () => {
  /** Every rule's matches by forEachTrigger, and by a global scan of its trigger over the whole text. */
  const assertMatchesAsScanned = (text: string): void => {
    const starts = triggerStarts(text, utf16Units(text), true);
    RULES.forEach((rule, index) => {
      const found: [number, string][] = [];
      forEachTrigger(index, text, starts, { found: (match) => found.push([match.index, match[0]]) });
      const scan = new RegExp(rule.trigger.source, 'g');
      assert.deepEqual(found, [...text.matchAll(scan)].map((match) => [match.index, match[0]]), `rule ${index} in ${JSON.stringify(text.slice(0, 80))}`);
    });
  };

  it('are those of a scan of the whole text, in news and whatever the case of the start words', () => {
    for (const text of NEWS) assertMatchesAsScanned(text);
    // Start words in other cases ("may", "MAY", "monday") are looked up as written, and missed as the regexes miss them.
    const pieces = ['May', 'may', 'MAY', 'March', 'march', 'Monday', 'monday', 'MONDAYS', 'years', 'Years', 'YEAR', 'o', 'O', "'", 'clock',
      'Q', 'q', '3', '2024', 'http', 'Http', 'www', 'today', 'TODAY', 'weekly', 'Weekly', 'twice', 'now', 'NOW', 'New', 'new', 'Year',
      'FY', 'fy', 'century', "'90s", '’80s', '1990s', '0s', 's', '12:30', 'pm', '24h', ' ', '-', '.', '_', 'é', '\u212a'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => assertMatchesAsScanned(parts.join(''))), { numRuns: 1000 });
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => assertMatchesAsScanned(parts.join(' '))), { numRuns: 1000 });
  });
});
