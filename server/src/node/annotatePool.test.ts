/** The worker pool from sources: threads load the worker entry through tsx, as the tests run. */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseSidecar } from '../core/sidecar';
import { annotateArticles, type PlannedArticle } from './annotatePool';

const TEXT = 'President Volodymyr Zelensky met NATO officials in Brussels on Monday.\n';
const NOW = new Date('2025-11-05T10:00:00.000Z');

function corpus(count: number): { folder: string; articles: PlannedArticle[] } {
  const folder = mkdtempSync(path.join(tmpdir(), 'marginalia-pool-'));
  const articles = Array.from({ length: count }, (_, n) => {
    const file = path.join(folder, `article-${String(n).padStart(3, '0')}.txt`);
    writeFileSync(file, TEXT);
    return { path: file, profile: 0 };
  });
  return { folder, articles };
}

const sidecars = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.annotations.json'));

describe('annotateArticles', () => {
  const folders: string[] = [];
  after(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

  it('annotates every article on worker threads, reporting each, outcomes in the articles’ order', async () => {
    const { folder, articles } = corpus(12);
    folders.push(folder);
    const reports: string[] = [];
    const outcome = await annotateArticles({ articles, profiles: [{}], annotator: 'marginalia', workers: 2, now: NOW }, { progress: { report: (done, total) => reports.push(`${done}/${total}`) } });
    assert.equal(outcome.cancelled, false);
    assert.deepEqual(
      outcome.results.map((result) => result.article),
      articles.map((article) => article.path),
    );
    assert.ok(outcome.results.every((result) => result.status === 'changed' && result.added === 4));
    assert.deepEqual(reports, Array.from({ length: 13 }, (_, done) => `${done}/12`));
    const tags = parseSidecar(readFileSync(articles[5].path.replace(/\.txt$/, '.annotations.json'), 'utf8'), 'x').annotations;
    assert.deepEqual(
      tags.map((tag) => [tag.text, tag.label, tag.status, tag.created]),
      [
        ['Volodymyr Zelensky', 'PERSON', 'proposed', NOW.toISOString()],
        ['NATO', 'ORG', 'proposed', NOW.toISOString()],
        ['Brussels', 'GPE', 'proposed', NOW.toISOString()],
        ['Monday', 'DATE', 'proposed', NOW.toISOString()],
      ],
    );
  });

  it('writes nothing in a dry run, and passes each profile’s labels and lexicon to the workers', async () => {
    const { folder, articles } = corpus(3);
    folders.push(folder);
    const lexicon = { version: 1 as const, entries: [{ text: 'officials', label: 'NORP', kind: 'entity' as const, count: 1, by: 'olena', article: 'a.txt', at: NOW.toISOString() }], suppressions: [] };
    const outcome = await annotateArticles({
      articles: [{ ...articles[0], profile: 1 }, articles[1], { ...articles[2], profile: 2 }],
      profiles: [{}, { labels: ['PERSON'] }, { lexicon }],
      annotator: 'marginalia',
      dryRun: true,
      workers: 2,
    });
    assert.deepEqual(
      outcome.results.map((result) => (result.status === 'skipped' ? result.reason : result.added)),
      [1, 4, 5],
    );
    assert.deepEqual(sidecars(folder), []);
  });

  it('once cancelled, starts no article and finishes those under way, each written whole', async () => {
    const { folder, articles } = corpus(200);
    folders.push(folder);
    let cancelled = false;
    const outcome = await annotateArticles(
      { articles, profiles: [{}], annotator: 'marginalia', workers: 2, now: NOW },
      { progress: { report: (done) => (cancelled ||= done >= 5) }, cancellation: { isCancelled: () => cancelled } },
    );
    assert.equal(outcome.cancelled, true);
    assert.ok(outcome.done >= 5 && outcome.done < 200, `done ${outcome.done}`);
    assert.equal(sidecars(folder).length, outcome.done, 'a sidecar for each article done, none for the others');
    for (const result of outcome.results) {
      assert.equal(result.status, 'changed');
      assert.equal(parseSidecar(readFileSync(result.article.replace(/\.txt$/, '.annotations.json'), 'utf8'), 'x').annotations.length, 4);
    }
  });

  it('reports an article it cannot read as skipped, and carries on', async () => {
    const { folder, articles } = corpus(2);
    folders.push(folder);
    const outcome = await annotateArticles({ articles: [{ path: path.join(folder, 'missing.txt'), profile: 0 }, ...articles], profiles: [{}], annotator: 'marginalia', workers: 1, now: NOW });
    assert.equal(outcome.results[0].status, 'skipped');
    assert.match((outcome.results[0] as { reason: string }).reason, /^cannot read the article \(ENOENT/);
    assert.deepEqual(
      outcome.results.slice(1).map((result) => result.status),
      ['changed', 'changed'],
    );
  });
});
