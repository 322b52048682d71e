/** Where to look: only around digits, currency signs and number words, found in one pass over the text. */
import { DIGIT, EMPTY_FILTER_HASH, HASH_FILTER_MASK, LETTER, filterHashUnit, hashFilter, isDigit, wordCharacterKinds } from '../shared/textScan';
import { UNHASHED, isSpace } from './tokens';
import { CURRENCY_SYMBOLS, DOLLAR_PREFIXES, FRACTION_DENOMINATORS, ISO_CURRENCIES, MODIFIERS_BY_FIRST_WORD, ORDINAL_WORDS, VAGUE_COUNTS } from './vocabulary';

/**
 * Words that every number phrase contains at least one of (with digits and currency signs); their
 * values come from parseWordNumber and the tables above. Only the text around these is tokenized.
 */
const ANCHOR_WORDS = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty',
  'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'thousand', 'million', 'billion',
  'trillion', 'dozen', ...VAGUE_COUNTS.keys(), ...ORDINAL_WORDS.keys(), ...FRACTION_DENOMINATORS.keys(),
];
const ANCHOR_WORD_SET: ReadonlySet<string> = new Set(ANCHOR_WORDS);
/** For the rare text with a "İ", whose lower-case form is longer: the same search, case-insensitive on the text itself. */
const ANCHOR_ANY_CASE = new RegExp(
  `\\d+|[${[...CURRENCY_SYMBOLS.keys()].join('').replace('$', '\\$')}]|\\b(?:${[...ANCHOR_WORD_SET].sort((a, b) => b.length - a.length).join('|')})\\b`,
  'gi',
);
/** Words a match can begin with, in lower case, and the case-sensitive currency prefixes ("US$", "UAH"). */
export const START_WORDS = new Set<string>([
  ...ANCHOR_WORDS, ...MODIFIERS_BY_FIRST_WORD.keys(), 'a', 'an', 'between', 'several', ...DOLLAR_PREFIXES.keys(),
  ...ISO_CURRENCIES, 'Rs',
]);
/** Context kept around an anchor: room for "in excess of" before it and "kilometres per hour" after. */
const CONTEXT_BEFORE = 40;
const CONTEXT_AFTER = 64;

const UNDERSCORE = 0x5f;
const KELVIN_SIGN = 0x212a;
const CAPITAL_I_WITH_DOT = 0x130;

/**
 * What each UTF-16 unit is to the anchor search: part of a word as a regex \b sees the lower-cased text
 * (a letter, digit or "_", which is hashed like a letter; the Kelvin sign lower-cases to "k"), a currency sign
 * (each is one unit), a "İ", or nothing. One table lookup per character instead of range tests and a set lookup.
 */
const CURRENCY_SIGN = 4;
const DOTTED_CAPITAL_I = 5;
const CHARACTER_KINDS = wordCharacterKinds();
CHARACTER_KINDS[UNDERSCORE] = LETTER;
CHARACTER_KINDS[KELVIN_SIGN] = LETTER;
for (const symbol of CURRENCY_SYMBOLS.keys()) CHARACTER_KINDS[symbol.charCodeAt(0)] = CURRENCY_SIGN;
CHARACTER_KINDS[CAPITAL_I_WITH_DOT] = DOTTED_CAPITAL_I;

export function isCurrencySign(code: number): boolean {
  return CHARACTER_KINDS[code] === CURRENCY_SIGN;
}

// Words are hashed with their ASCII letters lower-cased ("| 32"), while scanning, so that most words never become strings.
/** Set at the (masked) hash of every anchor word; words that miss it cannot be anchors. */
const ANCHOR_HASHES = hashFilter(ANCHOR_WORD_SET, true);

/** Set at the (masked) hash of every start word, so that most words need no lower-casing or set lookup. */
const START_HASHES = hashFilter(START_WORDS, true);

/**
 * False for a word that is a start word in no case, given its Token.foldedHash (only ASCII letters fold to lower case
 * by "| 32", so a word with a unit past ASCII has no such hash, and may be one).
 */
export function mayBeStartWord(foldedHash: number): boolean {
  return foldedHash === UNHASHED || START_HASHES[foldedHash & HASH_FILTER_MASK] === 1;
}

/**
 * Whether text[start, end), a whole word of ASCII letters and "_" whose filter hash with letters folded ("| 32") is
 * `foldedHash`, is an anchor word: for a pass over the words that finds anchors along with what it looks for.
 */
export function isAnchorWord(text: string, start: number, end: number, foldedHash: number): boolean {
  return ANCHOR_HASHES[foldedHash & HASH_FILTER_MASK] === 1 && ANCHOR_WORD_SET.has(text.slice(start, end).toLowerCase());
}

/** The units anchorsOf reads otherwise than as a regex \b sees words: a Kelvin sign is a letter here, a "İ" gives up. */
export function readsAnchorsItself(code: number): boolean {
  return code === KELVIN_SIGN || code === CAPITAL_I_WITH_DOT;
}

/**
 * Start and end offsets, flattened, of the anchors: digit runs, currency signs, and whole words
 * (bounded as a regex \b bounds them in the lower-cased text) that are anchor words in any case.
 * Undefined when the text holds a "İ", which lower-cases to two characters.
 */
export function anchorsOf(text: string, units: Uint16Array): number[] | undefined {
  const anchors: number[] = [];
  const length = units.length;
  let i = 0;
  while (i < length) {
    const kind = CHARACTER_KINDS[units[i]!]!;
    if (kind !== LETTER && kind !== DIGIT) {
      if (kind === DOTTED_CAPITAL_I) return undefined;
      if (kind === CURRENCY_SIGN) anchors.push(i, i + 1);
      i++;
      continue;
    }
    // A run of word characters: an anchor word only as a whole; otherwise only its digits count.
    const start = i;
    let hash = EMPTY_FILTER_HASH;
    let hasDigits = false;
    for (; i < length; i++) {
      const next = units[i]!;
      const nextKind = CHARACTER_KINDS[next];
      if (nextKind === LETTER) hash = filterHashUnit(hash, next | 32);
      else if (nextKind === DIGIT) hasDigits = true;
      else break;
    }
    if (!hasDigits) {
      if (ANCHOR_HASHES[hash & HASH_FILTER_MASK] === 1 && ANCHOR_WORD_SET.has(text.slice(start, i).toLowerCase())) anchors.push(start, i);
      continue;
    }
    for (let k = start; k < i; k++) {
      if (!isDigit(units[k]!)) continue;
      const digitsStart = k;
      while (k < i && isDigit(units[k]!)) k++;
      anchors.push(digitsStart, k);
    }
  }
  return anchors;
}

function anchorsOfAnyCase(text: string): number[] {
  const anchors: number[] = [];
  ANCHOR_ANY_CASE.lastIndex = 0;
  for (let anchor = ANCHOR_ANY_CASE.exec(text); anchor !== null; anchor = ANCHOR_ANY_CASE.exec(text)) anchors.push(anchor.index, anchor.index + anchor[0].length);
  return anchors;
}

/**
 * Disjoint stretches of the text, cut at whitespace, that hold every anchor with its context, as start and end offsets
 * flattened (one array of numbers, not an array per stretch). `found`, the anchors as anchorsOf gives them, when a pass
 * over the words made for another detector found them already.
 */
export function segmentsToScan(text: string, units: Uint16Array, found?: readonly number[]): number[] {
  const segments: number[] = [];
  const length = units.length;
  const anchors = found ?? anchorsOf(text, units) ?? anchorsOfAnyCase(text);
  // The end of the last stretch, 0 before the first.
  let lastEnd = 0;
  for (let a = 0; a < anchors.length; a += 2) {
    const from = Math.max(0, anchors[a] - CONTEXT_BEFORE);
    // Scan forward from where the previous segment ended, so a long chunk is walked once.
    let to = Math.max(Math.min(length, anchors[a + 1] + CONTEXT_AFTER), lastEnd);
    while (to < length && !isSpace(units[to]!)) to++;
    if (segments.length > 0 && from <= lastEnd) {
      segments[segments.length - 1] = lastEnd = to;
      continue;
    }
    let start = from;
    while (start > lastEnd && !isSpace(units[start - 1]!)) start--;
    if (segments.length > 0 && start <= lastEnd) segments[segments.length - 1] = to;
    else segments.push(start, to);
    lastEnd = to;
  }
  return segments;
}
