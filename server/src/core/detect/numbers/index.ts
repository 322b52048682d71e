/**
 * Numeric expressions in English news, labelled the OntoNotes way: CARDINAL, ORDINAL, MONEY,
 * PERCENT and QUANTITY.
 *
 * Conventions an annotator should expect:
 * - Modifiers and scale words belong to the span: "nearly $50 billion", "more than 200", "1 million",
 *   "$1.2bn", "three million". A modifier marks the value approximate (money and numbers only: the
 *   percent and quantity values have no such field).
 * - Vague amounts carry a range whose lower bound is the value: "hundreds" 100..999, "thousands"
 *   1000..9999, "dozens" 24..99, "tens of thousands" 10000..99999, "hundreds of thousands"
 *   100000..999999, "several hundred" 300..900, "a few thousand" 2000..5000.
 * - Ranges are one span with min/max: "10-15", "10 to 15 people", "between 5% and 7%", "$10-15 million",
 *   "three or four". "from 5% to 7%" reads as a change, so it stays two spans.
 * - Scores and tallies ("3-1", a "6-3 ruling") are one CARDINAL without a value: a score is not a count.
 * - Tables: each figure of a row ("Real Madrid  25 18 5 2 58 21 59") and each score of a results line ("BOSTON 4
 *   Toronto 2") is a CARDINAL, even right after a name; a minus sign before digits is the number's ("-14").
 * - Money in a currency several countries name alike ("9 billion crowns", "shillings") has no value: the
 *   currency is not guessed.
 * - Left to the date detector: numbers followed by a time unit ("2 min read", "three-year", "one to five
 *   years"), clock times ("6:04", "6 pm"), day numbers beside a month, and bare years 1800-2099 ("in 2024", "founded in 1887")
 *   unless a modifier, unit or currency comes with them or a plural noun follows ("fired 2000 rockets").
 * - Never tagged: digits glued to letters or hyphen-attached to a word (F-16, Su-34, COVID-19, G7, 5G,
 *   1990s), a bare number right after a capitalised word mid-sentence (iPhone 15, Boeing 737, Article 5),
 *   number words capitalised mid-sentence (World War Two), ordinals that open a name (Second World War,
 *   First Lady), URLs, e-mail addresses, hashtags, file names, phone numbers, codes with leading zeros.
 * - "one" is tagged only when it plainly counts something: "one dead and 11 injured", "at least one",
 *   "one million"; not "one of the", "no one", "the one".
 * - A glued "m" is million after a currency ("$5m") and metres otherwise ("100m"); "pounds" is money
 *   unless "of" follows ("5 pounds of flour").
 *
 * The folder, by concept: vocabulary.ts (the words and tables), tokens.ts (tokenizing a stretch of text),
 * anchors.ts (which stretches to tokenize), blocking.ts (digits that are codes, times or phone numbers),
 * view.ts (how the scanner looks at tokens), amounts.ts (the number itself), measures.ts (percent, currency,
 * unit), context.ts (when a bare number counts), values.ts (a phrase's span and value), scanner.ts (the scan).
 */
import type { Span } from '../shared/detection';
import { unitsOf } from '../shared/utf16Units';
import { segmentsToScan } from './anchors';
import { blockCodesAndClusters } from './blocking';
import { NumberScanner } from './scanner';
import { type Token, Tokenizer } from './tokens';
import { keepShape } from '../../base/shapes';

/**
 * Finds CARDINAL, ORDINAL, MONEY, PERCENT and QUANTITY spans, sorted and non-overlapping. Never throws. `textUnits`, the
 * text's utf16Units, saves a caller that runs several detectors a copy of the text each; `anchors`, where numbers may
 * stand as anchorsOf finds them, a pass over the text's words (the date detector's triggerStarts finds them too).
 */
export function findNumbers(text: string, textUnits?: Uint16Array, anchors?: readonly number[]): Span[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  try {
    const spans: Span[] = [];
    const units = unitsOf(text, textUnits);
    const segments = segmentsToScan(text, units, anchors);
    const tokenizer = new Tokenizer(text, units);
    for (let s = 0; s < segments.length; s += 2) {
      const count = tokenizer.tokenize(segments[s]!, segments[s + 1]!);
      // Past `count`, tokenizer.tokens holds undefined, as an index past the stretch reads.
      const tokens = tokenizer.tokens as readonly Token[];
      blockCodesAndClusters(tokens, tokenizer.numbers, tokenizer.numberCount, units);
      new NumberScanner(tokens, count, units).scan(spans);
    }
    return spans;
  } catch {
    return [];
  }
}

// One small object of each kind this file makes per text, kept so that their maps outlive every text (base/shapes.ts):
// a tokenizer that has read a sample, a scanner that has read its tokens, and the numbers found.
const SAMPLE = 'It paid $5 million for 3 km, up 4%.';
const SAMPLE_UNITS = unitsOf(SAMPLE, undefined);
const SAMPLE_TOKENIZER = keepShape(new Tokenizer(SAMPLE, SAMPLE_UNITS));
const SAMPLE_COUNT = SAMPLE_TOKENIZER.tokenize(0, SAMPLE.length);
blockCodesAndClusters(SAMPLE_TOKENIZER.tokens as readonly Token[], SAMPLE_TOKENIZER.numbers, SAMPLE_TOKENIZER.numberCount, SAMPLE_UNITS);
keepShape(new NumberScanner(SAMPLE_TOKENIZER.tokens as readonly Token[], SAMPLE_COUNT, SAMPLE_UNITS)).scan(keepShape<Span[]>([]));
keepShape(findNumbers(SAMPLE));
