/** The scan over one stretch's tokens: at each token that could start a number, the longest phrase, range, ordinal or fraction. */
import type { Span } from '../shared/detection';
import { coreAt, scaleByPowerOfTen } from './amounts';
import { isCurrencySign, mayBeStartWord, START_WORDS } from './anchors';
import { followsName, isDayOfMonth, isListMarker, isResultScore, oneIsACount, pluralNounFollowsNonYear, secondIsOrdinal } from './context';
import { isTimeWord, type Measure, measureAt, percentAt } from './measures';
import { type Match, mergeRange, type Phrase, toMatch } from './values';
import { beginsWithAsciiCapital, isOneUnit } from './tokens';
import { isNumberWord, TokenView, wordValue } from './view';
import { CURRENCY_SYMBOLS, DASHES, DOLLAR_PREFIXES, FRACTION_DENOMINATORS, ISO_CURRENCIES, MODIFIERS_BY_FIRST_WORD, MONTHS, ORDINAL_SUFFIXES, ORDINAL_WORDS, PREPOSITION_MODIFIERS, SCALE_WORDS, VAGUE_COUNTS } from './vocabulary';

/** Words an article may be followed by in a number ("a few", "a dozen", "an estimated", "a and" before a number word). */
const ARTICLE_NEXT_WORDS: ReadonlySet<string> = new Set(['few', 'dozen', 'estimated', 'and']);

/**
 * First words of modifiers ("in excess of", "more than", "up to", "at least") that are no number, ordinal, fraction,
 * vague count or scale themselves: every reading at such a word goes through its modifier, so without the modifier
 * there is no number to find there.
 */
const MODIFIER_ONLY_START_WORDS: ReadonlySet<string> = new Set(
  [...MODIFIERS_BY_FIRST_WORD.keys()].filter(
    (word) => word !== 'a' && word !== 'an' && word !== 'between' && word !== 'several' && word !== 'half' && word !== 'dozen' &&
      wordValue(word) === undefined && !isNumberWord(word) && !ORDINAL_WORDS.has(word) && !FRACTION_DENOMINATORS.has(word) &&
      !VAGUE_COUNTS.has(word) && !SCALE_WORDS.has(word) && !isCurrencyWord(word),
  ),
);

/** Each modifier's words joined by spaces, as Phrase.modifier holds them. */
const MODIFIER_PHRASES: ReadonlyMap<readonly string[], string> = new Map(
  [...MODIFIERS_BY_FIRST_WORD.values()].flat().map((words) => [words, words.join(' ')]),
);

/** "US" (in "US$"), "UAH", "Rs": a currency written before the digits, which starts a number on its own. */
function isCurrencyWord(text: string): boolean {
  return DOLLAR_PREFIXES.has(text) || ISO_CURRENCIES.has(text) || text === 'Rs';
}

const DOLLAR_SIGN = 0x24;

/** A duration, time or date ("three years", "6 pm", "4 November"): none of ours; resume at `next`. */
interface Skip {
  skip: true;
  next: number;
}

/** Finds the numbers among one stretch's tokens, left to right, each where the longest reading of it ends. */
export class NumberScanner extends TokenView {
  /** The token modifierAt last looked at, and what it found there. */
  private modifierIndex = -1;
  private modifierWords: readonly string[] | undefined = undefined;

  /** Adds the spans found to `spans`. */
  scan(spans: Span[]): void {
    const { tokens, count } = this;
    for (let i = 0; i < count; ) {
      // Most tokens are words whose hash says they start nothing: they are passed over without a call.
      const token = tokens[i];
      if (token.kind === 'word' && !mayBeStartWord(token.foldedHash)) {
        i++;
        continue;
      }
      const match = this.couldStart(i) ? this.matchAt(i) : undefined;
      if (match) {
        if (match.span) spans.push(match.span);
        i = match.next;
      } else {
        i++;
      }
    }
  }

  private couldStart(index: number): boolean {
    const token = this.tokens[index];
    if (token.kind === 'num') return !token.blocked;
    if (token.kind === 'sym') return (token.end - token.start === 1 && isCurrencySign(this.units[token.start]!)) || this.signAt(index);
    if (!mayBeStartWord(token.foldedHash)) return false;
    const lowered = this.lower(index);
    if (!START_WORDS.has(lowered) && (lowered === token.text || !START_WORDS.has(token.text))) return false;
    // Common words that start a number only in a few readings ("a", "in", "more", "as"): each is ruled out here,
    // by the word after it, at a fraction of the cost of trying every reading (see the sets' comments).
    if (beginsWithAsciiCapital(token, this.units) && isCurrencyWord(token.text)) return true;
    if (lowered === 'a' || lowered === 'an') return this.articleMayStart(index);
    if (MODIFIER_ONLY_START_WORDS.has(lowered)) return this.modifierEnd(index) !== undefined;
    return true;
  }

  /**
   * "a"/"an" start a number only as "a dozen", "a few hundred", "a third of", "a million", "an estimated 5,000", "a-hundred":
   * false when the next token is a word none of these readings takes.
   */
  private articleMayStart(index: number): boolean {
    const next = this.tokens[index + 1];
    if (next === undefined) return false;
    if (next.kind !== 'word') return true;
    const lower = this.lower(index + 1);
    return ARTICLE_NEXT_WORDS.has(lower) || FRACTION_DENOMINATORS.has(lower) || isNumberWord(lower);
  }

  private matchAt(i: number): Match | undefined {
    const ordinal = this.ordinalAt(i);
    if (ordinal !== undefined) return ordinal;
    const fraction = this.fractionAt(i) ?? this.modifiedFractionAt(i);
    if (fraction !== undefined) return fraction;

    if (this.isWord(i, 'between')) {
      const first = this.phraseAt(i + 1, false);
      if (first === undefined || isSkip(first)) return first;
      return this.rangeAfter(i, first, 'and');
    }
    const phrase = this.phraseAt(i);
    if (phrase === undefined || isSkip(phrase)) return phrase;
    const range = this.rangeAfter(i, phrase, 'to') ?? this.rangeAfter(i, phrase, 'or');
    if (range !== undefined) return range;
    return this.standsAlone(phrase) ? toMatch(this, phrase) : undefined;
  }

  /**
   * "between X and Y" / "X to Y" / "X - Y" / "X or Y" as one span. Undefined when no range follows `first`; a skip
   * when the second half is a duration or a date ("one to five years"), which takes the first along.
   */
  private rangeAfter(spanStart: number, first: Phrase, joiner: 'and' | 'to' | 'or'): Match | undefined {
    const joinerIndex = first.next;
    const joinerToken = this.tokens[joinerIndex];
    if (joinerToken === undefined || !this.continues(joinerIndex) || !this.continues(joinerIndex + 1)) return undefined;
    const spacedDash = joiner === 'to' && DASHES.has(joinerToken.text) && joinerToken.gap === 1 && !this.glued(joinerIndex + 1);
    if (!this.isWord(joinerIndex, joiner) && !spacedDash) return undefined;
    const second = this.phraseAt(joinerIndex + 1, false);
    if (second === undefined) return undefined;
    if (isSkip(second)) return second;
    // "rose from 5% to 7%" is a change between two amounts, not a range.
    if (joiner === 'to' && spanStart > 0 && this.isWord(spanStart - 1, 'from')) return undefined;
    const merged = mergeRange(first, second);
    return merged === undefined ? undefined : toMatch(this, { ...merged, start: spanStart });
  }

  /** One amount with its modifier, currency and unit, or a skip past a duration, time or date. */
  private phraseAt(i: number, allowModifier = true): Phrase | Skip | undefined {
    let coreStart = i;
    let modifier: string | undefined;
    const modifierWords = allowModifier ? this.modifierAt(i) : undefined;
    if (modifierWords !== undefined) {
      // The tokens' lower-case texts are the modifier's words.
      modifier = MODIFIER_PHRASES.get(modifierWords);
      coreStart = i + modifierWords.length;
    }
    const signed = this.signAt(coreStart);
    if (signed) coreStart++;
    const prefix = signed ? undefined : this.currencyPrefixAt(coreStart);
    if (prefix !== undefined) coreStart = prefix.next;
    if (coreStart !== i && !this.continues(coreStart)) return undefined;
    let core = coreAt(this, coreStart, prefix !== undefined);
    if (core === undefined) return undefined;
    if (signed) {
      // "-5-10" or "-3-1" has no single signed value: the digits are read again on their own.
      if (core.min !== undefined || core.tally) return undefined;
      core = { ...core, value: -core.value, yearLike: false };
    }
    // "World War Two", "Formula One": a capitalised number word mid-sentence is part of a name.
    if (core.form !== 'digits' && this.isCapitalised(coreStart) && !this.startsSentence(coreStart)) return undefined;

    const measure: Measure | undefined = prefix !== undefined ? { kind: 'money', currency: prefix.currency, hundredths: false, next: core.next } : measureAt(this, core);
    if (measure === undefined) return { skip: true, next: core.next };
    // Digits glued to a word nobody consumed: "5G", "3D".
    if (core.form === 'digits' && measure.next === core.next && this.tokens[core.next]?.kind === 'word' && this.glued(core.next)) return undefined;
    if (core.tally && measure.kind !== 'plain') return undefined;
    return { start: i, next: measure.next, core, measure, modifier };
  }

  /** Checks that only matter for a number on its own, outside a range. */
  private standsAlone(phrase: Phrase): boolean {
    const { core, measure, modifier } = phrase;
    if (measure.kind !== 'plain') return true;
    if (modifier !== undefined && !PREPOSITION_MODIFIERS.has(modifier)) return true;
    const coreStart = phrase.start + (modifier?.split(' ').length ?? 0);
    if (core.bareOne && !oneIsACount(this, coreStart)) return false;
    if (core.yearLike && (modifier !== undefined || !pluralNounFollowsNonYear(this, coreStart, core.next))) return false;
    if (modifier !== undefined || core.form !== 'digits' || core.power !== 0 || core.tally || core.min !== undefined) return true;
    if (isDayOfMonth(this, coreStart, core.value) || isListMarker(this, coreStart)) return false;
    // Thousands separators make an amount even after a name ("the Kospi 2,641.20"); "iPhone 15" is a name.
    return this.tokens[coreStart].text.includes(',') || this.tokens[coreStart].tableFigure || !followsName(this, coreStart) || isResultScore(this, coreStart);
  }

  /**
   * A minus sign written before digits, "-14" (a score to par), "−5 degrees": the sign belongs to the number.
   * Not the hyphen of "F-16" or "10-15", which is glued to what comes before it (an opening bracket aside: "(-0.3%)").
   */
  private signAt(i: number): boolean {
    const token = this.tokens[i];
    if (token?.kind !== 'sym' || !this.isMinusSign(i)) return false;
    if (token.gap === 0 && i > 0 && this.tokens[i - 1].text !== '(' && this.tokens[i - 1].text !== '[') return false;
    const digits = this.tokens[i + 1];
    return digits?.kind === 'num' && digits.gap === 0 && !digits.blocked;
  }

  private modifierEnd(i: number): number | undefined {
    const words = this.modifierAt(i);
    return words === undefined ? undefined : i + words.length;
  }

  /**
   * The words of the modifier at token `i`, if any. couldStart, modifiedFractionAt and phraseAt each ask about the
   * same token in turn, so the last answer is kept.
   */
  private modifierAt(i: number): readonly string[] | undefined {
    if (i === this.modifierIndex) return this.modifierWords;
    let found: readonly string[] | undefined;
    const candidates = this.tokens[i]?.kind === 'word' ? MODIFIERS_BY_FIRST_WORD.get(this.lower(i)) : undefined;
    if (candidates !== undefined) {
      for (const words of candidates) {
        let offset = 1;
        while (offset < words.length && this.continues(i + offset) && this.isWord(i + offset, words[offset]!)) offset++;
        if (offset === words.length) {
          found = words;
          break;
        }
      }
    }
    this.modifierIndex = i;
    this.modifierWords = found;
    return found;
  }

  /** "$", "US$", "€", "UAH", "Rs" right before digits. */
  private currencyPrefixAt(i: number): { currency: string; next: number } | undefined {
    const token = this.tokens[i];
    if (token === undefined) return undefined;
    let currency: string | undefined;
    let next = i + 1;
    if (token.kind === 'sym') {
      currency = CURRENCY_SYMBOLS.get(token.text);
    } else if (token.kind === 'word' && beginsWithAsciiCapital(token, this.units)) {
      if (DOLLAR_PREFIXES.has(token.text) && isOneUnit(this.tokens[i + 1], this.units, DOLLAR_SIGN) && this.glued(i + 1)) {
        currency = DOLLAR_PREFIXES.get(token.text);
        next = i + 2;
      } else if (ISO_CURRENCIES.has(token.text)) {
        currency = token.text;
      } else if (token.text === 'Rs') {
        currency = 'INR';
        if (this.tokens[next]?.text === '.' && this.glued(next)) next++;
      }
    }
    const digits = this.tokens[next];
    if (currency === undefined || digits === undefined || digits.kind !== 'num' || digits.gap === 2) return undefined;
    return { currency, next };
  }

  private ordinalAt(i: number): Match | undefined {
    const token = this.tokens[i];
    let value: number | undefined;
    let next = i + 1;
    let confidence = 0.8;
    if (token.kind === 'num') {
      const suffix = this.tokens[i + 1];
      if (token.blocked || suffix?.kind !== 'word' || suffix.gap !== 0 || !ORDINAL_SUFFIXES.has(this.lower(i + 1)) || !/^\d+$/.test(token.text)) return undefined;
      value = Number(token.text);
      next = i + 2;
      confidence = this.isCapitalised(next) ? 0.7 : 0.9;
      if (this.isWord(next, 'of') && MONTHS.has(this.tokens[next + 1]?.text ?? '')) return undefined;
      if (isDayOfMonth(this, i, value)) return undefined;
    } else if (token.kind === 'word') {
      const lower = this.lower(i);
      value = ORDINAL_WORDS.get(lower);
      // "twenty-first"
      const tens = wordValue(lower);
      if (value === undefined && tens !== undefined && tens >= 20 && tens % 10 === 0 && tens < 100 && this.isGluedDash(i + 1) && this.glued(i + 2)) {
        const unit = ORDINAL_WORDS.get(this.lower(i + 2));
        if (unit !== undefined && unit < 10) {
          value = tens + unit;
          next = i + 3;
        }
      }
      if (value === undefined) return undefined;
      if (this.isCapitalised(i) && (!this.startsSentence(i) || this.isCapitalised(next))) return undefined;
      if (lower === 'second' && !secondIsOrdinal(this, i)) return undefined;
      if (this.isWord(next, 'of') && MONTHS.has(this.tokens[next + 1]?.text ?? '')) return undefined;
      if (i > 0 && MONTHS.has(this.tokens[i - 1].text)) return undefined;
    } else {
      return undefined;
    }
    if (this.continues(next) && isTimeWord(this, next)) return undefined;
    if (this.continues(next) && (this.isWord(next, 'half') || this.isWord(next, 'quarter'))) return undefined;
    if (this.isGluedDash(next) && isTimeWord(this, next + 1)) return undefined;
    return {
      span: { start: token.start, end: this.tokens[next - 1].end, label: 'ORDINAL', confidence, value: { type: 'ordinal', value } },
      next,
    };
  }

  /** "about two-thirds", "less than half": a fraction after a modifier, approximate. */
  private modifiedFractionAt(i: number): Match | undefined {
    const end = this.modifierEnd(i);
    if (end === undefined || !this.continues(end)) return undefined;
    const fraction = this.fractionAt(end) ?? this.halfAt(end);
    const span = fraction?.span;
    if (fraction === undefined || span === undefined) return undefined;
    // A percent value has no approximate mark; a number's has.
    const value = span.value?.type === 'number' ? { ...span.value, approximate: true } : span.value;
    return { span: { ...span, start: this.tokens[i].start, ...(value === undefined ? {} : { value }) }, next: fraction.next };
  }

  /** "half" after a modifier ("less than half the rain"); not "half a million" (a number) or "half an hour" (a duration). */
  private halfAt(i: number): Match | undefined {
    if (!this.isWord(i, 'half') || this.isWord(i + 1, 'a') || this.isWord(i + 1, 'an') || (this.continues(i + 1) && isTimeWord(this, i + 1))) return undefined;
    const token = this.tokens[i];
    return { span: { start: token.start, end: token.end, label: 'CARDINAL', confidence: 0.7, value: { type: 'number', value: 0.5 } }, next: i + 1 };
  }

  /** "two-thirds", "one half", "a quarter of", "a quarter of a percentage point". */
  private fractionAt(i: number): Match | undefined {
    const token = this.tokens[i];
    if (token.kind !== 'word') return undefined;
    const lower = this.lower(i);
    const article = lower === 'a' || lower === 'an';
    const numerator = article ? 1 : wordValue(lower);
    if (numerator === undefined || !Number.isInteger(numerator) || numerator < 1 || numerator > 9 || lower === 'dozen') return undefined;
    let denominatorIndex = i + 1;
    if (this.isGluedDash(denominatorIndex) && !article) denominatorIndex++;
    const denominatorToken = this.tokens[denominatorIndex];
    if (denominatorToken === undefined || denominatorToken.kind !== 'word' || denominatorToken.gap === 2) return undefined;
    const denominatorWord = this.lower(denominatorIndex);
    const denominator = FRACTION_DENOMINATORS.get(denominatorWord);
    if (denominator === undefined || (article && denominator === 2)) return undefined;
    const plural = denominatorWord.endsWith('s');
    if ((numerator === 1) === plural) return undefined;
    if (article && !this.isWord(denominatorIndex + 1, 'of')) return undefined;
    if (this.isGluedDash(denominatorIndex + 1)) return undefined;
    if (this.isCapitalised(i) && !this.startsSentence(i)) return undefined;
    const percent = this.isWord(denominatorIndex + 1, 'of') && (this.isWord(denominatorIndex + 2, 'a') || this.isWord(denominatorIndex + 2, 'one')) && this.continues(denominatorIndex + 3)
      ? percentAt(this, denominatorIndex + 3)
      : undefined;
    if (percent?.kind === 'percent') {
      return {
        span: { start: token.start, end: this.tokens[percent.next - 1].end, label: 'PERCENT', confidence: 0.85, value: { type: 'percent', value: scaleByPowerOfTen(numerator / denominator, percent.power) } },
        next: percent.next,
      };
    }
    return {
      span: { start: token.start, end: denominatorToken.end, label: 'CARDINAL', confidence: 0.7, value: { type: 'number', value: numerator / denominator } },
      next: denominatorIndex + 1,
    };
  }
}

function isSkip(result: Phrase | Skip): result is Skip {
  return 'skip' in result;
}
