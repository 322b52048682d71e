import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ArticleSelector } from '../core/project/articleSelector';
import { articleStamps, findArticleFiles, findArticlesBelow, findSidecars, findSidecarsIn, StampedCache, walkCorpus } from './corpusFiles';

describe('the corpus on disk', () => {
  let root = '';
  const write = (relative: string, text = 'Kyiv.') => {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  };
  const names = (paths: readonly string[]) => paths.map((file) => path.relative(root, file).split(path.sep).join('/'));

  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'marginalia-corpus-files-'));
    for (const name of ['b.txt', 'b.annotations.json', 'a/c.TXT', 'a/c.annotations.json', 'lonely.annotations.json', 'marginalia.json', 'notes.md', '.git/d.txt', '.git/d.annotations.json', 'node_modules/e.txt', 'node_modules/e.annotations.json']) write(name);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('walks every file in name order, folders among files, skipping dot folders and node_modules', async () => {
    const walked: string[] = [];
    await walkCorpus(root, ({ path: file }) => void walked.push(file));
    assert.deepEqual(names(walked), ['a/c.TXT', 'a/c.annotations.json', 'b.annotations.json', 'b.txt', 'lonely.annotations.json', 'marginalia.json', 'notes.md']);
  });

  it('every listing (sidecars, articles, articles to annotate) sees the same files', async () => {
    const projectFiles: string[] = [];
    const sidecars = await findSidecars(root, projectFiles);
    assert.deepEqual(
      sidecars.map((found) => [names([found.path])[0], found.articlePath === undefined ? undefined : names([found.articlePath])[0]]),
      [
        ['a/c.annotations.json', 'a/c.TXT'],
        ['b.annotations.json', 'b.txt'],
        ['lonely.annotations.json', undefined],
      ],
    );
    assert.deepEqual(names(projectFiles), ['marginalia.json']);
    assert.deepEqual(names((await findArticleFiles([root], () => true, 10)).paths), ['a/c.TXT', 'b.txt']);
    assert.deepEqual(names((await findArticlesBelow([root], new ArticleSelector([], [], () => undefined))).map((article) => article.path)), ['a/c.TXT', 'b.txt']);
    assert.deepEqual(names((await findSidecarsIn([root, path.join(root, 'a')])).map((found) => found.path)), ['a/c.annotations.json', 'b.annotations.json', 'lonely.annotations.json'], 'each once');
  });

  it('a folder that cannot be listed fails a check, not a listing for display', async () => {
    const missing = path.join(root, 'gone');
    await assert.rejects(walkCorpus(missing, () => {}), /ENOENT/);
    assert.deepEqual(await findArticleFiles([missing], () => true, 10), { paths: [], omitted: 0 });
    await assert.rejects(findSidecars(missing), /gone: no such file or folder/);
  });

  it('stamps an article and its sidecar, and keeps what was made of them while the stamps hold', async () => {
    const article = path.join(root, 'b.txt');
    const cache = new StampedCache<string>();
    const first = await articleStamps(article);
    assert.ok(first.article && first.sidecar);
    assert.equal((await articleStamps(path.join(root, 'notes.md'))).sidecar, undefined);
    cache.set(article, JSON.stringify(first), 'read once');
    assert.equal(cache.get(article, JSON.stringify(await articleStamps(article))), 'read once');
    // Same size: the modification time alone must tell.
    utimesSync(write('b.annotations.json'), new Date(), new Date(Date.now() + 5000));
    assert.equal(cache.get(article, JSON.stringify(await articleStamps(article))), undefined);
    assert.equal(cache.last(article), 'read once');
    cache.retain((file) => file !== article);
    assert.equal(cache.has(article), false);
  });
});
