import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exampleSidecar, exampleTag } from '../../../test/support/testSidecars';
import { serializeSidecar } from '../core/sidecar/serialize';
import type { Tag } from '../core/sidecar/schema';
import { ArticleSummaryCache } from './articleSummaries';
import { findArticleFiles } from './corpusFiles';

const TEXT = 'Kyiv and Odesa 😀 and Lviv.';
/** A tag on the first `words` of TEXT; offsets in code points, as sidecars count them (the emoji takes two UTF-16 units). */
const on = (id: string, words: string, status: Tag['status']): Tag => {
  const start = [...TEXT.slice(0, TEXT.indexOf(words))].length;
  return exampleTag({ id, start, end: start + [...words].length, text: words, status, ...(status === 'conflict' ? { conflict: { ours: 'deleted' as const, theirs: { ...exampleTag(), status: 'accepted' as const } } } : {}) });
};

describe('review summaries read from disk', () => {
  let root = '';
  const write = (relative: string, text: string) => {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  };

  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'marginalia-summary-'));
    write('corpus/a.txt', TEXT);
    write('corpus/a.annotations.json', serializeSidecar(exampleSidecar([on('a', 'Kyiv', 'approved'), on('b', 'Odesa', 'accepted')])));
    write('corpus/b.txt', TEXT);
    write('corpus/sub/c.TXT', TEXT);
    write('corpus/broken.txt', TEXT);
    write('corpus/broken.annotations.json', '{ "version": 3,');
    write('corpus/notes.md', 'not an article');
    write('corpus/.git/d.txt', TEXT);
    write('corpus/node_modules/e.txt', TEXT);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('finds the articles below the folders, sorted, skipping dot folders and node_modules, up to a limit', async () => {
    const all = await findArticleFiles([root], () => true, 100);
    assert.deepEqual(all.paths.map((file) => path.relative(root, file)), ['corpus/a.txt', 'corpus/b.txt', 'corpus/broken.txt', 'corpus/sub/c.TXT']);
    const capped = await findArticleFiles([root], (file) => !file.endsWith('b.txt'), 2);
    assert.deepEqual([capped.paths.map((file) => path.basename(file)), capped.omitted], [['a.txt', 'broken.txt'], 1]);
  });

  it('counts each article from its sidecar, none without one, and names a broken sidecar', async () => {
    const cache = new ArticleSummaryCache();
    const [a, b, broken] = await cache.summarize(['a', 'b', 'broken'].map((name) => path.join(root, 'corpus', `${name}.txt`)));
    assert.deepEqual([a.summary.counts.approved, a.summary.counts.accepted, a.problem], [1, 1, undefined]);
    assert.equal(b.summary.total, 0);
    assert.equal(broken.summary.total, 0);
    assert.match(broken.problem ?? '', /broken\.annotations\.json/);
  });

  it('reads a sidecar again only once it changed', async () => {
    const cache = new ArticleSummaryCache();
    const article = path.join(root, 'corpus', 'a.txt');
    const first = (await cache.summarize([article]))[0];
    assert.equal((await cache.summarize([article]))[0], first, 'the same summary, not read again');
    const sidecar = write('corpus/a.annotations.json', serializeSidecar(exampleSidecar([on('a', 'Kyiv', 'approved'), on('b', 'Odesa', 'approved')])));
    // Same size as before: the modification time alone must tell.
    utimesSync(sidecar, new Date(), new Date(Date.now() + 5000));
    const second = (await cache.summarize([article]))[0];
    assert.equal(second.summary.counts.approved, 2);
  });
});
