import type { Actor } from '../core/tagging/actor';
import { stat } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readArticleFile } from '../core/regularFile';
import { CodeActionKind, type CodeAction } from 'vscode-languageserver';
import {
  ServerCommands,
  type OccurrenceRef,
  type TagAllInWorkspaceArguments,
  type TagAllInWorkspaceResult,
  type WorkspaceOccurrence,
  type WorkspaceOccurrencesArguments,
} from '../api/protocol';
import { formsOf, isWholeWordsAt, occurrencesOf } from '../core/lexicon/matching';
import { CodePointIndex } from '../core/offsets';
import type { LabelDefinition } from '../core/project/labelSet';
import { findArticleFiles } from '../core/review/corpusSummaryFiles';
import { SidecarStore, newTag, sidecarPathFor, type Tag } from '../core/sidecar';
import type { TagChange, TagEdit } from '../core/tagEdits';
import type { Article } from './article';
import type { ArticleWorkspace } from './articleWorkspace';

/** As many articles as the corpus view lists: the search reads each one, and holds its text in memory. */
export const MAX_SEARCHED_ARTICLES = 5000;
/** Characters of the line shown on either side of an occurrence in the preview. */
const EXCERPT_REACH = 40;

/** An article as the search sees it: its text and every tag, anyone's, whatever its status. */
interface SearchedArticle {
  path: string;
  uri: string;
  text: string;
  tags: readonly Tag[];
  /** Where the tags this person sees are, worked out for the search that first needed them. */
  spans?: { visibility: string; tagged: TaggedSpans };
  /** Why its sidecar cannot be read: it can be neither searched nor tagged. */
  problem?: string;
}

/** What was read of an article on disk, and the size and time of its files then. */
interface ReadArticle {
  stamp: string;
  article: SearchedArticle;
}

/**
 * "Tag all N occurrences of "Umerov" in the workspace": finds a text wherever it stands untagged in the
 * articles of a corpus (open articles as edited, the others on disk), by the lexicon's matching rules,
 * and tags the occurrences a person confirms, checking each again first. Each article's tags are one
 * step of that article's undo history.
 */
export class WorkspaceTagAll {
  private readonly store = new SidecarStore();
  /** Articles read from disk, by path, kept while their files keep their size and time. */
  private readonly onDisk = new Map<string, ReadArticle>();
  /** Each corpus's articles as last listed; listed again after files came or went. */
  private readonly listed = new Map<string, string[]>();
  /** The client reports files created, changed and deleted: until it does, listings and reads are trusted. */
  watching = false;
  private stale = new Set<string>();

  constructor(private readonly workspace: ArticleWorkspace) {}

  /** Files changed on disk (any article, sidecar or project file): read again what they touch before the next search. */
  filesChanged(paths: readonly string[], listingChanged: boolean): void {
    for (const path of paths) this.stale.add(path);
    if (listingChanged) this.listed.clear();
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
    if (folder === undefined || !this.listed.has(folder)) return [];
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
      const path = pathOf(uri);
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
        const changes = this.newTags(current, refs, forms, label, actor, skip);
        if (changes.length === 0) continue;
        const edit: TagEdit = { description: `Tagged ${changes.length} occurrence${changes.length === 1 ? '' : 's'} of "${args.text}" as ${label.name} (tag all in the workspace)`, changes };
        if (open) await this.workspace.applyTagEdit(open, edit, actor);
        else {
          // Read again next time, whether or not the client reports our own write.
          this.stale.add(path);
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

  /** Tags for the occurrences that still stand as they were found, untagged, each checked against the others too. */
  private newTags(article: SearchedArticle, refs: readonly OccurrenceRef[], forms: ReadonlySet<string>, label: LabelDefinition, actor: Actor, skip: (ref: OccurrenceRef, reason: string) => void): TagChange[] {
    const index = new CodePointIndex(article.text);
    const taken: Array<{ start: number; end: number }> = [];
    const changes: TagChange[] = [];
    for (const ref of [...refs].sort((a, b) => a.start - b.start)) {
      if (!forms.has(ref.text) || article.text.slice(ref.start, ref.end) !== ref.text || !isWholeWordsAt(article.text, ref.start, ref.end)) {
        skip(ref, `"${ref.text}" is no longer there`);
        continue;
      }
      if (this.taggedSpans(article).overlaps(ref.start, ref.end) || taken.some((span) => span.start < ref.end && ref.start < span.end)) {
        skip(ref, 'tagged meanwhile');
        continue;
      }
      const tag = newTag({ text: article.text, start: index.toCodePoint(ref.start), end: index.toCodePoint(ref.end), label: label.name, kind: label.kind, source: 'manual', status: 'accepted', annotator: actor.annotator, index });
      taken.push({ start: ref.start, end: ref.end });
      changes.push({ after: tag });
    }
    return changes;
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
    for (const path of this.listed.get(folder) ?? []) {
      const open = this.openArticleAt(path);
      const places = occurrencesOf(open ? open.document.getText() : (this.onDisk.get(path)?.article.text ?? ''), phrase);
      if (places.length === 0) continue;
      // Where its tags are is worked out only for an article holding the text.
      const article = open ? openArticle(open) : this.onDisk.get(path)!.article;
      if (article.problem) continue;
      const tagged = this.taggedSpans(article);
      const untagged = places.filter((place) => !tagged.overlaps(place.start, place.end));
      const name = relative(folder, path).split(sep).join('/');
      for (const place of untagged) found.push({ uri: article.uri, article: name, start: place.start, end: place.end, text: article.text.slice(place.start, place.end), ...lineAround(article.text, place.start, place.end) });
    }
    return found;
  }

  /** Lists the corpus (unless listed and nothing came or went) and reads the articles whose files changed. */
  private async readCorpus(folder: string): Promise<void> {
    let paths = this.watching ? this.listed.get(folder) : undefined;
    if (!paths) {
      const isOfCorpus = (path: string) => this.workspace.isArticlePath(path) && this.workspace.corpusFolderOf(path) === folder;
      ({ paths } = await findArticleFiles([folder], isOfCorpus, MAX_SEARCHED_ARTICLES));
      // Open articles are read from the editor; one not saved yet is searched too.
      for (const article of this.workspace.all()) if (!paths.includes(article.path) && this.workspace.corpusFolderOf(article.path) === folder) paths.push(article.path);
      this.listed.set(folder, paths);
      const kept = new Set(paths);
      for (const path of this.onDisk.keys()) if (!kept.has(path) && this.workspace.corpusFolderOf(path) === folder) this.onDisk.delete(path);
    }
    const toRead = paths.filter((path) => !this.openArticleAt(path) && (!this.watching || this.stale.has(path) || this.stale.has(sidecarPathFor(path)) || !this.onDisk.has(path)));
    await eachConcurrently(toRead, 16, async (path) => {
      const stamp = await stampOf(path);
      const known = this.onDisk.get(path);
      if (known?.stamp === stamp) return;
      try {
        this.onDisk.set(path, { stamp, article: await this.readFresh(path) });
      } catch {
        // Gone or unreadable since it was listed: nothing to find in it.
        this.onDisk.delete(path);
      }
    });
    for (const path of toRead) {
      this.stale.delete(path);
      this.stale.delete(sidecarPathFor(path));
    }
  }

  /** An article and its tags as they are on disk now. */
  private async readFresh(path: string): Promise<SearchedArticle> {
    const text = await readArticleFile(path);
    const uri = pathToFileURL(path).href;
    try {
      const { sidecar } = await this.store.read(path);
      return { path, uri, text, tags: sidecar.annotations };
    } catch (error) {
      return { path, uri, text, tags: [], problem: error instanceof Error ? error.message : String(error) };
    }
  }

  /**
   * Where an article's tags stand that this person sees: in blind double annotation another
   * annotator's tag neither hides a place nor tells that it was tagged, each tags on their own.
   */
  private taggedSpans(article: SearchedArticle): TaggedSpans {
    const { key, isVisible } = this.workspace.visibility;
    if (article.spans?.visibility !== key) article.spans = { visibility: key, tagged: new TaggedSpans(article.text, article.tags.filter(isVisible)) };
    return article.spans.tagged;
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

/** Where an article's tags are (UTF-16), worked out when first asked, sorted so that a check reads only the tags near a place. */
class TaggedSpans {
  private spans?: { starts: Int32Array; ends: Int32Array; longest: number };

  constructor(
    private readonly text: string,
    private readonly tags: readonly Tag[],
  ) {}

  overlaps(start: number, end: number): boolean {
    const { starts, ends, longest } = this.sorted();
    // The tags starting before `end`, and no longer ago than the longest tag is long.
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (starts[mid]! < end) low = mid + 1;
      else high = mid;
    }
    for (let n = low - 1; n >= 0 && starts[n]! > start - longest; n--) if (ends[n]! > start) return true;
    return false;
  }

  private sorted(): { starts: Int32Array; ends: Int32Array; longest: number } {
    if (!this.spans) {
      const index = this.tags.length > 0 ? new CodePointIndex(this.text) : undefined;
      const spans = this.tags.map((tag) => ({ start: index!.toUtf16(tag.start), end: index!.toUtf16(tag.end) })).sort((a, b) => a.start - b.start);
      this.spans = { starts: Int32Array.from(spans, (span) => span.start), ends: Int32Array.from(spans, (span) => span.end), longest: spans.reduce((most, span) => Math.max(most, span.end - span.start), 0) };
    }
    return this.spans;
  }
}

/** The 0-based line of an occurrence and the line's text around it, white space collapsed, cut with "…". */
function lineAround(text: string, start: number, end: number): { line: number; excerpt: string } {
  let line = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < start; at = text.indexOf('\n', at + 1)) line++;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineFeed = text.indexOf('\n', end);
  const lineEnd = lineFeed < 0 ? text.length : lineFeed;
  let from = Math.max(lineStart, start - EXCERPT_REACH);
  let to = Math.min(lineEnd, end + EXCERPT_REACH);
  // Cut between words, never inside one.
  if (from > lineStart) from = Math.min(start, nextSpace(text, from, start) + 1);
  if (to < lineEnd) to = Math.max(end, text.lastIndexOf(' ', to));
  const excerpt = `${from > lineStart ? '…' : ''}${text.slice(from, to)}${to < lineEnd ? '…' : ''}`.replace(/\s+/g, ' ').trim();
  return { line, excerpt };
}

function nextSpace(text: string, from: number, limit: number): number {
  const at = text.indexOf(' ', from);
  return at < 0 || at >= limit ? limit - 1 : at;
}

function describeSkipped(skipped: TagAllInWorkspaceResult['skipped']): string {
  const reasons = new Map<string, number>();
  for (const { reason } of skipped) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  return [...reasons].map(([reason, count]) => (count > 1 ? `${count}: ${reason}` : reason)).join('; ');
}

function quickFix(title: string, command: string, args: object): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, command: { title, command, arguments: [args] } };
}

async function stampOf(path: string): Promise<string> {
  const stamps = await Promise.all([path, sidecarPathFor(path)].map((file) => stat(file).then(({ size, mtimeMs }) => `${size}:${mtimeMs}`, () => '-')));
  return stamps.join('|');
}

async function eachConcurrently<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function pathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A client with a picker names its own command for the preview (VS Code: a QuickPick of the
 * occurrences), which then runs `marginalia.tagAllInWorkspace` with the ones kept.
 */
export function tagAllPreviewCommandOf(initializationOptions: unknown): string | undefined {
  const command = (initializationOptions as { tagAllPreviewCommand?: unknown } | undefined)?.tagAllPreviewCommand;
  return typeof command === 'string' && command.startsWith('marginalia.') ? command : undefined;
}
