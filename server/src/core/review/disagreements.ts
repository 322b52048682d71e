import { isClaim, type ClaimableTag } from '../agreement/claims';

/**
 * label: two annotators tagged the same span with different labels; boundary: their spans overlap
 * without being the same (whatever the labels).
 */
export type DisagreementKind = 'label' | 'boundary';

export interface Disagreement<T> {
  kind: DisagreementKind;
  /** The earlier tag (by start, then the longer one first) and the later one. */
  first: T;
  second: T;
}

/**
 * Where two annotators' claims (accepted or approved tags) disagree. Tags of one annotator never
 * disagree with each other (nesting is deliberate), and a pair a reviewer approved both of is settled.
 * Sorted by the first tag's start; a sweep over tags sorted by start, so near-linear in practice.
 */
export function findDisagreements<T extends ClaimableTag>(tags: readonly T[]): Disagreement<T>[] {
  const claims = tags.filter(isClaim).sort((a, b) => a.start - b.start || b.end - a.end);
  const found: Disagreement<T>[] = [];
  for (let i = 0; i < claims.length; i++) {
    const first = claims[i]!;
    for (let j = i + 1; j < claims.length && claims[j]!.start < first.end; j++) {
      const second = claims[j]!;
      if (first.annotator === second.annotator) continue;
      if (first.status === 'approved' && second.status === 'approved') continue;
      const sameSpan = first.start === second.start && first.end === second.end;
      if (sameSpan && first.label === second.label) continue;
      found.push({ kind: sameSpan ? 'label' : 'boundary', first, second });
    }
  }
  return found;
}
