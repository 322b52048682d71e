import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { z } from 'zod';
import { ServerCommands, type CommandResult, type ForgetRuleResult, type LearnedRulesResult, type LinkTargetsResult, type WorkspaceOccurrencesArguments, type WorkspaceOccurrencesPage, type WorkspaceOccurrencesResult } from '../api/protocol';
import type { RelationOperations } from '../core/tagging/relationOperations';
import { linkEdit, linkTargets, relationOperationsOf, removeTagEdit } from './relationActions';
import type { TagEdit } from '../core/sidecar/tagEdits';
import { TagOperations } from '../core/tagging/tagOperations';
import { describeIssues } from '../core/base/zodIssues';
import type { Article } from './article';
import type { ArticleWorkspace } from './articleWorkspace';
import { articleHeadline } from './codeLens';
import {
  AdjustSpanArgumentsSchema,
  AnnotateFolderArgumentsSchema,
  ChangeLabelArgumentsSchema,
  CommentArgumentsSchema,
  DocumentArgumentsSchema,
  ExportCorpusArgumentsSchema,
  ForgetRuleArgumentsSchema,
  ImportAnnotationsArgumentsSchema,
  NoArgumentsSchema,
  ReattachArgumentsSchema,
  RejectArgumentsSchema,
  ResolveConflictArgumentsSchema,
  ResolveDisagreementArgumentsSchema,
  ReviewArgumentsSchema,
  ReviewFilterArgumentsSchema,
  TagAllArgumentsSchema,
  TagAllInWorkspaceArgumentsSchema,
  TagArgumentsSchema,
  TagIdArgumentsSchema,
  WorkspaceOccurrencesArgumentsSchema,
  ChangeRelationTypeArgumentsSchema,
  LinkArgumentsSchema,
  LinkTargetsArgumentsSchema,
  RelationCommentArgumentsSchema,
  RelationIdArgumentsSchema,
  RelationReviewArgumentsSchema,
  RemoveTagArgumentsSchema,
  ResolveRelationConflictArgumentsSchema,
} from './commandArguments';
import { articleTagsOf } from './tagActions';
import { interchangeFormats } from './transfer';
import type { WorkspaceTagAll } from './workspaceTagAll';
import { pathOfUri } from '../node/uris';

/** What the commands need of the client beyond answering: showing a file, and a message. */
export interface CommandClient {
  showDocument(uri: string): Promise<boolean>;
  showInformation(message: string): void;
  /** Asks the person (window/showMessageRequest); the choice picked, or undefined when the editor cannot ask or they dismissed it. */
  ask?(message: string, choices: readonly string[]): Promise<string | undefined>;
}

/** Everything a command may use, handed to each handler (no command reaches for state of its own). */
export interface CommandContext {
  workspace: ArticleWorkspace;
  tagAll: WorkspaceTagAll;
  client: CommandClient;
  checkCorpus(): Promise<CommandResult>;
  annotateFolder(args: z.infer<typeof AnnotateFolderArgumentsSchema>): Promise<CommandResult>;
  exportCorpus(args: z.infer<typeof ExportCorpusArgumentsSchema>): Promise<CommandResult>;
  importAnnotations(args: z.infer<typeof ImportAnnotationsArgumentsSchema>): Promise<CommandResult>;
}

interface CommandHandler<S extends z.ZodType> {
  /** The arguments (the first of workspace/executeCommand's), validated before the handler runs. */
  schema: S;
  run(args: z.infer<S>, context: CommandContext): Promise<CommandResult>;
}

const handler = <S extends z.ZodType>(schema: S, run: (args: z.infer<S>, context: CommandContext) => Promise<CommandResult>): CommandHandler<S> => ({ schema, run });

type CommandId = (typeof ServerCommands)[keyof typeof ServerCommands];

/** Lines of a preview shown as a message: enough to judge, short enough for a message area. */
const MAX_PREVIEW_LINES = 20;

/**
 * Every command the server runs: its id (the protocol's ServerCommands, which the client imports),
 * the zod schema of its arguments, and its handler. Dispatch and the advertised command list are both
 * read from here, and the compiler holds it to ServerCommands: a command added there and not here (or
 * here and not there) fails the build. Offsets in span arguments are UTF-16 (LSP's); handlers turn
 * them into code points before the core sees them.
 */
export const COMMAND_TABLE: { readonly [Id in CommandId]: CommandHandler<z.ZodType> } = {
  [ServerCommands.tag]: handler(TagArgumentsSchema, (args, context) => onArticle(context, args.uri, (ops, cp) => ops.tag(cp(args.start), cp(args.end), args.text, args.label, args.source))),
  [ServerCommands.tagAll]: handler(TagAllArgumentsSchema, (args, context) => onArticle(context, args.uri, (ops) => ops.tagAll(args.text, args.label))),
  [ServerCommands.reject]: handler(RejectArgumentsSchema, (args, context) => onArticle(context, args.uri, (ops, cp) => ops.reject(cp(args.start), cp(args.end), args.text, args.label))),
  [ServerCommands.accept]: handler(TagIdArgumentsSchema, (args, context) => onArticle(context, args.uri, (ops) => ops.accept(args.tagId))),
  [ServerCommands.changeLabel]: handler(ChangeLabelArgumentsSchema, (args, context) => onArticle(context, args.uri, (ops) => ops.changeLabel(args.tagId, args.label, args.comment))),
  [ServerCommands.approve]: handler(ReviewArgumentsSchema, (args, context) => onArticle(context, args.uri, (ops) => ops.approve(args.tagId, args.comment))),
  [ServerCommands.rejectTag]: handler(ReviewArgumentsSchema, (args, context) => onArticle(context, args.uri, (ops) => ops.rejectTag(args.tagId, args.comment))),
  [ServerCommands.adjustSpan]: handler(AdjustSpanArgumentsSchema, (args, context) => onArticle(context, args.uri, (ops, cp) => ops.adjustSpan(args.tagId, cp(args.start), cp(args.end), args.text, args.comment))),
  [ServerCommands.comment]: handler(CommentArgumentsSchema, (args, context) => onArticle(context, args.uri, (ops) => ops.comment(args.tagId, args.comment))),
  [ServerCommands.resolveDisagreement]: handler(ResolveDisagreementArgumentsSchema, (args, context) => onArticle(context, args.uri, (ops) => ops.resolveDisagreement(args.approve, args.reject))),
  [ServerCommands.reattach]: handler(ReattachArgumentsSchema, (args, context) => onArticle(context, args.uri, (ops, cp) => ops.reattach(args.tagId, cp(args.start), cp(args.end), args.text))),
  [ServerCommands.removeTag]: handler(RemoveTagArgumentsSchema, async (args, context) => {
    const { workspace } = context;
    const article = openArticle(workspace, args.uri);
    let removal = removeTagEdit(article, workspace.labelsFor(article), workspace.actor, args.tagId, args.confirmed === true);
    // A tag with relations is removed only once confirmed: the editor asks if it can, and the next
    // quick-fix list offers to confirm in any editor.
    if ('ask' in removal) {
      const confirm = removal.confirm;
      const answer = await context.client.ask?.(removal.ask, [confirm, 'Keep the tag']).catch(() => undefined);
      if (answer !== confirm) {
        workspace.pendingRemovals.set(article.uri, args.tagId);
        return { message: removal.ask, lastTagAction: workspace.lastTagAction(article) };
      }
      removal = removeTagEdit(article, workspace.labelsFor(article), workspace.actor, args.tagId, true);
      if ('ask' in removal) throw new Error(removal.ask);
    }
    return applied(context, article, removal.edit);
  }),
  [ServerCommands.resolveConflict]: handler(ResolveConflictArgumentsSchema, (args, context) => onArticle(context, args.uri, (ops) => ops.resolveConflict(args.tagId, args.side))),
  [ServerCommands.undo]: handler(DocumentArgumentsSchema, (args, context) => replay(context, args.uri, 'undo')),
  [ServerCommands.redo]: handler(DocumentArgumentsSchema, (args, context) => replay(context, args.uri, 'redo')),
  [ServerCommands.setReviewFilter]: handler(ReviewFilterArgumentsSchema, async (args, { workspace }) => {
    workspace.setReviewFilter(args.onlyToReview);
    return { message: args.onlyToReview ? 'Showing only what needs review' : 'Showing all tags' };
  }),
  [ServerCommands.summary]: handler(DocumentArgumentsSchema, async (args, { workspace }) => {
    const summary = articleHeadline(openArticle(workspace, args.uri));
    return { message: `${summary.headline}. By label: ${summary.byLabel}` };
  }),
  [ServerCommands.checkCorpus]: handler(NoArgumentsSchema, (_args, context) => context.checkCorpus()),
  [ServerCommands.annotateFolder]: handler(AnnotateFolderArgumentsSchema, (args, context) => context.annotateFolder(args)),
  [ServerCommands.interchangeFormats]: handler(NoArgumentsSchema, async () => interchangeFormats()),
  [ServerCommands.exportCorpus]: handler(ExportCorpusArgumentsSchema, (args, context) => context.exportCorpus(args)),
  [ServerCommands.importAnnotations]: handler(ImportAnnotationsArgumentsSchema, (args, context) => context.importAnnotations(args)),
  [ServerCommands.learnedRules]: handler(DocumentArgumentsSchema, async (args, { workspace }) => {
    const article = corpusArticleOf(workspace, args.uri);
    const actor = workspace.actor;
    const { path, rules } = await workspace.lexicons.rules(article, actor.blind ? actor.annotator : undefined);
    const result: LearnedRulesResult = { message: rules.length === 0 ? 'Nothing learnt yet in this corpus' : `${rules.length} learned rule${rules.length === 1 ? '' : 's'} in ${path}`, rules, file: pathToFileURL(path).href };
    return result;
  }),
  [ServerCommands.forgetRule]: handler(ForgetRuleArgumentsSchema, async (args, { workspace }) => {
    const article = corpusArticleOf(workspace, args.uri);
    const ids = args.ids ?? [args.id!];
    const forgotten = await workspace.lexicons.forget(article, ids);
    const missing = ids.length - forgotten;
    const result: ForgetRuleResult = { message: `Forgot ${forgotten} learned rule${forgotten === 1 ? '' : 's'}${missing > 0 ? ` (${missing} already gone)` : ''}`, forgotten };
    return result;
  }),
  [ServerCommands.openLexicon]: handler(DocumentArgumentsSchema, async (args, { workspace, client }) => {
    const article = corpusArticleOf(workspace, args.uri);
    const path = workspace.lexicons.pathFor(article);
    if (path === undefined) throw new Error(`${article} is in no corpus, so nothing is learnt for it`);
    // What was learnt since the last quiet moment is in the journal: folded in first, so that the file shows it.
    await workspace.lexicons.compact(path);
    if (!existsSync(path)) {
      const message = `Nothing learnt yet in this corpus: ${path} is written with the first tag`;
      client.showInformation(message);
      return { message };
    }
    const shown = await client.showDocument(pathToFileURL(path).href);
    return { message: shown ? `Opened ${path}` : `The editor did not open ${path}; open it yourself to read what was learnt` };
  }),
  [ServerCommands.occurrencesInWorkspace]: handler(WorkspaceOccurrencesArgumentsSchema, (args, context) => occurrences(args, context, false)),
  [ServerCommands.showOccurrencesInWorkspace]: handler(WorkspaceOccurrencesArgumentsSchema, (args, context) => occurrences(args, context, true)),
  [ServerCommands.tagAllInWorkspace]: handler(TagAllInWorkspaceArgumentsSchema, (args, { workspace, tagAll }) => tagAll.apply(args, workspace.actor)),
  [ServerCommands.link]: handler(LinkArgumentsSchema, (args, context) => {
    const { workspace } = context;
    const article = openArticle(workspace, args.uri);
    return applied(context, article, linkEdit(article, workspace.labelsFor(article), workspace.relationTypesFor(article), workspace.actor, args));
  }),
  [ServerCommands.removeRelation]: handler(RelationIdArgumentsSchema, (args, context) => onRelations(context, args.uri, (ops) => ops.remove(args.relationId))),
  [ServerCommands.changeRelationType]: handler(ChangeRelationTypeArgumentsSchema, (args, context) => onRelations(context, args.uri, (ops) => ops.relabel(args.relationId, args.type, args.comment))),
  [ServerCommands.reverseRelation]: handler(RelationIdArgumentsSchema, (args, context) => onRelations(context, args.uri, (ops) => ops.reverse(args.relationId))),
  [ServerCommands.acceptRelation]: handler(RelationIdArgumentsSchema, (args, context) => onRelations(context, args.uri, (ops) => ops.accept(args.relationId))),
  [ServerCommands.approveRelation]: handler(RelationReviewArgumentsSchema, (args, context) => onRelations(context, args.uri, (ops) => ops.approve(args.relationId, args.comment))),
  [ServerCommands.rejectRelation]: handler(RelationReviewArgumentsSchema, (args, context) => onRelations(context, args.uri, (ops) => ops.reject(args.relationId, args.comment))),
  [ServerCommands.commentRelation]: handler(RelationCommentArgumentsSchema, (args, context) => onRelations(context, args.uri, (ops) => ops.comment(args.relationId, args.comment))),
  [ServerCommands.resolveRelationDisagreement]: handler(ResolveDisagreementArgumentsSchema, (args, context) => onRelations(context, args.uri, (ops) => ops.resolveDisagreement(args.approve, args.reject))),
  [ServerCommands.resolveRelationConflict]: handler(ResolveRelationConflictArgumentsSchema, (args, context) => onRelations(context, args.uri, (ops) => ops.resolveConflict(args.relationId, args.side))),
  [ServerCommands.linkTargets]: handler(LinkTargetsArgumentsSchema, async (args, { workspace }) => {
    // Asked right after opening, the article's tags must be in: wait for them as other requests do.
    await workspace.ready(args.uri);
    const article = openArticle(workspace, args.uri);
    const targets = linkTargets(article, workspace.relationTypesFor(article), args.tagId);
    const result: LinkTargetsResult = { message: `${targets.length} link${targets.length === 1 ? '' : 's'} the tag may make`, targets };
    return result;
  }),
};

/** The commands the server advertises (executeCommandProvider): the table's ids. */
export const SERVER_COMMAND_IDS: readonly string[] = Object.keys(COMMAND_TABLE);

/** Runs one of the server's commands; throws an Error whose message is for the annotator. */
export async function executeCommand(command: string, rawArguments: unknown[] | undefined, context: CommandContext): Promise<CommandResult> {
  const entry = (COMMAND_TABLE as Record<string, CommandHandler<z.ZodType> | undefined>)[command];
  if (!entry) throw new Error(`Unknown command ${command}`);
  const parsed = entry.schema.safeParse(rawArguments?.[0]);
  if (!parsed.success) throw new Error(`${command}: bad arguments: ${describeIssues(parsed.error.issues)}`);
  return entry.run(parsed.data, context);
}

/** A tag operation on an open article, as the acting annotator; `cp` turns the request's UTF-16 offsets into code points. */
async function onArticle(context: CommandContext, uri: string, operation: (ops: TagOperations, cp: (utf16: number) => number) => TagEdit): Promise<CommandResult> {
  const { workspace } = context;
  const article = openArticle(workspace, uri);
  const actor = workspace.actor;
  const tags = articleTagsOf(article);
  const edit = operation(new TagOperations(tags, workspace.labelsFor(article), actor), (utf16) => tags.index.toCodePoint(utf16));
  const message = await workspace.applyTagEdit(article, edit, actor);
  return { message, lastTagAction: workspace.lastTagAction(article) };
}

/** A relation operation on an open article, as the acting annotator. */
async function onRelations(context: CommandContext, uri: string, operation: (ops: RelationOperations) => TagEdit): Promise<CommandResult> {
  const { workspace } = context;
  const article = openArticle(workspace, uri);
  return applied(context, article, operation(relationOperationsOf(article, workspace.relationTypesFor(article), workspace.actor)));
}

async function applied({ workspace }: CommandContext, article: Article, edit: TagEdit): Promise<CommandResult> {
  const message = await workspace.applyTagEdit(article, edit, workspace.actor);
  return { message, lastTagAction: workspace.lastTagAction(article) };
}

/** Undo or redo the article's last tag action; an action that could not be replayed stays where it was. */
async function replay(context: CommandContext, uri: string, direction: 'undo' | 'redo'): Promise<CommandResult> {
  const { workspace } = context;
  const article = openArticle(workspace, uri);
  const stack = workspace.undoStackOf(article);
  const edit = direction === 'undo' ? stack.undo() : stack.redo();
  if (!edit) return { message: direction === 'undo' ? 'No tag action to undo' : 'No tag action to redo', lastTagAction: workspace.lastTagAction(article) };
  let message: string;
  try {
    message = await workspace.applyTagEdit(article, edit, workspace.actor, 'replay');
  } catch (error) {
    // Nothing was undone (or redone): the action stays where it was on the stack.
    if (direction === 'undo') stack.redo();
    else stack.undo();
    throw error;
  }
  return { message: `${direction === 'undo' ? 'Undid' : 'Redid'}: ${message}`, lastTagAction: workspace.lastTagAction(article) };
}

async function occurrences(args: WorkspaceOccurrencesPage, { tagAll, client }: CommandContext, show: boolean): Promise<CommandResult> {
  const { occurrences: found, articles } = await tagAll.occurrences(args);
  const result: WorkspaceOccurrencesResult = { message: previewOf(args, found, articles), occurrences: found, articles };
  if (show) client.showInformation(result.message);
  return result;
}

/** "14 occurrences of "Umerov" in 6 articles…", then one line each: article, line, the text around. */
function previewOf(args: WorkspaceOccurrencesArguments, found: WorkspaceOccurrencesResult['occurrences'], articles: number): string {
  if (found.length === 0) return `"${args.text}" stands untagged nowhere else in the corpus`;
  const head = `${found.length} untagged occurrence${found.length === 1 ? '' : 's'} of "${args.text}" in ${articles} article${articles === 1 ? '' : 's'}, to tag as ${args.label}:`;
  const lines = found.slice(0, MAX_PREVIEW_LINES).map((occurrence) => `${occurrence.article}:${occurrence.line + 1}  ${occurrence.excerpt}`);
  const more = found.length > MAX_PREVIEW_LINES ? [`… and ${found.length - MAX_PREVIEW_LINES} more`] : [];
  return [head, ...lines, ...more].join('\n');
}

function openArticle(workspace: ArticleWorkspace, uri: string): Article {
  const article = workspace.get(uri);
  if (!article) throw new Error(`${uri} is not an open article (is it under seeds/ or a folder with a marginalia.json?)`);
  return article;
}

/** The path of an article of a corpus, open or not: the lexicon is the corpus's, not the editor's. */
function corpusArticleOf(workspace: ArticleWorkspace, uri: string): string {
  const open = workspace.get(uri);
  if (open) return open.path;
  const path = pathOfUri(uri);
  if (path === undefined || !workspace.isArticlePath(path)) throw new Error(`${uri} is not an article (is it under seeds/ or a folder with a marginalia.json?)`);
  return path;
}
