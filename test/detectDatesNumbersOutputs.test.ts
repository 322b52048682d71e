/**
 * A guard for speed work on the date and number detectors: every span findDates (three anchors) and findNumbers
 * give over the texts of test/support/datesNumbersOutputs.ts must equal the committed golden file, to the last
 * confidence and value. The golden is gzipped JSON lines (a "## case" line, then one span a line), since it is
 * large and only ever read by this test; a failure prints the first differing cases as a readable diff.
 * After a reviewed, intended change of output: `UPDATE_GOLDEN=1 node --import tsx --test test/detectDatesNumbersOutputs.test.ts`.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { guardOutputs, guardTexts } from './support/datesNumbersOutputs';
import { findDates } from '../server/src/core/detect/dates';
import { findNumbers } from '../server/src/core/detect/numbers';
import { utf16Units } from '../server/src/core/detect/shared/utf16Units';

const GOLDEN = path.join(__dirname, 'golden', 'datesNumbersOutputs.jsonl.gz');
const CASE_PREFIX = '## ';
const SHOWN_CASES = 5;

function serialise(outputs: Map<string, string[]>): string {
  const lines: string[] = [];
  for (const [name, spans] of outputs) lines.push(CASE_PREFIX + name, ...spans);
  return lines.join('\n') + '\n';
}

function parse(text: string): Map<string, string[]> {
  const outputs = new Map<string, string[]>();
  let current: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith(CASE_PREFIX)) outputs.set(line.slice(CASE_PREFIX.length), (current = []));
    else if (line !== '') current.push(line);
  }
  return outputs;
}

/** The first differences, case by case: spans only in the golden (-) and only in the output (+). */
function describeDifferences(expected: Map<string, string[]>, actual: Map<string, string[]>): string {
  const report: string[] = [];
  let differing = 0;
  for (const name of new Set([...expected.keys(), ...actual.keys()])) {
    const before = expected.get(name);
    const after = actual.get(name);
    if (before && after && before.join('\n') === after.join('\n')) continue;
    differing++;
    if (differing > SHOWN_CASES) continue;
    if (!before || !after) {
      report.push(`${name}: ${before ? 'no longer produced' : 'not in the golden file'}`);
      continue;
    }
    const beforeSet = new Set(before);
    const afterSet = new Set(after);
    const lost = before.filter((line) => !afterSet.has(line)).slice(0, 8);
    const gained = after.filter((line) => !beforeSet.has(line)).slice(0, 8);
    report.push(`${name}: ${before.length} spans before, ${after.length} now`, ...lost.map((l) => `  - ${l}`), ...gained.map((l) => `  + ${l}`));
    if (lost.length === 0 && gained.length === 0) report.push('  (same spans in another order)');
  }
  return `${differing} case(s) differ from ${path.relative(process.cwd(), GOLDEN)}:\n${report.join('\n')}`;
}

describe('findDates and findNumbers give exactly their committed outputs', () => {
  it('on the seeds, the gold set, generated articles, a long corpus and their variants', () => {
    const actual = guardOutputs();
    if (process.env.UPDATE_GOLDEN) {
      writeFileSync(GOLDEN, gzipSync(serialise(actual), { level: 9 }));
      return;
    }
    assert.ok(existsSync(GOLDEN), `${GOLDEN} is missing: create it from reviewed code with UPDATE_GOLDEN=1`);
    const expected = parse(gunzipSync(readFileSync(GOLDEN)).toString('utf8'));
    const same = serialise(expected) === serialise(actual);
    assert.ok(same, same ? '' : describeDifferences(expected, actual));
  });
});

describe('findDates and findNumbers read the units a caller passes in as they read their own copy', () => {
  const texts = guardTexts().filter(([name]) => name.startsWith('gold/') || name.startsWith('seeds/'));
  it('with the text\'s units: the same spans', () => {
    for (const [name, text] of texts) {
      const units = utf16Units(text);
      assert.deepEqual(findDates(text, '2025-11-05', units), findDates(text, '2025-11-05'), `findDates on ${name}`);
      assert.deepEqual(findNumbers(text, units), findNumbers(text), `findNumbers on ${name}`);
    }
  });
  it('with units of another length (another text): ignored, the same spans', () => {
    const [name, text] = texts.find(([, candidate]) => findNumbers(candidate).length > 0 && findDates(candidate).length > 0)!;
    const wrong = utf16Units(text.slice(1));
    assert.deepEqual(findDates(text, undefined, wrong), findDates(text), `findDates on ${name}`);
    assert.deepEqual(findNumbers(text, wrong), findNumbers(text), `findNumbers on ${name}`);
  });
});
