import type { Relation } from '../sidecar/schema';
import { isClaim, type ClaimableTag } from './claims';
import { toScore, type Score } from './spanScores';

/** What relation agreement needs of a relation. */
export type ClaimableRelation = Pick<Relation, 'type' | 'from' | 'to' | 'status' | 'annotator'>;

/** One relation as a claim: its type and the spans of its two ends (code points). */
interface RelationClaim {
  type: string;
  from: { start: number; end: number };
  to: { start: number; end: number };
}

/** How far two annotators agree on relations of one type, or of all. */
export interface RelationTypeAgreement {
  /** Claims of each annotator. */
  claims: [number, number];
  /** Both ends at exactly the same spans, and the same type. */
  exact: Score;
  /** Both ends overlapping the other's ends, and the same type (the largest one-to-one matching). */
  overlap: Score;
}

export interface RelationAgreement extends RelationTypeAgreement {
  /** Every type either annotator claimed, sorted. */
  byType: Record<string, RelationTypeAgreement>;
}

/** Counts of matches, summed across documents before figures are made of them. */
export interface RelationCounts {
  claims: [number, number];
  byType: Map<string, { claims: [number, number]; exact: Counts; overlap: Counts }>;
}

interface Counts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

/**
 * Relation matches in one document between the claims of `first` (the reference) and `second`: an
 * annotator's accepted or approved relations whose two tags are claims of theirs too. A relation of a
 * type in `symmetricTypes` has no direction, so its ends are compared either way round.
 */
export function countRelationMatches(tags: readonly (ClaimableTag & { id?: string })[], relations: readonly ClaimableRelation[], first: string, second: string, symmetricTypes: ReadonlySet<string> = new Set()): RelationCounts {
  const byId = new Map(tags.filter((tag) => tag.id !== undefined).map((tag) => [tag.id!, tag]));
  const claimsOf = (annotator: string): RelationClaim[] =>
    relations
      .filter((relation) => isClaim(relation) && relation.annotator === annotator)
      .flatMap((relation) => {
        const [from, to] = [byId.get(relation.from), byId.get(relation.to)];
        if (!from || !to) return [];
        const ends = symmetricTypes.has(relation.type) && (to.start < from.start || (to.start === from.start && to.end < from.end)) ? [to, from] : [from, to];
        return [{ type: relation.type, from: { start: ends[0]!.start, end: ends[0]!.end }, to: { start: ends[1]!.start, end: ends[1]!.end } }];
      });
  const [gold, predicted] = [claimsOf(first), claimsOf(second)];
  const types = [...new Set([...gold, ...predicted].map((claim) => claim.type))].sort();
  const byType: RelationCounts['byType'] = new Map();
  for (const type of types) {
    const g = gold.filter((claim) => claim.type === type);
    const p = predicted.filter((claim) => claim.type === type);
    const counts = (matches: number): Counts => ({ truePositives: matches, falsePositives: p.length - matches, falseNegatives: g.length - matches });
    byType.set(type, { claims: [g.length, p.length], exact: counts(maximumMatching(p, g, sameSpans)), overlap: counts(maximumMatching(p, g, overlappingSpans)) });
  }
  return { claims: [gold.length, predicted.length], byType };
}

/** The counts of several documents as one. */
export function addRelationCounts(all: readonly RelationCounts[]): RelationCounts {
  const total: RelationCounts = { claims: [0, 0], byType: new Map() };
  const add = (a: Counts, b: Counts): Counts => ({ truePositives: a.truePositives + b.truePositives, falsePositives: a.falsePositives + b.falsePositives, falseNegatives: a.falseNegatives + b.falseNegatives });
  for (const counts of all) {
    total.claims = [total.claims[0] + counts.claims[0], total.claims[1] + counts.claims[1]];
    for (const [type, figures] of counts.byType) {
      const sum = total.byType.get(type);
      total.byType.set(type, sum ? { claims: [sum.claims[0] + figures.claims[0], sum.claims[1] + figures.claims[1]], exact: add(sum.exact, figures.exact), overlap: add(sum.overlap, figures.overlap) } : figures);
    }
  }
  total.byType = new Map([...total.byType].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return total;
}

/** Precision, recall and F1 per type and overall from the counts. */
export function relationAgreementOf(counts: RelationCounts): RelationAgreement {
  const zero: Counts = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  const overall = { exact: { ...zero }, overlap: { ...zero } };
  const byType: Record<string, RelationTypeAgreement> = {};
  for (const [type, figures] of counts.byType) {
    byType[type] = { claims: figures.claims, exact: toScore(figures.exact), overlap: toScore(figures.overlap) };
    for (const mode of ['exact', 'overlap'] as const) {
      overall[mode].truePositives += figures[mode].truePositives;
      overall[mode].falsePositives += figures[mode].falsePositives;
      overall[mode].falseNegatives += figures[mode].falseNegatives;
    }
  }
  return { claims: counts.claims, exact: toScore(overall.exact), overlap: toScore(overall.overlap), byType };
}

function sameSpans(a: RelationClaim, b: RelationClaim): boolean {
  return a.from.start === b.from.start && a.from.end === b.from.end && a.to.start === b.to.start && a.to.end === b.to.end;
}

function overlappingSpans(a: RelationClaim, b: RelationClaim): boolean {
  const overlaps = (x: { start: number; end: number }, y: { start: number; end: number }) => x.start < y.end && y.start < x.end;
  return overlaps(a.from, b.from) && overlaps(a.to, b.to);
}

/** The size of the largest one-to-one matching of predicted to gold claims (augmenting paths: an article holds few relations). */
function maximumMatching(predicted: readonly RelationClaim[], gold: readonly RelationClaim[], matches: (a: RelationClaim, b: RelationClaim) => boolean): number {
  const partner = new Array<number>(gold.length).fill(-1);
  const tryAssign = (p: number, seen: boolean[]): boolean => {
    for (let g = 0; g < gold.length; g++) {
      if (seen[g] || !matches(predicted[p]!, gold[g]!)) continue;
      seen[g] = true;
      if (partner[g] === -1 || tryAssign(partner[g]!, seen)) {
        partner[g] = p;
        return true;
      }
    }
    return false;
  };
  let count = 0;
  for (let p = 0; p < predicted.length; p++) if (tryAssign(p, new Array<boolean>(gold.length).fill(false))) count++;
  return count;
}
