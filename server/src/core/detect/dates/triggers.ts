/** The rules, and where their triggers can match: one pass over the words instead of one regex scan of the text per rule. */
import { isAnchorWord, isCurrencySign, readsAnchorsItself } from '../numbers/anchors';
import { DIGIT, EMPTY_FILTER_HASH, HASH_FILTER_MASK, NOT_WORD, UNDERSCORE, filterHashUnit, hashFilter, isApostrophe, isDigit, wordCharacterKinds } from '../shared/textScan';
import { isoDateRule, monthRule, numericDateRule } from './calendarDates';
import { holidayRule, relativeDayRule, weekdayRule } from './days';
import { attachedUnitRule, unitRule } from './durations';
import { centuryRule, decadeRule, quarterRule, seasonRule, shortFiscalYearRule, yearRule } from './periods';
import type { Rule } from './reading';
import { firstAtLeast } from '../../base/sortedSearch';
import { referenceRule } from './references';
import { frequencyRule } from './sets';
import { clockWithMeridiemRule, matchMinuteRule, oClockRule, timeOfDayRule, twentyFourHourClockRule } from './times';

/** Every rule, in the order their candidates are collected (which decides between equal candidates). */
export const RULES: readonly Rule[] = [
  monthRule, isoDateRule, numericDateRule, yearRule, shortFiscalYearRule, decadeRule, centuryRule, quarterRule, seasonRule,
  relativeDayRule, weekdayRule, holidayRule, referenceRule, clockWithMeridiemRule, twentyFourHourClockRule, oClockRule, timeOfDayRule, matchMinuteRule,
  unitRule, attachedUnitRule, frequencyRule,
];

/** The trigger of each rule tried at chosen positions, as a sticky regex that matches at one position only. */
const STICKY_TRIGGERS = RULES.map((rule) =>
  rule.startWords === undefined && rule.startsWithDigit === undefined ? undefined : new RegExp(rule.trigger.source, 'y'),
);

/** The indices in RULES of the rules a start word may start. */
const RULES_BY_START_WORD = new Map<string, number[]>();
RULES.forEach((rule, index) => {
  for (const word of rule.startWords ?? []) RULES_BY_START_WORD.set(word, [...(RULES_BY_START_WORD.get(word) ?? []), index]);
});

/** The letters a URL starts with ("http://", "https://", "www."): dates inside URLs are no dates. */
const URL_WORDS: ReadonlySet<string> = new Set(['http', 'https', 'www']);

/**
 * Set at the (masked) hash of every start word and URL word with its letters folded ("| 32"): the pass hashes each
 * word once, folded, for the number anchors too, and tests the exact hash (START_WORD_HASHES) only where this holds.
 */
const FOLDED_START_WORD_HASHES = hashFilter([...RULES_BY_START_WORD.keys(), ...URL_WORDS], true);

/** Set at the (masked) hash of every start word and URL word as written, so that most words are never sliced out of the text. */
const START_WORD_HASHES = hashFilter([...RULES_BY_START_WORD.keys(), ...URL_WORDS]);

/** Word characters to a regex \b without the u flag, by UTF-16 unit: ASCII letters, digits and "_". */
const WORD_CHARACTERS = wordCharacterKinds();

const LOWER_A = 0x61;
const LETTERS_AFTER_A = 25;

/** Kinds of the units that are no word character but that the pass looks at: one table lookup tells them apart. */
const APOSTROPHE = 4;
const CURRENCY_SIGN = 5;
const READ_BY_NUMBERS = 6;
const PASS_KINDS = wordCharacterKinds();
for (let code = 0; code < PASS_KINDS.length; code++) {
  if (PASS_KINDS[code] !== NOT_WORD) continue;
  if (isApostrophe(code)) PASS_KINDS[code] = APOSTROPHE;
  else if (isCurrencySign(code)) PASS_KINDS[code] = CURRENCY_SIGN;
  else if (readsAnchorsItself(code)) PASS_KINDS[code] = READ_BY_NUMBERS;
}

/** Where the triggers of rules with start words or a leading digit can match, found in one pass over the text. */
export interface TriggerStarts {
  /** For each rule with start words (by index in RULES), the ascending offsets where a word starts with one. */
  byStartWord: (number[] | undefined)[];
  /** The ascending offsets where a word starts with a digit, unless there are too many to try each. */
  digits: number[] | undefined;
  /** The ascending offsets of the apostrophes ("'", "’") just before a digit. */
  apostrophes: number[];
  /** The ascending offsets where a word starts with the letters "http", "https" or "www": where a URL may start. */
  urls: number[];
  /**
   * Where numbers may stand, as the number detector's anchorsOf finds them, when asked for: the pass over the words
   * finds them for both detectors. Undefined where anchorsOf reads a unit otherwise (a Kelvin sign, a "İ").
   */
  numberAnchors?: number[] | undefined;
}

/**
 * Trying a trigger at one position costs about as much as a regex scan of this many characters: on digit-dense
 * text (tables, scores), the rules that start with a digit scan the whole text instead.
 */
const CHARACTERS_PER_TRY = 100;

/** `withNumberAnchors`: find the number detector's anchors too, in the same pass. */
export function triggerStarts(text: string, units: Uint16Array, withNumberAnchors = false): TriggerStarts {
  return startsFrom(text, units, 0, Math.floor(units.length / CHARACTERS_PER_TRY), withNumberAnchors);
}

/**
 * triggerStarts(head, headUnits) for a head of the text whose starts are `whole`: the same starts up to the head's last
 * word, which the head may cut short and is read again, instead of a pass over the head.
 */
export function triggerStartsOfHead(whole: TriggerStarts, head: string, headUnits: Uint16Array): TriggerStarts {
  const length = headUnits.length;
  const mostDigitStarts = Math.floor(length / CHARACTERS_PER_TRY);
  if (whole.digits === undefined) return startsFrom(head, headUnits, 0, mostDigitStarts);
  // Where the head's last word starts (a regex \b holds there): starts before it are the whole text's.
  let cut = length;
  while (cut > 0 && WORD_CHARACTERS[headUnits[cut - 1]!] !== NOT_WORD) cut--;
  const tail = startsFrom(head, headUnits, cut, Number.MAX_SAFE_INTEGER);
  const before = (positions: readonly number[]): number[] => positions.slice(0, firstAtLeast(positions, cut));
  const digits = [...before(whole.digits), ...tail.digits!];
  return {
    byStartWord: whole.byStartWord.map((positions, rule) => (positions === undefined ? undefined : [...before(positions), ...tail.byStartWord[rule]!])),
    // As the pass gives up on digits past the most it tries (see startsFrom).
    digits: digits.length > mostDigitStarts ? undefined : digits,
    // An apostrophe that ends the head has no digit after it there.
    apostrophes: before(whole.apostrophes).filter((position) => position + 1 < length),
    urls: [...before(whole.urls), ...tail.urls],
    numberAnchors: undefined,
  };
}

/**
 * The starts from `from` (where a regex \b holds) to the end; digits are given up on past `mostDigitStarts` of them.
 * A word is hashed with its letters folded ("| 32"), for the number anchors and as a first filter of the start words.
 */
function startsFrom(text: string, units: Uint16Array, from: number, mostDigitStarts: number, withNumberAnchors = false): TriggerStarts {
  const byStartWord = RULES.map((rule): number[] | undefined => (rule.startWords === undefined ? undefined : []));
  const length = units.length;
  let digits: number[] | undefined = [];
  const apostrophes: number[] = [];
  const urls: number[] = [];
  let anchors: number[] | undefined = withNumberAnchors ? [] : undefined;
  let i = from;
  while (i < length) {
    const kind = PASS_KINDS[units[i]!]!;
    if (kind === NOT_WORD) {
      i++;
      continue;
    }
    if (kind > UNDERSCORE) {
      if (kind === APOSTROPHE && i + 1 < length && WORD_CHARACTERS[units[i + 1]!] === DIGIT) apostrophes.push(i);
      else if (kind === CURRENCY_SIGN) anchors?.push(i, i + 1);
      else if (kind === READ_BY_NUMBERS) anchors = undefined;
      i++;
      continue;
    }
    // A regex \b holds here: the unit before is no word character.
    const start = i;
    if (kind === DIGIT && digits !== undefined) {
      if (digits.length < mostDigitStarts) digits.push(start);
      else digits = undefined;
    }
    // One hash per letter, folded: start words are case-sensitive, so a word that passes the folded filter is hashed
    // again as written, which only start words and their other cases ("may" for "May") come to.
    let folded = EMPTY_FILTER_HASH;
    for (; i < length; i++) {
      // An ASCII letter is what folds into "a"–"z": an arithmetic test, cheaper than a table lookup for every letter.
      const lower = units[i]! | 32;
      if (lower - LOWER_A >>> 0 > LETTERS_AFTER_A) break;
      folded = filterHashUnit(folded, lower);
    }
    if (i > start && FOLDED_START_WORD_HASHES[folded & HASH_FILTER_MASK] === 1 && START_WORD_HASHES[exactHash(units, start, i) & HASH_FILTER_MASK] === 1) {
      const word = text.slice(start, i);
      const rules = RULES_BY_START_WORD.get(word);
      if (rules !== undefined) for (const rule of rules) byStartWord[rule]!.push(start);
      else if (URL_WORDS.has(word)) urls.push(start);
    }
    // The rest of the word: its digit runs are number anchors; a word with none may be an anchor word ("twenty").
    let hasDigits = false;
    for (; i < length; i++) {
      const code = units[i]!;
      const rest = WORD_CHARACTERS[code];
      if (rest === NOT_WORD) break;
      if (rest !== DIGIT) {
        folded = filterHashUnit(folded, code | 32);
        continue;
      }
      hasDigits = true;
      const digitsStart = i;
      while (i + 1 < length && isDigit(units[i + 1]!)) i++;
      anchors?.push(digitsStart, i + 1);
    }
    if (anchors !== undefined && !hasDigits && isAnchorWord(text, start, i, folded)) anchors.push(start, i);
    // The unit that ended the word is most often a space or a stop, which the pass skips without a second look.
    if (i < length && PASS_KINDS[units[i]!] === NOT_WORD) i++;
  }
  return { byStartWord, digits, apostrophes, urls, numberAnchors: anchors };
}

/** The filter hash of units[start, end) as written. */
function exactHash(units: Uint16Array, start: number, end: number): number {
  let hash = EMPTY_FILTER_HASH;
  for (let k = start; k < end; k++) hash = filterHashUnit(hash, units[k]!);
  return hash;
}

/** Where a rule that starts with a digit can match, in order: undefined on digit-dense text, which a regex scan reads faster. */
function digitStarts(rule: Rule, starts: TriggerStarts): number[] | undefined {
  const { digits, apostrophes } = starts;
  if (rule.startsWithDigit === true || digits === undefined || apostrophes.length === 0) return digits;
  const merged: number[] = [];
  let a = 0;
  for (const digit of digits) {
    for (; a < apostrophes.length && apostrophes[a]! < digit; a++) merged.push(apostrophes[a]!);
    merged.push(digit);
  }
  for (; a < apostrophes.length; a++) merged.push(apostrophes[a]!);
  return merged;
}

/** Calls `sink.found` with every match of RULES[index]'s trigger in order, as a global regex scan would find them. */
/**
 * What forEachTrigger hands each match to: an object rather than a closure made per text, since optimised code that
 * called one text's closure was thrown away once that closure was garbage (see base/shapes.ts).
 */
export interface TriggerSink {
  found(trigger: RegExpExecArray): void;
}

export function forEachTrigger(index: number, text: string, starts: TriggerStarts, sink: TriggerSink): void {
  const rule = RULES[index]!;
  const positions = rule.startWords !== undefined ? starts.byStartWord[index] : rule.startsWithDigit ? digitStarts(rule, starts) : undefined;
  if (positions === undefined) {
    const { trigger } = rule;
    trigger.lastIndex = 0;
    for (let match = trigger.exec(text); match; match = trigger.exec(text)) sink.found(match);
    return;
  }
  const sticky = STICKY_TRIGGERS[index]!;
  // Like the global scan, the next match is looked for after the end of the last one.
  let resumeAt = 0;
  // Indexed: a for-of here allocates an iterator result per position wherever this megamorphic caller runs unoptimised.
  for (let p = 0; p < positions.length; p++) {
    const start = positions[p]!;
    if (start < resumeAt) continue;
    sticky.lastIndex = start;
    const match = sticky.exec(text);
    if (match === null) continue;
    sink.found(match);
    resumeAt = start + match[0].length;
  }
}
