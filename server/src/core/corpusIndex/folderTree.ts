import { emptyReviewCounts, REVIEW_STATES, type ReviewCounts } from '../review/reviewState';

/**
 * The corpus as folders, for a view that pages through one folder's children at a time: each folder
 * knows its subfolders, its own articles (sorted by name) and the tag counts of everything below it,
 * so that a page of 200 rows costs 200 rows, whatever the corpus holds.
 */
export interface TreeArticle<T> {
  /** '/'-separated: the folders, then the file name. */
  name: string;
  counts: ReviewCounts;
  /** What the caller keeps of the article (its path, its problem), handed back in pages. */
  value: T;
}

interface FolderNode<T> {
  /** '/'-separated from the top ('' for the top itself). */
  name: string;
  folders: Map<string, FolderNode<T>>;
  articles: Array<TreeArticle<T>>;
  counts: ReviewCounts;
  /** Articles below it, at any depth. */
  articleCount: number;
}

export interface FolderRow {
  /** The folder to ask for next: '/'-separated from the top. */
  folder: string;
  /** How it is shown under its parent: its name, or several names joined by '/' when the folders between hold nothing else. */
  label: string;
  counts: ReviewCounts;
  articles: number;
}

export interface FolderPage<T> {
  folder: string;
  /** False when no such folder holds articles (any more): the page is empty. */
  found: boolean;
  counts: ReviewCounts;
  /** Articles below the folder, at any depth. */
  articles: number;
  /** Its children: subfolders first, then its own articles; the page is `offset` onwards. */
  total: number;
  offset: number;
  rows: Array<{ kind: 'folder'; row: FolderRow } | { kind: 'article'; article: TreeArticle<T> }>;
}

export class FolderTree<T> {
  private readonly top: FolderNode<T> = node('');

  /** Articles may come in any order; the tree sorts them once `seal` is called. */
  add(article: TreeArticle<T>): void {
    const parts = article.name.split('/');
    let folder = this.top;
    addCounts(folder, article.counts);
    for (const part of parts.slice(0, -1)) {
      let next = folder.folders.get(part);
      if (!next) folder.folders.set(part, (next = node(folder.name === '' ? part : `${folder.name}/${part}`)));
      folder = next;
      addCounts(folder, article.counts);
    }
    folder.articles.push(article);
  }

  /** Sorts every folder's articles by name (as the corpus listing is sorted by path). */
  seal(): this {
    const sortAll = (folder: FolderNode<T>) => {
      folder.articles.sort((a, b) => compare(a.name, b.name));
      for (const child of folder.folders.values()) sortAll(child);
    };
    sortAll(this.top);
    return this;
  }

  /** Children `offset` to `offset + limit` of `folder` ('' for the top): folders by name first, then articles by name. */
  page(folder: string, offset: number, limit: number): FolderPage<T> {
    const found = this.find(folder);
    if (!found) return { folder, found: false, counts: emptyReviewCounts(), articles: 0, total: 0, offset, rows: [] };
    const folders = [...found.folders.values()].sort((a, b) => compare(a.name, b.name));
    const total = folders.length + found.articles.length;
    const rows: FolderPage<T>['rows'] = [];
    for (let index = offset; index < Math.min(total, offset + limit); index++) {
      if (index < folders.length) rows.push({ kind: 'folder', row: rowOf(folders[index]!, found.name) });
      else rows.push({ kind: 'article', article: found.articles[index - folders.length]! });
    }
    return { folder: found.name, found: true, counts: found.counts, articles: found.articleCount, total, offset, rows };
  }

  private find(folder: string): FolderNode<T> | undefined {
    let found: FolderNode<T> | undefined = this.top;
    for (const part of folder === '' ? [] : folder.split('/')) found = found?.folders.get(part);
    return found;
  }
}

/** A folder as a row of its parent; folders holding only one folder are passed through ("seeds/000"), as a file explorer compacts them. */
function rowOf<T>(folder: FolderNode<T>, parent: string): FolderRow {
  let shown = folder;
  while (shown.articles.length === 0 && shown.folders.size === 1) shown = [...shown.folders.values()][0]!;
  return { folder: shown.name, label: parent === '' ? shown.name : shown.name.slice(parent.length + 1), counts: shown.counts, articles: shown.articleCount };
}

function node<T>(name: string): FolderNode<T> {
  return { name, folders: new Map(), articles: [], counts: emptyReviewCounts(), articleCount: 0 };
}

function addCounts<T>(folder: FolderNode<T>, counts: ReviewCounts): void {
  for (const state of REVIEW_STATES) folder.counts[state] += counts[state];
  folder.articleCount++;
}

/** By UTF-16 code units, as the corpus listing sorts paths (not by locale: stable on every machine). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
