import { z } from 'zod';
import type { NormalizedValue } from '../detection';
import { KINDS } from '../labels';

/**
 * The sidecar format, shared by the language server, the CLI and the tests.
 *
 * Every object is strict: an unknown key is an error, never silently kept or dropped.
 * - Dropping it ("strip") would delete data on the next write — say a field added by a newer
 *   Marginalia or by hand — without anyone noticing.
 * - Keeping it ("passthrough") would carry unvalidated data, `__proto__` and `constructor` keys
 *   included, into every layer that spreads or merges tags.
 * A sidecar that fails is left untouched and reported, so nothing is lost either way. New fields
 * therefore come with a new SIDECAR_VERSION, which older versions refuse with a clear message.
 */
export const SIDECAR_VERSION = 1;

/** How many code points of surrounding text a tag keeps on each side, to find its span again. */
export const CONTEXT_LENGTH = 32;

export const TAG_STATUSES = ['accepted', 'rejected', 'proposed'] as const;
export type TagStatus = (typeof TAG_STATUSES)[number];

export const TAG_SOURCES = ['manual', 'suggestion', 'import'] as const;
export type TagSource = (typeof TAG_SOURCES)[number];

const codePointCount = (text: string): number => [...text].length;

const finite = z.number();
const isoText = z.string().min(1);

/** Mirrors NormalizedValue in detection.ts, variant by variant; `satisfies` below keeps them in step. */
export const NormalizedValueSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('date'), iso: isoText, endIso: isoText.optional() }),
  z.strictObject({ type: z.literal('time'), iso: isoText }),
  z.strictObject({ type: z.literal('duration'), iso: isoText, maxIso: isoText.optional(), approximate: z.boolean().optional() }),
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

/** Field order here is the key order in the file (see serialize.ts). */
export const TagSchema = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected an id of letters, digits, "-" or "_"'),
    /** Code point offsets into the article, end exclusive. */
    start: offset,
    end: offset,
    text: z.string(),
    /** OntoNotes labels today; any upper-case name so that projects can add their own (callers check the label set). */
    label: z.string().regex(/^[A-Z0-9_]+$/, 'expected a label of A-Z, 0-9 and "_" such as "PERSON"'),
    kind: z.enum(KINDS),
    /** accepted: tagged by a person or an accepted suggestion; rejected: kept so it is not suggested again; proposed: written by a tool, awaiting a person. */
    status: z.enum(TAG_STATUSES),
    source: z.enum(TAG_SOURCES),
    annotator: z.string().min(1),
    created: utcTimestamp,
    modified: utcTimestamp,
    value: NormalizedValueSchema.optional(),
    context: TagContextSchema,
  })
  .superRefine((tag, ctx) => {
    if (tag.end <= tag.start) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: `expected end (${tag.end}) to be greater than start (${tag.start})` });
    } else if (codePointCount(tag.text) !== tag.end - tag.start) {
      ctx.addIssue({
        code: 'custom',
        path: ['text'],
        message: `has ${codePointCount(tag.text)} characters but the span ${tag.start}..${tag.end} covers ${tag.end - tag.start}`,
      });
    }
  });

export const SidecarSchema = z
  .strictObject({
    version: z.literal(SIDECAR_VERSION),
    /** File name of the article, without its folder. */
    article: z.string().regex(/^[^/\\]+$/, 'expected the file name of the article, without a folder'),
    annotations: z.array(TagSchema),
  })
  .superRefine((sidecar, ctx) => {
    // Ids are how the editor and the CLI refer to a tag; two tags with one id would be edited together.
    const seen = new Set<string>();
    sidecar.annotations.forEach((tag, index) => {
      if (seen.has(tag.id)) ctx.addIssue({ code: 'custom', path: ['annotations', index, 'id'], message: `duplicate id "${tag.id}"` });
      seen.add(tag.id);
    });
  });

export type TagValue = z.infer<typeof NormalizedValueSchema>;
export type TagContext = z.infer<typeof TagContextSchema>;
export type Tag = z.infer<typeof TagSchema>;
export type Sidecar = z.infer<typeof SidecarSchema>;
