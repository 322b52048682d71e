import { CorpusReportRequest, CorpusRequest, type CorpusArticle, type CorpusPage, type CorpusReportExported, type CorpusReportPage, type CorpusSummary } from '../api/protocol';
import { corpusNameOf } from '../node/corpusNames';
import { articleSelectorFor } from '../node/projectFiles';
import type { ArticleProgress } from '../core/report/corpusReport';
import { FirstRows } from '../core/report/firstRows';
import { walkReport, writeReport } from '../node/reportWalk';
import { tempPathFor } from '../node/atomicWrite';
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import { addSummaries, misplacedTagIds, reviewSummaryOf, summarizeTags, type ReviewSummary } from '../core/review/corpusSummary';
import type { Tag } from '../core/sidecar';
import { ArticleSummaryCache } from '../node/articleSummaries';
import type { CorpusIndexThread } from '../node/corpusIndexThread';
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

  /**
   * The report on the sidecars below each workspace folder, as `marginalia report FOLDER` makes it,
   * read one article at a time: the whole corpus's figures, and one page of its articles (most in
   * need of review first), so that the answer is the same size whatever the corpus holds.
   */
  async report({ annotators, offset, limit }: ReportParameters): Promise<CorpusReportPage> {
    // The report shows every annotator's labels and how they agree: blind double annotation must not see it.
    if (!this.workspace.seesEveryone) throw new Error(BLIND_REPORT_REFUSAL);
    const first = new FirstRows<ArticleProgress>(offset + limit, byNeedForReview);
    let compared = 0;
    const { result, unreadable } = await walkReport({ ...this.reportRoots(), annotators, onArticleProgress: (article) => first.add(article), onAgreementDocument: () => void compared++ });
    const agreement = result.agreement.measured ? { ...result.agreement, documents: [] } : result.agreement;
    return {
      ...result,
      progress: { overall: result.progress.overall, articles: first.result().slice(offset) },
      agreement,
      unreadable: unreadable.map(({ file, problem }) => ({ file: this.nameOf(file), problem })),
      page: { offset, limit, articles: first.seen, compared },
    };
  }

  /** The whole report written to `path` as `marginalia report --format FORMAT` prints it, a chunk at a time (never held). */
  async exportReport(annotators: [string, string] | undefined, format: 'json' | 'csv', path: string): Promise<CorpusReportExported> {
    if (!this.workspace.seesEveryone) throw new Error(BLIND_REPORT_REFUSAL);
    const temp = tempPathFor(path);
    const fd = openSync(temp, 'w');
    try {
      await writeReport({ ...this.reportRoots(), annotators }, format, (chunk) => void writeSync(fd, chunk));
      closeSync(fd);
      renameSync(temp, path);
    } catch (error) {
      closeSync(fd);
      rmSync(temp, { force: true });
      throw error;
    }
    return { written: path };
  }

  private reportRoots(): { roots: Array<{ path: string; prefix: string }>; labels: ArticleWorkspace['settings']['labels'] } {
    const folders = this.folders();
    return { roots: folders.map((folder) => ({ path: folder, prefix: folders.length > 1 ? `${basename(folder)}/` : '' })), labels: this.workspace.settings.labels };
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

export interface ReportParameters {
  annotators: [string, string] | undefined;
  offset: number;
  limit: number;
}

/** The report's page of articles: the most tags awaiting review first, then by name. */
function byNeedForReview(a: ArticleProgress, b: ArticleProgress): number {
  return b.total - b.reviewed - (a.total - a.reviewed) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/** Rows of the editor's report page unless the client asks for another number. */
export const REPORT_PAGE = 200;

/** The parameters of a report request from any client: two different annotators, a page; else a clear error. */
export function reportParameters(params: unknown): ReportParameters {
  const { offset = 0, limit = REPORT_PAGE } = (params ?? {}) as { offset?: unknown; limit?: unknown };
  if (!Number.isSafeInteger(offset) || (offset as number) < 0) throw new Error(`${CorpusReportRequest}: "offset" must be a whole number from 0, not ${JSON.stringify(offset)}`);
  if (!Number.isSafeInteger(limit) || (limit as number) < 1) throw new Error(`${CorpusReportRequest}: "limit" must be a whole number from 1, not ${JSON.stringify(limit)}`);
  return { annotators: annotatorsParameter(params), offset: offset as number, limit: limit as number };
}

/** Where and how a report request asks the report to be written, if it does; else a clear error. */
export function exportParameter(params: unknown): { path: string; format: 'json' | 'csv' } | undefined {
  const exportTo = (params as { exportTo?: unknown } | null | undefined)?.exportTo as { uri?: unknown; format?: unknown } | undefined;
  if (exportTo === undefined) return undefined;
  const path = typeof exportTo?.uri === 'string' ? pathOfUri(exportTo.uri) : undefined;
  if (path === undefined || (exportTo.format !== 'json' && exportTo.format !== 'csv')) throw new Error(`${CorpusReportRequest}: "exportTo" must be { "uri": a file: URI, "format": "json" or "csv" }, not ${JSON.stringify(exportTo)}`);
  return { path, format: exportTo.format };
}

/** The `annotators` of a report request from any client: absent, or two different names; else a clear error. */
function annotatorsParameter(params: unknown): [string, string] | undefined {
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
