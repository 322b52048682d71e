import type { z } from 'zod';
import { ServerCommands, type CommandResult } from '../api/protocol';
import { describeIssues } from '../core/zodIssues';
import type { Article } from './article';
import type { ArticleWorkspace } from './articleWorkspace';
import { articleHeadline } from './codeLens';
import {
  AdjustSpanArgumentsSchema,
  ChangeLabelArgumentsSchema,
  CommentArgumentsSchema,
  ResolveDisagreementArgumentsSchema,
  ReviewArgumentsSchema,
  ReviewFilterArgumentsSchema,
  DocumentArgumentsSchema,
  ReattachArgumentsSchema,
  RejectArgumentsSchema,
  ResolveConflictArgumentsSchema,
  TagAllArgumentsSchema,
  TagArgumentsSchema,
  TagIdArgumentsSchema,
} from './commandArguments';
import { TagActions } from './tagActions';

/** Runs one of the server's commands; throws an Error whose message is for the annotator. */
export async function executeCommand(workspace: ArticleWorkspace, command: string, rawArguments: unknown[] | undefined): Promise<CommandResult> {
  const raw = rawArguments?.[0];
  const actionsFor = (article: Article) => new TagActions(article, workspace.labelsFor(article), workspace.annotator);
  const apply = async (article: Article, edit: Parameters<ArticleWorkspace['applyTagEdit']>[1], record: 'record' | 'replay' = 'record') => {
    const message = await workspace.applyTagEdit(article, edit, record);
    return { message, lastTagAction: workspace.lastTagAction(article) };
  };
  switch (command) {
    case ServerCommands.tag: {
      const args = parse(TagArgumentsSchema, raw, command);
      const article = articleOf(workspace, args.uri);
      return apply(article, actionsFor(article).tag(args));
    }
    case ServerCommands.tagAll: {
      const args = parse(TagAllArgumentsSchema, raw, command);
      const article = articleOf(workspace, args.uri);
      return apply(article, actionsFor(article).tagAll(args));
    }
    case ServerCommands.reject: {
      const args = parse(RejectArgumentsSchema, raw, command);
      const article = articleOf(workspace, args.uri);
      return apply(article, actionsFor(article).reject(args));
    }
    case ServerCommands.accept: {
      const args = parse(TagIdArgumentsSchema, raw, command);
      const article = articleOf(workspace, args.uri);
      return apply(article, actionsFor(article).accept(args.tagId));
    }
    case ServerCommands.changeLabel: {
      const args = parse(ChangeLabelArgumentsSchema, raw, command);
      const article = articleOf(workspace, args.uri);
      return apply(article, actionsFor(article).changeLabel(args.tagId, args.label, args.comment));
    }
    case ServerCommands.approve: {
      const args = parse(ReviewArgumentsSchema, raw, command);
      const article = articleOf(workspace, args.uri);
      return apply(article, actionsFor(article).approve(args.tagId, args.comment));
    }
    case ServerCommands.rejectTag: {
      const args = parse(ReviewArgumentsSchema, raw, command);
      const article = articleOf(workspace, args.uri);
      return apply(article, actionsFor(article).rejectTag(args.tagId, args.comment));
    }
    case ServerCommands.adjustSpan: {
      const args = parse(AdjustSpanArgumentsSchema, raw, command);
      const article = articleOf(workspace, args.uri);
      return apply(article, actionsFor(article).adjustSpan(args.tagId, args.start, args.end, args.text, args.comment));
    }
    case ServerCommands.comment: {
      const args = parse(CommentArgumentsSchema, raw, command);
      const article = articleOf(workspace, args.uri);
      return apply(article, actionsFor(article).comment(args.tagId, args.comment));
    }
    case ServerCommands.resolveDisagreement: {
      const args = parse(ResolveDisagreementArgumentsSchema, raw, command);
      const article = articleOf(workspace, args.uri);
      return apply(article, actionsFor(article).resolveDisagreement(args.approve, args.reject));
    }
    case ServerCommands.setReviewFilter: {
      const args = parse(ReviewFilterArgumentsSchema, raw, command);
      workspace.setReviewFilter(args.onlyToReview);
      return { message: args.onlyToReview ? 'Showing only what needs review' : 'Showing all tags' };
    }
    case ServerCommands.reattach: {
      const args = parse(ReattachArgumentsSchema, raw, command);
      const article = articleOf(workspace, args.uri);
      return apply(article, actionsFor(article).reattach(args.tagId, args.start, args.end, args.text));
    }
    case ServerCommands.removeTag: {
      const args = parse(TagIdArgumentsSchema, raw, command);
      const article = articleOf(workspace, args.uri);
      return apply(article, actionsFor(article).remove(args.tagId));
    }
    case ServerCommands.resolveConflict: {
      const args = parse(ResolveConflictArgumentsSchema, raw, command);
      const article = articleOf(workspace, args.uri);
      return apply(article, actionsFor(article).resolveConflict(args.tagId, args.side));
    }
    case ServerCommands.undo:
    case ServerCommands.redo: {
      const args = parse(DocumentArgumentsSchema, raw, command);
      const article = articleOf(workspace, args.uri);
      const history = workspace.historyOf(article);
      const edit = command === ServerCommands.undo ? history.undo() : history.redo();
      if (!edit) return { message: command === ServerCommands.undo ? 'No tag action to undo' : 'No tag action to redo', lastTagAction: workspace.lastTagAction(article) };
      let result: CommandResult;
      try {
        result = await apply(article, edit, 'replay');
      } catch (error) {
        // Nothing was undone (or redone): the action stays where it was in the history.
        if (command === ServerCommands.undo) history.redo();
        else history.undo();
        throw error;
      }
      return { ...result, message: `${command === ServerCommands.undo ? 'Undid' : 'Redid'}: ${result.message}` };
    }
    case ServerCommands.summary: {
      const args = parse(DocumentArgumentsSchema, raw, command);
      const summary = articleHeadline(articleOf(workspace, args.uri));
      return { message: `${summary.headline}. By label: ${summary.byLabel}` };
    }
    default:
      throw new Error(`Unknown command ${command}`);
  }
}

function parse<T extends z.ZodType>(schema: T, raw: unknown, command: string): z.infer<T> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error(`${command}: bad arguments: ${describeIssues(parsed.error.issues)}`);
  return parsed.data;
}

function articleOf(workspace: ArticleWorkspace, uri: string): Article {
  const article = workspace.get(uri);
  if (!article) throw new Error(`${uri} is not an open article (is it under seeds/ or a folder with a marginalia.json?)`);
  return article;
}
