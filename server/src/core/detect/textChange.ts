/** The one stretch where two versions of a text differ: what an edit replaced, found by comparing them. */
export interface TextChange {
  /** Where the replaced stretch starts, in both versions. */
  start: number;
  /** Where it ended in the old version. */
  oldEnd: number;
  /** Where its replacement ends in the new version. */
  newEnd: number;
}

export function textChange(before: string, after: string): TextChange {
  const shorter = Math.min(before.length, after.length);
  const prefix = commonLength(shorter, (from, to) => before.slice(from, to) === after.slice(from, to), (at) => before.charCodeAt(at) === after.charCodeAt(at));
  const room = shorter - prefix;
  const suffix = commonLength(
    room,
    (from, to) => before.slice(before.length - to, before.length - from) === after.slice(after.length - to, after.length - from),
    (at) => before.charCodeAt(before.length - 1 - at) === after.charCodeAt(after.length - 1 - at),
  );
  return { start: prefix, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}

/** Below this, characters are compared one by one. */
const SMALLEST_STRETCH = 64;

/**
 * How many leading positions (up to `limit`) two sequences have in common, comparing stretches with native
 * string equality: ever longer ones while they match, then halving into the one that differs.
 */
function commonLength(limit: number, sameStretch: (from: number, to: number) => boolean, sameAt: (at: number) => boolean): number {
  let common = 0;
  let stretch = SMALLEST_STRETCH;
  while (common + stretch <= limit && sameStretch(common, common + stretch)) {
    common += stretch;
    stretch *= 2;
  }
  for (stretch >>= 1; stretch >= SMALLEST_STRETCH; stretch >>= 1) {
    if (common + stretch <= limit && sameStretch(common, common + stretch)) common += stretch;
  }
  while (common < limit && sameAt(common)) common++;
  return common;
}
