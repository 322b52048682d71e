import { z } from 'zod';
import type { ReattachArguments, ChangeLabelArguments, DocumentArguments, RejectArguments, ResolveConflictArguments, TagAllArguments, TagArguments, TagIdArguments } from '../api/protocol';

/** Command arguments arrive from any client: each is validated against the protocol's types. */
const uri = z.string().min(1);
const span = { uri, start: z.number().int().nonnegative(), end: z.number().int().positive(), text: z.string().min(1) };
const label = z.string().min(1);

export const TagArgumentsSchema = z.strictObject({ ...span, label, source: z.enum(['manual', 'suggestion']) }) satisfies z.ZodType<TagArguments>;
export const TagAllArgumentsSchema = z.strictObject({ uri, text: z.string().min(1), label }) satisfies z.ZodType<TagAllArguments>;
export const RejectArgumentsSchema = z.strictObject({ ...span, label }) satisfies z.ZodType<RejectArguments>;
export const TagIdArgumentsSchema = z.strictObject({ uri, tagId: z.string().min(1) }) satisfies z.ZodType<TagIdArguments>;
export const ChangeLabelArgumentsSchema = z.strictObject({ uri, tagId: z.string().min(1), label }) satisfies z.ZodType<ChangeLabelArguments>;
export const ResolveConflictArgumentsSchema = z.strictObject({ uri, tagId: z.string().min(1), side: z.enum(['ours', 'theirs']) }) satisfies z.ZodType<ResolveConflictArguments>;
export const DocumentArgumentsSchema = z.strictObject({ uri }) satisfies z.ZodType<DocumentArguments>;
export const ReattachArgumentsSchema = z.strictObject({ ...span, tagId: z.string().min(1) }) satisfies z.ZodType<ReattachArguments>;
