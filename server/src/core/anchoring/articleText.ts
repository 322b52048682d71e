import { CodePointIndex } from '../base/offsets';
import { CONTEXT_LENGTH, type TagContext } from '../sidecar/schema';
import { NormalisedText } from './normalisedText';

/**
 * The article being re-anchored against, with what every stage needs: code point slicing, the
 * normalised form (built only when some tag has moved) and the places of each searched text
 * (searched once however many tags share it).
 */
export class ArticleText {
  private readonly index: CodePointIndex;
  private normalisedForm: NormalisedText | undefined;
  private readonly occurrenceCache = new Map<string, number[]>();

  constructor(readonly text: string) {
    this.index = new CodePointIndex(text);
  }

  /** Length in code points. */
  get length(): number {
    return this.index.length;
  }

  get normalised(): NormalisedText {
    this.normalisedForm ??= new NormalisedText(this.text);
    return this.normalisedForm;
  }

  /** The text of the code point range [start, end). */
  slice(start: number, end: number): string {
    return this.text.slice(this.index.toUtf16(start), this.index.toUtf16(end));
  }

  /** The context a tag on the code point range [start, end) stores, as newTag cuts it. */
  contextAround(start: number, end: number): TagContext {
    return { prefix: this.slice(start - CONTEXT_LENGTH, start), suffix: this.slice(end, end + CONTEXT_LENGTH) };
  }

  /** Code point range of the normalised range [start, end). */
  codePointSpan(normalisedStart: number, normalisedEnd: number): { start: number; end: number } {
    const { start, end } = this.normalised.toOriginal(normalisedStart, normalisedEnd);
    return { start: this.index.toCodePoint(start), end: this.index.toCodePoint(end) };
  }

  /** Normalised offset of a code point offset. */
  normalisedOffset(codePointOffset: number): number {
    return this.normalised.fromOriginal(this.index.toUtf16(codePointOffset));
  }

  /** Every normalised offset at which `needle` (normalised) starts, ascending; remembered per needle. */
  occurrences(needle: string): number[] {
    let found = this.occurrenceCache.get(needle);
    if (!found) {
      found = this.findAll(needle);
      this.occurrenceCache.set(needle, found);
    }
    return found;
  }

  /** Like occurrences, without remembering: for needles unlikely to be searched twice. */
  findAll(needle: string): number[] {
    const found: number[] = [];
    if (needle.length === 0) return found;
    const haystack = this.normalised.text;
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) found.push(at);
    return found;
  }
}
