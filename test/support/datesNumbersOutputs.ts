/**
 * Every output of findDates and findNumbers over a fixed set of texts, one line a case, for the guard in
 * test/detectDatesNumbersOutputs.test.ts: speed work on the date and number detectors must not change a single span.
 * The texts: the seeds, the gold set, generated articles (scripts/bench/articleGenerator.ts), a long corpus in one
 * string (the bench reads 2 MB as one text), and variants of the seeds and gold texts that reach paths plain news
 * rarely does (capitals, lower case, CRLF, astral characters shifting UTF-16 from code points, a BOM).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ArticleGenerator } from '../../scripts/bench/articleGenerator';
import { corpusOf } from '../../scripts/bench/seeds';
import { findDates } from '../../server/src/core/detect/dates';
import { findNumbers } from '../../server/src/core/detect/numbers';
import type { Span } from '../../server/src/core/detect/shared/detection';
import { PROJECT_ROOT } from './projectRoot';

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
export function guardTexts(): Array<[string, string]> {
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
export function guardOutputs(): Map<string, string[]> {
  const outputs = new Map<string, string[]>();
  for (const [name, text] of guardTexts()) {
    for (const anchor of ANCHORS) outputs.set(`${name} findDates(${anchor ?? 'no anchor'})`, findDates(text, anchor).map(spanLine));
    outputs.set(`${name} findNumbers`, findNumbers(text).map(spanLine));
  }
  return outputs;
}
