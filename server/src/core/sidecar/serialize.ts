import {
  DELETED,
  NormalizedValueSchema,
  RelationConflictSchema,
  RelationSchema,
  RelationVersionSchema,
  SidecarSchema,
  TagConflictSchema,
  TagContextSchema,
  TagSchema,
  TagVersionSchema,
  type Relation,
  type RelationVersion,
  type Sidecar,
  type Tag,
  type TagVersion,
} from './schema';

/*
 * Layout: the file is indented JSON, except that each tag is printed on ONE line inside the
 * `annotations` array. Tagging, relabelling, accepting or rejecting a span is then a one-line git
 * diff (plus a comma when the last line changes) instead of a fifteen-line hunk that `git diff`
 * may misalign between neighbouring tags of the same shape, and a merge of two annotators' work
 * conflicts only on the tags they both touched. Strings go through JSON.stringify, which escapes
 * line breaks, so a tag spanning lines still stays on one line.
 *
 * Determinism: key order is the order in which the schema declares its fields — not the order in
 * which some caller happened to build an object — and tags are sorted by (start, end, label, id).
 */

const SIDECAR_KEYS = Object.keys(SidecarSchema.shape) as (keyof Sidecar)[];
const TAG_KEYS = Object.keys(TagSchema.shape) as (keyof Tag)[];
const VERSION_KEYS = Object.keys(TagVersionSchema.shape);
const CONFLICT_KEYS = Object.keys(TagConflictSchema.shape);
const CONTEXT_KEYS = Object.keys(TagContextSchema.shape);
const RELATION_KEYS = Object.keys(RelationSchema.shape);
const RELATION_VERSION_KEYS = Object.keys(RelationVersionSchema.shape);
const RELATION_CONFLICT_KEYS = Object.keys(RelationConflictSchema.shape);
/** One order across all value variants: each variant's keys are a subsequence of it. */
const VALUE_KEYS = [...new Set(NormalizedValueSchema.options.flatMap((variant) => Object.keys(variant.shape)))];

export function serializeSidecar(sidecar: Sidecar): string {
  const { head, tags, separator, tail } = layOutSidecar(sidecar);
  return head + tags.map(serializeTag).join(separator) + tail;
}

/** The file around its tag lines: `head`, each tag's serializeTag line joined by `separator`, then `tail`. */
export interface SidecarLayout {
  head: string;
  /** Sorted, in the order their lines appear. */
  tags: Tag[];
  separator: string;
  tail: string;
}

/** Where the tag lines go among the printed fields: a raw NUL, which JSON.stringify always escapes, so it occurs nowhere else. */
const TAG_LINES = '\u0000';

/** serializeSidecar in pieces, so that the store can reuse the lines of tags it printed before. */
export function layOutSidecar(sidecar: Sidecar): SidecarLayout {
  const tags = [...sidecar.annotations].sort(compareTags);
  // Relations, like tags, one a line; left out when there are none, so such a sidecar reads as before.
  const relations = [...(sidecar.relations ?? [])].sort(compareRelations);
  const fields = SIDECAR_KEYS.filter((key) => key !== 'relations' || relations.length > 0).map((key) => {
    const printed =
      key === 'relations' ? `[\n    ${relations.map(serializeRelation).join(',\n    ')}\n  ]` : key !== 'annotations' ? printInline(sidecar[key]) : tags.length === 0 ? '[]' : `[\n    ${TAG_LINES}\n  ]`;
    return `  ${JSON.stringify(key)}: ${printed}`;
  });
  const [head, tail = ''] = `{\n${fields.join(',\n')}\n}\n`.split(TAG_LINES);
  return { head, tags, separator: ',\n    ', tail };
}

/** Code unit comparison, not localeCompare: the order must not depend on the machine's locale. */
export function compareTags(a: Tag, b: Tag): number {
  return a.start - b.start || a.end - b.end || compareStrings(a.label, b.label) || compareStrings(a.id, b.id);
}

/** Relations in the order they were made (ISO times sort as text), then by id: a new one is a line added at the end. */
export function compareRelations(a: Relation, b: Relation): number {
  return compareStrings(a.created, b.created) || compareStrings(a.id, b.id);
}

/** The relation's line in the file, without indentation. */
export function serializeRelation(relation: Relation): string {
  return printRelation(relation);
}

/** The tag's line in the file, without indentation: equal tags print equal lines. */
export function serializeTag(tag: Tag): string {
  return printTag(tag);
}

/**
 * Prints objects of one schema on one line: the fields in `keys` order (the schema's), undefined ones
 * left out, each through `nested` if it is an object of a schema too, else printInline.
 */
function fieldPrinter(keys: readonly string[], nested: Record<string, (value: never) => string> = {}): (object: object) => string {
  const fields = keys.map((key) => ({ key, name: `${JSON.stringify(key)}: `, print: (nested[key] ?? printInline) as (value: unknown) => string }));
  return (object) => {
    const record = object as Record<string, unknown>;
    let printed = '';
    for (const { key, name, print } of fields) {
      const value = record[key];
      if (value !== undefined) printed += (printed === '' ? '{' : ', ') + name + print(value);
    }
    return printed === '' ? '{}' : printed + '}';
  };
}

const printValue = fieldPrinter(VALUE_KEYS);
const printContext = fieldPrinter(CONTEXT_KEYS);
const printVersion = fieldPrinter(VERSION_KEYS, { context: printContext, value: printValue });
const printSide = (side: TagVersion | typeof DELETED) => (side === DELETED ? printInline(side) : printVersion(side));
const printConflict = fieldPrinter(CONFLICT_KEYS, { base: printVersion, ours: printSide, theirs: printSide });
const printTag = fieldPrinter(TAG_KEYS, { context: printContext, value: printValue, conflict: printConflict });
const printRelationVersion = fieldPrinter(RELATION_VERSION_KEYS);
const printRelationSide = (side: RelationVersion | typeof DELETED) => (side === DELETED ? printInline(side) : printRelationVersion(side));
const printRelationConflict = fieldPrinter(RELATION_CONFLICT_KEYS, { base: printRelationVersion, ours: printRelationSide, theirs: printRelationSide });
const printRelation = fieldPrinter(RELATION_KEYS, { conflict: printRelationConflict });

/** What JSON.stringify escapes in a string (a surrogate only when lone; any sends the string to it). */
const NEEDS_ESCAPES = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * JSON on one line, with a space after ":" and "," for the eye; keys keep their insertion order.
 * Plain loops and concatenation: this runs for every field of every tag on each write.
 */
function printInline(value: unknown): string {
  if (typeof value === 'string') return NEEDS_ESCAPES.test(value) ? JSON.stringify(value) : `"${value}"`;
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) {
    let printed = '[';
    for (let i = 0; i < value.length; i++) printed += (i === 0 ? '' : ', ') + printInline(value[i]);
    return printed + ']';
  }
  const record = value as Record<string, unknown>;
  let printed = '{';
  let first = true;
  for (const key of Object.keys(record)) {
    const field = record[key];
    if (field === undefined) continue;
    printed += (first ? '' : ', ') + JSON.stringify(key) + ': ' + printInline(field);
    first = false;
  }
  return printed + '}';
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
