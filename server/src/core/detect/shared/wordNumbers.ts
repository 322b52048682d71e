/**
 * English number words → numbers, for phrases such as "three years", "twenty-five days",
 * "a dozen times" or "two hundred thousand". Shared by the date and number detectors.
 */

/**
 * A lookup table without a prototype: looked up with words from the text, a plain object answered "constructor",
 * "toString" or "__proto__" with a function or Object.prototype instead of undefined.
 */
function wordTable(entries: Record<string, number>): Readonly<Record<string, number>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, number>, entries));
}

const UNITS = wordTable({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
});

const TENS = wordTable({
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
});

const MULTIPLIERS = wordTable({
  hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000, trillion: 1_000_000_000_000,
});

/** Words that stand for a whole phrase on their own. */
const STANDALONE = wordTable({
  a: 1, an: 1, dozen: 12, 'a dozen': 12, half: 0.5, 'a half': 0.5,
});

/** Longest input worth looking at; real number phrases are far shorter, and this bounds the work. */
const MAX_INPUT_LENGTH = 200;

/** Value of one "twenty-five" / "seven" / "ninety" group, or undefined. */
function parseBelowHundred(word: string): number | undefined {
  if (word in UNITS) return UNITS[word];
  if (word in TENS) return TENS[word];
  const hyphen = word.indexOf('-');
  if (hyphen < 0) return undefined;
  const tens = TENS[word.slice(0, hyphen)];
  const unit = UNITS[word.slice(hyphen + 1)];
  return tens !== undefined && unit !== undefined && unit > 0 && unit < 10 ? tens + unit : undefined;
}

/**
 * Parses an English number phrase, case-insensitively: "one" … "ninety-nine", "twenty five",
 * "a hundred", "two hundred and five", "three thousand", "a dozen", "half".
 * Returns undefined for anything that is not entirely a number phrase.
 */
export function parseWordNumber(s: string): number | undefined {
  if (s.length > MAX_INPUT_LENGTH) return undefined;
  const phrase = s.trim().toLowerCase().replace(/\s+/g, ' ');
  if (phrase === '') return undefined;
  if (phrase in STANDALONE) return STANDALONE[phrase];

  const words = phrase.split(/ |-(?=(?:hundred|thousand|million|billion|trillion)$)/);
  let total = 0;
  let group: number | undefined;
  let previousMultiplier = Infinity;
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    if (word === 'and') {
      // "two hundred and five": only between a multiplier and a following number.
      if (group === undefined && total === 0) return undefined;
      if (index === words.length - 1) return undefined;
      continue;
    }
    const multiplier = MULTIPLIERS[word];
    if (multiplier !== undefined) {
      const count = group ?? (index === 0 ? undefined : 0);
      if (count === undefined || count === 0) return undefined;
      if (multiplier === 100) {
        group = count * 100;
        continue;
      }
      if (multiplier >= previousMultiplier) return undefined;
      previousMultiplier = multiplier;
      total += count * multiplier;
      group = undefined;
      continue;
    }
    if ((word === 'a' || word === 'an') && index === 0 && words.length > 1) {
      group = 1;
      continue;
    }
    const small = parseBelowHundred(word);
    if (small === undefined) return undefined;
    // "twenty five" is one number; "five five" or "twenty twenty" is not.
    const previous = group ?? 0;
    const lastTwoDigits = previous % 100;
    if (lastTwoDigits !== 0 && !(lastTwoDigits % 10 === 0 && small < 10)) return undefined;
    group = previous + small;
  }
  return total + (group ?? 0);
}
