/**
 * A newsroom's corpus (issue 19): 1,000, 10,000 and 100,000 generated articles under seeds/, an
 * article of it open. Measured for each size: how long until Ctrl+. at a name offers "Tag all N
 * occurrences … in the workspace" (the corpus index built, or before it the corpus read), the server's
 * RSS then, code actions at names (p95), and how long tokens and hover of the open article take while
 * the index is being built (they must never wait for it).
 *
 * The generated corpora are kept in the temp folder between runs (article n is the same on every run),
 * so that before/after comparisons read the same files. Each size is started twice: with no index cache
 * (deleted first: the cold build), then again with the cache the first start wrote.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { CorpusRequest } from '../../server/src/api/protocol';
import { startSession, type OpenArticle, type Session } from '../../test/support/lspClient';
import { ArticleGenerator } from './articleGenerator';
import { report } from './figures';
import { p95, round } from './statistics';

/** Names the generator puts in articles (REPLACEMENT_NAMES there): every article holds a few. */
const NAMES = ['Olena Kovalenko', 'Marek Nowak', 'Ingrid Solberg', 'Aiko Tanaka', 'Kwame Mensah', 'Priya Raman', 'Oksana Melnyk', 'Pieter de Vries'];
const ARTICLES_PER_FOLDER = 1000;
const CODE_ACTION_RUNS = 40;

export async function benchCorpusScale(short: boolean): Promise<void> {
  const sizes = (process.env.MARGINALIA_BENCH_CORPUS_SIZES ?? (short ? '300,1000' : '1000,10000,100000')).split(',').map(Number);
  for (const size of sizes) await benchSize(size, short);
}

async function benchSize(size: number, short: boolean): Promise<void> {
  const root = generatedCorpus(size);
  rmSync(path.join(root, '.marginalia'), { recursive: true, force: true });
  const started = performance.now();
  const session = await startSession({ annotator: 'bench' }, { root });
  try {
    const article = await session.open(articlePath(0), readFileSync(path.join(root, articlePath(0)), 'utf8'));
    const name = NAMES.find((candidate) => article.text.includes(candidate));
    if (!name) throw new Error(`article 0 holds none of ${NAMES.join(', ')}`);
    // Tokens and hover while the index is built: the open article must not wait for the corpus.
    const whileBuilding = await openArticleLatency(session, article, name);
    const ready = await firstTagAll(article, name);
    const buildSeconds = (performance.now() - started) / 1000;
    const cpuSeconds = cpuSecondsOf(session);
    const rss = rssMegabytes(session);
    const times: number[] = [];
    const names = NAMES.filter((candidate) => article.text.includes(candidate));
    for (let run = 0; run < (short ? 5 : CODE_ACTION_RUNS); run++) {
      const at = names[run % names.length]!;
      const start = performance.now();
      const actions = await article.actionsAt(at);
      times.push(performance.now() - start);
      if (!actions.some(isTagAll)) throw new Error(`no "Tag all" at "${at}"; offered: ${actions.map((action) => action.title).join(', ')}`);
    }
    const label = `${size.toLocaleString('en-US')} articles`;
    report(`code actions at a name, ${label}`, round(p95(times)), 'ms (p95)', size >= 100_000 ? { comparison: '<=', limit: 30 } : undefined, { median: round(times.sort((a, b) => a - b)[times.length >> 1]!), runs: times.length, title: ready.title });
    report(`corpus ready for tag all after start, ${label}`, round(buildSeconds), 's', size >= 100_000 ? { comparison: '<=', limit: 20 } : undefined, { serverCpuSeconds: round(cpuSeconds), load: loadAverage() });
    // On a machine others share, the wall time says how busy it was; the server's CPU time says what the build costs.
    report(`server CPU time until ready, ${label}`, round(cpuSeconds), 's', undefined);
    report(`server RSS with the corpus ready, ${label}`, rss, 'MB', size >= 100_000 ? { comparison: '<=', limit: 1024 } : undefined);
    report(`tokens + hover of the open article during the build, ${label}`, round(whileBuilding), 'ms', undefined);
    // The corpus view a page at a time: the first page groups the index into folders, the next ones read them.
    const lastFolder = path.posix.dirname(articlePath(size - 1));
    const pageAt = async (offset: number) => {
      const start = performance.now();
      await session.connection.sendRequest(CorpusRequest, { folder: lastFolder, offset, limit: 200 });
      return performance.now() - start;
    };
    const firstPage = await pageAt(0);
    const pages: number[] = [];
    for (let run = 0; run < (short ? 5 : 20); run++) pages.push(await pageAt((run * 200) % Math.max(1, size % ARTICLES_PER_FOLDER || ARTICLES_PER_FOLDER)));
    report(`corpus view, a page of 200 articles, ${label}`, round(p95(pages)), 'ms (p95)', undefined, { firstPageMs: round(firstPage), runs: pages.length });
  } finally {
    // The server writes the index's cache when it stops (if not already written after the build): the next start loads it.
    await session.close();
  }
  await benchFromCache(root, size);
}

/** A second start on the same corpus, unchanged: the index is loaded from the cache the first start wrote. */
async function benchFromCache(root: string, size: number): Promise<void> {
  const started = performance.now();
  const session = await startSession({ annotator: 'bench' }, { root });
  try {
    const article = await session.open(articlePath(0), readFileSync(path.join(root, articlePath(0)), 'utf8'));
    const name = NAMES.find((candidate) => article.text.includes(candidate))!;
    await firstTagAll(article, name);
    const seconds = (performance.now() - started) / 1000;
    const loaded = await session.logged((line) => line.startsWith('corpus index loaded from the cache'));
    const label = `${size.toLocaleString('en-US')} articles`;
    const cacheBytes = statSync(path.join(root, '.marginalia', 'cache', 'corpus-index.bin')).size;
    report(`corpus ready for tag all after start, from the index cache, ${label}`, round(seconds), 's', undefined, { serverCpuSeconds: round(cpuSecondsOf(session)), load: loadAverage(), log: loaded });
    report(`server CPU time until ready from the index cache, ${label}`, round(cpuSecondsOf(session)), 's', undefined);
    report(`index cache file, ${label}`, round(cacheBytes / 1024 / 1024), 'MB', undefined);
    report(`server RSS with the corpus ready from the index cache, ${label}`, rssMegabytes(session), 'MB', undefined);
  } finally {
    await session.close();
  }
}

function isTagAll(action: CodeAction): boolean {
  return action.title.includes('in the workspace');
}

/** The first code actions at `name` that offer tag all in the workspace (polled: the old server has no event for it). */
async function firstTagAll(article: OpenArticle, name: string): Promise<CodeAction> {
  for (;;) {
    const found = (await article.actionsAt(name)).find(isTagAll);
    if (found) return found;
    await new Promise((wake) => setTimeout(wake, 50));
  }
}

async function openArticleLatency(session: Session, article: OpenArticle, name: string): Promise<number> {
  const start = performance.now();
  await session.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: article.uri } });
  await session.connection.sendRequest('textDocument/hover', { textDocument: { uri: article.uri }, position: article.positionOf(name) });
  return performance.now() - start;
}

/** User and system CPU time of the server process (all its threads), from /proc. */
function cpuSecondsOf(session: Session): number {
  const fields = readFileSync(`/proc/${session.server.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command's closing parenthesis.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function loadAverage(): number {
  return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
}

function rssMegabytes(session: Session): number {
  const status = readFileSync(`/proc/${session.server.pid}/status`, 'utf8');
  const kilobytes = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
  return Math.round(kilobytes / 1024);
}

function articlePath(n: number): string {
  const folder = String(Math.floor(n / ARTICLES_PER_FOLDER)).padStart(3, '0');
  return `seeds/${folder}/${String(n).padStart(6, '0')}.txt`;
}

/** The corpus of `size` generated articles, written once into the temp folder and kept for the next runs. */
function generatedCorpus(size: number): string {
  const root = path.join(tmpdir(), `marginalia-bench-corpus-${size}`);
  const done = path.join(root, '.generated');
  if (existsSync(done)) return root;
  const generator = new ArticleGenerator();
  for (let n = 0; n < size; n++) {
    const file = path.join(root, articlePath(n));
    if (n % ARTICLES_PER_FOLDER === 0) mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, generator.article(n));
  }
  writeFileSync(done, `${size}\n`);
  return root;
}
