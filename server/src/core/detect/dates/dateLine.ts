/**
 * The capture tool's convention: a first line "date YYYY-MM-DD" states the article's date. It is metadata, which
 * articleDate.ts reads as the anchor of relative dates, and no date in the article's text.
 */
export const DATE_LINE = /^\s*date[:\s]\s*(\d{4}-\d{2}-\d{2})(?!\d)/i;

/** Where the date line's date stands, when the text opens with one. */
export function dateLineRange(text: string): [number, number] | undefined {
  const line = DATE_LINE.exec(text.slice(0, 64));
  if (!line) return undefined;
  const end = line.index + line[0].length;
  return [end - line[1]!.length, end];
}
