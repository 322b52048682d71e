import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { folderSyncsDone, writeFileAtomically } from './atomicWrite';

async function withFolder(test: (folder: string) => Promise<void>): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), 'marginalia-atomic-'));
  try {
    await test(folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

describe('writing a file atomically', () => {
  it('replaces the file and leaves no temp file behind', () =>
    withFolder(async (folder) => {
      const path = join(folder, 'a.annotations.json');
      await writeFile(path, 'old');
      await writeFileAtomically(path, 'new ✓');
      assert.equal(await readFile(path, 'utf8'), 'new ✓');
      assert.deepEqual(await readdir(folder), ['a.annotations.json']);
    }));

  it('removes its temp file when the rename fails, leaving the target alone', () =>
    withFolder(async (folder) => {
      const path = join(folder, 'a.annotations.json');
      await mkdir(join(path, 'in-the-way'), { recursive: true });
      await assert.rejects(writeFileAtomically(path, 'new'));
      assert.deepEqual(await readdir(folder), ['a.annotations.json']);
      assert.deepEqual(await readdir(path), ['in-the-way']);
    }));
});

describe('syncing the folder after a rename', () => {
  it('syncs the folder once for writes renamed into it at the same time, and again for a write that comes later', () =>
    withFolder(async (folder) => {
      const before = folderSyncsDone();
      const paths = Array.from({ length: 20 }, (_, n) => join(folder, `a${n}.annotations.json`));
      await Promise.all(paths.map((path, n) => writeFileAtomically(path, `content ${n}`)));
      for (const [n, path] of paths.entries()) assert.equal(await readFile(path, 'utf8'), `content ${n}`);
      const together = folderSyncsDone() - before;
      assert.ok(together >= 1 && together < paths.length, `20 writes at once share the folder's syncs (${together} syncs)`);
      // A rename after those syncs began needs a sync of its own: each write resolves only once its rename is synced.
      await writeFileAtomically(paths[0]!, 'later');
      assert.equal(folderSyncsDone() - before, together + 1);
    }));
});

