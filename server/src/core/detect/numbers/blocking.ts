/** Blocking digits that are parts of codes, names, times, dates or phone numbers. */
import { isApostrophe, isDigit } from '../shared/textScan';
import { isOneUnit, type Token } from './tokens';
import { DASH_UNITS, ISO_CURRENCIES } from './vocabulary';

type Link = 'dash' | 'space';

/**
 * Blocks the digits of codes, names, times, dates and phone numbers, and digit groups that are neither a range nor a
 * score, among `tokens` whose number tokens are the first `numberCount` indices in `numbers` (the tokenizer lists them,
 * so that the other tokens are not walked). `units` are the UTF-16 units of the text the tokens come from: symbols are
 * checked by their unit, not sliced.
 */
export function blockCodesAndClusters(tokens: readonly Token[], numbers: readonly number[], numberCount: number, units: Uint16Array): void {
  let previousNumber = -1;
  // The cluster of numbers so far, from its first number to previousNumber: most are one number, which needs no check,
  // so a cluster's numbers and links are only listed for one of two numbers or more (see closeCluster).
  let clusterStart = -1;
  let clusterSize = 0;
  let clusterIsJunk = false;

  for (let n = 0; n < numberCount; n++) {
    const i = numbers[n]!;
    const token = tokens[i];
    if (isAttachedToWord(tokens, units, i) || isNumbered(tokens, units, i) || !isWrittenAmount(units, token.start, token.end) || looksLikeCode(units, token.start, token.end)) {
      token.blocked = true;
    }

    const link = previousNumber >= 0 ? linkBetween(tokens, units, previousNumber, i) : undefined;
    if (link === undefined) {
      if (clusterSize > 1) closeCluster(tokens, units, clusterStart, previousNumber, clusterIsJunk);
      clusterStart = i;
      clusterSize = 0;
      clusterIsJunk = false;
    } else if (link === 'junk') {
      clusterIsJunk = true;
    }
    clusterSize++;
    previousNumber = i;
  }
  if (clusterSize > 1) closeCluster(tokens, units, clusterStart, previousNumber, clusterIsJunk);
}

/** Settles a cluster of two numbers or more, tokens first to last: every number token between them belongs to it. */
function closeCluster(tokens: readonly Token[], units: Uint16Array, first: number, last: number, clusterIsJunk: boolean): void {
  const cluster: number[] = [];
  for (let k = first; k <= last; k++) if (tokens[k].kind === 'num') cluster.push(k);
  /** links[k] joins cluster[k] and cluster[k + 1]; a junk link makes the whole cluster junk, so only the others count. */
  const links: Link[] = [];
  for (let k = 1; k < cluster.length; k++) {
    const link = linkBetween(tokens, units, cluster[k - 1], cluster[k]);
    if (link === 'dash' || link === 'space') links.push(link);
  }
  if (!clusterIsJunk && isTableRow(tokens, cluster, links)) {
    for (const index of cluster) tokens[index].tableFigure = true;
    return;
  }
  // Two groups joined by a dash are a range or a score, unless one is a year, a phone number or
  // otherwise blocked ("2014-2022", "555-1234", "No. 22-451").
  // Two groups side by side ("202 555") are a phone number's.
  const junk =
    clusterIsJunk || cluster.length >= 3 ||
    (cluster.length === 2 && (links.every((link) => link === 'space') || cluster.some((index) => tokens[index].blocked || !isShortAmount(tokens[index].text))));
  if (junk) for (const index of cluster) tokens[index].blocked = true;
}

const COMMA = 0x2c;
const POINT = 0x2e;

/**
 * Digits units[start, end) (a number token: digit runs joined by single commas or points) as an amount is written:
 * plain, or grouped by thousands with commas, and an optional decimal part; /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/
 * without slicing the token's text.
 */
export function isWrittenAmount(units: Uint16Array, start: number, end: number): boolean {
  let k = start;
  while (k < end && isDigit(units[k]!)) k++;
  const firstGroup = k - start;
  let grouped = false;
  while (k < end && units[k] === COMMA) {
    const group = ++k;
    while (k < end && isDigit(units[k]!)) k++;
    if (k - group !== 3) return false;
    grouped = true;
  }
  if (grouped && firstGroup > 3) return false;
  if (k === end) return true;
  if (units[k] !== POINT) return false;
  k++;
  while (k < end && isDigit(units[k]!)) k++;
  return k === end;
}

/** "F-16", "COVID-19", "G7", "time4", "'90s", ".5": digits that continue something else. */
function isAttachedToWord(tokens: readonly Token[], units: Uint16Array, index: number): boolean {
  const token = tokens[index];
  if (token.gap !== 0 || index === 0) return false;
  const previous = tokens[index - 1];
  if (previous.kind === 'word') return !ISO_CURRENCIES.has(previous.text) && previous.text !== 'Rs';
  if (previous.kind !== 'sym') return false;
  if (isOneUnitOf(previous, units, DASH_UNITS)) return index >= 2 && previous.gap === 0 && tokens[index - 2].kind === 'word' && !isCompoundCount(tokens, units, index);
  if (isApostrophe(units[previous.start]!)) return token.end - token.start === 2;
  return isOneUnit(previous, units, POINT) || isOneUnit(previous, units, HASH) || isOneUnit(previous, units, UNDERSCORE) || isOneUnit(previous, units, BACKSLASH);
}

const HASH = 0x23;
const UNDERSCORE = 0x5f;
const BACKSLASH = 0x5c;

function isOneUnitOf(token: Token, units: Uint16Array, set: ReadonlySet<number>): boolean {
  return token.end - token.start === 1 && set.has(units[token.start]!);
}

/**
 * "par-72", "top-10", "under-21": a lower-case word joined to a short number is a compound whose number counts
 * (the gold set's "84-page" the other way round). Names and codes are written with capitals ("F-16", "Su-34",
 * "COVID-19"), or chain several parts ("sars-cov-2"); "covid-19" is the one common code in lower case.
 */
function isCompoundCount(tokens: readonly Token[], units: Uint16Array, index: number): boolean {
  const word = tokens[index - 2];
  const beforeWord = tokens[index - 3];
  if (!/^[a-z]{2,}$/.test(word.text) || word.text === 'covid' || !/^\d{1,3}$/.test(tokens[index].text)) return false;
  return !(word.gap === 0 && beforeWord !== undefined && beforeWord.kind === 'sym' && isOneUnitOf(beforeWord, units, DASH_UNITS));
}

/** "No. 22-451", "Nos. 3", "no. 1": a case, rank or item number, not an amount. */
function isNumbered(tokens: readonly Token[], units: Uint16Array, index: number): boolean {
  const dot = tokens[index - 1];
  const word = tokens[index - 2];
  return isOneUnit(dot, units, POINT) && dot!.gap === 0 && word?.kind === 'word' && /^nos?$/i.test(word.text);
}

function isShortAmount(digits: string): boolean {
  return digits.includes(',') || integerPart(digits).length <= 3;
}

function integerPart(digits: string): string {
  const point = digits.indexOf('.');
  return point < 0 ? digits : digits.slice(0, point);
}

/** Leading zeros ("007", "0123") and long digit strings without separators are codes, not amounts: digits units[start, end). */
export function looksLikeCode(units: Uint16Array, start: number, end: number): boolean {
  let point = start;
  let grouped = false;
  for (; point < end && units[point] !== POINT; point++) grouped ||= units[point] === COMMA;
  const integerLength = point - start;
  return (integerLength > 1 && units[start] === ZERO) || (integerLength >= 7 && !grouped);
}

const ZERO = 0x30;

/**
 * A table row's figures side by side on a line, each a short amount or two joined by a dash: three or more
 * ("25 18 5 2 58 21 59", "68 67 67", "30 12 9 9 40-44 45"), or two or more set scores ("6-4 3-6 7-5").
 * Phone numbers written the same way have a group of four digits or more ("202 555 1234", "555-1234"), a
 * leading zero ("01 23 45 67 89"), a "+" or "(" before them ("+33 1 23 45 67 89"), or chain dashes
 * ("1-800-555"), and stay blocked.
 */
function isTableRow(tokens: readonly Token[], cluster: readonly number[], links: readonly ('dash' | 'space')[]): boolean {
  if (cluster.length < 3) return false;
  const before = tokens[cluster[0] - 1];
  if (before !== undefined && before.kind === 'sym' && (before.text === '+' || before.text === '(')) return false;
  if (!cluster.every((index) => !tokens[index].blocked && /^(?:0|[1-9]\d{0,2})(?:\.\d+)?$/.test(tokens[index].text))) return false;
  let items = 0;
  let pairs = 0;
  for (let k = 0; k < cluster.length; items++) {
    if (links[k] !== 'dash') {
      k++;
      continue;
    }
    if (links[k + 1] === 'dash') return false;
    pairs++;
    k += 2;
  }
  return items >= 3 || (items >= 2 && pairs === items);
}

/**
 * How two nearby digit groups are joined: 'dash' ("3-1", "10-15"), 'space' (figures of a table row, or a
 * phone number "202 555"), 'junk' (times "6:04", dates "10/26", phone numbers "(202) 555"), or undefined when
 * they are separate numbers.
 */
function linkBetween(tokens: readonly Token[], units: Uint16Array, left: number, right: number): Link | 'junk' | undefined {
  const between = right - left - 1;
  if (between === 0) return tokens[right].gap === 1 ? 'space' : undefined;
  if (between !== 1) return undefined;
  const symbol = tokens[left + 1];
  if (symbol.kind !== 'sym' || symbol.gap === 2 || tokens[right].gap === 2) return undefined;
  const glued = symbol.gap === 0 && tokens[right].gap === 0;
  if (isOneUnit(symbol, units, COLON) || isOneUnit(symbol, units, SLASH)) return glued ? 'junk' : undefined;
  if (isOneUnitOf(symbol, units, DASH_UNITS) && glued) return 'dash';
  // "(202) 555", "+1 (202)"
  const areaCodeFirst = isOneUnit(symbol, units, CLOSING_BRACKET) && symbol.gap === 0 && isOneUnit(tokens[left - 1], units, OPENING_BRACKET) && tokens[right].gap === 1;
  const areaCodeSecond = isOneUnit(symbol, units, OPENING_BRACKET) && symbol.gap === 1 && tokens[right].gap === 0 && isOneUnit(tokens[left - 1], units, PLUS);
  return areaCodeFirst || areaCodeSecond ? 'junk' : undefined;
}

const COLON = 0x3a;
const SLASH = 0x2f;
const OPENING_BRACKET = 0x28;
const CLOSING_BRACKET = 0x29;
const PLUS = 0x2b;
