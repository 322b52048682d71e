/** Blocking digits that are parts of codes, names, times, dates or phone numbers. */
import { isApostrophe } from '../shared/textScan';
import type { Token } from './tokens';
import { DASHES, ISO_CURRENCIES } from './vocabulary';

/** Digits as an amount is written: plain, or grouped by thousands with commas, and an optional decimal part. */
const VALID_DIGITS = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** Blocks the digits of codes, names, times, dates and phone numbers, and digit groups that are neither a range nor a score. */
export function blockCodesAndClusters(tokens: Token[]): void {
  let previousNumber = -1;
  let cluster: number[] = [];
  /** links[k] joins cluster[k] and cluster[k + 1]. */
  let links: ('dash' | 'space')[] = [];
  let clusterIsJunk = false;

  const closeCluster = (): void => {
    const spacedOnly = links.every((link) => link === 'space');
    if (!clusterIsJunk && isTableRow(tokens, cluster, links)) {
      for (const index of cluster) tokens[index].tableFigure = true;
    } else {
      // Two groups joined by a dash are a range or a score, unless one is a year, a phone number or
      // otherwise blocked ("2014-2022", "555-1234", "No. 22-451").
      // Two groups side by side ("202 555") are a phone number's.
      const junk =
        clusterIsJunk || cluster.length >= 3 ||
        (cluster.length === 2 && (spacedOnly || cluster.some((index) => tokens[index].blocked || !isShortAmount(tokens[index].text))));
      if (junk) for (const index of cluster) tokens[index].blocked = true;
    }
    cluster = [];
    links = [];
    clusterIsJunk = false;
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind !== 'num') continue;
    if (isAttachedToWord(tokens, i) || isNumbered(tokens, i) || !VALID_DIGITS.test(token.text) || looksLikeCode(token.text)) token.blocked = true;

    const link = previousNumber >= 0 ? linkBetween(tokens, previousNumber, i) : undefined;
    if (link === undefined) closeCluster();
    else if (link === 'junk') clusterIsJunk = true;
    else links.push(link);
    cluster.push(i);
    previousNumber = i;
  }
  closeCluster();
}

/** "F-16", "COVID-19", "G7", "time4", "'90s", ".5": digits that continue something else. */
function isAttachedToWord(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index];
  if (token.gap !== 0 || index === 0) return false;
  const previous = tokens[index - 1];
  if (previous.kind === 'word') return !ISO_CURRENCIES.has(previous.text) && previous.text !== 'Rs';
  if (previous.kind !== 'sym') return false;
  if (DASHES.has(previous.text)) return index >= 2 && previous.gap === 0 && tokens[index - 2].kind === 'word' && !isCompoundCount(tokens, index);
  if (isApostrophe(previous.text.charCodeAt(0))) return token.text.length === 2;
  return previous.text === '.' || previous.text === '#' || previous.text === '_' || previous.text === '\\';
}

/**
 * "par-72", "top-10", "under-21": a lower-case word joined to a short number is a compound whose number counts
 * (the gold set's "84-page" the other way round). Names and codes are written with capitals ("F-16", "Su-34",
 * "COVID-19"), or chain several parts ("sars-cov-2"); "covid-19" is the one common code in lower case.
 */
function isCompoundCount(tokens: readonly Token[], index: number): boolean {
  const word = tokens[index - 2];
  const beforeWord = tokens[index - 3];
  if (!/^[a-z]{2,}$/.test(word.text) || word.text === 'covid' || !/^\d{1,3}$/.test(tokens[index].text)) return false;
  return !(word.gap === 0 && beforeWord !== undefined && beforeWord.kind === 'sym' && DASHES.has(beforeWord.text));
}

/** "No. 22-451", "Nos. 3", "no. 1": a case, rank or item number, not an amount. */
function isNumbered(tokens: readonly Token[], index: number): boolean {
  const dot = tokens[index - 1];
  const word = tokens[index - 2];
  return dot?.text === '.' && dot.gap === 0 && word?.kind === 'word' && /^nos?$/i.test(word.text);
}

function isShortAmount(digits: string): boolean {
  return digits.includes(',') || integerPart(digits).length <= 3;
}

function integerPart(digits: string): string {
  const point = digits.indexOf('.');
  return point < 0 ? digits : digits.slice(0, point);
}

/** Leading zeros ("007", "0123") and long digit strings without separators are codes, not amounts. */
function looksLikeCode(digits: string): boolean {
  const integer = integerPart(digits);
  return (integer.length > 1 && integer.startsWith('0')) || (integer.length >= 7 && !integer.includes(','));
}

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
function linkBetween(tokens: readonly Token[], left: number, right: number): 'dash' | 'space' | 'junk' | undefined {
  const between = right - left - 1;
  if (between === 0) return tokens[right].gap === 1 ? 'space' : undefined;
  if (between !== 1) return undefined;
  const symbol = tokens[left + 1];
  if (symbol.kind !== 'sym' || symbol.gap === 2 || tokens[right].gap === 2) return undefined;
  const glued = symbol.gap === 0 && tokens[right].gap === 0;
  if (symbol.text === ':' || symbol.text === '/') return glued ? 'junk' : undefined;
  if (DASHES.has(symbol.text) && glued) return 'dash';
  // "(202) 555", "+1 (202)"
  const areaCodeFirst = symbol.text === ')' && symbol.gap === 0 && tokens[left - 1]?.text === '(' && tokens[right].gap === 1;
  const areaCodeSecond = symbol.text === '(' && symbol.gap === 1 && tokens[right].gap === 0 && tokens[left - 1]?.text === '+';
  return areaCodeFirst || areaCodeSecond ? 'junk' : undefined;
}
