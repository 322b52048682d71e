import type { Relation, Tag } from '../sidecar/schema';

/**
 * type: two annotators linked the same two spans with different types; missing: one linked two spans
 * that the other tagged too, and the other did not link them.
 */
export type RelationDisagreementKind = 'type' | 'missing';

export interface RelationDisagreement {
  kind: RelationDisagreementKind;
  /** The relation of one annotator. */
  first: Relation;
  /** The other annotator's relation on the same spans ('type'), or absent ('missing'). */
  second?: Relation;
  /** For 'missing': who tagged both ends and did not link them. */
  without?: string;
}

/**
 * Where two annotators' relations disagree. Annotators tag separately, so their relations join
 * different tags: two relations have the same ends when their tags cover the same spans. Only
 * relations awaiting review count (accepted); ends where a reviewer approved or rejected a relation
 * are settled. Tools' proposals are no one's claim.
 */
export function findRelationDisagreements(tags: readonly Tag[], relations: readonly Relation[]): RelationDisagreement[] {
  const byId = new Map(tags.map((tag) => [tag.id, tag]));
  const spanKey = (tag: Tag) => `${tag.start}:${tag.end}`;
  const endsOf = (relation: Relation) => {
    const [from, to] = [byId.get(relation.from), byId.get(relation.to)];
    return from && to ? `${spanKey(from)}>${spanKey(to)}` : undefined;
  };
  // Who tagged each span (accepted or approved): whoever tagged both ends could have linked them.
  const taggers = new Map<string, Set<string>>();
  for (const tag of tags) {
    if (tag.status !== 'accepted' && tag.status !== 'approved') continue;
    const key = spanKey(tag);
    if (!taggers.has(key)) taggers.set(key, new Set());
    taggers.get(key)!.add(tag.annotator);
  }
  const groups = new Map<string, Relation[]>();
  for (const relation of relations) {
    const key = endsOf(relation);
    if (key === undefined || relation.status === 'proposed' || relation.status === 'conflict') continue;
    groups.set(key, [...(groups.get(key) ?? []), relation]);
  }
  const found: RelationDisagreement[] = [];
  for (const [key, group] of groups) {
    if (group.some((relation) => relation.status === 'approved' || relation.status === 'rejected')) continue;
    const byAnnotator = new Map<string, Relation[]>();
    for (const relation of group) byAnnotator.set(relation.annotator, [...(byAnnotator.get(relation.annotator) ?? []), relation]);
    // By name, not by where the relations stand in the sidecar: the same disagreement reads the same way every time.
    const annotators = [...byAnnotator.keys()].sort();
    const typesOf = (annotator: string) => new Set(byAnnotator.get(annotator)!.map((relation) => relation.type));
    for (let i = 0; i < annotators.length; i++) {
      for (let j = i + 1; j < annotators.length; j++) {
        const [a, b] = [annotators[i]!, annotators[j]!];
        const first = byAnnotator.get(a)!.find((relation) => !typesOf(b).has(relation.type));
        const second = byAnnotator.get(b)!.find((relation) => !typesOf(a).has(relation.type));
        if (first && second) found.push({ kind: 'type', first, second });
      }
    }
    const [fromSpan, toSpan] = key.split('>') as [string, string];
    const couldHave = [...(taggers.get(fromSpan) ?? [])].sort().filter((annotator) => taggers.get(toSpan)?.has(annotator) && !byAnnotator.has(annotator));
    for (const without of couldHave) found.push({ kind: 'missing', first: group[0]!, without });
  }
  return found;
}
