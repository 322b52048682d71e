import { z } from 'zod';
import { TIMEX_MODS, type NormalizedValue } from '../detect/shared/detection';
import { KINDS } from '../base/labels';
import { describeIssues } from '../base/zodIssues';
import { MAX_COMMENT_LENGTH } from './limits';

/**
 * The sidecar format, shared by the language server, the CLI and the tests.
 *
 * Every object is strict: an unknown key is an error, never silently kept or dropped.
 * - Dropping it ("strip") would delete data on the next write — say a field added by a newer
 *   Marginalia or by hand — without anyone noticing.
 * - Keeping it ("passthrough") would carry unvalidated data, `__proto__` and `constructor` keys
 *   included, into every layer that spreads or merges tags.
 * A sidecar that fails is left untouched and reported, so nothing is lost either way. New fields
 * therefore come with a new SIDECAR_VERSION, which older versions refuse with a clear message,
 * while this version reads every earlier one through migrate.ts.
 *
 * Version 2 added the conflict state written by `marginalia merge-driver`; version 3 the reviewer's
 * status `approved` and each tag's review history; version 4 the `anchor` mark of an orphaned tag;
 * version 5 the typed relations between tags and the history step `reversed`.
 */
export const SIDECAR_VERSION = 5;

/** How many code points of surrounding text a tag keeps on each side, to find its span again. */
export const CONTEXT_LENGTH = 32;

/**
 * What a person or a tool decided about a tag: the statuses of one version of it.
 * proposed: written by a tool, awaiting a person; accepted: an annotator's tag, awaiting review;
 * approved: a reviewer confirmed it; rejected: turned down, kept so it is not suggested again.
 */
export const SETTLED_STATUSES = ['accepted', 'approved', 'rejected', 'proposed'] as const;
export type SettledStatus = (typeof SETTLED_STATUSES)[number];

/** conflict: two branches changed the tag differently; its `conflict` field holds both versions until a person picks one. */
export const TAG_STATUSES = [...SETTLED_STATUSES, 'conflict'] as const;
export type TagStatus = (typeof TAG_STATUSES)[number];

export const TAG_SOURCES = ['manual', 'suggestion', 'import'] as const;
/** A proposal of a project's own recogniser (marginalia.json "recognisers"): "model:" and its name. */
export type ModelSource = `model:${string}`;
export type TagSource = (typeof TAG_SOURCES)[number] | ModelSource;
/** Same rule as a recogniser's name in marginalia.json (core/recognisers/config.ts). */
export const MODEL_SOURCE = /^model:[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The source of what a recogniser suggested: its proposals from `annotate`, and tags taken from its suggestions. */
export function modelSource(recogniser: string): ModelSource {
  return `model:${recogniser}`;
}
/** A tag's or relation's id, a label, a relation type, an article's file name: the rules of the schema, shared with the quick check (plainSidecar.ts). */
export const TAG_ID = /^[A-Za-z0-9_-]{1,64}$/;
export const LABEL = /^[A-Z0-9_]+$/;
export const RELATION_TYPE = /^[A-Z][A-Z0-9_]*$/;
export const ARTICLE_NAME = /^[^/\\]+$/;
const tagSource = z.union([z.enum(TAG_SOURCES), z.string().regex(MODEL_SOURCE, 'expected "manual", "suggestion", "import" or "model:" and a recogniser\'s name')]) as z.ZodType<TagSource>;

/** Code points as iterating `text` counts them (a lone surrogate is one), without building an array: this runs three times a tag. */
export function codePointCount(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}

const finite = z.number();
const isoText = z.string().min(1);
const timexMod = z.enum(TIMEX_MODS);

/** Mirrors NormalizedValue in detection.ts, variant by variant; `satisfies` below keeps them in step. */
export const NormalizedValueSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('date'), iso: isoText, endIso: isoText.optional(), mod: timexMod.optional() }),
  z.strictObject({ type: z.literal('time'), iso: isoText, mod: timexMod.optional() }),
  z.strictObject({ type: z.literal('duration'), iso: isoText, maxIso: isoText.optional(), approximate: z.boolean().optional(), mod: timexMod.optional() }),
  z.strictObject({ type: z.literal('set'), iso: isoText, quant: z.string().min(1).optional(), freq: z.string().regex(/^\d+X$/, 'expected a TimeML frequency such as "2X"').optional() }),
  z.strictObject({ type: z.literal('number'), value: finite, min: finite.optional(), max: finite.optional(), approximate: z.boolean().optional() }),
  z.strictObject({ type: z.literal('ordinal'), value: finite }),
  z.strictObject({
    type: z.literal('money'),
    amount: finite,
    currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code such as "USD"'),
    min: finite.optional(),
    max: finite.optional(),
    approximate: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal('percent'), value: finite, min: finite.optional(), max: finite.optional() }),
  z.strictObject({ type: z.literal('quantity'), value: finite, unit: z.string().min(1), min: finite.optional(), max: finite.optional() }),
]) satisfies z.ZodType<NormalizedValue>;

export const TagContextSchema = z.strictObject({
  prefix: z.string().refine((text) => codePointCount(text) <= CONTEXT_LENGTH, `expected at most ${CONTEXT_LENGTH} characters`),
  suffix: z.string().refine((text) => codePointCount(text) <= CONTEXT_LENGTH, `expected at most ${CONTEXT_LENGTH} characters`),
});

const offset = z.number().int().nonnegative();
const utcTimestamp = z.iso.datetime({ message: 'expected an ISO 8601 UTC timestamp such as "2024-05-01T12:00:00.000Z"' });
/** The pattern zod tests a timestamp against, taken from the schema itself so that the quick check cannot drift from it. */
export const UTC_TIMESTAMP: RegExp = utcTimestamp._zod.def.pattern ?? ((): never => {
  throw new Error('zod no longer exposes the pattern of z.iso.datetime(): the quick sidecar check needs it');
})();

/** What a review step did to a tag. */
export const REVIEW_ACTIONS = ['accepted', 'approved', 'rejected', 'relabelled', 'resized', 'reattached', 'commented', 'reopened', 'reversed'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

export { MAX_COMMENT_LENGTH };

/** One change to a tag after it was created: who, when, what changed (from → to) and why. */
export const HistoryEntrySchema = z.strictObject({
  at: utcTimestamp,
  by: z.string().min(1),
  action: z.enum(REVIEW_ACTIONS),
  /** The changed value before and after, in words: a label ("ORG"), a span ("'Zelensky' 12..20"), a status. */
  from: z.string().optional(),
  to: z.string().optional(),
  comment: z.string().min(1).max(MAX_COMMENT_LENGTH, `expected a comment of at most ${MAX_COMMENT_LENGTH} characters`).optional(),
});

const tagId = z.string().regex(TAG_ID, 'expected an id of letters, digits, "-" or "_"');

/** Field order here is the key order in the file (see serialize.ts). A version of a tag is everything but its id. */
const tagVersionFields = {
  /** Code point offsets into the article, end exclusive. */
  start: offset,
  end: offset,
  text: z.string(),
  /** OntoNotes labels today; any upper-case name so that projects can add their own (callers check the label set). */
  label: z.string().regex(LABEL, 'expected a label of A-Z, 0-9 and "_" such as "PERSON"'),
  kind: z.enum(KINDS),
  /** See SETTLED_STATUSES. */
  status: z.enum(SETTLED_STATUSES),
  source: tagSource,
  annotator: z.string().min(1),
  created: utcTimestamp,
  modified: utcTimestamp,
  value: NormalizedValueSchema.optional(),
  context: TagContextSchema,
  /** Oldest first; absent until someone reviews or changes the tag. */
  history: z.array(HistoryEntrySchema).optional(),
  /**
   * "orphaned": the tag's text was not found in the article (deleted or rewritten) when the editor or
   * `marginalia check --fix` last looked; start, end and text are where it last stood, which may now
   * slice other text. Absent for a tag found at its place. Readers (exports, scripts) must not take a
   * marked tag for sound; re-attaching it clears the mark.
   */
  anchor: z.literal('orphaned').optional(),
};

function checkSpan(tag: { start: number; end: number; text: string }, ctx: z.RefinementCtx): void {
  if (tag.end <= tag.start) {
    ctx.addIssue({ code: 'custom', path: ['end'], message: `expected end (${tag.end}) to be greater than start (${tag.start})` });
  } else if (codePointCount(tag.text) !== tag.end - tag.start) {
    ctx.addIssue({
      code: 'custom',
      path: ['text'],
      message: `has ${codePointCount(tag.text)} characters but the span ${tag.start}..${tag.end} covers ${tag.end - tag.start}`,
    });
  }
}

/** One branch's version of a conflicted tag. */
export const TagVersionSchema = z.strictObject(tagVersionFields).superRefine(checkSpan);

/** A side that deleted the tag while the other side changed it. */
export const DELETED = 'deleted';

/** One branch's side of a conflict; a version's own problems are named, not just "invalid input". */
const TagSideSchema = z.union([z.literal(DELETED), TagVersionSchema], {
  error: (issue) =>
    issue.code === 'invalid_union' && typeof issue.input === 'object' && issue.input !== null
      ? describeIssues(issue.errors[1] ?? [])
      : `expected a version of the tag or "${DELETED}"`,
});

/** Both versions of a tag that two branches changed differently, and the common one they started from (absent when both added it). */
export const TagConflictSchema = z
  .strictObject({
    base: TagVersionSchema.optional(),
    ours: TagSideSchema,
    theirs: TagSideSchema,
  })
  .superRefine((conflict, ctx) => {
    if (conflict.ours === DELETED && conflict.theirs === DELETED) ctx.addIssue({ code: 'custom', message: 'both sides deleted the tag, so there is no conflict' });
  });

export const TagSchema = z
  .strictObject({
    id: tagId,
    ...tagVersionFields,
    status: z.enum(TAG_STATUSES),
    conflict: TagConflictSchema.optional(),
  })
  .superRefine((tag, ctx) => {
    checkSpan(tag, ctx);
    // The two go together, so that every reader can rely on the status alone.
    if (tag.status === 'conflict' && !tag.conflict) ctx.addIssue({ code: 'custom', path: ['conflict'], message: 'a tag in conflict needs the versions in conflict' });
    if (tag.status !== 'conflict' && tag.conflict) ctx.addIssue({ code: 'custom', path: ['status'], message: `expected "conflict" for a tag with versions in conflict, not "${tag.status}"` });
  });

// Ids are how the editor and the CLI refer to a tag; two tags with one id would be edited together.
function checkUniqueIds(sidecar: { annotations: readonly { id: string }[] }, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  sidecar.annotations.forEach((tag, index) => {
    if (seen.has(tag.id)) ctx.addIssue({ code: 'custom', path: ['annotations', index, 'id'], message: `duplicate id "${tag.id}"` });
    seen.add(tag.id);
  });
}

const articleName = z.string().regex(ARTICLE_NAME, 'expected the file name of the article, without a folder');

/** Field order here is the key order in the file. A version of a relation is everything but its id. */
const relationVersionFields = {
  /** A relation type of the project (marginalia.json "relations"), such as PRODUCES. */
  type: z.string().regex(RELATION_TYPE, 'expected a relation type in capitals such as "PRODUCES"'),
  /** The ids of the tags at each end; for a symmetric type the order carries no meaning. */
  from: tagId,
  to: tagId,
  status: z.enum(SETTLED_STATUSES),
  source: z.enum(TAG_SOURCES),
  annotator: z.string().min(1),
  created: utcTimestamp,
  modified: utcTimestamp,
  history: z.array(HistoryEntrySchema).optional(),
};

function checkEnds(relation: { from: string; to: string }, ctx: z.RefinementCtx): void {
  if (relation.from === relation.to) ctx.addIssue({ code: 'custom', path: ['to'], message: `a relation links two tags, not tag ${relation.from} with itself` });
}

export const RelationVersionSchema = z.strictObject(relationVersionFields).superRefine(checkEnds);

const RelationSideSchema = z.union([z.literal(DELETED), RelationVersionSchema], {
  error: (issue) =>
    issue.code === 'invalid_union' && typeof issue.input === 'object' && issue.input !== null
      ? describeIssues(issue.errors[1] ?? [])
      : `expected a version of the relation or "${DELETED}"`,
});

export const RelationConflictSchema = z
  .strictObject({ base: RelationVersionSchema.optional(), ours: RelationSideSchema, theirs: RelationSideSchema })
  .superRefine((conflict, ctx) => {
    if (conflict.ours === DELETED && conflict.theirs === DELETED) ctx.addIssue({ code: 'custom', message: 'both sides deleted the relation, so there is no conflict' });
  });

/**
 * A typed, directed link between two tags of the article, by their ids: it moves with its tags
 * through edits and re-anchoring, and is orphaned when either end is. Whether its ends exist is not a
 * rule of the format (a hand edit or a merge may remove a tag): `marginalia check` reports it, and the
 * store refuses a write that would leave a relation it did not already find dangling.
 */
export const RelationSchema = z
  .strictObject({
    id: tagId,
    ...relationVersionFields,
    status: z.enum(TAG_STATUSES),
    conflict: RelationConflictSchema.optional(),
  })
  .superRefine((relation, ctx) => {
    checkEnds(relation, ctx);
    if (relation.status === 'conflict' && !relation.conflict) ctx.addIssue({ code: 'custom', path: ['conflict'], message: 'a relation in conflict needs the versions in conflict' });
    if (relation.status !== 'conflict' && relation.conflict) ctx.addIssue({ code: 'custom', path: ['status'], message: `expected "conflict" for a relation with versions in conflict, not "${relation.status}"` });
  });

function checkUniqueRelationIds(sidecar: { relations?: readonly { id: string }[] }, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  sidecar.relations?.forEach((relation, index) => {
    if (seen.has(relation.id)) ctx.addIssue({ code: 'custom', path: ['relations', index, 'id'], message: `duplicate relation id "${relation.id}"` });
    seen.add(relation.id);
  });
}

export const SidecarSchema = z
  .strictObject({
    version: z.literal(SIDECAR_VERSION),
    /** File name of the article, without its folder. */
    article: articleName,
    annotations: z.array(TagSchema),
    /** Absent (not written) when the article has none, so a sidecar without relations reads as before. */
    relations: z.array(RelationSchema).optional(),
  })
  .superRefine(checkUniqueIds)
  .superRefine(checkUniqueRelationIds);

/** Format version 4, as it was written: version 5 without relations and the history step `reversed`. Read only to migrate it. */
export const SidecarV4Schema = z
  .strictObject({ version: z.literal(4), article: articleName, annotations: z.array(TagSchema) })
  .superRefine(checkUniqueIds)
  .superRefine((sidecar, ctx) => {
    sidecar.annotations.forEach((tag, index) => {
      tag.history?.forEach((entry, step) => {
        if (entry.action === 'reversed') ctx.addIssue({ code: 'custom', path: ['annotations', index, 'history', step, 'action'], message: 'the step "reversed" needs format version 5' });
      });
    });
  });

/** Format version 3, as it was written: version 4 without the orphan mark. Read only to migrate it (migrate.ts). */
export const SidecarV3Schema = z
  .strictObject({ version: z.literal(3), article: articleName, annotations: z.array(TagSchema) })
  .superRefine(checkUniqueIds)
  .superRefine((sidecar, ctx) => {
    sidecar.annotations.forEach((tag, index) => {
      if (tag.anchor) ctx.addIssue({ code: 'custom', path: ['annotations', index, 'anchor'], message: 'an anchor mark needs format version 4' });
    });
  });

/**
 * Format version 2, as it was written: version 3 without the status `approved` and the history. Read
 * only to migrate it (migrate.ts).
 */
export const SidecarV2Schema = z
  .strictObject({ version: z.literal(2), article: articleName, annotations: z.array(TagSchema) })
  .superRefine(checkUniqueIds)
  .superRefine((sidecar, ctx) => {
    sidecar.annotations.forEach((tag, index) => {
      if (tag.status === 'approved') ctx.addIssue({ code: 'custom', path: ['annotations', index, 'status'], message: 'the status "approved" needs format version 3' });
      if (tag.history) ctx.addIssue({ code: 'custom', path: ['annotations', index, 'history'], message: 'a history needs format version 3' });
      if (tag.anchor) ctx.addIssue({ code: 'custom', path: ['annotations', index, 'anchor'], message: 'an anchor mark needs format version 4' });
    });
  });

/**
 * Format version 1, as it was written: version 2 without the conflict state. Read only to migrate it
 * (migrate.ts); should a later version change a shared field, this keeps the field's old definition.
 */
export const SidecarV1Schema = z
  .strictObject({
    version: z.literal(1),
    article: articleName,
    annotations: z.array(z.strictObject({ id: tagId, ...tagVersionFields }).superRefine(checkSpan)),
  })
  .superRefine(checkUniqueIds);

export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;
export type TagValue = z.infer<typeof NormalizedValueSchema>;
export type TagContext = z.infer<typeof TagContextSchema>;
export type TagVersion = z.infer<typeof TagVersionSchema>;
export type TagConflict = z.infer<typeof TagConflictSchema>;
export type Tag = z.infer<typeof TagSchema>;
export type Sidecar = z.infer<typeof SidecarSchema>;
export type Relation = z.infer<typeof RelationSchema>;
export type RelationVersion = z.infer<typeof RelationVersionSchema>;
export type RelationConflict = z.infer<typeof RelationConflictSchema>;

/**
 * Tags to add or to replace (the tag with the same id), and the ids of tags to remove: one change of a
 * sidecar; relations likewise, when the change touches any.
 */
export interface TagChanges {
  put: readonly Tag[];
  remove: readonly string[];
  putRelations?: readonly Relation[];
  removeRelations?: readonly string[];
}
