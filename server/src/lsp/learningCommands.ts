import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { CodeActionKind, type CodeAction } from 'vscode-languageserver';
import {
  ServerCommands,
  type CommandResult,
  type DocumentArguments,
  type ForgetRuleArguments,
  type ForgetRuleResult,
  type LearnedRulesResult,
  type OccurrenceRef,
  type TagAllInWorkspaceArguments,
  type WorkspaceOccurrencesArguments,
  type WorkspaceOccurrencesResult,
} from '../api/protocol';
import { describeIssues } from '../core/zodIssues';
import { pathOfUri } from '../node/uris';
import type { Article } from './article';
import type { ArticleWorkspace } from './articleWorkspace';
import type { WorkspaceTagAll } from './workspaceTagAll';

/** What the commands need of the client beyond answering: showing a file, and a message. */
export interface LearningClient {
  showDocument(uri: string): Promise<boolean>;
  showInformation(message: string): void;
}

/** Lines of a preview shown as a message: enough to judge, short enough for a message area. */
const MAX_PREVIEW_LINES = 20;

const uri = z.string().min(1);
const phrase = z.string().min(1).max(200);
const DocumentArgumentsSchema = z.strictObject({ uri }) satisfies z.ZodType<DocumentArguments>;
const ForgetRuleArgumentsSchema = z
  .strictObject({ uri, id: z.string().min(1).optional(), ids: z.array(z.string().min(1)).optional() })
  .refine((args) => (args.id === undefined) !== (args.ids === undefined), 'expected either "id" (one rule) or "ids" (a list), as marginalia.learnedRules answers them') satisfies z.ZodType<ForgetRuleArguments>;
const WorkspaceOccurrencesArgumentsSchema = z.strictObject({ uri, text: phrase, label: z.string().min(1) }) satisfies z.ZodType<WorkspaceOccurrencesArguments>;
const OccurrenceRefSchema = z.strictObject({ uri, start: z.number().int().nonnegative(), end: z.number().int().positive(), text: z.string().min(1) }) satisfies z.ZodType<OccurrenceRef>;
const TagAllInWorkspaceArgumentsSchema = z.strictObject({ uri, text: phrase, label: z.string().min(1), occurrences: z.array(OccurrenceRefSchema).optional() }) satisfies z.ZodType<TagAllInWorkspaceArguments>;

const LEARNING_COMMANDS = new Set<string>([
  ServerCommands.learnedRules,
  ServerCommands.forgetRule,
  ServerCommands.openLexicon,
  ServerCommands.occurrencesInWorkspace,
  ServerCommands.showOccurrencesInWorkspace,
  ServerCommands.tagAllInWorkspace,
]);

export function isLearningCommand(command: string): boolean {
  return LEARNING_COMMANDS.has(command);
}

/**
 * The server commands of learning: list and forget what the corpus learnt, open its lexicon file, and
 * find or tag a text in every article of the corpus. Throws an Error whose message is for the annotator.
 */
export async function executeLearningCommand(workspace: ArticleWorkspace, tagAll: WorkspaceTagAll, client: LearningClient, command: string, rawArguments: unknown[] | undefined): Promise<CommandResult> {
  const raw = rawArguments?.[0];
  switch (command) {
    case ServerCommands.learnedRules: {
      const article = corpusArticleOf(workspace, parse(DocumentArgumentsSchema, raw, command).uri);
      const { path, rules } = await workspace.lexicons.rules(article, workspace.settings.blind ? workspace.annotator : undefined);
      const result: LearnedRulesResult = { message: rules.length === 0 ? 'Nothing learnt yet in this corpus' : `${rules.length} learned rule${rules.length === 1 ? '' : 's'} in ${path}`, rules, file: pathToFileURL(path).href };
      return result;
    }
    case ServerCommands.forgetRule: {
      const args = parse(ForgetRuleArgumentsSchema, raw, command);
      const article = corpusArticleOf(workspace, args.uri);
      const ids = args.ids ?? [args.id!];
      const forgotten = await workspace.lexicons.forget(article, ids);
      const missing = ids.length - forgotten;
      const result: ForgetRuleResult = { message: `Forgot ${forgotten} learned rule${forgotten === 1 ? '' : 's'}${missing > 0 ? ` (${missing} already gone)` : ''}`, forgotten };
      return result;
    }
    case ServerCommands.openLexicon: {
      const article = corpusArticleOf(workspace, parse(DocumentArgumentsSchema, raw, command).uri);
      const path = workspace.lexicons.pathFor(article);
      if (path === undefined) throw new Error(`${article} is in no corpus, so nothing is learnt for it`);
      if (!existsSync(path)) {
        const message = `Nothing learnt yet in this corpus: ${path} is written with the first tag`;
        client.showInformation(message);
        return { message };
      }
      const shown = await client.showDocument(pathToFileURL(path).href);
      return { message: shown ? `Opened ${path}` : `The editor did not open ${path}; open it yourself to read what was learnt` };
    }
    case ServerCommands.occurrencesInWorkspace:
    case ServerCommands.showOccurrencesInWorkspace: {
      const args = parse(WorkspaceOccurrencesArgumentsSchema, raw, command);
      const occurrences = await tagAll.occurrences(args);
      const articles = new Set(occurrences.map((occurrence) => occurrence.uri)).size;
      const result: WorkspaceOccurrencesResult = { message: previewOf(args, occurrences, articles), occurrences, articles };
      if (command === ServerCommands.showOccurrencesInWorkspace) client.showInformation(result.message);
      return result;
    }
    case ServerCommands.tagAllInWorkspace:
      return tagAll.apply(parse(TagAllInWorkspaceArgumentsSchema, raw, command));
    default:
      throw new Error(`Unknown command ${command}`);
  }
}

/**
 * The source action that opens the corpus's lexicon file, for any editor: it is written to be read
 * (one rule a line); `marginalia.forgetRule` forgets a rule, or the line can be deleted by hand.
 */
export function learningSourceActions(article: Article, workspace: ArticleWorkspace, only: readonly string[] | undefined): CodeAction[] {
  const kind = `${CodeActionKind.Source}.marginalia.learnedRules`;
  const wanted = only === undefined || only.some((asked) => kind === asked || kind.startsWith(`${asked}.`));
  if (!wanted || workspace.lexicons.pathFor(article.path) === undefined) return [];
  const title = 'Open what Marginalia learnt in this corpus (marginalia.lexicon.json)';
  return [{ title, kind, command: { title, command: ServerCommands.openLexicon, arguments: [{ uri: article.uri } satisfies DocumentArguments] } }];
}

/** "14 occurrences of "Umerov" in 6 articles…", then one line each: article, line, the text around. */
function previewOf(args: WorkspaceOccurrencesArguments, occurrences: readonly WorkspaceOccurrence[], articles: number): string {
  if (occurrences.length === 0) return `"${args.text}" stands untagged nowhere else in the corpus`;
  const head = `${occurrences.length} untagged occurrence${occurrences.length === 1 ? '' : 's'} of "${args.text}" in ${articles} article${articles === 1 ? '' : 's'}, to tag as ${args.label}:`;
  const lines = occurrences.slice(0, MAX_PREVIEW_LINES).map((occurrence) => `${occurrence.article}:${occurrence.line + 1}  ${occurrence.excerpt}`);
  const more = occurrences.length > MAX_PREVIEW_LINES ? [`… and ${occurrences.length - MAX_PREVIEW_LINES} more`] : [];
  return [head, ...lines, ...more].join('\n');
}

type WorkspaceOccurrence = WorkspaceOccurrencesResult['occurrences'][number];

function parse<T extends z.ZodType>(schema: T, raw: unknown, command: string): z.infer<T> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error(`${command}: bad arguments: ${describeIssues(parsed.error.issues)}`);
  return parsed.data;
}

/** The path of an article of a corpus, open or not: the lexicon is the corpus's, not the editor's. */
function corpusArticleOf(workspace: ArticleWorkspace, uri: string): string {
  const open = workspace.get(uri);
  if (open) return open.path;
  const path = pathOfUri(uri);
  if (path === undefined || !workspace.isArticlePath(path)) throw new Error(`${uri} is not an article (is it under seeds/ or a folder with a marginalia.json?)`);
  return path;
}
