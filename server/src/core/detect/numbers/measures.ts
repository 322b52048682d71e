/** What follows a number: percent, a currency, a unit of measure, nothing, or a time unit or month that makes it a date's. */
import type { Core } from './amounts';
import { beginsWithAsciiCapital } from './tokens';
import type { TokenView } from './view';
import { ABBREVIATED_UNITS_BY_FIRST, CENT_NOUNS, PENCE_NOUNS, CURRENCY_ADJECTIVES, CURRENCY_NOUNS, CURRENCY_SYMBOLS, DASHES, GLUED_ONLY_UNITS, ISO_CURRENCIES, MONTHS, PERCENT_PHRASES, TIME_UNITS, type UnitPattern, WORD_UNITS_BY_FIRST } from './vocabulary';

/** What follows the number, and the token after it. */
export type Measure =
  | { kind: 'percent'; power: number; next: number }
  /** `currency` is undefined for a currency several countries name alike ("crowns", "shillings"). */
  | { kind: 'money'; currency: string | undefined; hundredths: boolean; next: number }
  | { kind: 'unit'; unit: string; next: number }
  | { kind: 'plain'; next: number };

/** What follows the number: percent, currency, unit, nothing, or undefined for a time unit or a month. */
export function measureAt(view: TokenView, core: Core): Measure | undefined {
  const i = core.next;
  const token = view.tokens[i];
  const plain: Measure = { kind: 'plain', next: i };
  if (token === undefined || token.gap === 2) return plain;

  if (token.kind === 'sym') {
    if (token.text === '%' || token.text === '٪') return { kind: 'percent', power: -2, next: i + 1 };
    const symbolCurrency = CURRENCY_SYMBOLS.get(token.text);
    if (symbolCurrency !== undefined && core.form === 'digits') return { kind: 'money', currency: symbolCurrency, hundredths: false, next: i + 1 };
    if (token.text === ':' && view.tokens[i + 1]?.kind === 'num' && view.glued(i + 1)) return undefined;
    // "155-mm", "10-km", "three-year", "20-month-old", "percentage-point"
    if (DASHES.has(token.text) && token.gap === 0 && view.tokens[i + 1]?.kind === 'word' && view.glued(i + 1)) {
      if (isTimeWord(view, i + 1)) return undefined;
      const unit = unitAt(view, i + 1);
      if (unit !== undefined) return { kind: 'unit', unit: unit.unit, next: unit.next };
      if (view.isWord(i + 1, 'pound')) return { kind: 'unit', unit: 'lb', next: i + 2 };
    }
    if (token.text === '°') {
      const unit = unitAt(view, i);
      if (unit !== undefined) return { kind: 'unit', unit: unit.unit, next: unit.next };
    }
    return plain;
  }
  if (token.kind !== 'word') return plain;

  if (isTimeWord(view, i) || (core.form === 'digits' && beginsWithAsciiCapital(token, view.units) && MONTHS.has(token.text))) return undefined;
  // "5 a.m.", "6 p.m."
  if ((view.isWord(i, 'a') || view.isWord(i, 'p')) && view.tokens[i + 1]?.text === '.' && view.glued(i + 1) && view.isWord(i + 2, 'm')) return undefined;

  if (token.gap === 0) {
    const lower = view.lower(i);
    if (lower === 'pc') return { kind: 'percent', power: -2, next: i + 1 };
    const gluedUnit = GLUED_ONLY_UNITS.get(token.text);
    if (gluedUnit !== undefined && core.form === 'digits') return { kind: 'unit', unit: gluedUnit, next: i + 1 };
  }
  const percent = percentAt(view, i);
  if (percent !== undefined) return percent;
  const money = currencyAfterAt(view, i, core);
  if (money !== undefined) return money;
  const unit = unitAt(view, i);
  if (unit !== undefined) return { kind: 'unit', unit: unit.unit, next: unit.next };
  return plain;
}

/** A unit of time, a clock word or a time zone: the number before it is the date detector's. */
export function isTimeWord(view: TokenView, index: number): boolean {
  const token = view.tokens[index];
  if (token?.kind !== 'word') return false;
  const lower = view.lower(index);
  // "s" and "h" are time units only glued to the digits: "30s", "24h".
  if (lower === 's' || lower === 'h') return token.gap === 0;
  return TIME_UNITS.has(lower);
}

/** PERCENT_PHRASES by their first word, in their order: most words are settled by one lookup. */
const PERCENT_PHRASES_BY_FIRST = new Map<string, (typeof PERCENT_PHRASES)[number][]>();
for (const phrase of PERCENT_PHRASES) PERCENT_PHRASES_BY_FIRST.set(phrase.words[0]!, [...(PERCENT_PHRASES_BY_FIRST.get(phrase.words[0]!) ?? []), phrase]);

export function percentAt(view: TokenView, i: number): Measure | undefined {
  if (view.tokens[i]?.kind !== 'word') return undefined;
  for (const { words, power } of PERCENT_PHRASES_BY_FIRST.get(view.lower(i)) ?? []) {
    if (words.every((word, offset) => offset === 0 || (view.continues(i + offset) && view.isWord(i + offset, word)))) {
      return { kind: 'percent', power, next: i + words.length };
    }
  }
  if (view.isWord(i, 'percentage') && view.isGluedDash(i + 1) && view.isWord(i + 2, 'point')) return { kind: 'percent', power: -2, next: i + 3 };
  return undefined;
}

/** The first words of CURRENCY_ADJECTIVES' two-word keys. */
const TWO_WORD_ADJECTIVE_FIRSTS: ReadonlySet<string> = new Set([...CURRENCY_ADJECTIVES.keys()].filter((key) => key.includes(' ')).map((key) => key.split(' ')[0]!));

/** "dollars", "US dollars", "Swiss francs", "UAH", "cents", "billions of dollars". */
function currencyAfterAt(view: TokenView, i: number, core: Core): Measure | undefined {
  let index = i;
  if (core.form === 'vague' && view.isWord(i, 'of') && view.continues(i + 1)) index = i + 1;
  const token = view.tokens[index];
  if (token === undefined || token.kind !== 'word') return undefined;
  const capitalised = beginsWithAsciiCapital(token, view.units);
  if (capitalised && ISO_CURRENCIES.has(token.text) && index === i && core.form === 'digits') {
    return { kind: 'money', currency: token.text, hundredths: false, next: i + 1 };
  }
  let adjective: string | undefined;
  // Only a few first words ("Hong", "New", "South") begin a two-word adjective: no key is built for the others.
  const twoWordAdjective = capitalised && TWO_WORD_ADJECTIVE_FIRSTS.has(token.text) && view.continues(index + 1)
    ? CURRENCY_ADJECTIVES.get(`${token.text} ${view.tokens[index + 1]?.text}`)
    : undefined;
  if (twoWordAdjective !== undefined) {
    adjective = twoWordAdjective;
    index += 2;
  } else if (capitalised && CURRENCY_ADJECTIVES.has(token.text) && view.continues(index + 1)) {
    adjective = CURRENCY_ADJECTIVES.get(token.text);
    index += 1;
  }
  if (view.tokens[index]?.kind !== 'word') return undefined;
  const noun = view.lower(index);
  if (CENT_NOUNS.has(noun) && adjective === undefined) return { kind: 'money', currency: 'USD', hundredths: true, next: index + 1 };
  if (PENCE_NOUNS.has(noun) && adjective === undefined) return { kind: 'money', currency: 'GBP', hundredths: true, next: index + 1 };
  if (!CURRENCY_NOUNS.has(noun)) return undefined;
  if (noun === 'won' && adjective === undefined && core.power === 0) return undefined;
  if ((noun === 'pound' || noun === 'pounds') && adjective === undefined) {
    if (view.isWord(index + 1, 'sterling')) return { kind: 'money', currency: 'GBP', hundredths: false, next: index + 2 };
    if (view.isWord(index + 1, 'of') || weighingBefore(view, i)) return { kind: 'unit', unit: 'lb', next: index + 1 };
  }
  const currency = adjective ?? CURRENCY_NOUNS.get(noun);
  // "9 billion crowns" is money, in crowns of a country the text may not name; "won three crowns" are titles.
  if (currency === undefined && core.form !== 'digits') return undefined;
  return { kind: 'money', currency, hundredths: false, next: index + 1 };
}

/** "weighs 200 pounds", "weighing 5 pounds": pounds of weight, not of money. */
function weighingBefore(view: TokenView, i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    if (view.tokens[k].kind === 'word' && view.lower(k).startsWith('weigh')) return true;
  }
  return false;
}

function unitAt(view: TokenView, i: number): { unit: string; next: number } | undefined {
  const token = view.tokens[i];
  if (token === undefined) return undefined;
  // Abbreviations first, then spelled-out units: of two that fit equally long, the first found stays.
  const abbreviated = longestUnitAt(view, i, ABBREVIATED_UNITS_BY_FIRST.get(token.text), undefined);
  return longestUnitAt(view, i, WORD_UNITS_BY_FIRST.get(view.lower(i)), abbreviated);
}

/** The longest of `candidates` that fits at token `i`, if longer than `best`. */
function longestUnitAt(view: TokenView, i: number, candidates: readonly UnitPattern[] | undefined, best: { unit: string; next: number } | undefined): { unit: string; next: number } | undefined {
  if (candidates === undefined) return best;
  for (const { words, unit, caseSensitive } of candidates) {
    if (best !== undefined && words.length <= best.next - i) continue;
    const fits = words.every((word, offset) => {
      const candidate = view.tokens[i + offset];
      if (candidate === undefined) return false;
      // Words of a unit may be spaced ("square kilometres", "sq km"); symbols and digits hold on ("km/h", "km2").
      if (offset > 0 && (candidate.gap === 2 || (candidate.kind !== 'word' && candidate.gap !== 0))) return false;
      return caseSensitive ? candidate.text === word : view.lower(i + offset) === word;
    });
    if (fits) best = { unit, next: i + words.length };
  }
  return best;
}
