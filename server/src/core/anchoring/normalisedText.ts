/** A web standard, in Node as in a web worker. A lone surrogate decodes to U+FFFD, in the article and in a tag's quote alike. */
const UTF16 = new TextDecoder('utf-16le');

/**
 * Text compared the way a reader sees it: every run of whitespace (spaces, tabs, CR, LF, no-break
 * spaces…) is one space, and curly, low and prime quotes are the straight ones. Re-anchoring
 * searches this form, so that CRLF ↔ LF, doubled spaces or ’ ↔ ' do not lose a tag.
 *
 * Each normalised character maps to the original UTF-16 range it stands for; a collapsed run of
 * whitespace maps to the whole run.
 */
export class NormalisedText {
  readonly text: string;
  /** UTF-16 offset in the original of each normalised character, plus the original length at the end. */
  private readonly originalStarts: Int32Array;

  constructor(original: string) {
    const codes = new Uint16Array(original.length);
    const starts = new Int32Array(original.length + 1);
    let length = 0;
    for (let i = 0; i < original.length; i++) {
      const code = original.charCodeAt(i);
      if (isWhitespace(code)) {
        if (i > 0 && isWhitespace(original.charCodeAt(i - 1))) continue;
        codes[length] = SPACE;
      } else codes[length] = foldedQuote(code) ?? code;
      starts[length++] = i;
    }
    starts[length] = original.length;
    // Decoding the code units in one go is much faster than joining a million one-character strings.
    this.text = UTF16.decode(codes.subarray(0, length));
    this.originalStarts = starts.subarray(0, length + 1);
  }

  /** The original UTF-16 range of the normalised range [start, end). */
  toOriginal(start: number, end: number): { start: number; end: number } {
    return { start: this.originalStarts[start], end: this.originalStarts[end] };
  }

  /** The normalised offset of the character covering an original UTF-16 offset. */
  fromOriginal(utf16Offset: number): number {
    let low = 0;
    let high = this.text.length;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (this.originalStarts[mid] <= utf16Offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}

/** The normalised form of a short string (a tag's text or context). */
export function normalise(text: string): string {
  let result = '';
  let previousWasSpace = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isWhitespace(code)) {
      if (!previousWasSpace) result += ' ';
      previousWasSpace = true;
    } else {
      const folded = foldedQuote(code);
      result += folded === undefined ? text[i] : String.fromCharCode(folded);
      previousWasSpace = false;
    }
  }
  return result;
}

function isWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0x85) return false;
  return (
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

const SPACE = 0x20;
const APOSTROPHE = 0x27;
const QUOTATION_MARK = 0x22;

/** The straight quote standing for a typographic one, or undefined for any other character. */
function foldedQuote(code: number): number | undefined {
  switch (code) {
    case 0x2018: // ‘
    case 0x2019: // ’
    case 0x201a: // ‚
    case 0x201b: // ‛
    case 0x2032: // ′
    case 0x02bc: // ʼ
      return APOSTROPHE;
    case 0x201c: // “
    case 0x201d: // ”
    case 0x201e: // „
    case 0x201f: // ‟
    case 0x2033: // ″
    case 0x00ab: // «
    case 0x00bb: // »
      return QUOTATION_MARK;
    default:
      return undefined;
  }
}
