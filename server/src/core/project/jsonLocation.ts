/**
 * Where a value stands in a JSON text, so that a problem found in the parsed data (a zod issue's
 * path) can be shown on its key or value in the editor. The text must already parse (JSON.parse):
 * this walks it without re-validating.
 */
import { scanJsonString, skipJsonSpace } from '../base/jsonSyntax';

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

interface Container {
  close: '}' | ']';
  /** How much of the path leads to this container (-1: off the path). */
  depth: number;
  /** The index of the member being read, for arrays. */
  index: number;
}

/**
 * The location of the value at `path` (object keys and array indexes), or undefined when there is none.
 * A loop with an explicit stack, like the syntax scan: a project file is anyone's text, nested as deep
 * as JSON.parse allows, which is deeper than the call stack.
 */
export function locateJsonPath(text: string, path: readonly PropertyKey[]): JsonLocation | undefined {
  const open: Container[] = [];
  let target: { key: JsonRange | undefined; start: number; height: number } | undefined;
  let at = skipJsonSpace(text, 0);
  // The value starting at `at`: how much of the path leads to it, and its key when it is a property.
  let depth = 0;
  let key: JsonRange | undefined;
  while (at < text.length) {
    if (target === undefined && depth === path.length) target = { key, start: at, height: open.length };
    const char = text[at];
    if (char === '{' || char === '[') {
      const container: Container = { close: char === '{' ? '}' : ']', depth, index: 0 };
      at = skipJsonSpace(text, at + 1);
      if (text[at] !== container.close) {
        open.push(container);
        ({ depth, key, at } = member(container, at));
        continue;
      }
      at++;
    } else if (char === '"') at = endOf(scanJsonString(text, at));
    else while (at < text.length && !/[\s,\]}]/.test(text[at]!)) at++;
    // A value ended at `at`, and with it maybe the containers it closes; then the next member starts.
    for (;;) {
      if (target && open.length === target.height) return { ...(target.key ? { key: target.key } : {}), value: { start: target.start, end: at } };
      at = skipJsonSpace(text, at);
      const container = open.at(-1);
      if (container === undefined || at >= text.length) return undefined;
      if (text[at] === ',') {
        container.index++;
        ({ depth, key, at } = member(container, skipJsonSpace(text, at + 1)));
        break;
      }
      at++;
      open.pop();
    }
  }
  return undefined;

  /** The member of `container` starting at `from`: how much of the path leads to it, its key (objects), where its value starts. */
  function member(container: Container, from: number): { depth: number; key: JsonRange | undefined; at: number } {
    const leads = container.depth >= 0 && container.depth < path.length;
    if (container.close === ']') return { depth: leads && String(path[container.depth]) === String(container.index) ? container.depth + 1 : -1, key: undefined, at: from };
    const keyEnd = endOf(scanJsonString(text, from));
    const name = JSON.parse(text.slice(from, keyEnd)) as string;
    const valueAt = skipJsonSpace(text, skipJsonSpace(text, keyEnd) + 1); // past the colon
    return { depth: leads && String(path[container.depth]) === name ? container.depth + 1 : -1, key: { start: from, end: keyEnd }, at: valueAt };
  }
}

/** The end of a string read from text that already parsed (a fault there means the text changed: stop at it). */
function endOf(scanned: number): number {
  return scanned < 0 ? -1 - scanned : scanned;
}
