import { CodePointIndex } from '../base/offsets';
import { allowsLabels, type RelationType } from '../project/relationTypes';
import type { Relation, Tag } from '../sidecar/schema';
import { newRelation } from '../tagging/relationOperations';

export interface RelationProposalOptions {
  /** Who signs the proposals: the tool's name. Only proposals under this name are ever removed. */
  annotator: string;
  now?: Date;
  /** The project's relation types: a rule proposes only a type the project has, between labels it allows. */
  types: readonly RelationType[];
}

/** A relation a rule found: its type and the ids of its ends. */
interface Found {
  type: string;
  from: string;
  to: string;
}

/** Nothing but spaces between a number and what it counts ("800 Lancet drones"). */
const ADJACENT = /^[ \t]+$/;

/**
 * A country or company, then within a few words a verb of making or supplying: "Ukraine plans to
 * produce", "Rheinmetall will build", "Turkey supplied". The object is the first product after it in
 * the sentence.
 */
const PRODUCING = /^(?:\s+[\p{L}'’-]+){0,3}?\s+(?:produc(?:e|es|ed|ing)|buil(?:d|ds|t|ding)|mak(?:e|es|ing)|made|suppl(?:y|ies|ied|ying))\b/u;
const SENTENCE_END = /[.!?](?:\s|$)|\n/;

/**
 * The relations pre-annotation proposes between an article's tags (after its tag proposals), by two
 * small rules: QUANTITY_OF from a number directly before the tag it counts, and PRODUCES from a
 * country or company that is the subject of produce/build/make/supply to the next product in the
 * sentence. Each is `proposed`, source `import`, signed `options.annotator`. A relation already
 * between those tags with that type (whoever made it, whatever its status: a rejected one is a
 * person's "no") is not proposed again; the tool's own earlier proposals found again are kept, those
 * no longer found are removed; nobody else's relation is touched.
 */
export function relationProposals(text: string, tags: readonly Tag[], relations: readonly Relation[], options: RelationProposalOptions): { putRelations: Relation[]; removeRelations: string[] } {
  const found = findRelations(text, tags, options.types);
  const key = (relation: Found) => `${relation.type}:${relation.from}:${relation.to}`;
  const existing = new Set(relations.map(key));
  const foundKeys = new Set(found.map(key));
  const putRelations = found.filter((relation) => !existing.has(key(relation))).map((relation) => newRelation({ ...relation, status: 'proposed', source: 'import', annotator: options.annotator, now: options.now }));
  const removeRelations = relations.filter((relation) => isOwnProposal(relation, options.annotator) && !foundKeys.has(key(relation))).map((relation) => relation.id);
  return { putRelations, removeRelations };
}

/** A relation this tool proposed and nobody has touched since. */
function isOwnProposal(relation: Relation, annotator: string): boolean {
  return relation.status === 'proposed' && relation.source === 'import' && relation.annotator === annotator && (relation.history === undefined || relation.history.length === 0);
}

/** Tags where they stand in the text (UTF-16); a tag a person turned down, orphaned or in conflict is no end. */
function findRelations(text: string, tags: readonly Tag[], types: readonly RelationType[]): Found[] {
  const quantityOf = types.find((type) => type.name === 'QUANTITY_OF');
  const produces = types.find((type) => type.name === 'PRODUCES');
  if (!quantityOf && !produces) return [];
  const index = new CodePointIndex(text);
  const live = tags
    .filter((tag) => tag.status !== 'rejected' && tag.status !== 'conflict' && tag.anchor !== 'orphaned' && tag.end <= index.length)
    .map((tag) => ({ tag, start: index.toUtf16(tag.start), end: index.toUtf16(tag.end) }))
    .filter(({ tag, start, end }) => text.slice(start, end) === tag.text)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const found: Found[] = [];
  for (let i = 0; i < live.length; i++) {
    const { tag, end } = live[i]!;
    const next = live.slice(i + 1).find((other) => other.start >= end);
    if (quantityOf && next && ['CARDINAL', 'QUANTITY', 'MONEY'].includes(tag.label) && ADJACENT.test(text.slice(end, next.start)) && allowsLabels(quantityOf, tag.label, next.tag.label)) {
      found.push({ type: quantityOf.name, from: tag.id, to: next.tag.id });
    }
    if (produces && (tag.label === 'GPE' || tag.label === 'ORG')) {
      const verb = PRODUCING.exec(text.slice(end));
      if (!verb) continue;
      const sentenceEnd = sentenceEndAfter(text, end);
      const after = end + verb[0].length;
      const product = live.find((other) => other.start >= after && other.end <= sentenceEnd && allowsLabels(produces, tag.label, other.tag.label));
      if (product) found.push({ type: produces.name, from: tag.id, to: product.tag.id });
    }
  }
  return found;
}

function sentenceEndAfter(text: string, from: number): number {
  const match = SENTENCE_END.exec(text.slice(from));
  return match ? from + match.index + 1 : text.length;
}
