/**
 * Relations between tags in the interchange formats (issue 16 × issue 18): which of an article's
 * relations go out (the export's status and annotator filter, both ends exported, none in conflict),
 * how a format names the relations it writes or cannot say, and how a relation read from a file is
 * checked. Every relation left out is named, never dropped silently: a format without a place for
 * relations (CoNLL, doccano's sequence labelling, spaCy/Prodigy span JSONL) reports each one, and
 * `--strict` refuses the article instead.
 *
 * An article without relations costs nothing here: every function returns at once on none.
 */
import type { Relation, Tag, TagStatus } from '../sidecar/schema';
import type { RelationType } from '../project/relationTypes';
import { shown } from './jsonRecords';
import type { ExportDocument, FormatNotice, FormatRelation, FormatTag } from './types';

/** Which relations go out: the same filter as the tags'. */
export interface RelationFilter {
  statuses: ReadonlySet<TagStatus>;
  annotator?: string;
}

/** `PRODUCES "Ukraine" → "interceptor drones" (r-1a2b)`: how a relation is named in a notice. */
export function describeRelation(relation: Pick<FormatRelation, 'id' | 'type' | 'from' | 'to'>, textOf: (tagId: string) => string | undefined, symmetric = false): string {
  const end = (id: string) => {
    const text = textOf(id);
    return text === undefined ? `tag ${id}` : shown(text);
  };
  return `${relation.type} ${end(relation.from)} ${symmetric ? '↔' : '→'} ${end(relation.to)}${relation.id ? ` (${relation.id})` : ''}`;
}

/**
 * The relations of an article that go out: of the statuses and annotator asked for, not in conflict,
 * and with both ends among the tags that go out (`exported`, their ids). A relation of another status
 * or annotator is left out as such a tag is, unsaid; one in conflict, or whose end stays behind
 * (filtered out, orphaned, in conflict), is named in `notices`.
 */
export function chooseRelations(
  name: string,
  relations: readonly Relation[] | undefined,
  tags: readonly Tag[],
  exported: ReadonlySet<string>,
  filter: RelationFilter,
  notices: FormatNotice[],
): FormatRelation[] | undefined {
  if (!relations || relations.length === 0) return undefined;
  const textOf = tagTexts(tags);
  const chosen: FormatRelation[] = [];
  for (const relation of relations) {
    if (filter.annotator !== undefined && relation.annotator !== filter.annotator) continue;
    const what = `relation ${describeRelation(relation, textOf)}`;
    if (relation.status === 'conflict') {
      notices.push({ document: name, message: `${what} not exported: in conflict between two branches (keep ours or theirs first)` });
      continue;
    }
    if (!filter.statuses.has(relation.status)) continue;
    const missing = [relation.from, relation.to].filter((id) => !exported.has(id));
    if (missing.length > 0) {
      const why = missing.map((id) => (textOf(id) === undefined ? `its tag ${id} is not in the sidecar` : `its end ${shown(textOf(id))} is not exported (filtered out, orphaned or in conflict)`)).join('; ');
      notices.push({ document: name, message: `${what} not exported: ${why}` });
      continue;
    }
    chosen.push({
      id: relation.id,
      type: relation.type,
      from: relation.from,
      to: relation.to,
      status: relation.status,
      annotator: relation.annotator,
      created: relation.created,
      modified: relation.modified,
      ...(relation.history ? { history: relation.history } : {}),
    });
  }
  return chosen.length > 0 ? chosen : undefined;
}

/** The text of a tag by its id, the index made on first use: most documents' relations are never described. */
export function tagTexts(tags: readonly Pick<FormatTag, 'id' | 'text'>[]): (id: string) => string | undefined {
  let byId: Map<string | undefined, string> | undefined;
  return (id) => {
    byId ??= new Map(tags.map((tag) => [tag.id, tag.text]));
    return byId.get(id);
  };
}

/**
 * For a format with no place for relations: one notice naming every relation of the document, or,
 * `strict`, the document refused (the caller writes nothing of it). Nothing when it has none.
 */
export function relationsNotCarried(document: ExportDocument, format: string, strict: boolean | undefined): { notices: FormatNotice[]; refused: boolean } {
  const relations = document.relations;
  if (!relations || relations.length === 0) return { notices: [], refused: false };
  const textOf = tagTexts(document.tags);
  const named = relations.map((relation) => describeRelation(relation, textOf)).join('; ');
  const count = relations.length === 1 ? '1 relation' : `${relations.length} relations`;
  if (strict) return { notices: [{ document: document.name, message: `not exported: ${format} has no place for relations, and strict mode refuses to drop its ${count}: ${named}` }], refused: true };
  return { notices: [{ document: document.name, message: `${count} not exported: ${format} has no place for relations: ${named}` }], refused: false };
}

/**
 * The document's relations whose two ends the format wrote, each with the format's ids of its ends
 * (`written`: a tag id → the format's id of that tag, for the tags written); the others named.
 */
export function relationsWithWrittenEnds<Id>(document: ExportDocument, written: ReadonlyMap<string, Id>, format: string): { relations: Array<{ relation: FormatRelation; from: Id; to: Id }>; notices: FormatNotice[] } {
  const relations: Array<{ relation: FormatRelation; from: Id; to: Id }> = [];
  const notices: FormatNotice[] = [];
  if (!document.relations) return { relations, notices };
  const textOf = tagTexts(document.tags);
  for (const relation of document.relations) {
    const from = written.get(relation.from);
    const to = written.get(relation.to);
    if (from !== undefined && to !== undefined) relations.push({ relation, from, to });
    else notices.push({ document: document.name, message: `relation ${describeRelation(relation, textOf)} not exported: its end ${shown(textOf(from === undefined ? relation.from : relation.to) ?? '?')} was not written in ${format} (named above)` });
  }
  return { relations, notices };
}

/** The names of the relation types without direction. */
export function symmetricTypeNames(types: readonly RelationType[] | undefined): ReadonlySet<string> {
  return new Set((types ?? []).filter((type) => type.symmetric).map((type) => type.name));
}

/** A relation type's name as the sidecar takes it (capitals, digits, underscores); what is wrong with it otherwise. */
export function relationTypeProblem(type: unknown): string | undefined {
  if (typeof type !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(type)) return `expected a relation type in capitals such as "PRODUCES", found ${shown(type)}`;
  return undefined;
}
