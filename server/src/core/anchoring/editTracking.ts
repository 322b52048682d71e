import type { Tag } from '../sidecar/schema';

/** An editor change in code points: [start, end) of the text before it was replaced by `newLength` code points. */
export interface CodePointChange {
  start: number;
  end: number;
  newLength: number;
}

export interface ShiftedTag {
  /** The tag at its new offsets; when orphaned, the tag as it was before the changes. */
  tag: Tag;
  /** A change touched its text (deleted, replaced or inserted into it). */
  orphaned: boolean;
}

/**
 * Moves tags with their text as the article is edited in the editor. `changes` apply in order,
 * each in offsets of the text left by the previous one. For a tag [s, e) and a change [a, b):
 * - b <= s (before it, or ending where it starts, an insertion at s included): the tag shifts by
 *   the change's delta. An insertion at a boundary never extends the tag.
 * - a >= e (after it, or starting where it ends): the tag stays.
 * - otherwise the change touches the tag's text, which now reads differently: orphaned.
 * A change that replaces nothing with nothing is no change.
 * The text is not needed; the context is left as stored (reanchorTags refreshes it).
 */
export function shiftTags(tags: readonly Tag[], changes: readonly CodePointChange[]): ShiftedTag[] {
  return tags.map((tag) => {
    let { start, end } = tag;
    for (const change of changes) {
      if (change.start === change.end && change.newLength === 0) continue;
      if (change.end <= start) {
        const delta = change.newLength - (change.end - change.start);
        start += delta;
        end += delta;
      } else if (change.start < end) return { tag, orphaned: true };
    }
    return { tag: start === tag.start ? tag : { ...tag, start, end }, orphaned: false };
  });
}
