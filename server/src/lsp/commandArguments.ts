import { z } from 'zod';
import { MAX_COMMENT_LENGTH } from '../core/sidecar/schema';
import type {
  AdjustSpanArguments,
  ExportCorpusArguments,
  ImportAnnotationsArguments,
  AnnotateFolderArguments,
  ChangeLabelArguments,
  CommentArguments,
  DocumentArguments,
  ForgetRuleArguments,
  OccurrenceRef,
  ReattachArguments,
  RejectArguments,
  ResolveConflictArguments,
  ResolveDisagreementArguments,
  ReviewArguments,
  ReviewFilterArguments,
  TagAllArguments,
  TagAllInWorkspaceArguments,
  TagArguments,
  TagIdArguments,
  WorkspaceOccurrencesPage,
  ChangeRelationTypeArguments,
  LinkArguments,
  LinkTargetsArguments,
  RelationCommentArguments,
  RelationIdArguments,
  RelationReviewArguments,
  RemoveTagArguments,
  ResolveRelationConflictArguments,
} from '../api/protocol';

/** Command arguments arrive from any client: each is validated against the protocol's types. */
const uri = z.string().min(1);
const span = { uri, start: z.number().int().nonnegative(), end: z.number().int().positive(), text: z.string().min(1) };
const label = z.string().min(1);
const tagId = z.string().min(1);
const comment = z.string().trim().min(1, 'expected a comment').max(MAX_COMMENT_LENGTH, `expected a comment of at most ${MAX_COMMENT_LENGTH} characters`);

export const TagArgumentsSchema = z.strictObject({ ...span, label, source: z.enum(['manual', 'suggestion']) }) satisfies z.ZodType<TagArguments>;
export const TagAllArgumentsSchema = z.strictObject({ uri, text: z.string().min(1), label }) satisfies z.ZodType<TagAllArguments>;
export const RejectArgumentsSchema = z.strictObject({ ...span, label }) satisfies z.ZodType<RejectArguments>;
export const TagIdArgumentsSchema = z.strictObject({ uri, tagId: z.string().min(1) }) satisfies z.ZodType<TagIdArguments>;
export const ChangeLabelArgumentsSchema = z.strictObject({ uri, tagId, label, comment: comment.optional() }) satisfies z.ZodType<ChangeLabelArguments>;
export const ReviewArgumentsSchema = z.strictObject({ uri, tagId, comment: comment.optional() }) satisfies z.ZodType<ReviewArguments>;
export const CommentArgumentsSchema = z.strictObject({ uri, tagId, comment }) satisfies z.ZodType<CommentArguments>;
export const AdjustSpanArgumentsSchema = z.strictObject({ ...span, tagId, comment: comment.optional() }) satisfies z.ZodType<AdjustSpanArguments>;
export const ResolveDisagreementArgumentsSchema = z
  .strictObject({ uri, approve: z.array(tagId), reject: z.array(tagId) })
  .refine((args) => args.approve.length > 0, 'expected at least one tag to keep') satisfies z.ZodType<ResolveDisagreementArguments>;
export const ReviewFilterArgumentsSchema = z.strictObject({ onlyToReview: z.boolean() }) satisfies z.ZodType<ReviewFilterArguments>;
export const ResolveConflictArgumentsSchema = z.strictObject({ uri, tagId: z.string().min(1), side: z.enum(['ours', 'theirs']) }) satisfies z.ZodType<ResolveConflictArguments>;
export const DocumentArgumentsSchema = z.strictObject({ uri }) satisfies z.ZodType<DocumentArguments>;
export const ReattachArgumentsSchema = z.strictObject({ ...span, tagId: z.string().min(1) }) satisfies z.ZodType<ReattachArguments>;
export const NoArgumentsSchema = z.undefined().or(z.strictObject({}));
export const AnnotateFolderArgumentsSchema = z.strictObject({ uri: z.string().min(1).optional() }).optional() satisfies z.ZodType<AnnotateFolderArguments | undefined>;

const phrase = z.string().min(1).max(200);
export const ForgetRuleArgumentsSchema = z
  .strictObject({ uri, id: z.string().min(1).optional(), ids: z.array(z.string().min(1)).optional() })
  .refine((args) => (args.id === undefined) !== (args.ids === undefined), 'expected either "id" (one rule) or "ids" (a list), as marginalia.learnedRules answers them') satisfies z.ZodType<ForgetRuleArguments>;
export const WorkspaceOccurrencesArgumentsSchema = z.strictObject({ uri, text: phrase, label, offset: z.number().int().nonnegative().optional(), limit: z.number().int().positive().optional() }) satisfies z.ZodType<WorkspaceOccurrencesPage>;
const OccurrenceRefSchema = z.strictObject({ uri, start: z.number().int().nonnegative(), end: z.number().int().positive(), text: z.string().min(1) }) satisfies z.ZodType<OccurrenceRef>;
export const TagAllInWorkspaceArgumentsSchema = z.strictObject({ uri, text: phrase, label, occurrences: z.array(OccurrenceRefSchema).optional() }) satisfies z.ZodType<TagAllInWorkspaceArguments>;
export const ExportCorpusArgumentsSchema = z.strictObject({
  format: z.string().min(1),
  out: uri,
  corpus: uri.optional(),
  statuses: z.array(z.enum(['accepted', 'approved', 'proposed', 'rejected'])).min(1).optional(),
  annotator: z.string().min(1).optional(),
  scheme: z.enum(['iob1', 'iob2', 'bioes']).optional(),
}) satisfies z.ZodType<ExportCorpusArguments>;
export const ImportAnnotationsArgumentsSchema = z.strictObject({
  format: z.string().min(1),
  input: uri,
  into: uri.optional(),
  as: z.enum(['proposed', 'accepted']).optional(),
  annotator: z.string().min(1).optional(),
}) satisfies z.ZodType<ImportAnnotationsArguments>;

export const RemoveTagArgumentsSchema = z.strictObject({ uri, tagId, confirmed: z.boolean().optional() }) satisfies z.ZodType<RemoveTagArguments>;
const relationId = z.string().min(1);
const relationType = z.string().min(1);
const RelationEndSchema = z.union([z.strictObject({ tagId }), z.strictObject({ start: z.number().int().nonnegative(), end: z.number().int().positive(), text: z.string().min(1), label })]);
export const LinkArgumentsSchema = z.strictObject({ uri, from: RelationEndSchema, to: RelationEndSchema, type: relationType }) satisfies z.ZodType<LinkArguments>;
export const RelationIdArgumentsSchema = z.strictObject({ uri, relationId }) satisfies z.ZodType<RelationIdArguments>;
export const ChangeRelationTypeArgumentsSchema = z.strictObject({ uri, relationId, type: relationType, comment: comment.optional() }) satisfies z.ZodType<ChangeRelationTypeArguments>;
export const RelationReviewArgumentsSchema = z.strictObject({ uri, relationId, comment: comment.optional() }) satisfies z.ZodType<RelationReviewArguments>;
export const RelationCommentArgumentsSchema = z.strictObject({ uri, relationId, comment }) satisfies z.ZodType<RelationCommentArguments>;
export const LinkTargetsArgumentsSchema = z.strictObject({ uri, tagId }) satisfies z.ZodType<LinkTargetsArguments>;
export const ResolveRelationConflictArgumentsSchema = z.strictObject({ uri, relationId, side: z.enum(['ours', 'theirs']) }) satisfies z.ZodType<ResolveRelationConflictArguments>;
