/** Reading the number itself: digits with a scale ("1.5 billion", "$5m"), number words ("two dozen"), vague amounts ("tens of thousands"). */
import { isDigit } from '../shared/textScan';
import { parseWordNumber } from '../shared/wordNumbers';
import type { Token } from './tokens';
import { isNumberWord, type TokenView, wordValue } from './view';
import { CURRENCY_SYMBOLS, DASHES, FEW_AND_SEVERAL, SCALE_ABBREVIATIONS, SCALE_WORDS, SCALES_ALLOWED_SPACED, SCALES_NEEDING_CURRENCY, SCORE_WORDS, VAGUE_COUNTS, VAGUE_MULTIPLES } from './vocabulary';

/** The number itself, before any currency or unit: "800", "1.5 billion", "tens of thousands", "10-15". */
export interface Core {
  next: number;
  value: number;
  min?: number;
  max?: number;
  form: 'digits' | 'words' | 'vague';
  /** The power of ten applied by a scale word, so that "$10 to 15 million" can lend it to "10". */
  power: number;
  /** Text of the digits as written, for exact decimal scaling. */
  digits?: string;
  /** "3-1", "6-3": a score or a tally, which has no single value. */
  tally: boolean;
  /** A bare 18xx-20xx, probably a year. */
  yearLike: boolean;
  /** "one" on its own, which is more often a pronoun than a count. */
  bareOne: boolean;
}

/** value × 10^power, worked on the decimal as written, so that 1.2 × 10^9 is exactly 1200000000. */
export function scaleByPowerOfTen(value: number, power: number): number {
  if (power === 0) return value;
  const written = String(value);
  return written.includes('e') ? value * 10 ** power : Number(`${written}e${power}`);
}

/** The number at token `i`, after a currency sign or not (which allows digits only). */
export function coreAt(view: TokenView, i: number, afterCurrency: boolean): Core | undefined {
  const token = view.tokens[i];
  if (token === undefined) return undefined;
  if (token.kind === 'num') return token.blocked ? undefined : digitsCoreAt(view, i, afterCurrency);
  if (token.kind !== 'word' || afterCurrency) return undefined;
  return vagueCoreAt(view, i) ?? wordsCoreAt(view, i);
}

function digitsCoreAt(view: TokenView, i: number, afterCurrency: boolean): Core | undefined {
  const written = view.tokens[i].text;
  const digits = written.includes(',') ? written.replaceAll(',', '') : written;
  // A dash pair was already checked by blockCodesAndClusters: both halves are short amounts.
  let next = i + 1;
  let second: string | undefined;
  if (view.isGluedDash(next) && view.tokens[next + 1]?.kind === 'num' && view.glued(next + 1) && !view.tokens[next + 1].blocked) {
    second = view.tokens[next + 1].text.replaceAll(',', '');
    next += 2;
  } else if (
    // "$10-$15 million"
    afterCurrency && view.isGluedDash(next) && CURRENCY_SYMBOLS.has(view.tokens[next + 1]?.text ?? '') &&
    view.tokens[next + 2]?.kind === 'num' && view.glued(next + 2) && !view.tokens[next + 2].blocked
  ) {
    second = view.tokens[next + 2].text.replaceAll(',', '');
    next += 3;
  }
  const scale = scaleAt(view, next, afterCurrency);
  const power = scale?.power ?? 0;
  if (scale !== undefined) next = scale.next;
  const value = scaleByPowerOfTen(Number(digits), power);
  const core: Core = { next, value, form: 'digits', power, digits, tally: false, yearLike: false, bareOne: false };

  if (second === undefined) {
    // "2,000" is written as an amount, never as a year.
    core.yearLike = power === 0 && !afterCurrency && isYearLike(view.units, view.tokens[i]);
    return core;
  }
  const upper = scaleByPowerOfTen(Number(second), power);
  // In a table row, "40-44" is goals for and against, not a range.
  if (value < upper && !view.tokens[i].tableFigure && !nearScoreWord(view, i, next)) return { ...core, min: value, max: upper };
  return { ...core, tally: true };
}

/** Four digits from 1800 to 2099, as /^(?:18|19|20)\d\d$/ would test the token's text. */
export function isYearLike(units: Uint16Array, token: Token): boolean {
  if (token.end - token.start !== 4) return false;
  const first = units[token.start]!;
  const second = units[token.start + 1]!;
  const century = first === ONE ? second === EIGHT || second === NINE : first === TWO && second === ZERO;
  return century && isDigit(units[token.start + 2]!) && isDigit(units[token.start + 3]!);
}

const ZERO = 0x30;
const ONE = 0x31;
const TWO = 0x32;
const EIGHT = 0x38;
const NINE = 0x39;

function nearScoreWord(view: TokenView, first: number, next: number): boolean {
  for (let k = Math.max(0, first - 3); k < Math.min(view.count, next + 2); k++) {
    if (view.tokens[k].kind === 'word' && SCORE_WORDS.has(view.lower(k))) return true;
  }
  return false;
}

/** "million", " bn", "bn" (glued), "m" after a currency. */
function scaleAt(view: TokenView, i: number, afterCurrency: boolean): { power: number; next: number } | undefined {
  const token = view.tokens[i];
  if (token === undefined || token.kind !== 'word' || token.gap === 2) return undefined;
  const wordPower = SCALE_WORDS.get(view.lower(i));
  if (wordPower !== undefined && token.gap === 1) return { power: wordPower, next: i + 1 };
  const abbreviated = SCALE_ABBREVIATIONS.get(token.text) ?? SCALE_ABBREVIATIONS.get(view.lower(i));
  if (abbreviated === undefined) return undefined;
  if (SCALES_NEEDING_CURRENCY.has(token.text) && !afterCurrency) return undefined;
  if (token.gap === 1 && !SCALES_ALLOWED_SPACED.has(view.lower(i)) && !(afterCurrency && token.text === 'm')) return undefined;
  // "5 m" after a currency is million; a following word decides nothing more.
  return { power: abbreviated, next: i + 1 };
}

/** "tens of thousands", "hundreds", "dozens of", "several hundred", "a few thousand". */
function vagueCoreAt(view: TokenView, i: number): Core | undefined {
  const lower = view.lower(i);
  const vague = VAGUE_COUNTS.get(lower);
  if (vague !== undefined) {
    let min = vague.min;
    let next = i + 1;
    const ofMultiple = view.isWord(i + 1, 'of') && view.continues(i + 2) ? VAGUE_MULTIPLES.get(view.lower(i + 2)) : undefined;
    if (ofMultiple !== undefined && view.tokens[i + 2].kind === 'word') {
      min *= ofMultiple;
      next = i + 3;
    } else if (lower === 'tens' && !view.isWord(i + 1, 'of')) {
      return undefined;
    }
    const max = Math.round(min * vague.maxFactor) - 1;
    return { next, value: min, min, max, form: 'vague', power: 0, tally: false, yearLike: false, bareOne: false };
  }
  const fewOrSeveral = lower === 'several' ? FEW_AND_SEVERAL.several : lower === 'a' && view.isWord(i + 1, 'few') ? FEW_AND_SEVERAL.few : undefined;
  if (fewOrSeveral === undefined) return undefined;
  const scaleIndex = lower === 'several' ? i + 1 : i + 2;
  let power = view.continues(scaleIndex) ? SCALE_WORDS.get(view.lower(scaleIndex)) : undefined;
  if (power === undefined || view.tokens[scaleIndex].kind !== 'word') return undefined;
  let next = scaleIndex + 1;
  // "several hundred million", "a few hundred thousand": a larger scale multiplies.
  const larger = view.tokens[next]?.kind === 'word' && view.continues(next) ? SCALE_WORDS.get(view.lower(next)) : undefined;
  if (larger !== undefined && larger > power) {
    power += larger;
    next++;
  }
  const unit = 10 ** power;
  return {
    next, value: fewOrSeveral.low * unit, min: fewOrSeveral.low * unit, max: fewOrSeveral.high * unit,
    form: 'vague', power, tally: false, yearLike: false, bareOne: false,
  };
}

/** "three", "twenty-five", "two hundred and fifty thousand", "a million", "half a million", "two dozen". */
function wordsCoreAt(view: TokenView, i: number): Core | undefined {
  let first = i;
  let factor = 1;
  if (view.isWord(i, 'half') && view.isWord(i + 1, 'a') && view.continues(i + 2)) {
    factor = 0.5;
    first = i + 1;
  }
  // Longest run of tokens that could belong to a number phrase, then the longest prefix that parses.
  const pieces: string[] = [];
  let previousSmall: number | undefined;
  let end = first;
  while (end < view.count && end - first < 16) {
    const token = view.tokens[end];
    if (end > first && token.gap === 2) break;
    if (token.kind === 'word') {
      const lower = view.lower(end);
      const fits = isNumberWord(lower) || (lower === 'and' && end > first) || ((lower === 'a' || lower === 'an') && end === first);
      if (!fits) break;
      // "one two" or "five six" are two numbers: stop the run where no phrase could go on.
      const value = wordValue(lower);
      if (value !== undefined && value < 100 && previousSmall !== undefined && !(previousSmall >= 20 && previousSmall % 10 === 0 && value < 10)) break;
      if (lower !== 'and') previousSmall = value !== undefined && value < 100 ? value : undefined;
      pieces.push(lower);
    } else if (token.kind === 'sym' && DASHES.has(token.text) && token.gap === 0 && end > first && view.tokens[end + 1]?.kind === 'word' && view.glued(end + 1)) {
      pieces.push('-');
    } else {
      break;
    }
    end++;
  }
  for (let last = pieces.length; last > 0; last--) {
    if (pieces[last - 1] === '-' || pieces[last - 1] === 'and') continue;
    // Most phrases are one word, which needs no joining.
    const phrase = last === 1 ? pieces[0]! : pieces.slice(0, last).join(' ').replaceAll(' - ', '-');
    // "a" alone parses as 1, but only "a hundred", "a million" … are numbers.
    if (phrase === 'a' || phrase === 'an') continue;
    // One word is most phrases: its value is remembered (wordValue is parseWordNumber for words this short).
    let value = last === 1 && phrase.length <= 9 ? wordValue(phrase) : parseWordNumber(phrase);
    if (value === undefined || !Number.isInteger(value)) continue;
    let next = first + last;
    // "a dozen" parses whole; "two dozen" multiplies.
    if (view.isWord(next, 'dozen') && view.continues(next)) {
      value *= 12;
      next++;
    }
    const lastWord = pieces[last - 1];
    const power = SCALE_WORDS.get(lastWord) ?? 0;
    return {
      next, value: value * factor, form: 'words', power, tally: false, yearLike: false,
      bareOne: phrase === 'one' && next === i + 1,
    };
  }
  if (view.isWord(first, 'a') && view.isWord(first + 1, 'dozen') && view.continues(first + 1)) {
    return { next: first + 2, value: 12 * factor, form: 'words', power: 0, tally: false, yearLike: false, bareOne: false };
  }
  return undefined;
}
