/** UTF-16 starts of `needle` in `text` where it stands as whole words (not inside a longer word). */
export function wholeWordOccurrences(text: string, needle: string): number[] {
  const starts: number[] = [];
  const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}_]/u.test(char);
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
    const wordStart = !isWordChar(needle[0]) || !isWordChar(text[at - 1]);
    const wordEnd = !isWordChar(needle[needle.length - 1]) || !isWordChar(text[at + needle.length]);
    if (wordStart && wordEnd) starts.push(at);
  }
  return starts;
}
