import { DELETED, type Tag, type TagConflict, type TagVersion } from './schema';

export type ConflictSide = 'ours' | 'theirs';

/** "ours PERSON "Zelensky" at 120-128 / theirs ORG "Zelensky" at 120-128", or "… / theirs deleted it". */
export function describeConflict(conflict: TagConflict): string {
  const side = (name: ConflictSide) => {
    const version = conflict[name];
    return version === DELETED ? `${name} deleted it` : `${name} ${describeVersion(version)}`;
  };
  return `${side('ours')} / ${side('theirs')}`;
}

/** `PERSON "Zelensky" at 120-128`, with the status unless accepted (the usual case), since it may be what the sides disagree on. */
function describeVersion(version: TagVersion): string {
  const status = version.status === 'accepted' ? '' : ` (${version.status})`;
  return `${version.label} ${quote(version.text)} at ${version.start}-${version.end}${status}`;
}

/** The tag as one side of its conflict had it; undefined when that side deleted it. */
export function resolveConflict(tag: Tag, side: ConflictSide): Tag | undefined {
  if (!tag.conflict) return tag;
  const version = tag.conflict[side];
  return version === DELETED ? undefined : { id: tag.id, ...version };
}

/** Quoted like JSON, on one line, shortened past 40 characters: for messages. */
export function quote(text: string): string {
  const characters = [...text];
  return JSON.stringify(characters.length > 40 ? characters.slice(0, 39).join('') + '…' : text);
}
