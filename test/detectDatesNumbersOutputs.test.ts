/**
 * A guard for speed work on the date and number detectors: every span findDates (three anchors) and findNumbers
 * give over the texts below (seeds, gold set, generated articles, a long corpus, variants) must equal the committed golden file, to the last
 * confidence and value. The golden is gzipped JSON lines (a "## case" line, then one span a line), since it is
 * large and only ever read by this test; a failure prints the first differing cases as a readable diff.
 * After a reviewed, intended change of output: `UPDATE_GOLDEN=1 node --import tsx --test test/detectDatesNumbersOutputs.test.ts`.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { findDates } from '../server/src/core/detect/dates';
import { findNumbers } from '../server/src/core/detect/numbers';
import { utf16Units } from '../server/src/core/detect/shared/utf16Units';
import { ArticleGenerator } from '../scripts/bench/articleGenerator';
import { corpusOf } from '../scripts/bench/seeds';
import type { Span } from '../server/src/core/detect/shared/detection';
import { PROJECT_ROOT } from './support/projectRoot';

// ---------------------------------------------------------------------------------------------
// The texts and their outputs. The texts: the seeds, the gold set, generated articles (scripts/bench/articleGenerator.ts),
// a long corpus in one string (the bench reads 2 MB as one text), and variants of the seeds and gold texts that reach
// paths plain news rarely does (capitals, lower case, CRLF, astral characters shifting UTF-16 from code points, a BOM).

const GENERATED_ARTICLES = 60;
const LONG_CORPUS_CHARS = 400_000;
/** Anchors for relative dates: a Wednesday in November, a Friday just after New Year (bare months and weeks cross the year), and none. */
const ANCHORS = ['2025-11-05', '2027-01-01', undefined] as const;

function textsIn(folder: string): Array<[string, string]> {
  return readdirSync(folder)
    .filter((file) => file.endsWith('.txt') && !file.endsWith('.spans.txt'))
    .sort()
    .map((file) => [file, readFileSync(path.join(folder, file), 'utf8')]);
}

/** Inserts an astral character (two UTF-16 units, one code point) before every 97th character. */
function withAstral(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 97) out += '𝒳' + text.slice(i, i + 97);
  return out;
}

/** The named texts of the guard, always the same. */
function guardTexts(): Array<[string, string]> {
  const plain = [...textsIn(path.join(PROJECT_ROOT, 'seeds')).map(([n, t]) => [`seeds/${n}`, t] as [string, string]),
    ...textsIn(path.join(PROJECT_ROOT, 'test', 'fixtures', 'gold')).map(([n, t]) => [`gold/${n}`, t] as [string, string])];
  const texts: Array<[string, string]> = [...plain];
  for (const [name, text] of plain) {
    texts.push([`${name}#upper`, text.toUpperCase()]);
    texts.push([`${name}#lower`, text.toLowerCase()]);
    texts.push([`${name}#crlf`, text.replace(/\n/g, '\r\n')]);
    texts.push([`${name}#astral`, withAstral(text)]);
    texts.push([`${name}#bom`, '\uFEFF' + text]);
  }
  const generator = new ArticleGenerator();
  for (let n = 0; n < GENERATED_ARTICLES; n++) texts.push([`generated/${n}`, generator.article(n)]);
  texts.push([`corpus/${LONG_CORPUS_CHARS}`, corpusOf(LONG_CORPUS_CHARS)]);
  return texts;
}

/** One span, compactly: start, end, label, confidence, value. */
const spanLine = (span: Span): string => JSON.stringify([span.start, span.end, span.label, span.confidence, span.value ?? null]);

/** The outputs of every case: `case name` → one line a span. */
function guardOutputs(): Map<string, string[]> {
  const outputs = new Map<string, string[]>();
  for (const [name, text] of guardTexts()) {
    for (const anchor of ANCHORS) outputs.set(`${name} findDates(${anchor ?? 'no anchor'})`, findDates(text, anchor).map(spanLine));
    outputs.set(`${name} findNumbers`, findNumbers(text).map(spanLine));
  }
  return outputs;
}

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
