/** fast-check documents with relations between their tags, for the interchange formats' round trips of relations (issue 18). */
import fc from 'fast-check';
import type { ExportDocument, FormatRelation, FormatTag, ImportedDocument } from '../../server/src/core/formats/types';
import { documentArbitrary } from './documentArbitrary';

/** Types of the built-in set, one of them without direction (ALLY_OF). */
export const RELATION_TYPES = ['PRODUCES', 'QUANTITY_OF', 'ALLY_OF'] as const;

/** A document of documentArbitrary, its tags given ids, with up to six relations between two different tags each. */
export const relationDocumentArbitrary: fc.Arbitrary<ExportDocument> = documentArbitrary.chain((document) => {
  const tags = document.tags.map((tag, index): FormatTag => ({ ...tag, id: `t-${index}` }));
  if (tags.length < 2) return fc.constant({ ...document, tags });
  const relation = fc
    .record({
      from: fc.nat({ max: tags.length - 1 }),
      step: fc.integer({ min: 1, max: tags.length - 1 }),
      type: fc.constantFrom(...RELATION_TYPES),
      status: fc.constantFrom('accepted' as const, 'approved' as const, 'proposed' as const),
      annotator: fc.constantFrom('ana', 'bo', 'model:crf'),
    })
    .map(({ from, step, type, status, annotator }): Omit<FormatRelation, 'id'> => ({ type, from: tags[from].id!, to: tags[(from + step) % tags.length].id!, status, annotator }));
  return fc.array(relation, { maxLength: 6 }).map((relations) => ({
    ...document,
    tags,
    ...(relations.length > 0 ? { relations: relations.map((found, index) => ({ ...found, id: `r-${index}` })) } : {}),
  }));
});

/** A tag as a comparable key: where it is and its label. */
const tagKey = (tag: Pick<FormatTag, 'start' | 'end' | 'label'>) => `${tag.start}..${tag.end} ${tag.label}`;

/** Relations of an exported document as sorted keys (type and both ends' places and labels, and the fields asked for). */
export function exportedRelationKeys(document: ExportDocument, fields: ReadonlyArray<'status' | 'annotator'> = []): string[] {
  const byId = new Map(document.tags.map((tag) => [tag.id, tag]));
  return (document.relations ?? []).map((relation) => JSON.stringify([relation.type, tagKey(byId.get(relation.from)!), tagKey(byId.get(relation.to)!), ...fields.map((field) => relation[field])])).sort();
}

/** Relations of an imported document as the same keys. */
export function importedRelationKeys(document: ImportedDocument, fields: ReadonlyArray<'status' | 'annotator'> = []): string[] {
  return (document.relations ?? []).map((relation) => JSON.stringify([relation.type, tagKey(document.tags[relation.from]), tagKey(document.tags[relation.to]), ...fields.map((field) => relation[field])])).sort();
}
