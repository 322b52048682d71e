import { CorpusReportRequest, CorpusRequest, type CorpusArticle, type CorpusPage, type CorpusSummary } from '../api/protocol';
import { corpusNameOf } from '../node/corpusNames';
import { articleSelectorFor, symmetricTypesOf } from '../node/projectFiles';
import { corpusReport, type CorpusReport, type ReportDocument, type UnreadableFile } from '../core/report/corpusReport';
import { labelColorsFor } from '../core/report/labelColors';
import { addSummaries, misplacedTagIds, reviewSummaryOf, summarizeTags, type ReviewSummary } from '../core/review/corpusSummary';
import type { Tag } from '../core/sidecar';
import { ArticleSummaryCache } from '../node/articleSummaries';
import type { CorpusIndexThread } from '../node/corpusIndexThread';
import { loadSidecarCorpus } from '../node/sidecarCorpus';
import { pathOfUri, uriOfPath } from '../node/uris';
import type { Article } from './article';
import type { ArticleWorkspace } from './articleWorkspace';

export const BLIND_REPORT_REFUSAL = 'the report compares annotators, so blind mode (the "marginalia.blind" setting) hides it until double annotation is done; a reviewer, not in blind mode, can open it.';

/**
 * The workspace as a corpus: every article's tags counted by review state (from disk, or from the
 * editor for open articles), and the corpus report. The detector never runs here.
 */
export class Corpus {
  private readonly onDisk = new ArticleSummaryCache();
  /** The corpus index: every article of the workspace, with its tags counted, without walking the disk. */
  index: CorpusIndexThread | undefined;

  constructor(
    private readonly workspace: ArticleWorkspace,
    private readonly folders: () => readonly string[],
  ) {}

  /** Every article of the workspace folders, or only those of `uris`. */
  async summary(uris?: readonly string[]): Promise<CorpusSummary> {
    const selector = articleSelectorFor(this.folders(), this.workspace.settings.articles);
    const isArticle = (path: string) => selector.isArticle(path);
    let paths: string[];
    const open = new Map(this.workspace.all().map((article) => [article.path, article]));
    const { visibility } = this.workspace;
    let fromDisk: Map<string, { summary: ReviewSummary; problem?: string }>;
    if (uris) {
      // A few articles changed: their files are read now, not waiting for the index to catch up.
      paths = uris.map(pathOfUri).filter((path): path is string => path !== undefined && isArticle(path));
      fromDisk = new Map((await this.onDisk.summarize(paths.filter((path) => !open.has(path)), visibility)).map((found) => [found.path, found]));
    } else {
      if (!this.index) throw new Error('The corpus index is not running yet: the editor has not sent its settings');
      await this.index.built;
      const listed = await this.index.list(visibility.key.startsWith('blind:') ? { blindAs: visibility.key.slice('blind:'.length) } : {});
      // An open article not saved yet is listed too.
      const known = new Set(listed.map((article) => article.path));
      const unsaved = [...open.keys()].filter((path) => !known.has(path) && isArticle(path));
      paths = [...listed.map((article) => article.path), ...unsaved].sort();
      fromDisk = new Map(listed.map((article) => [article.path, article]));
    }
    const articles: CorpusArticle[] = paths.map((path) => {
      const article = open.get(path);
      const { summary, problem } = article ? liveSummary(article, visibility.isVisible) : fromDisk.get(path)!;
      return { uri: uriOfPath(path), name: this.nameOf(path), ...summary, ...(problem ? { problem } : {}) };
    });
    return { articles, omitted: 0, ...addSummaries(articles) };
  }

  /**
   * A page of one folder's children, from the corpus index (no disk walk, whatever the corpus holds);
   * open articles counted as the editor has them. Folders count their articles as saved.
   */
  async page({ folder, offset, limit }: PageParameters): Promise<CorpusPage> {
    if (!this.index) throw new Error('The corpus index is not running yet: the editor has not sent its settings');
    await this.index.built;
    const { visibility } = this.workspace;
    const page = await this.index.page(folder, offset, limit, visibility.key.startsWith('blind:') ? { blindAs: visibility.key.slice('blind:'.length) } : {});
    const open = new Map(this.workspace.all().map((article) => [article.path, article]));
    const children = page.rows.map((row): CorpusPage['children'][number] => {
      if (row.kind === 'folder') return { kind: 'folder', folder: row.row.folder, label: row.row.label, articles: row.row.articles, ...reviewSummaryOf(row.row.counts) };
      const { path, problem: onDisk } = row.article.value;
      const article = open.get(path);
      const { summary, problem } = article ? liveSummary(article, visibility.isVisible) : { summary: reviewSummaryOf(row.article.counts), problem: onDisk };
      return { kind: 'article', uri: uriOfPath(path), name: row.article.name, ...summary, ...(problem ? { problem } : {}) };
    });
    return { folder: page.folder, found: page.found, articles: page.articles, totalChildren: page.total, offset: page.offset, version: page.version, ...reviewSummaryOf(page.counts), children };
  }

  /** The report on the sidecars below each workspace folder, as `marginalia report FOLDER` makes it. */
  async report(annotators?: [string, string]): Promise<CorpusReport> {
    // The report shows every annotator's labels and how they agree: blind double annotation must not see it.
    if (!this.workspace.seesEveryone) throw new Error(BLIND_REPORT_REFUSAL);
    const documents: Array<ReportDocument & { path: string }> = [];
    const unreadable: UnreadableFile[] = [];
    for (const folder of this.folders()) {
      const loaded = await loadSidecarCorpus(folder);
      documents.push(...loaded.documents.map((document) => ({ ...document, name: this.nameOf(document.path) })));
      unreadable.push(...loaded.unreadable.map(({ file, problem }) => ({ file: this.nameOf(file), problem })));
    }
    const selector = articleSelectorFor(this.folders(), this.workspace.settings.articles);
    const colorOf = labelColorsFor(documents.map((document) => document.path), (path) => selector.projectOf(path), this.workspace.settings.labels);
    return corpusReport(documents, { annotators, colorOf, unreadable, symmetricTypes: symmetricTypesOf(documents.map((document) => document.path)) });
  }

  /** '/'-separated from its workspace folder, prefixed by the folder's name when there are several. */
  private nameOf(path: string): string {
    return corpusNameOf(this.folders(), path);
  }
}

/** An open article as the editor has it: unsaved edits may have orphaned tags the file still holds. */
function liveSummary(article: Article, isVisible: (tag: Tag) => boolean): { summary: ReviewSummary; problem?: string } {
  const tags = article.getTags().filter(isVisible);
  const misplaced = misplacedTagIds(article.document.getText(), tags);
  const orphaned = new Set(tags.filter((tag) => misplaced.has(tag.id) || article.isOrphaned(tag.id)).map((tag) => tag.id));
  return { summary: summarizeTags(tags, orphaned), problem: article.sidecarProblem };
}

/** The `uris` of a corpus request from any client: absent, or a list of strings; else a clear error. */
export function urisParameter(params: unknown): string[] | undefined {
  const uris = (params as { uris?: unknown } | null | undefined)?.uris;
  if (uris === undefined) return undefined;
  if (Array.isArray(uris) && uris.every((uri) => typeof uri === 'string')) return uris;
  throw new Error(`${CorpusRequest}: "uris" must be a list of file URIs, not ${JSON.stringify(uris)}`);
}

/** The `annotators` of a report request from any client: absent, or two different names; else a clear error. */
export function annotatorsParameter(params: unknown): [string, string] | undefined {
  const annotators = (params as { annotators?: unknown } | null | undefined)?.annotators;
  if (annotators === undefined) return undefined;
  if (Array.isArray(annotators) && annotators.length === 2 && annotators.every((name) => typeof name === 'string' && name !== '') && annotators[0] !== annotators[1]) return [annotators[0], annotators[1]];
  throw new Error(`${CorpusReportRequest}: "annotators" must be two different names, such as ["ann", "bob"], not ${JSON.stringify(annotators)}`);
}

export interface PageParameters {
  folder: string;
  offset: number;
  limit: number;
}

/** The page a corpus request from any client asks for (`folder`, `offset`, `limit`), if any; else a clear error. */
export function pageParameters(params: unknown): PageParameters | undefined {
  const { folder, offset = 0, limit = Number.MAX_SAFE_INTEGER, uris } = (params ?? {}) as { folder?: unknown; offset?: unknown; limit?: unknown; uris?: unknown };
  if (folder === undefined) {
    if (offset !== 0 || limit !== Number.MAX_SAFE_INTEGER) throw new Error(`${CorpusRequest}: "offset" and "limit" page through a folder: name it with "folder" ('' for the top)`);
    return undefined;
  }
  if (typeof folder !== 'string') throw new Error(`${CorpusRequest}: "folder" must be a '/'-separated folder name ('' for the top), not ${JSON.stringify(folder)}`);
  if (uris !== undefined) throw new Error(`${CorpusRequest}: ask either for "uris" or for a "folder", not both`);
  if (!Number.isSafeInteger(offset) || (offset as number) < 0) throw new Error(`${CorpusRequest}: "offset" must be a whole number from 0, not ${JSON.stringify(offset)}`);
  if (!Number.isSafeInteger(limit) || (limit as number) < 1) throw new Error(`${CorpusRequest}: "limit" must be a whole number from 1, not ${JSON.stringify(limit)}`);
  return { folder: folder.replace(/^\/+|\/+$/g, ''), offset: offset as number, limit: limit as number };
}
