/**
 * Blocks of whole lines, the unit incremental re-analysis caches results by, and the window of text around
 * a block that its detections depend on.
 *
 * Why a window is enough: every detector reads a line together with a bounded neighbourhood only. Entity
 * tokens, line kinds and name chunks never cross a line break, and the entity rules look at most three
 * tokens before or after a name (language cues, "said", product heads). Dates and numbers read at most
 * 150 characters around a candidate (the sports context of "third quarter"; the other look-backs are 64 or
 * fewer) and run across a line break only through a single whitespace character ("June 1\n-5"). The
 * document-wide facts (article date, lowercase vocabulary, names learnt) are supplied separately.
 * A window takes whole lines until it has MARGIN_CHARACTERS characters and MARGIN_WORDS words on either
 * side of the block, with room to spare over those reaches.
 */

export interface TextRange {
  start: number;
  end: number;
}

/** Blocks hold whole lines and are cut once this long: small enough to re-run per keystroke, large enough to be few. */
const BLOCK_LENGTH = 2048;
const MARGIN_CHARACTERS = 400;
/** Every whitespace-separated word holds at least one token, so this many words hold the three tokens entity rules read. */
const MARGIN_WORDS = 8;

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

/** The whole lines around the block [start, end) whose text decides what is detected in it. */
export function windowAround(text: string, start: number, end: number): TextRange {
  let windowStart = start;
  let words = 0;
  while (windowStart > 0 && (start - windowStart < MARGIN_CHARACTERS || words < MARGIN_WORDS)) {
    const lineStart = windowStart < 2 ? 0 : text.lastIndexOf('\n', windowStart - 2) + 1;
    words += wordsIn(text, lineStart, windowStart);
    windowStart = lineStart;
  }
  let windowEnd = end;
  words = 0;
  while (windowEnd < text.length && (windowEnd - end < MARGIN_CHARACTERS || words < MARGIN_WORDS)) {
    const lineFeed = text.indexOf('\n', windowEnd);
    const lineEnd = lineFeed < 0 ? text.length : lineFeed + 1;
    words += wordsIn(text, windowEnd, lineEnd);
    windowEnd = lineEnd;
  }
  return { start: windowStart, end: windowEnd };
}

/** Number of lines before `offset` in [from, offset): the line index of `offset` counted from `from`. */
export function lineBreaksBetween(text: string, from: number, offset: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/** Whitespace-separated words in [from, to), counting as whitespace only what JS's \s does. */
function wordsIn(text: string, from: number, to: number): number {
  let words = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    const space = isWhitespace(text.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

function isWhitespace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}
