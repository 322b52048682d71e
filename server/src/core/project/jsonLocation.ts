/**
 * Where a value stands in a JSON text, so that a problem found in the parsed data (a zod issue's
 * path) can be shown on its key or value in the editor. The text must already parse (JSON.parse):
 * this walks it without re-validating.
 */

/** UTF-16 offsets into the JSON text, end exclusive. */
export interface JsonRange {
  start: number;
  end: number;
}

export interface JsonLocation {
  /** The property's key (with its quotes), when the value is a property of an object. */
  key?: JsonRange;
  value: JsonRange;
}

/** The location of the value at `path` (object keys and array indexes), or undefined when there is none. */
export function locateJsonPath(text: string, path: readonly PropertyKey[]): JsonLocation | undefined {
  let found: JsonLocation | undefined;
  let at = skipSpace(text, 0);

  /** Parses the value at `at`; `depth` is how much of `path` leads here (-1: off the path). Answers its end. */
  const value = (depth: number, key: JsonRange | undefined): number => {
    const start = at;
    const onPath = depth === path.length;
    const char = text[at];
    if (char === '{') {
      at = skipSpace(text, at + 1);
      while (text[at] !== '}' && at < text.length) {
        const keyStart = at;
        const keyEnd = stringEnd(text, at);
        const name = JSON.parse(text.slice(keyStart, keyEnd)) as string;
        at = skipSpace(text, keyEnd);
        at = skipSpace(text, at + 1); // the colon
        const next = depth >= 0 && depth < path.length && String(path[depth]) === name ? depth + 1 : -1;
        at = skipSpace(text, value(next, { start: keyStart, end: keyEnd }));
        if (found) return at;
        if (text[at] === ',') at = skipSpace(text, at + 1);
      }
      at++;
    } else if (char === '[') {
      at = skipSpace(text, at + 1);
      for (let index = 0; text[at] !== ']' && at < text.length; index++) {
        const next = depth >= 0 && depth < path.length && String(path[depth]) === String(index) ? depth + 1 : -1;
        at = skipSpace(text, value(next, undefined));
        if (found) return at;
        if (text[at] === ',') at = skipSpace(text, at + 1);
      }
      at++;
    } else if (char === '"') {
      at = stringEnd(text, at);
    } else {
      while (at < text.length && !/[\s,\]}]/.test(text[at]!)) at++;
    }
    if (onPath && !found) found = { ...(key ? { key } : {}), value: { start, end: at } };
    return at;
  };

  if (at < text.length) value(0, undefined);
  return found;
}

/** The offset just past the string starting (with its quote) at `start`. */
function stringEnd(text: string, start: number): number {
  let at = start + 1;
  while (at < text.length && text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
  return at + 1;
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && (text[at] === ' ' || text[at] === '\n' || text[at] === '\r' || text[at] === '\t')) at++;
  return at;
}
