/**
 * What a rule is, and how its readers read the words around a trigger.
 *
 * A trigger regex finds a selective word (a month, a unit, a weekday, a year…); readers then look at the words
 * around it. Starting every scan on a selective word keeps the scan fast, and one trigger pass can serve several
 * readers.
 */
import type { NormalizedValue, Span } from '../shared/detection';
import type { DateLabel } from '../../base/labels';
import { UnitSet, isWhitespace } from '../shared/textScan';
import { tenseAround } from './tense';
import { keepShape } from '../../base/shapes';
import { mayEndCount } from './vocabulary';

export interface Candidate extends Span {
  /** A modifier just before it ("early", "the end of", "mid-") may join the span. */
  modifiable: boolean;
}

/** What readers share while they read one text. */
export class Scan {
  /** The last token read by tokenBefore and where, since every reader of one trigger asks for it. */
  previousPosition = -1;
  previousToken = '';
  /** Whether a count may end with the token before countPosition (see countMayEndBefore). */
  countPosition = -1;
  countMayEnd = false;
  /**
   * Set whenever a reader asks for the anchor: the candidates of a trigger whose readers never asked are the same
   * whatever the anchor, so a text read without one need only be read again at the triggers that asked.
   */
  anchorAsked = false;

  constructor(
    readonly text: string,
    private readonly anchorDay: number | undefined,
  ) {}

  /** The article date as a day number, when known. */
  get anchor(): number | undefined {
    this.anchorAsked = true;
    return this.anchorDay;
  }
}

export type Reader = (trigger: RegExpExecArray, scan: Scan) => Candidate | undefined;

export interface Rule {
  trigger: RegExp;
  readers: readonly Reader[];
  /**
   * The letters every match starts with, up to the first other character, when the match starts a word (as a
   * regex \b sees it): the trigger is then tried only where such a word starts, not at every position of the text.
   */
  startWords?: readonly string[];
  /**
   * Every match starts a word (as a regex \b sees it) with a digit: the trigger can be tried only there. 'or an
   * apostrophe before one': or at a "'" or "’" just before a digit ("the '90s").
   */
  startsWithDigit?: true | 'or an apostrophe before one';
  /**
   * Its readers may give a full date ("YYYY-MM-DD") without an anchor. Only these can ("Monday" needs one; resolution
   * gives no date a day it lacks), so a text where none of them finds one states no full date.
   */
  fullDates?: true;
}

/** How far back the words before a trigger are read ("the past couple of hundred " is the longest). */
const LOOKBACK = 64;

interface Before {
  /** Where the words read before the trigger start. */
  start: number;
  groups: Readonly<Record<string, string | undefined>>;
  /** Start offset of a named group, when it matched. */
  startOf(name: string): number | undefined;
}

/**
 * Reads the words just before `position` with `pattern`, which must end in `$` (made by `before`, or by
 * `beforeWithStarts` for a caller that asks startOf). The window starts at a word boundary so that lookbehinds
 * never see half a word.
 */
export function readBefore(text: string, position: number, pattern: RegExp, oneOf?: readonly string[]): Before | undefined {
  let offset = Math.max(0, position - LOOKBACK);
  if (offset > 0) {
    while (offset < position && !isWhitespace(text.charCodeAt(offset))) offset++;
    if (offset === position) return undefined;
    offset++;
  }
  const words = text.slice(offset, position);
  // `oneOf`: strings every match holds one of ("very" or "ach" for "every"/"Each"). A pattern that ends in `$` is
  // tried at every start in the window; a search for a few strings is cheaper and rules out most windows.
  if (oneOf !== undefined && !holdsOneOf(words, oneOf)) return undefined;
  const match = pattern.exec(words);
  if (!match) return undefined;
  const indices = match.indices?.groups;
  return {
    start: offset + match.index,
    groups: match.groups ?? {},
    startOf: (name) => {
      if (match.indices === undefined) throw new Error(`startOf('${name}') needs a pattern made by beforeWithStarts`);
      const range = indices?.[name];
      return range ? offset + range[0] : undefined;
    },
  };
}

function holdsOneOf(words: string, needles: readonly string[]): boolean {
  for (const needle of needles) if (words.includes(needle)) return true;
  return false;
}

/** The strings that each of `words` holds whatever the case of its first letter: its letters after the first. */
export const tailsOf = (words: readonly string[]): string[] => words.map((word) => word.slice(1));

/** Reads the words from `position` on with a sticky pattern. */
export function readAfter(text: string, position: number, pattern: RegExp): RegExpExecArray | null {
  pattern.lastIndex = position;
  return pattern.exec(text);
}

/** The characters tokenBefore reads a token of. */
const TOKEN_CHARACTERS = new UnitSet(/[\p{L}\p{N}'’.,-]/u);

/**
 * The token just before `position`, across spaces, lowercased: "in", "mid-", "three-", "1,000", "19th".
 * Readers check it against a set of words before running a lookback regex, which keeps them cheap.
 */
export function tokenBefore(scan: Scan, position: number): string {
  if (scan.previousPosition === position) return scan.previousToken;
  const { text } = scan;
  let end = position;
  while (end > 0 && end > position - 8 && isHorizontalSpace(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && end - start < 24 && TOKEN_CHARACTERS.has(text.charCodeAt(start - 1))) start--;
  // Leading stops, commas and apostrophes are no part of the token; dropped by index, not by a regex on every trigger.
  while (start < end && isLeadingPunctuation(text.charCodeAt(start))) start++;
  const token = text.slice(start, end).toLowerCase();
  scan.previousPosition = position;
  scan.previousToken = token;
  return token;
}

/**
 * mayEndCount(tokenBefore(scan, position)): the readers of a unit of time ask it in turn at one trigger, and the
 * answer, a regex test, is kept for the position they share.
 */
export function countMayEndBefore(scan: Scan, position: number): boolean {
  if (scan.countPosition !== position) {
    scan.countMayEnd = mayEndCount(tokenBefore(scan, position));
    scan.countPosition = position;
  }
  return scan.countMayEnd;
}

/** ".", ",", "'" or "’". */
function isLeadingPunctuation(code: number): boolean {
  return code === 0x2e || code === 0x2c || code === 0x27 || code === 0x2019;
}

/** A space, tab or no-break space. */
function isHorizontalSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0;
}

export const before = (source: string): RegExp => new RegExp(`${source}$`);
/** A `before` pattern whose groups' offsets readBefore's startOf can give: the `d` flag costs every match an array of offsets. */
export const beforeWithStarts = (source: string): RegExp => new RegExp(`${source}$`, 'd');
export const after = (source: string): RegExp => new RegExp(source, 'y');

export function charBefore(text: string, position: number): string {
  return position > 0 ? text[position - 1]! : '';
}

export const triggerEnd = (trigger: RegExpExecArray): number => trigger.index + trigger[0].length;

export function candidate(label: DateLabel, start: number, end: number, confidence: number, value?: NormalizedValue, modifiable = false): Candidate {
  // Every candidate has the same fields, so that code reading them sees one shape.
  return { start, end, label, confidence, value, modifiable };
}

/** "will meet on Monday", "On Friday, the board will meet": the clause around text[start, end) talks about the future. */
export function pointsForward(text: string, start: number, end = start): boolean {
  return tenseAround(text, start, end) === 'future';
}

/** "the third quarter" of a game is not a quarter of the year; a score stands alone, not inside "2025-10-23". */
const SPORTS_CONTEXT = /\b(?:\w*scor(?:e|es|ed|ing)|goals?|touchdowns?|game|match|innings?|halftime|half-time|overtime|rebounds|assists|yards|field goal|free throws?|quarterback|penalty|kick-?off|whistle|(?<![\d-])\d{1,3}-\d{1,3}(?![\d-]))\b/i;

export function inSportsContext(text: string, start: number, end: number): boolean {
  return SPORTS_CONTEXT.test(text.slice(Math.max(0, start - 150), Math.min(text.length, end + 150)));
}

export const optionalNumber = (text: string | undefined): number | undefined => (text === undefined ? undefined : Number(text));

/** Numbers glued to these are amounts, paths, versions or ranges, not dates. */
export const NUMBER_GLUE_BEFORE = new Set(['$', '€', '£', '.', ',', '/', '-', '#', ':']);

// One small object of each kind this file makes per text, kept so that their maps outlive every text (base/shapes.ts).
keepShape(new Scan('', undefined));
keepShape(candidate('DATE', 0, 4, 0.9, { type: 'date', iso: '2024' }));
