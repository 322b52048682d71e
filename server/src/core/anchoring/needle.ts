import { CONTEXT_LENGTH, type Tag } from '../sidecar/schema';
import { normalise } from './normalisedText';

/**
 * What is searched for a tag that is no longer at its offsets: its text and stored context,
 * normalised, and where it used to be.
 */
export interface Needle {
  text: string;
  prefix: string;
  suffix: string;
  /** The stored prefix is short because the tag was near the start of the article: the start is context too. */
  prefixReachesStart: boolean;
  suffixReachesEnd: boolean;
  /** Normalised offset where the tag would start had it moved as far as its preceding neighbour did. */
  expected: number;
  /** The tag began (ended) at a word boundary, so a candidate must not cut a word there either. */
  startsWord: boolean;
  endsWord: boolean;
}

/**
 * Matching context needed before a candidate counts, in normalised characters: half a side. Less
 * lets a deleted tag land on another mention of the same name; more orphans tags whose neighbouring
 * sentence was rewritten.
 */
export const MINIMUM_CONTEXT_SCORE = CONTEXT_LENGTH / 2;

/** `expected`: the normalised offset where the tag would start had it moved with its preceding neighbour. */
export function needleFor(tag: Tag, expected: number): Needle {
  const text = normalise(tag.text);
  const prefix = normalise(tag.context.prefix);
  const suffix = normalise(tag.context.suffix);
  return {
    text,
    prefix,
    suffix,
    prefixReachesStart: codePointCount(tag.context.prefix) < CONTEXT_LENGTH,
    suffixReachesEnd: codePointCount(tag.context.suffix) < CONTEXT_LENGTH,
    expected,
    startsWord: !cutsWord(prefix.charAt(prefix.length - 1), text.charAt(0)),
    endsWord: !cutsWord(text.charAt(text.length - 1), suffix.charAt(0)),
  };
}

/** Whether [start, end) of `haystack` respects the word boundaries the tag had: "Ukraine" is not in "Ukrainian". */
export function keepsWordBoundaries(haystack: string, needle: Needle, start: number, end: number): boolean {
  return (
    (!needle.startsWord || !cutsWord(haystack.charAt(start - 1), haystack.charAt(start))) &&
    (!needle.endsWord || !cutsWord(haystack.charAt(end - 1), haystack.charAt(end)))
  );
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** Whether a boundary between these two characters (either may be '' at an edge) falls inside a word. */
function cutsWord(before: string, after: string): boolean {
  return WORD_CHARACTER.test(before) && WORD_CHARACTER.test(after);
}

/**
 * How much of the stored context surrounds the normalised range [start, end) of `haystack`: the
 * characters of the stored prefix that end right before it plus those of the stored suffix that
 * start right after it. A side that, like the stored one, reaches the edge of the article (give or
 * take whitespace there) counts as a full side.
 */
export function contextScore(haystack: string, needle: Needle, start: number, end: number): number {
  let before = 0;
  while (before < needle.prefix.length && before < start && needle.prefix.charCodeAt(needle.prefix.length - 1 - before) === haystack.charCodeAt(start - 1 - before)) {
    before++;
  }
  if (needle.prefixReachesStart && start <= needle.prefix.length + 1 && haystack.slice(0, start).trimStart() === needle.prefix.trimStart()) before = CONTEXT_LENGTH;

  let after = 0;
  const room = haystack.length - end;
  while (after < needle.suffix.length && after < room && needle.suffix.charCodeAt(after) === haystack.charCodeAt(end + after)) after++;
  if (needle.suffixReachesEnd && room <= needle.suffix.length + 1 && haystack.slice(end).trimEnd() === needle.suffix.trimEnd()) after = CONTEXT_LENGTH;

  return before + after;
}

/** The score a candidate needs: MINIMUM_CONTEXT_SCORE, or less when the tag stored less context than that. */
export function requiredContextScore(needle: Needle): number {
  const prefixMaximum = needle.prefixReachesStart ? CONTEXT_LENGTH : needle.prefix.length;
  const suffixMaximum = needle.suffixReachesEnd ? CONTEXT_LENGTH : needle.suffix.length;
  return Math.min(MINIMUM_CONTEXT_SCORE, prefixMaximum + suffixMaximum);
}

const codePointCount = (text: string): number => [...text].length;

/** What a search stage found, in normalised offsets. */
export type Match =
  /** `context`: the context score there, the evidence for it. */
  | { kind: 'found'; start: number; end: number; context: number }
  /** Two places fit equally well: guessing between them could silently move the tag to the wrong one. */
  | { kind: 'ambiguous'; starts: [number, number] }
  | { kind: 'none' };
