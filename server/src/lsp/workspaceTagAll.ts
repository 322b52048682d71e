import type { Actor } from '../core/tagging/actor';
import { relative, sep } from 'node:path';
import { CodeActionKind, type CodeAction } from 'vscode-languageserver';
import {
  ServerCommands,
  type OccurrenceRef,
  type TagAllInWorkspaceArguments,
  type TagAllInWorkspaceResult,
  type WorkspaceOccurrence,
  type WorkspaceOccurrencesArguments,
} from '../api/protocol';
import { formsOf } from '../core/lexicon/matching';
import type { LabelDefinition } from '../core/project/labelSet';
import { describeSkipped, tagsForPlaces, untaggedPlaces, type SearchedArticle } from '../core/tagging/occurrences';
import type { TagEdit } from '../core/sidecar/tagEdits';
import { CorpusArticles, type CorpusScope } from '../node/corpusArticles';
import { pathOfUri } from '../node/uris';
import type { Article } from './article';
import type { ArticleWorkspace } from './articleWorkspace';

/**
 * "Tag all N occurrences of "Umerov" in the workspace": finds a text wherever it stands untagged in the
 * articles of a corpus (open articles as edited, the others on disk), by the lexicon's matching rules,
 * and tags the occurrences a person confirms, checking each again first. Each article's tags are one
 * step of that article's undo history.
 */
export class WorkspaceTagAll {
  /** The articles that are not open, as read from disk. */
  private readonly onDisk = new CorpusArticles();

  constructor(private readonly workspace: ArticleWorkspace) {}

  /** The client reports files created, changed and deleted: until it does, listings and reads are trusted. */
  set watching(watching: boolean) {
    this.onDisk.watching = watching;
  }

  /** Files changed on disk (any article, sidecar or project file): read again what they touch before the next search. */
  filesChanged(paths: readonly string[], listingChanged: boolean): void {
    this.onDisk.filesChanged(paths, listingChanged);
  }

  /** Brings the corpus of `article` up to date, so that `actionsFor` can count without waiting. */
  async prepare(article: Article): Promise<void> {
    const folder = this.workspace.corpusFolderOf(article.path);
    if (folder !== undefined) await this.readCorpus(folder);
  }

  /**
   * The quick fixes for a tag or suggestion of an entity whose text stands untagged in other articles
   * of the corpus: the tagging (through `previewCommand`, the client's picker, when it has one) and,
   * for editors without one, a preview listing the occurrences. Counts what `prepare` read.
   */
  actionsFor(article: Article, phrase: string, label: string, previewCommand: string | undefined): CodeAction[] {
    const folder = this.workspace.corpusFolderOf(article.path);
    if (folder === undefined || !this.onDisk.listed(folder)) return [];
    const occurrences = this.search(folder, phrase);
    if (!occurrences.some((occurrence) => occurrence.uri !== article.uri)) return [];
    const articles = new Set(occurrences.map((occurrence) => occurrence.uri)).size;
    const count = occurrences.length;
    const args: WorkspaceOccurrencesArguments = { uri: article.uri, text: phrase, label };
    const title = `Tag ${count === 1 ? 'the 1 occurrence' : `all ${count} occurrences`} of "${phrase}" in the workspace as ${label} (${articles} article${articles === 1 ? '' : 's'})`;
    if (previewCommand) return [quickFix(title, previewCommand, args)];
    return [quickFix(title, ServerCommands.tagAllInWorkspace, args), quickFix(`Preview: the ${count} occurrence${count === 1 ? '' : 's'} of "${phrase}" in the workspace`, ServerCommands.showOccurrencesInWorkspace, args)];
  }

  /** The untagged occurrences of `phrase` in the corpus of the open article `uri`, in article order. */
  async occurrences(args: WorkspaceOccurrencesArguments): Promise<WorkspaceOccurrence[]> {
    const { article } = this.entityLabelOf(args);
    const folder = this.folderOf(article);
    await this.readCorpus(folder);
    return this.search(folder, args.text);
  }

  /**
   * Tags the occurrences (all current ones when none are given) as `label`: accepted, this annotator's,
   * source manual. Each is checked again in its article as it is now — the same text, whole words, no
   * tag on any of it — else skipped and reported. Existing tags are never touched.
   */
  async apply(args: TagAllInWorkspaceArguments, actor: Actor): Promise<TagAllInWorkspaceResult> {
    const { article, label } = this.entityLabelOf(args);
    const folder = this.folderOf(article);
    const wanted = args.occurrences ?? (await this.occurrences(args));
    const byArticle = new Map<string, OccurrenceRef[]>();
    for (const occurrence of wanted) {
      const refs = byArticle.get(occurrence.uri);
      if (refs) refs.push(occurrence);
      else byArticle.set(occurrence.uri, [occurrence]);
    }
    const forms = new Set(formsOf(args.text));
    const skipped: TagAllInWorkspaceResult['skipped'] = [];
    let tagged = 0;
    let articles = 0;
    for (const [uri, refs] of byArticle) {
      const skip = (ref: OccurrenceRef, reason: string) => skipped.push({ ...ref, reason });
      const path = pathOfUri(uri);
      if (path === undefined || !this.workspace.isArticlePath(path) || this.workspace.corpusFolderOf(path) !== folder) {
        refs.forEach((ref) => skip(ref, 'not an article of this corpus'));
        continue;
      }
      try {
        const open = this.workspace.get(uri);
        const current = open ? openArticle(open) : await this.onDisk.readFresh(path);
        if (current.problem) {
          refs.forEach((ref) => skip(ref, current.problem!));
          continue;
        }
        const changes = tagsForPlaces(current, refs, forms, label, actor.annotator, this.workspace.visibility, skip);
        if (changes.length === 0) continue;
        const edit: TagEdit = { description: `Tagged ${changes.length} occurrence${changes.length === 1 ? '' : 's'} of "${args.text}" as ${label.name} (tag all in the workspace)`, changes };
        if (open) await this.workspace.applyTagEdit(open, edit, actor);
        else {
          // Read again next time, whether or not the client reports our own write.
          this.onDisk.markStale(path);
          await this.workspace.applyTagEditToFile(path, current.text, edit, actor);
        }
        tagged += changes.length;
        articles++;
      } catch (error) {
        refs.forEach((ref) => skip(ref, error instanceof Error ? error.message : String(error)));
      }
    }
    const message = `Tagged ${tagged} occurrence${tagged === 1 ? '' : 's'} of "${args.text}" as ${label.name} in ${articles} article${articles === 1 ? '' : 's'}${skipped.length > 0 ? `; ${skipped.length} skipped (${describeSkipped(skipped)})` : ''}. Ctrl+Z in an article undoes its part.`;
    return { message, tagged, articles, skipped };
  }

  /** The open article named by the arguments and its entity label. */
  private entityLabelOf(args: WorkspaceOccurrencesArguments): { article: Article; label: LabelDefinition } {
    const article = this.workspace.get(args.uri);
    if (!article) throw new Error(`${args.uri} is not an open article (is it under seeds/ or a folder with a marginalia.json?)`);
    const labels = this.workspace.labelsFor(article);
    const label = labels.find((definition) => definition.name === args.label);
    if (!label) throw new Error(`${args.label} is not a label of this project (labels: ${labels.map((l) => l.name).join(', ')})`);
    if (label.kind !== 'entity') throw new Error(`Tagging all occurrences in the workspace is for entities; ${label.name} is a ${label.kind}, whose value depends on its article`);
    if (formsOf(args.text).length === 0 || args.text.trim() !== args.text || /[\r\n]/.test(args.text)) throw new Error(`"${args.text}" cannot be searched for: expected text on one line without surrounding white space`);
    return { article, label };
  }

  private folderOf(article: Article): string {
    const folder = this.workspace.corpusFolderOf(article.path);
    if (folder === undefined) throw new Error(`${article.path} is in no corpus (a folder with a marginalia.json, or a workspace folder)`);
    return folder;
  }

  /** Every untagged occurrence of `phrase` in the corpus as last read; open articles as they are now. */
  private search(folder: string, phrase: string): WorkspaceOccurrence[] {
    const found: WorkspaceOccurrence[] = [];
    for (const path of this.onDisk.listed(folder) ?? []) {
      const open = this.openArticleAt(path);
      const article = open ? openArticle(open) : this.onDisk.lastRead(path);
      if (!article) continue;
      const name = relative(folder, path).split(sep).join('/');
      for (const place of untaggedPlaces(article, phrase, this.workspace.visibility)) found.push({ uri: article.uri, article: name, ...place });
    }
    return found;
  }

  /** Lists the corpus of `folder` (unless listed and nothing came or went) and reads the articles whose files changed. */
  private readCorpus(folder: string): Promise<void> {
    const scope: CorpusScope = {
      folder,
      isArticle: (path) => this.workspace.isArticlePath(path) && this.workspace.corpusFolderOf(path) === folder,
      contains: (path) => this.workspace.corpusFolderOf(path) === folder,
      openPaths: () => this.workspace.all().map((article) => article.path),
    };
    return this.onDisk.read(scope);
  }

  private openArticleAt(path: string): Article | undefined {
    return this.workspace.all().find((article) => article.path === path);
  }
}

/** An open article as the editor has it: every tag, anyone's, at its current place. */
function openArticle(article: Article): SearchedArticle {
  const live = article.getTags().filter((tag) => !article.isOrphaned(tag.id));
  return { path: article.path, uri: article.uri, text: article.document.getText(), tags: live, problem: article.sidecarProblem };
}

function quickFix(title: string, command: string, args: object): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, command: { title, command, arguments: [args] } };
}

/**
 * A client with a picker names its own command for the preview (VS Code: a QuickPick of the
 * occurrences), which then runs `marginalia.tagAllInWorkspace` with the ones kept.
 */
export function tagAllPreviewCommandOf(initializationOptions: unknown): string | undefined {
  const command = (initializationOptions as { tagAllPreviewCommand?: unknown } | undefined)?.tagAllPreviewCommand;
  return typeof command === 'string' && command.startsWith('marginalia.') ? command : undefined;
}
