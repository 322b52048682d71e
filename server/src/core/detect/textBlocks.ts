/**
 * Blocks of whole lines, the unit incremental re-analysis caches results by, and the window of text around
 * a block that its detections depend on.
 *
 * Why a window is enough: every detector reads a line together with a bounded neighbourhood only. Entity
 * tokens, line kinds and name chunks never cross a line break, a token never crosses whitespace, and the
 * entity rules look at most three tokens before or after a name (language cues, "said", product heads).
 * Dates and numbers read at most 150 characters around a candidate (the sports context of "third quarter", the
 * tense of the clause a weekday or a month stands in;
 * the other look-backs are 64 or fewer) and run across a line break only through a single whitespace
 * character ("June 1\n-5"). Where a window starts or ends, a detector sees the start or end of a text, which
 * changes what it finds near there only. The document-wide facts (article date, lowercase vocabulary, names
 * learnt) are supplied separately.
 */
import { isWhitespace } from './shared/textScan';

export interface TextRange {
  start: number;
  end: number;
}

/** Blocks hold whole lines and are cut once this long: small enough to re-run per keystroke, large enough to be few. */
const BLOCK_LENGTH = 1024;

/** How far beyond a stretch of text a detector reads, in characters and in whitespace-separated words. */
export interface Reach {
  characters: number;
  words: number;
}

/**
 * What any detector reads: twice the longest reach in characters, so that what a window's edge changes stays
 * well away from its block; every word holds at least one token, so the words hold the three tokens entity
 * rules read, and more. An edit this close to a block can change what is found in it.
 */
export const ANY_DETECTOR: Reach = { characters: 300, words: 8 };
/** Entity rules read a block's own lines and a few tokens beyond. */
export const ENTITY_RULES: Reach = { characters: 0, words: 8 };

/** Cuts [start, end), which begins a line and ends a line or the text, into blocks of whole lines. */
export function splitIntoBlocks(text: string, start: number, end: number): TextRange[] {
  const blocks: TextRange[] = [];
  let blockStart = start;
  while (blockStart < end) {
    const lineFeed = blockStart + BLOCK_LENGTH >= end ? -1 : text.indexOf('\n', blockStart + BLOCK_LENGTH - 1);
    const blockEnd = lineFeed < 0 || lineFeed + 1 >= end ? end : lineFeed + 1;
    blocks.push({ start: blockStart, end: blockEnd });
    blockStart = blockEnd;
  }
  return blocks;
}

/**
 * The text around the block [start, end) whose text decides what a detector with that reach finds in it,
 * cut where whitespace starts or ends so that no word is cut in half. A block further on has a window ending
 * no sooner, which lets an edit find the windows it touches by walking outwards from itself.
 */
export function windowAround(text: string, start: number, end: number, reach: Reach = ANY_DETECTOR): TextRange {
  let charactersBefore = Math.max(0, start - reach.characters);
  while (charactersBefore > 0 && !isWhitespace(text.charCodeAt(charactersBefore - 1))) charactersBefore--;
  let charactersAfter = Math.min(text.length, end + reach.characters);
  while (charactersAfter < text.length && !isWhitespace(text.charCodeAt(charactersAfter))) charactersAfter++;
  return { start: Math.min(charactersBefore, startOfWordsBefore(text, start, reach.words)), end: Math.max(charactersAfter, endOfWordsAfter(text, end, reach.words)) };
}

/** Where the `count`-th whitespace-separated word before `offset` starts, or 0. */
function startOfWordsBefore(text: string, offset: number, count: number): number {
  let at = offset;
  for (let words = 0; words < count && at > 0; words++) {
    while (at > 0 && isWhitespace(text.charCodeAt(at - 1))) at--;
    while (at > 0 && !isWhitespace(text.charCodeAt(at - 1))) at--;
  }
  return at;
}

/** Where the `count`-th whitespace-separated word after `offset` ends, or the text's end. */
function endOfWordsAfter(text: string, offset: number, count: number): number {
  let at = offset;
  for (let words = 0; words < count && at < text.length; words++) {
    while (at < text.length && isWhitespace(text.charCodeAt(at))) at++;
    while (at < text.length && !isWhitespace(text.charCodeAt(at))) at++;
  }
  return at;
}
