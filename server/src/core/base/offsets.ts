import { firstAtLeast } from './sortedSearch';
import { keepShape } from './shapes';

const HIGH_SURROGATE = /[\uD800-\uDBFF]/;

/**
 * Converts between UTF-16 offsets (what JS strings and LSP count) and Unicode code point offsets
 * (what sidecars, exports and the CLI store, as brat, W3C Web Annotation and Python do), so that an
 * emoji before a tag can never shift it.
 *
 * A code point outside the Basic Multilingual Plane takes two UTF-16 units; a lone surrogate counts
 * as one code point, as it does when JS iterates a string.
 */
export class CodePointIndex {
  /** UTF-16 offsets at which a surrogate pair starts, ascending. Empty for the common all-BMP text. */
  private readonly pairStarts: number[] = [];

  constructor(private readonly text: string) {
    // One native scan rules out the common all-BMP text before the loop that looks at every unit.
    if (!HIGH_SURROGATE.test(text)) return;
    for (let i = 0; i < text.length - 1; i++) {
      const unit = text.charCodeAt(i);
      if (unit >= 0xd800 && unit <= 0xdbff) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          this.pairStarts.push(i);
          i++;
        }
      }
    }
  }

  /** Length of the text in code points. */
  get length(): number {
    return this.text.length - this.pairStarts.length;
  }

  /** Code point offset of a UTF-16 offset; an offset inside a surrogate pair maps to the pair's code point. */
  toCodePoint(utf16Offset: number): number {
    const offset = clamp(utf16Offset, 0, this.text.length);
    if (this.pairStarts.length === 0) return offset;
    // Every pair starting before `offset` contributed one extra unit (a pair cut in half counts whole).
    return offset - firstAtLeast(this.pairStarts, offset);
  }

  /** UTF-16 offset of a code point offset. */
  toUtf16(codePointOffset: number): number {
    const offset = clamp(codePointOffset, 0, this.length);
    // Binary search for the number of pairs whose code point index is below `offset`.
    let low = 0;
    let high = this.pairStarts.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.pairStarts[mid] - mid < offset) low = mid + 1;
      else high = mid;
    }
    return offset + low;
  }
}

// One index kept, so that its map outlives every text indexed (shapes.ts): `detect` makes one per document.
keepShape(new CodePointIndex('')).toCodePoint(0);

function clamp(value: number, min: number, max: number): number {
  return value < min ? min : value > max ? max : value;
}
