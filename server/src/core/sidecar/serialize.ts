import {
  DELETED,
  NormalizedValueSchema,
  SidecarSchema,
  TagConflictSchema,
  TagContextSchema,
  TagSchema,
  TagVersionSchema,
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
  const fields = SIDECAR_KEYS.map((key) => {
    const printed = key !== 'annotations' ? printInline(sidecar[key]) : tags.length === 0 ? '[]' : `[\n    ${TAG_LINES}\n  ]`;
    return `  ${JSON.stringify(key)}: ${printed}`;
  });
  const [head, tail = ''] = `{\n${fields.join(',\n')}\n}\n`.split(TAG_LINES);
  return { head, tags, separator: ',\n    ', tail };
}

/** Code unit comparison, not localeCompare: the order must not depend on the machine's locale. */
export function compareTags(a: Tag, b: Tag): number {
  return a.start - b.start || a.end - b.end || compareStrings(a.label, b.label) || compareStrings(a.id, b.id);
}

/** The tag's line in the file, without indentation: equal tags print equal lines. */
export function serializeTag(tag: Tag): string {
  return printInline(orderTag(tag));
}

function orderTag(tag: Tag): Record<string, unknown> {
  const ordered = orderFields(tag, TAG_KEYS);
  if (tag.conflict) {
    const orderVersion = (version: TagVersion | typeof DELETED) => (version === DELETED ? version : orderFields(version, VERSION_KEYS));
    const { base, ours, theirs } = tag.conflict;
    ordered.conflict = pick({ base: base && orderVersion(base), ours: orderVersion(ours), theirs: orderVersion(theirs) }, CONFLICT_KEYS);
  }
  return ordered;
}

function orderFields(tag: Tag | TagVersion, keys: readonly string[]): Record<string, unknown> {
  const ordered = pick(tag, keys);
  ordered.context = pick(tag.context, CONTEXT_KEYS);
  if (tag.value) ordered.value = pick(tag.value, VALUE_KEYS);
  return ordered;
}

/** A copy of `object` with its keys inserted in `order`; absent and undefined fields are left out. */
function pick(object: object, order: readonly string[]): Record<string, unknown> {
  const source = object as Record<string, unknown>;
  const ordered: Record<string, unknown> = {};
  for (const key of order) if (source[key] !== undefined) ordered[key] = source[key];
  return ordered;
}

/**
 * JSON on one line, with a space after ":" and "," for the eye; keys keep their insertion order.
 * Plain loops and concatenation: this runs for every field of every tag on each write.
 */
function printInline(value: unknown): string {
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
