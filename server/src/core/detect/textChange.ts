/** The one stretch where two versions of a text differ: what an edit replaced, found by comparing them. */
export interface TextChange {
  /** Where the replaced stretch starts, in both versions. */
  start: number;
  /** Where it ended in the old version. */
  oldEnd: number;
  /** Where its replacement ends in the new version. */
  newEnd: number;
}

/** Compared a chunk at a time with native string equality, then a character at a time within the first chunk that differs. */
const CHUNK = 256;

export function textChange(before: string, after: string): TextChange {
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix + CHUNK <= shorter && before.slice(prefix, prefix + CHUNK) === after.slice(prefix, prefix + CHUNK)) prefix += CHUNK;
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  const room = shorter - prefix;
  let suffix = 0;
  while (suffix + CHUNK <= room && before.slice(before.length - suffix - CHUNK, before.length - suffix) === after.slice(after.length - suffix - CHUNK, after.length - suffix)) suffix += CHUNK;
  while (suffix < room && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { start: prefix, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}
