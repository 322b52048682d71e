/**
 * Every output of detect() on the seeds, the gold set and generated wire-news documents, compared line by line
 * with test/golden/outputs/*.tsv. This is the guard for speed work on the detectors: any change of a span,
 * label, confidence or value fails here with the first differing lines. A deliberate change of output is
 * accepted with `UPDATE_GOLDEN=1 node --import tsx --test test/detectOutputs.test.ts` after reviewing the diff.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { detect } from '../server/src/core/detect';
import type { DetectOptions, Detection } from '../server/src/core/detect/shared/detection';
import { loadGoldSet } from './support/goldSet';
import { mixedArticle, paragraphsOf } from './support/mixedArticles';
import { PROJECT_ROOT } from './support/projectRoot';

const SEEDS = path.join(PROJECT_ROOT, 'seeds');
const OUTPUTS = path.join(__dirname, 'golden', 'outputs');
const MIXED_DOCUMENTS = 6;
const MIXED_LENGTH = 30_000;
/** The bench's shape (scripts/bench/seeds.ts corpusOf): the seeds repeated in one document, so names recur far apart. */
const REPEATED_LENGTH = 120_000;
const CONTEXT_LINES = 4;

interface Case {
  name: string;
  text: string;
  options: DetectOptions;
}

function cases(): Case[] {
  const seeds = readdirSync(SEEDS)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => ({ name: `seed-${file.replace(/\.txt$/, '')}`, text: readFileSync(path.join(SEEDS, file), 'utf8'), options: {} }));
  const gold = loadGoldSet().map((article) => ({ name: `gold-${article.name.replace(/\.txt$/, '')}`, text: article.text, options: { referenceDate: article.dct } }));
  const paragraphs = paragraphsOf([...seeds, ...gold].map((c) => c.text));
  const mixed = Array.from({ length: MIXED_DOCUMENTS }, (_, n) => ({
    name: `mixed-${n + 1}`,
    text: mixedArticle(paragraphs, n + 1, MIXED_LENGTH),
    options: n % 2 === 0 ? {} : { referenceDate: '2024-03-02' },
  }));
  const seedsJoined = seeds.map((c) => c.text).join('\n');
  const repeated = { name: 'seeds-repeated', text: seedsJoined.repeat(Math.ceil(REPEATED_LENGTH / seedsJoined.length)).slice(0, REPEATED_LENGTH), options: {} };
  return [...seeds, ...gold, ...mixed, repeated];
}

/** One line a detection, every field; values with their keys sorted so that building them in another order is no change. */
function render(detection: Detection): string {
  const { start, end, kind, label, confidence, text, value } = detection;
  return [`${start}-${end}`, kind, label, String(confidence), JSON.stringify(text), value === undefined ? '' : JSON.stringify(value, Object.keys(value).sort())].join('\t');
}

function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** The first difference with a few lines around it, both sides, readable in a test report. */
function firstDifference(expected: readonly string[], actual: readonly string[]): string {
  let i = 0;
  while (i < expected.length && i < actual.length && expected[i] === actual[i]) i++;
  const from = Math.max(0, i - CONTEXT_LINES);
  const around = (lines: readonly string[]) => lines.slice(from, i + CONTEXT_LINES + 1).map((line, k) => `${from + k === i ? '>' : ' '} ${line}`).join('\n');
  return `${expected.length} expected lines, ${actual.length} actual; first difference at line ${i + 1}:\nexpected:\n${around(expected)}\nactual:\n${around(actual)}`;
}

describe('detect() outputs match test/golden/outputs exactly', () => {
  for (const { name, text, options } of cases()) {
    it(name, () => {
      const file = path.join(OUTPUTS, `${name}.tsv`);
      const header = `# text ${textHash(text)} options ${JSON.stringify(options)}`;
      const actual = detect(text, options).map(render);
      if (process.env.UPDATE_GOLDEN) {
        mkdirSync(OUTPUTS, { recursive: true });
        writeFileSync(file, [header, ...actual].join('\n') + '\n');
        return;
      }
      assert.ok(existsSync(file), `${file} is missing: review the output and create it with UPDATE_GOLDEN=1`);
      const [expectedHeader, ...expected] = readFileSync(file, 'utf8').replace(/\n$/, '').split('\n');
      assert.equal(header, expectedHeader, `${file}: the input changed (a seed, gold article or the generator), so the golden no longer describes it`);
      if (expected.length !== actual.length || expected.some((line, i) => line !== actual[i])) assert.fail(`${file}: ${firstDifference(expected, actual)}`);
    });
  }
});
