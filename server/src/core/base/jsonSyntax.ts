/**
 * Messages for JSON that does not parse. V8 quotes the text around the error in some of its messages
 * ("Unexpected token 'r', "root:x:0:0"... is not valid JSON"): for a sidecar or project file that is a
 * symlink to some other file, that would print the other file's first bytes into a terminal, a CI
 * log or a report. Those messages are replaced by the place of the error, found by a scan of our own;
 * V8's other messages quote nothing and are kept, with the line and column added.
 */
export function describeJsonSyntaxError(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/ is not valid JSON$/.test(message)) return `Unexpected character in JSON ${place(text, syntaxErrorOffset(text))}`;
  const position = /^(.*) at position (\d+)(?: \(line \d+ column \d+\))?$/s.exec(message);
  return position ? `${position[1]} ${place(text, Number(position[2]))}` : message;
}

function place(text: string, offset: number): string {
  const { line, column } = lineAndColumnAt(text, offset);
  return `at position ${offset} (line ${line} column ${column})`;
}

/** The 1-based line and column (in UTF-16 units) of an offset into a text. */
export function lineAndColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/** The offset of the first character at or after `at` that is not JSON white space. */
export function skipJsonSpace(text: string, at: number): number {
  while (at < text.length && (text[at] === ' ' || text[at] === '\t' || text[at] === '\n' || text[at] === '\r')) at++;
  return at;
}

/**
 * Reads the JSON string whose opening quote is at `start`: the offset just past its closing quote, or,
 * when it is not a valid string there, `-1 - fault` (the offset where it stops being one). The one
 * string scanner for finding syntax errors and for locating values in text that already parsed.
 */
export function scanJsonString(text: string, start: number): number {
  if (text[start] !== '"') return -1 - start;
  let i = start + 1;
  while (i < text.length) {
    const char = text.charCodeAt(i);
    if (char === 0x22) return i + 1;
    if (char === 0x5c) {
      ESCAPE.lastIndex = i;
      if (!ESCAPE.test(text)) return -1 - i;
      i = ESCAPE.lastIndex;
    } else if (char < 0x20) return -1 - i;
    else i++;
  }
  return -1 - i;
}

/**
 * The UTF-16 offset where `text` stops being JSON (its length if it is JSON, or ends too early). A
 * loop with an explicit stack, in one pass: the text is anyone's, nested as deep as they like.
 */
export function syntaxErrorOffset(text: string): number {
  let i = 0;
  const open: Array<'[' | '{'> = [];
  const skipSpace = () => {
    i = skipJsonSpace(text, i);
  };
  /** Reads a string at i; false with i at the fault when it is not one. */
  const string = (): boolean => {
    const end = scanJsonString(text, i);
    i = end < 0 ? -1 - end : end;
    return end >= 0;
  };
  /** Reads `"key":` of an object at i. */
  const key = (): boolean => {
    skipSpace();
    if (!string()) return false;
    skipSpace();
    if (text[i] !== ':') return false;
    i++;
    return true;
  };
  let expectValue = true;
  for (;;) {
    skipSpace();
    if (i >= text.length) return i;
    const char = text[i];
    if (expectValue) {
      if (char === '{' || char === '[') {
        i++;
        skipSpace();
        if (text[i] === (char === '{' ? '}' : ']')) {
          i++;
          expectValue = false;
        } else {
          open.push(char);
          if (char === '{' && !key()) return i;
        }
        continue;
      }
      if (char === '"') {
        if (!string()) return i;
      } else if (char === '-' || (char >= '0' && char <= '9')) {
        NUMBER.lastIndex = i;
        if (!NUMBER.test(text)) return i;
        i = NUMBER.lastIndex;
      } else {
        const literal = ['true', 'false', 'null'].find((word) => word[0] === char);
        if (literal === undefined) return i;
        for (const letter of literal) {
          if (text[i] !== letter) return i;
          i++;
        }
      }
      expectValue = false;
      continue;
    }
    const container = open.at(-1);
    if (container === undefined) return i;
    if (char === ',') {
      i++;
      if (container === '{' && !key()) return i;
      expectValue = true;
    } else if (char === (container === '{' ? '}' : ']')) {
      i++;
      open.pop();
    } else return i;
  }
}

type Printing = { literal: string } | { items: readonly unknown[]; next: number } | { entries: Array<[string, unknown]>; next: number };

/**
 * The start of `JSON.stringify(value)`: at least `limit + 1` characters of it when it is longer, so that
 * a caller can cut it and say so. For messages that show a value read from a file: printing all of it
 * would cost as much as the file, and JSON.stringify overflows the call stack on arrays nested as deep
 * as JSON.parse accepts. Values are what JSON.parse gives (no functions, cycles or toJSON).
 */
export function jsonPrefix(value: unknown, limit: number): string {
  let out = '';
  const stack: Printing[] = [];
  const print = (item: unknown) => {
    if (Array.isArray(item)) {
      out += '[';
      stack.push({ literal: ']' }, { items: item, next: 0 });
    } else if (typeof item === 'object' && item !== null) {
      out += '{';
      stack.push({ literal: '}' }, { entries: Object.entries(item).filter(([, member]) => member !== undefined), next: 0 });
    } else if (typeof item === 'string') {
      const room = Math.max(0, limit + 1 - out.length);
      out += item.length > room ? JSON.stringify(item.slice(0, room)).slice(0, -1) : JSON.stringify(item);
    } else out += JSON.stringify(item) ?? 'null';
  };
  print(value);
  while (stack.length > 0 && out.length <= limit) {
    const top = stack.at(-1)!;
    if ('literal' in top) {
      out += top.literal;
      stack.pop();
    } else if ('items' in top) {
      if (top.next === top.items.length) stack.pop();
      else {
        if (top.next > 0) out += ',';
        print(top.items[top.next++]);
      }
    } else if (top.next === top.entries.length) stack.pop();
    else {
      const [key, member] = top.entries[top.next++]!;
      out += `${top.next > 1 ? ',' : ''}${JSON.stringify(key)}:`;
      print(member);
    }
  }
  return out;
}
