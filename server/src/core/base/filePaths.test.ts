import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { baseName, folderOf, joinPath, pathInside } from './filePaths';

describe('file paths in the core', () => {
  it('agree with node:path on POSIX paths', () => {
    for (const p of ['/corpus/a.txt', '/a.txt', '/corpus/sub/', '/']) {
      assert.equal(baseName(p), path.posix.basename(p), p);
      assert.equal(folderOf(p), path.posix.dirname(p), p);
    }
    assert.equal(joinPath('/corpus', 'a.txt'), '/corpus/a.txt');
    assert.equal(joinPath('/', 'a.txt'), '/a.txt');
  });

  it('tell the path of a file inside a folder, and nothing for one outside', () => {
    assert.equal(pathInside('/corpus', '/corpus/news/a.txt'), 'news/a.txt');
    assert.equal(pathInside('/corpus/', '/corpus/a.txt'), 'a.txt');
    assert.equal(pathInside('/', '/a.txt'), 'a.txt');
    assert.equal(pathInside('/corpus', '/corpus'), undefined);
    assert.equal(pathInside('/corpus', '/corpus2/a.txt'), undefined);
    assert.equal(pathInside('/corpus', '/other/a.txt'), undefined);
    assert.equal(pathInside('/corpus', '/corpus/../etc/passwd'), undefined);
  });
});
