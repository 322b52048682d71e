/**
 * Path globs as people write them in settings: `**` any folders, `*` any characters but `/`, `?` one
 * character, `{a,b}` alternatives (nested too). Matched against '/'-separated paths relative to a folder.
 *
 * Globs come from marginalia.json, which anyone who can push to the corpus writes, so they are not
 * turned into a regular expression: `*a*a*a*…b` backtracks exponentially in JavaScript's engine (a
 * 40-character file name never finished). They are compiled to a small automaton and matched by
 * following all its states at once: time proportional to the glob's length times the path's.
 */

/** A glob that cannot be compiled; the message says what is wrong with it, and quotes it. */
export class GlobError extends Error {
  constructor(glob: string, problem: string) {
    super(`glob ${JSON.stringify(glob)}: ${problem}`);
    this.name = 'GlobError';
  }
}

/** Deeper nesting of braces is refused: nobody writes it, and compiling recurses once per level. */
const MAX_BRACE_DEPTH = 8;

export interface Glob {
  /** Whether the '/'-separated relative path matches the whole glob. */
  test(path: string): boolean;
}

/** The glob compiled for matching; throws a GlobError for a glob that is not well formed. */
export function compileGlob(glob: string): Glob {
  const automaton = new Automaton();
  const parser = new Parser(glob);
  const sequence = parser.sequence(0);
  const start = automaton.compile(sequence, automaton.add({ type: 'match' }));
  return { test: (path) => automaton.matches(start, path) };
}

/** What is wrong with the glob, or undefined when it compiles. */
export function globProblem(glob: string): string | undefined {
  try {
    compileGlob(glob);
    return undefined;
  } catch (error) {
    if (error instanceof GlobError) return error.message;
    throw error;
  }
}

type Piece =
  | { type: 'char'; char: string }
  /** `?`: one character other than '/'. */
  | { type: 'one' }
  /** `*`: any characters but '/'. */
  | { type: 'star' }
  /** `**` not followed by '/': any characters. */
  | { type: 'globstar' }
  /** `**​/`: zero or more whole folders. */
  | { type: 'folders' }
  | { type: 'alternatives'; options: Piece[][] };

class Parser {
  /** The next character to read, in code points: `?` takes a whole emoji, as a person reading the name expects. */
  index = 0;
  readonly chars: string[];

  constructor(private readonly glob: string) {
    this.chars = [...glob];
  }

  /** Pieces up to the end, or (inside braces) up to the ',' or '}' that ends this alternative. */
  sequence(depth: number): Piece[] {
    const pieces: Piece[] = [];
    const chars = this.chars;
    while (this.index < chars.length) {
      const char = chars[this.index];
      if (depth > 0 && (char === ',' || char === '}')) break;
      if (char === '*' && chars[this.index + 1] === '*') {
        const slash = chars[this.index + 2] === '/';
        pieces.push({ type: slash ? 'folders' : 'globstar' });
        this.index += slash ? 3 : 2;
      } else if (char === '*' || char === '?') {
        pieces.push({ type: char === '*' ? 'star' : 'one' });
        this.index++;
      } else if (char === '{') {
        if (depth >= MAX_BRACE_DEPTH) throw new GlobError(this.glob, `braces nested more than ${MAX_BRACE_DEPTH} deep`);
        const opened = this.index++;
        const options: Piece[][] = [];
        for (;;) {
          options.push(this.sequence(depth + 1));
          if (this.index >= chars.length) throw new GlobError(this.glob, `the "{" at character ${opened + 1} is never closed by a "}"`);
          if (chars[this.index++] === '}') break;
        }
        pieces.push({ type: 'alternatives', options });
      } else {
        // Outside braces a '}' or ',' is an ordinary character, as it always was.
        pieces.push({ type: 'char', char });
        this.index++;
      }
    }
    return pieces;
  }
}

type State =
  | { type: 'char'; char: string; next: number }
  /** `one` reads a character other than '/'; `any`, any character. */
  | { type: 'one'; next: number }
  | { type: 'any'; next: number }
  /** Moves on to any of `next` without reading a character. */
  | { type: 'split'; next: number[] }
  | { type: 'match' };

class Automaton {
  private readonly states: State[] = [];

  add(state: State): number {
    return this.states.push(state) - 1;
  }

  /** The state that matches `pieces`, then goes on to `next`; built from the end backwards. */
  compile(pieces: readonly Piece[], next: number): number {
    let after = next;
    for (let i = pieces.length - 1; i >= 0; i--) after = this.compilePiece(pieces[i], after);
    return after;
  }

  private compilePiece(piece: Piece, next: number): number {
    switch (piece.type) {
      case 'char':
        return this.add({ type: 'char', char: piece.char, next });
      case 'one':
        return this.add({ type: 'one', next });
      case 'star':
      case 'globstar': {
        // A loop: read one more character and come back, or move on.
        const loop = this.add({ type: 'split', next: [] });
        const read = this.add(piece.type === 'star' ? { type: 'one', next: loop } : { type: 'any', next: loop });
        (this.states[loop] as { next: number[] }).next.push(read, next);
        return loop;
      }
      case 'folders': {
        // `(.*/)?`: move on at once, or read any characters, then a '/', then move on.
        const loop = this.add({ type: 'split', next: [] });
        const read = this.add({ type: 'any', next: loop });
        const slash = this.add({ type: 'char', char: '/', next });
        (this.states[loop] as { next: number[] }).next.push(read, slash);
        return this.add({ type: 'split', next: [next, loop] });
      }
      case 'alternatives':
        return this.add({ type: 'split', next: piece.options.map((option) => this.compile(option, next)) });
    }
  }

  /** Follows every state the path can be in at once, one character at a time. */
  matches(start: number, path: string): boolean {
    const seen = new Int32Array(this.states.length).fill(-1);
    let current: number[] = [];
    let step = 0;
    const enter = (into: number[], state: number) => {
      // Splits are followed at once, so that `into` holds only states that read a character (or match).
      const stack = [state];
      while (stack.length > 0) {
        const index = stack.pop()!;
        if (seen[index] === step) continue;
        seen[index] = step;
        const entered = this.states[index];
        if (entered.type === 'split') stack.push(...entered.next);
        else into.push(index);
      }
    };
    enter(current, start);
    for (const char of path) {
      step++;
      const next: number[] = [];
      for (const index of current) {
        const state = this.states[index];
        if (state.type === 'match' || state.type === 'split') continue;
        const reads = state.type === 'any' ? true : state.type === 'one' ? char !== '/' : state.char === char;
        if (reads) enter(next, state.next);
      }
      if (next.length === 0) return false;
      current = next;
    }
    return current.some((index) => this.states[index].type === 'match');
  }
}
