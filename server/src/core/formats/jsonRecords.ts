import { describeJsonSyntaxError, jsonPrefix, lineAndColumnAt, syntaxErrorOffset } from '../base/jsonSyntax';
import type { ImportResult } from './types';
/**
 * JSON helpers shared by the formats whose file is one JSON document holding many records (Label
 * Studio's array of tasks, a Web Annotation collection's items): writing the records one a line, so
 * that a corpus streams out and a reader can name the line of a bad record, and finding those lines
 * again when reading.
 */

/**
 * Writes the elements of a JSON array one a line as they come. JSON wants a comma between elements
 * and none after the last: each element after the first is written after a comma, and the array's
 * last line break comes at the end. `add` also takes several elements already joined by ',\n' (a
 * document's annotations converted on a worker thread), so the text never depends on where a
 * document's elements were joined.
 */
export class JsonArrayLines {
  private started = false;

  /**
   * The text to write now for one element, or several joined by ',\n' (never empty); '' writes only
   * what goes before the next elements, for a caller that writes them itself.
   */
  add(json: string): string {
    const out = this.started ? `,\n${json}` : json;
    this.started = true;
    return out;
  }

  /** The line break after the last element, if there was one. */
  finish(): string {
    const out = this.started ? '\n' : '';
    this.started = false;
    return out;
  }
}

/**
 * The 1-based line of every object that is an element of an array at nesting depth `depth` (an
 * element of the top-level array is at depth 1; depth 0 is the outermost value itself), in document
 * order. One pass with no recursion, over text that already parsed as JSON: used only to put a line
 * in messages.
 */
export function objectLinesAtDepth(text: string, depth: number): number[] {
  const lines: number[] = [];
  const open: number[] = [];
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === 0x0a) line++;
    else if (char === 0x22) {
      // Skip the string: JSON strings hold no raw line breaks, so no line is missed.
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (char === 0x7b || char === 0x5b) {
      if (char === 0x7b && open.length === depth && (depth === 0 || open[depth - 1] === 0x5b)) lines.push(line);
      open.push(char);
    } else if (char === 0x7d || char === 0x5d) open.pop();
  }
  return lines;
}

/** A value JSON.parse gave that is an object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** How a value read from a file is named in a message: its JSON, cut short, so no message grows with the input. */
export function shown(value: unknown): string {
  const json = jsonPrefix(value, 60);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

/**
 * A whole-file JSON input (Label Studio, Web Annotation) parsed, or the import result that reports
 * why it is not JSON, naming the file and the line where the parser stopped.
 */
export function parseJsonInput(text: string, fileName: string): { root: unknown } | { failed: ImportResult } {
  try {
    return { root: JSON.parse(text) };
  } catch (error) {
    const message = describeJsonSyntaxError(error, text);
    const { line } = lineAndColumnAt(text, syntaxErrorOffset(text));
    return { failed: { documents: [], errors: [{ document: fileName, line, message }], warnings: [] } };
  }
}
