/**
 * A text being edited that remembers where each of its code points came from in the original, so
 * that the true new place of every tag is known exactly: the ground truth of the edited corpus.
 */
export class TrackedText {
  private characters: string[];
  /** Original code point offset of each character, or -1 for inserted ones. */
  private origins: number[];

  constructor(original: string) {
    this.characters = [...original];
    this.origins = this.characters.map((_, index) => index);
  }

  get text(): string {
    return this.characters.join('');
  }

  get length(): number {
    return this.characters.length;
  }

  charAt(offset: number): string {
    return this.characters[offset] ?? '';
  }

  insert(offset: number, text: string): void {
    const inserted = [...text];
    this.characters.splice(offset, 0, ...inserted);
    this.origins.splice(offset, 0, ...inserted.map(() => -1));
  }

  remove(start: number, end: number): void {
    this.characters.splice(start, end - start);
    this.origins.splice(start, end - start);
  }

  /** Moves [start, end) so that it begins at `destination`, an offset of the text without it. */
  move(start: number, end: number, destination: number): void {
    const characters = this.characters.splice(start, end - start);
    const origins = this.origins.splice(start, end - start);
    this.characters.splice(destination, 0, ...characters);
    this.origins.splice(destination, 0, ...origins);
  }

  /** Replaces one character by another that stands in its place (a quote by another quote). */
  substitute(offset: number, character: string): void {
    this.characters[offset] = character;
  }

  /** Where each original range is now, or undefined for one that lost any of its characters. */
  locate(ranges: readonly { start: number; end: number }[]): ({ start: number; end: number } | undefined)[] {
    const current = new Map<number, number>();
    this.origins.forEach((origin, offset) => origin !== -1 && current.set(origin, offset));
    return ranges.map(({ start, end }) => {
      for (let origin = start; origin < end; origin++) if (!current.has(origin)) return undefined;
      // Edits move whole paragraphs, so a range that kept all its characters kept them together.
      return { start: current.get(start)!, end: current.get(end - 1)! + 1 };
    });
  }

  /** Code point ranges of the paragraphs: runs of non-blank lines. */
  paragraphs(): { start: number; end: number }[] {
    const paragraphs: { start: number; end: number }[] = [];
    let start = -1;
    let lineStart = 0;
    for (let offset = 0; offset <= this.characters.length; offset++) {
      if (offset < this.characters.length && this.characters[offset] !== '\n') continue;
      const blank = this.characters.slice(lineStart, offset).every((character) => character.trim() === '');
      if (!blank && start === -1) start = lineStart;
      if (blank && start !== -1) {
        paragraphs.push({ start, end: lineStart - 1 });
        start = -1;
      }
      lineStart = offset + 1;
    }
    if (start !== -1) paragraphs.push({ start, end: this.characters.length });
    return paragraphs;
  }
}
