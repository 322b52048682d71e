import type { Tag } from '../sidecar/schema';

/** What agreement needs of a tag. */
export type ClaimableTag = Pick<Tag, 'start' | 'end' | 'label' | 'status' | 'annotator'>;

/** Statuses that say "this span is a PERSON" in the annotator's name: their own tag, approved or not yet reviewed. */
export function isClaim(tag: Pick<ClaimableTag, 'status'>): boolean {
  return tag.status === 'accepted' || tag.status === 'approved';
}

/**
 * An annotator's claims: the tags they accepted, whether or not a reviewer approved them since. A rejected tag records that they turned a suggestion
 * down, a proposed one is a tool's pre-annotation nobody has confirmed, and a tag in conflict has
 * two versions nobody has chosen between; none of them says "this span is a PERSON" in their name.
 */
export function claimsOf<T extends ClaimableTag>(tags: readonly T[], annotator: string): T[] {
  return tags.filter((tag) => isClaim(tag) && tag.annotator === annotator);
}

/** Everyone with a claim among `tags`, sorted. */
export function claimants(tags: readonly ClaimableTag[]): string[] {
  return [...new Set(tags.filter(isClaim).map((tag) => tag.annotator))].sort();
}

/**
 * Whether the annotator left any tag in the document, whatever its status: rejecting every
 * suggestion is still reading the article, while no tag at all means they have not been there.
 */
export function hasWorkedOn(tags: readonly ClaimableTag[], annotator: string): boolean {
  return tags.some((tag) => tag.annotator === annotator);
}
