import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { emptyReviewCounts } from '../review/reviewState';
import { FolderTree } from './folderTree';

const tagged = (accepted: number) => ({ ...emptyReviewCounts(), accepted });

/** seeds/000 with 3 articles, seeds/001 with 2, one article at seeds/ itself, and a deep chain a/b/c holding one. */
function tree(): FolderTree<string> {
  const built = new FolderTree<string>();
  for (const name of ['seeds/001/a4.txt', 'seeds/000/a2.txt', 'seeds/top.txt', 'seeds/000/a0.txt', 'seeds/001/a3.txt', 'seeds/000/a1.txt', 'a/b/c/deep.txt']) built.add({ name, counts: tagged(name.length % 3), value: name });
  return built.seal();
}

describe('the corpus as folders, a page at a time', () => {
  it('answers a folder\'s children, subfolders first, with the counts of everything below each', () => {
    const page = tree().page('seeds', 0, 10);
    assert.equal(page.total, 3);
    assert.equal(page.articles, 6);
    assert.deepEqual(page.rows.map((row) => (row.kind === 'folder' ? `${row.row.label} (${row.row.articles})` : row.article.name)), ['000 (3)', '001 (2)', 'seeds/top.txt']);
    const [first] = page.rows;
    assert.equal(first!.kind === 'folder' && first.row.counts.accepted, ['a0', 'a1', 'a2'].reduce((sum, name) => sum + (`seeds/000/${name}.txt`.length % 3), 0));
  });

  it('pages through a folder by offset and limit, saying how many children there are', () => {
    const pages = [0, 2].map((offset) => tree().page('seeds/000', offset, 2));
    assert.deepEqual(pages.map((page) => page.rows.map((row) => row.kind === 'article' && row.article.value)), [['seeds/000/a0.txt', 'seeds/000/a1.txt'], ['seeds/000/a2.txt']]);
    assert.deepEqual(pages.map((page) => page.total), [3, 3]);
    assert.deepEqual(tree().page('seeds/000', 3, 2).rows, []);
  });

  it('passes through folders that hold only one folder, as a file explorer compacts them', () => {
    const top = tree().page('', 0, 10);
    assert.deepEqual(top.rows.map((row) => row.kind === 'folder' && [row.row.folder, row.row.label]), [['a/b/c', 'a/b/c'], ['seeds', 'seeds']]);
    assert.equal(top.articles, 7);
  });

  it('answers an empty page for a folder that is not there (any more)', () => {
    const page = tree().page('seeds/999', 0, 10);
    assert.equal(page.found, false);
    assert.equal(page.total, 0);
  });
});
