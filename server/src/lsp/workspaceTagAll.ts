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
import type { CorpusIndexThread } from '../node/corpusIndexThread';
import type { TagVisibility } from '../core/review/corpusSummary';
import type { Viewer } from '../node/corpusIndexWorker';
import { readArticleFile } from '../node/regularFile';
import { SidecarStore } from '../node/sidecarStore';
import { pathOfUri, uriOfPath } from '../node/uris';
import type { Article } from './article';
import type { ArticleWorkspace } from './articleWorkspace';

/**
 * "Tag all N occurrences of "Umerov" in the workspace": finds a text wherever it stands untagged in the
 * articles of a corpus (open articles as edited, the others through the corpus index, then read from
 * disk only for the page of occurrences shown or tagged), by the lexicon's matching rules,
 * and tags the occurrences a person confirms, checking each again first. Each article's tags are one
 * step of that article's undo history.
 */
export class WorkspaceTagAll {
  private readonly store = new SidecarStore();
  private index: CorpusIndexThread | undefined;
  /** The learnt texts sent to the running index: each once (a corpus's lexicon is sent whole when read). */
  private tracked = new Set<string>();

  constructor(private readonly workspace: ArticleWorkspace) {}

  /** The corpus index this search reads (replaced when the workspace or its article globs change). */
  useIndex(index: CorpusIndexThread | undefined): void {
    this.index = index;
    const learnt = [...this.tracked];
    this.tracked = new Set();
    this.learnt(learnt);
  }

  /**
   * Texts learnt: the index keeps where those its word places cannot tell stand ("Jean-Luc Moreau",
   * "Pieter de Vries"), reading their articles now, in the background, so that Ctrl+. reads none.
   */
  learnt(texts: readonly string[]): void {
    const fresh = [...new Set(texts)].filter((text) => !this.tracked.has(text));
    for (const text of fresh) this.tracked.add(text);
    if (fresh.length > 0 && this.index) void this.index.track(fresh).catch(() => undefined);
  }

  /** Files changed on disk (any article, sidecar or project file): the index reads them again before its next answer. */
  filesChanged(paths: readonly string[]): Promise<void> {
    return this.index ? this.index.update([...paths]) : Promise.resolve();
  }

  /** Waits for the first build of the index, so that counts are never those of part of the corpus. */
  async prepare(): Promise<void> {
    // The index starts with the settings (its article globs are among them).
    await this.workspace.settingsKnown;
    await this.index?.built;
  }

  /**
   * How many untagged places of each phrase the corpus of `article` holds: the open articles as
   * edited, the others as the index has them. Keyed by phrase.
   */
  async counts(article: Article, phrases: readonly string[]): Promise<Map<string, PhraseCount>> {
    const counted = new Map<string, PhraseCount>();
    const folder = this.workspace.corpusFolderOf(article.path);
    if (folder === undefined || !this.index || phrases.length === 0) return counted;
    const open = this.openIn(folder);
    for (const phrase of new Set(phrases)) {
      const closed = await this.index.count(phrase, folder, open.map((other) => other.path), viewerOf(this.workspace.visibility));
      let { occurrences, articles } = closed;
      for (const other of open) {
        const places = untaggedPlaces(openArticle(other), phrase, this.workspace.visibility).length;
        occurrences += places;
        if (places > 0) articles++;
      }
      counted.set(phrase, { occurrences, articles, elsewhere: closed.occurrences > 0 || open.some((other) => other !== article && untaggedPlaces(openArticle(other), phrase, this.workspace.visibility).length > 0) });
    }
    return counted;
  }

  /**
   * The quick fixes for a tag or suggestion of an entity whose text stands untagged in other articles
   * of the corpus: the tagging (through `previewCommand`, the client's picker, when it has one) and,
   * for editors without one, a preview listing the occurrences. Counts are those `counts` gave.
   */
  actionsFor(article: Article, phrase: string, label: string, previewCommand: string | undefined, counts: ReadonlyMap<string, PhraseCount>): CodeAction[] {
    const counted = counts.get(phrase);
    if (!counted?.elsewhere) return [];
    const { occurrences: count, articles } = counted;
    const args: WorkspaceOccurrencesArguments = { uri: article.uri, text: phrase, label };
    const title = `Tag ${count === 1 ? 'the 1 occurrence' : `all ${count} occurrences`} of "${phrase}" in the workspace as ${label} (${articles} article${articles === 1 ? '' : 's'})`;
    if (previewCommand) return [quickFix(title, previewCommand, args)];
    return [quickFix(title, ServerCommands.tagAllInWorkspace, args), quickFix(`Preview: the ${count} occurrence${count === 1 ? '' : 's'} of "${phrase}" in the workspace`, ServerCommands.showOccurrencesInWorkspace, args)];
  }

  /**
   * The untagged occurrences of `phrase` in the corpus of the open article `uri`, in article order:
   * of the articles that may hold it (the index tells which), `limit` from `offset` on, each read as it
   * is now (open ones as edited, the others from disk). `articles` counts all that may hold it.
   */
  async occurrences(args: WorkspaceOccurrencesArguments & { offset?: number; limit?: number }): Promise<{ occurrences: WorkspaceOccurrence[]; articles: number }> {
    const { article } = this.entityLabelOf(args);
    const folder = this.folderOf(article);
    await this.prepare();
    if (!this.index) throw new Error('The corpus index is not running: open a workspace folder');
    const open = this.openIn(folder);
    const closed = await this.index.holding(args.text, folder, open.map((other) => other.path), viewerOf(this.workspace.visibility));
    const openHolding = open.filter((other) => untaggedPlaces(openArticle(other), args.text, this.workspace.visibility).length > 0);
    const paths = [...openHolding.map((other) => other.path), ...closed].sort();
    const page = paths.slice(args.offset ?? 0, (args.offset ?? 0) + (args.limit ?? paths.length));
    const found: WorkspaceOccurrence[] = [];
    for (const path of page) {
      const live = open.find((other) => other.path === path);
      const searched = live ? openArticle(live) : await this.readFresh(path).catch(() => undefined);
      if (!searched) continue;
      const name = relative(folder, path).split(sep).join('/');
      for (const place of untaggedPlaces(searched, args.text, this.workspace.visibility)) found.push({ uri: searched.uri, article: name, ...place });
    }
    return { occurrences: found, articles: paths.length };
  }

  /**
   * Tags the occurrences (all current ones when none are given) as `label`: accepted, this annotator's,
   * source manual. Each is checked again in its article as it is now — the same text, whole words, no
   * tag on any of it — else skipped and reported. Existing tags are never touched.
   */
  async apply(args: TagAllInWorkspaceArguments, actor: Actor): Promise<TagAllInWorkspaceResult> {
    const { article, label } = this.entityLabelOf(args);
    const folder = this.folderOf(article);
    const wanted = args.occurrences ?? (await this.occurrences(args)).occurrences;
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
    const written: string[] = [];
    for (const [uri, refs] of byArticle) {
      const skip = (ref: OccurrenceRef, reason: string) => skipped.push({ ...ref, reason });
      const path = pathOfUri(uri);
      if (path === undefined || !this.workspace.isArticlePath(path) || this.workspace.corpusFolderOf(path) !== folder) {
        refs.forEach((ref) => skip(ref, 'not an article of this corpus'));
        continue;
      }
      try {
        const open = this.workspace.get(uri);
        const current = open ? openArticle(open) : await this.readFresh(path);
        if (current.problem) {
          refs.forEach((ref) => skip(ref, current.problem!));
          continue;
        }
        const changes = tagsForPlaces(current, refs, forms, label, actor.annotator, this.workspace.visibility, skip);
        if (changes.length === 0) continue;
        const edit: TagEdit = { description: `Tagged ${changes.length} occurrence${changes.length === 1 ? '' : 's'} of "${args.text}" as ${label.name} (tag all in the workspace)`, changes };
        if (open) await this.workspace.applyTagEdit(open, edit, actor);
        else {
          await this.workspace.applyTagEditToFile(path, current.text, edit, actor);
          written.push(path);
        }
        tagged += changes.length;
        articles++;
      } catch (error) {
        refs.forEach((ref) => skip(ref, error instanceof Error ? error.message : String(error)));
      }
    }
    // The index reads our own writes before its next answer, whether or not the client reports them.
    if (written.length > 0) await this.filesChanged(written);
    const message = `Tagged ${tagged} occurrence${tagged === 1 ? '' : 's'} of "${args.text}" as ${label.name} in ${articles} article${articles === 1 ? '' : 's'}${skipped.length > 0 ? `; ${skipped.length} skipped (${describeSkipped(skipped)})` : ''}. Ctrl+Z in an article undoes its part.`;
    return { message, tagged, articles, skipped };
  }

  /** An article and its tags as they are on disk now. */
  private async readFresh(path: string): Promise<SearchedArticle> {
    const text = await readArticleFile(path);
    const uri = uriOfPath(path);
    try {
      const { sidecar } = await this.store.read(path);
      return { path, uri, text, tags: sidecar.annotations };
    } catch (error) {
      return { path, uri, text, tags: [], problem: error instanceof Error ? error.message : String(error) };
    }
  }

  /** The open articles of corpus `folder`. */
  private openIn(folder: string): Article[] {
    return this.workspace.all().filter((other) => this.workspace.corpusFolderOf(other.path) === folder);
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

/** What the quick fix says: untagged places in the corpus, the articles holding them, and whether any is outside this article. */
export interface PhraseCount {
  occurrences: number;
  articles: number;
  elsewhere: boolean;
}

/** Whose tags the index counts: the visibility's key names the blind annotator (see ArticleWorkspace.visibility). */
function viewerOf(visibility: TagVisibility): Viewer {
  return visibility.key.startsWith('blind:') ? { blindAs: visibility.key.slice('blind:'.length) } : {};
}
