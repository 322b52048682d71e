import { CodeActionKind, type CodeAction } from 'vscode-languageserver';
import { ServerCommands, type DocumentArguments } from '../api/protocol';
import type { Article } from './article';
import type { ArticleWorkspace } from './articleWorkspace';

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
