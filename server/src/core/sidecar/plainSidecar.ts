/**
 * The quick check of a sidecar: whether parsed JSON is certainly valid by SidecarSchema, decided by
 * hand for the common sidecar, at a fraction of zod's cost (zod made a tenth of an export's work: every
 * field of every tag, each object copied). zod stays the validator of record: this says "valid" only
 * where SidecarSchema would accept the data and give it back unchanged, and otherwise "not sure", and
 * then zod decides and names the problem. Rarer shapes (tags and relations in conflict) always go to zod.
 * The rules are the schema's own (its patterns are shared from schema.ts, the timestamp's taken from zod);
 * plainSidecar.test.ts checks with thousands of near-miss sidecars that this never accepts what zod refuses.
 */
import { KINDS } from '../base/labels';
import {
  ARTICLE_NAME,
  CONTEXT_LENGTH,
  codePointCount,
  HistoryEntrySchema,
  LABEL,
  MODEL_SOURCE,
  NormalizedValueSchema,
  RELATION_TYPE,
  SIDECAR_VERSION,
  TAG_ID,
  TAG_SOURCES,
  UTC_TIMESTAMP,
  type Sidecar,
} from './schema';

const SIDECAR_FIELDS = new Set(['version', 'article', 'annotations', 'relations']);
/** The fields a tag must have (true) and may have (false); any other is zod's to refuse. */
const TAG_FIELDS = new Map<string, boolean>([
  ...['id', 'start', 'end', 'text', 'label', 'kind', 'status', 'source', 'annotator', 'created', 'modified', 'context'].map((key) => [key, true] as const),
  ...['value', 'history', 'anchor'].map((key) => [key, false] as const),
]);
const REQUIRED_TAG_FIELDS = [...TAG_FIELDS.values()].filter(Boolean).length;
const KIND_NAMES = new Set<unknown>(KINDS);
/** Settled statuses only: a tag in conflict carries versions that zod checks. */
const STATUSES = new Set<unknown>(['accepted', 'approved', 'rejected', 'proposed']);
const SOURCES = new Set<unknown>(TAG_SOURCES);
/**
 * The fields a relation may have; `conflict` is not among them (zod's). No count of the required ones:
 * each is checked for its type below, so a missing one fails there.
 */
const RELATION_FIELDS = new Set(['id', 'type', 'from', 'to', 'status', 'source', 'annotator', 'created', 'modified', 'history']);

/** True: SidecarSchema accepts `json` as it is. False: not decided here (zod decides). */
export function isPlainlyValidSidecar(json: unknown): json is Sidecar {
  if (!isRecord(json) || json.version !== SIDECAR_VERSION || typeof json.article !== 'string' || !ARTICLE_NAME.test(json.article) || !Array.isArray(json.annotations)) return false;
  for (const key of Object.keys(json)) if (!SIDECAR_FIELDS.has(key)) return false;
  const ids = new Set<string>();
  for (const tag of json.annotations) {
    if (!isPlainlyValidTag(tag) || ids.has(tag.id)) return false;
    ids.add(tag.id);
  }
  // Absent when the article has none. Relation ids are unique among relations (a tag may share one).
  // An end that names no tag of the sidecar is not the schema's to refuse (check reports it), so not this check's either.
  const { relations } = json;
  if (relations === undefined) return true;
  if (!Array.isArray(relations)) return false;
  const relationIds = new Set<string>();
  for (const relation of relations) {
    if (!isPlainlyValidRelation(relation) || relationIds.has(relation.id)) return false;
    relationIds.add(relation.id);
  }
  return true;
}

/** True: RelationSchema accepts `relation` as it is. False: not decided here (a relation in conflict, say). */
function isPlainlyValidRelation(relation: unknown): relation is { id: string } {
  if (!isRecord(relation)) return false;
  for (const key in relation) if (!RELATION_FIELDS.has(key)) return false;
  const { id, type, from, to, status, source, annotator, created, modified, history } = relation;
  if (typeof id !== 'string' || !TAG_ID.test(id) || typeof type !== 'string' || !RELATION_TYPE.test(type)) return false;
  if (typeof from !== 'string' || !TAG_ID.test(from) || typeof to !== 'string' || !TAG_ID.test(to) || from === to) return false;
  // A relation's source is never a recogniser's ("model:…"), unlike a tag's.
  if (!STATUSES.has(status) || !SOURCES.has(source)) return false;
  if (typeof annotator !== 'string' || annotator.length === 0 || !isTimestamp(created) || !isTimestamp(modified)) return false;
  return history === undefined || isHistory(history);
}

/**
 * True: TagSchema accepts `tag` as it is (and gives it back unchanged). False: not decided here. For
 * JSON data (no undefined fields), as read from a file or built field by field as newTag builds it.
 */
export function isPlainlyValidTag(tag: unknown): tag is { id: string } {
  if (!isRecord(tag)) return false;
  let present = 0;
  for (const key in tag) {
    const required = TAG_FIELDS.get(key);
    if (required === undefined) return false;
    if (required) present++;
  }
  if (present !== REQUIRED_TAG_FIELDS) return false;
  const { id, start, end, text, label, kind, status, source, annotator, created, modified, context, value, history, anchor } = tag;
  if (typeof id !== 'string' || !TAG_ID.test(id)) return false;
  if (!isOffset(start) || !isOffset(end) || end <= start) return false;
  if (typeof text !== 'string' || codePointCount(text) !== end - start) return false;
  if (typeof label !== 'string' || !LABEL.test(label) || !KIND_NAMES.has(kind) || !STATUSES.has(status)) return false;
  if (!SOURCES.has(source) && !(typeof source === 'string' && MODEL_SOURCE.test(source))) return false;
  if (typeof annotator !== 'string' || annotator.length === 0 || !isTimestamp(created) || !isTimestamp(modified)) return false;
  if (!isContext(context)) return false;
  if (anchor !== undefined && anchor !== 'orphaned') return false;
  // Rarer, and nested: zod's own schemas for them (valid ones come back unchanged).
  if (value !== undefined && !NormalizedValueSchema.safeParse(value).success) return false;
  if (history !== undefined && !isHistory(history)) return false;
  return true;
}

function isHistory(history: unknown): boolean {
  return Array.isArray(history) && history.every((entry) => HistoryEntrySchema.safeParse(entry).success);
}

function isContext(context: unknown): boolean {
  if (!isRecord(context)) return false;
  const keys = Object.keys(context);
  if (keys.length !== 2 || !keys.includes('prefix') || !keys.includes('suffix')) return false;
  const { prefix, suffix } = context;
  return typeof prefix === 'string' && typeof suffix === 'string' && codePointCount(prefix) <= CONTEXT_LENGTH && codePointCount(suffix) <= CONTEXT_LENGTH;
}

/** z.number().int().nonnegative(): a safe integer from 0. */
function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isTimestamp(value: unknown): boolean {
  if (value === lastTimestamp) return true;
  if (typeof value !== 'string' || !UTC_TIMESTAMP.test(value)) return false;
  lastTimestamp = value;
  return true;
}

/** The last timestamp found valid: the tags of a pre-annotation run, or of a sidecar written at once, share a handful. */
let lastTimestamp: string | undefined;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
