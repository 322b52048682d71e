/**
 * Results tables and standings: lines that hold only names and figures ("1. Denver 12 8 3 1 27", "Leeds 2
 * Bristol 1", "2. Marek Novy (Czech Republic) +0:12"). Such lines read as headlines, where free words are not
 * guessed at, so their names were lost. Here each name of such a line is labelled: a city with whole-number
 * figures is a team (ORG); a first name with a surname, or two or three name words before a nationality in
 * brackets, is a PERSON; other name words are most likely a team or a company, an ORG that a name the story
 * establishes may still override (evidence "guess"); in rows of decimals and percentages ("Revenue 4.2 3.0 38%")
 * such words are as often line items, so they are left alone there.
 */
import type { Scan } from './chunks';
import type { Finding } from './recognise';
import { isNameWord } from './recognise';
import { firstNameStrength, STATIC_INDEX } from './knownNames';
import { NAME_PARTICLES } from './persons';
import type { CapitalWords } from './capitals';
import { fillRange } from './coverage';

/** Symbols among a table's figures: times "4:12:33", gaps "+0:12", scores "3-2", decimals, percentages. */
const FIGURE_SYMBOLS: ReadonlySet<string> = new Set([':', '+', '-', '–', '.', ',', '%', '/', "'", '"']);
const MAX_NAME_WORDS = 4;
const MAX_BRACKET_WORDS = 4;

interface TableName {
  from: number;
  to: number;
  /** A bracket follows the name: "(Slovenia)", "(SLO)". */
  bracketed: boolean;
}

/** Labels, in place or added, the names of the table lines of the document. */
export function findTableNames(scan: Scan, words: CapitalWords, lineStarts: Int32Array, findings: Finding[]): void {
  const { tokens, lines } = scan;
  let findingAt: Map<number, number> | undefined;
  let covered: Uint8Array | undefined;
  for (let n = 0; n < lineStarts.length; n++) {
    const first = lineStarts[n]!;
    const end = n + 1 < lineStarts.length ? lineStarts[n + 1]! : tokens.length;
    const names = lines[tokens.line(first)] === 'junk' ? null : readTableLine(scan, first, end);
    if (!names) continue;
    if (findingAt === undefined || covered === undefined) {
      findingAt = new Map();
      covered = new Uint8Array(tokens.length);
      for (const [k, finding] of findings.entries()) {
        findingAt.set(finding.fromToken, k);
        fillRange(covered, 1, finding.fromToken, finding.toToken);
      }
    }
    const wholeNumbers = hasOnlyWholeNumbers(scan, first, end);
    for (const name of names) label(scan, words, name, wholeNumbers, findings, findingAt, covered);
  }
}

/**
 * The names of a line made of an optional rank, then names each followed by figures (a bracket may sit between
 * them), or null when the line holds anything else, or too few figures to be a table row.
 */
function readTableLine(scan: Scan, from: number, to: number): TableName[] | null {
  const { tokens } = scan;
  let t = from;
  // "1." / "1)" / "12" rank.
  if (isNumber(tokens.text(t)) && t + 1 < to && (tokens.text(t + 1) === '.' || tokens.text(t + 1) === ')')) t += 2;
  const names: TableName[] = [];
  let figures = 0;
  while (t < to) {
    const nameFrom = t;
    while (t < to && t - nameFrom < MAX_NAME_WORDS && tokens.isWord(t) && (tokens.isCapitalised(t) || (t > nameFrom && (NAME_PARTICLES.has(tokens.text(t)) || tokens.text(t) === 'of')))) t++;
    if (t === nameFrom && tokens.text(t) !== '&') return null;
    while (t < to && tokens.text(t) === '&' && t + 1 < to && tokens.isCapitalised(t + 1)) t += 2;
    const nameTo = t;
    let bracketed = false;
    if (t < to && tokens.text(t) === '(') {
      const close = closingBracket(scan, t, to);
      if (close < 0) return null;
      bracketed = true;
      t = close + 1;
    }
    let rowFigures = 0;
    while (t < to && (isNumber(tokens.text(t)) || FIGURE_SYMBOLS.has(tokens.text(t)))) {
      if (isNumber(tokens.text(t))) rowFigures++;
      t++;
    }
    if (rowFigures === 0) return null;
    figures += rowFigures;
    names.push({ from: nameFrom, to: nameTo, bracketed });
  }
  // One name and one figure ("Helix 7", "Chapter 3") is no table row.
  return names.length >= 2 || figures >= 2 ? names : null;
}

function closingBracket(scan: Scan, open: number, to: number): number {
  for (let t = open + 1; t < to && t <= open + MAX_BRACKET_WORDS + 1; t++) {
    const text = scan.tokens.text(t);
    if (text === ')') return t;
    if (!scan.tokens.isWord(t) || !scan.tokens.isCapitalised(t)) return -1;
  }
  return -1;
}

function isNumber(text: string): boolean {
  const code = text.charCodeAt(0);
  return code >= 48 && code <= 57;
}

/** Standings and scores count in whole numbers; decimals, percentages and measures belong to other tables. */
function hasOnlyWholeNumbers(scan: Scan, from: number, to: number): boolean {
  for (let t = from; t < to; t++) {
    const text = scan.tokens.text(t);
    if (text === '%' || (isNumber(text) && !/^\d+(?:[-–]\d+)?$/.test(text))) return false;
    // "3.5" written apart is a decimal; ".714" after a space is a winning percentage, which standings give.
    const glued = t > from && t + 1 < to && scan.tokens.end(t - 1) === scan.tokens.start(t) && scan.tokens.end(t) === scan.tokens.start(t + 1);
    if (text === '.' && glued && isNumber(scan.tokens.text(t - 1)) && isNumber(scan.tokens.text(t + 1))) return false;
  }
  return true;
}

function label(scan: Scan, words: CapitalWords, name: TableName, wholeNumbers: boolean, findings: Finding[], findingAt: Map<number, number>, covered: Uint8Array): void {
  const { tokens, lowercaseWords } = scan;
  const { from, to } = name;
  const existing = findingAt.get(from);
  if (existing !== undefined) {
    const finding = findings[existing]!;
    // A city with a row of whole numbers is a team; countries and everything else keep their label.
    if (finding.toToken === to && finding.label === 'GPE' && wholeNumbers && isCity(words, from, to)) {
      findings[existing] = { ...finding, label: 'ORG', confidence: 0.75, evidence: 'context' };
    }
    return;
  }
  for (let t = from; t < to; t++) if (covered[t] === 1) return;
  // "Denver 98 PORTLAND 95": the home team in capitals.
  if (wholeNumbers && isCity(words, from, to)) {
    push(findings, scan, from, to, 'ORG', 0.75, 'context');
    return;
  }
  let nameWords = 0;
  for (let t = from; t < to; t++) if (tokens.isCapitalised(t) && isNameWord(tokens.text(t), lowercaseWords)) nameWords++;
  const firstName = firstNameStrength(tokens.text(from)) !== null;
  const length = to - from;
  if (length >= 2 && (firstName || (name.bracketed && nameWords === length))) {
    push(findings, scan, from, to, 'PERSON', firstName ? 0.75 : 0.65, 'context');
  } else if (wholeNumbers && nameWords > 0 && nameWords === countCapitalised(scan, from, to)) {
    push(findings, scan, from, to, 'ORG', 0.6, 'guess');
  }
}

function countCapitalised(scan: Scan, from: number, to: number): number {
  let count = 0;
  for (let t = from; t < to; t++) if (scan.tokens.isCapitalised(t)) count++;
  return count;
}

/** A city of the gazetteer, written as usual or in capitals. */
function isCity(words: CapitalWords, from: number, to: number): boolean {
  let phrase = words.folded.at(from);
  for (let t = from + 1; t < to; t++) phrase += ' ' + words.folded.at(t);
  const source = STATIC_INDEX.entries.get(phrase)?.source;
  return source === 'city' || source === 'curated';
}

function push(findings: Finding[], scan: Scan, from: number, to: number, label: 'PERSON' | 'ORG', confidence: number, evidence: 'context' | 'guess'): void {
  findings.push({ start: scan.tokens.start(from), end: scan.tokens.end(to - 1), label, confidence, fromToken: from, toToken: to, evidence });
}
