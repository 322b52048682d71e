import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHook } from 'node:async_hooks';
import { folderSyncsDone, writeFileAtomically, writeFileAtomicallyBlocking } from './atomicWrite';

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


describe('writing a file atomically from a worker thread (blocking calls, syncs off the thread)', () => {
  it('replaces the file without a promise-based file call, synced, and leaves no temp file behind', () =>
    withFolder(async (folder) => {
      const path = join(folder, 'a.annotations.json');
      await writeFile(path, 'old');
      const types: string[] = [];
      const hook = createHook({ init: (_id, type) => void types.push(type) }).enable();
      try {
        await writeFileAtomicallyBlocking(path, [new TextEncoder().encode('new '), new TextEncoder().encode('✓')]);
      } finally {
        hook.disable();
      }
      assert.equal(await readFile(path, 'utf8'), 'new ✓');
      assert.deepEqual(await readdir(folder), ['a.annotations.json']);
      assert.equal(types.filter((type) => type === 'FILEHANDLE' || type === 'FSREQPROMISE').length, 0, `no FileHandle nor file promise (${types.join(', ')})`);
      // The file's sync and the folder's, each on the thread pool while the thread works on. At least two: the hook
      // sees the whole process, and under load the test runner's own callbacks land in the window too (CI saw 5).
      assert.ok(types.filter((type) => type === 'FSREQCALLBACK').length >= 2, types.join(', '));
    }));

  it('removes its temp file when the rename fails, or when the commit is refused, leaving the target alone', () =>
    withFolder(async (folder) => {
      const path = join(folder, 'a.annotations.json');
      await mkdir(join(path, 'in-the-way'), { recursive: true });
      await assert.rejects(writeFileAtomicallyBlocking(path, 'new'));
      assert.deepEqual(await readdir(folder), ['a.annotations.json']);
      assert.deepEqual(await readdir(path), ['in-the-way']);
      const other = join(folder, 'b.annotations.json');
      await writeFile(other, 'old');
      await assert.rejects(writeFileAtomicallyBlocking(other, 'new', { beforeCommit: async () => Promise.reject(new Error('lock lost')) }), /lock lost/);
      assert.equal(await readFile(other, 'utf8'), 'old');
      assert.deepEqual((await readdir(folder)).sort(), ['a.annotations.json', 'b.annotations.json']);
    }));

  it("shares the folder's syncs between the writes renamed into it at the same time", () =>
    withFolder(async (folder) => {
      const before = folderSyncsDone();
      const paths = Array.from({ length: 20 }, (_, n) => join(folder, `a${n}.annotations.json`));
      await Promise.all(paths.map((path, n) => writeFileAtomicallyBlocking(path, `content ${n}`)));
      for (const [n, path] of paths.entries()) assert.equal(await readFile(path, 'utf8'), `content ${n}`);
      const together = folderSyncsDone() - before;
      assert.ok(together >= 1 && together < paths.length, `20 writes at once share the folder's syncs (${together} syncs)`);
      await writeFileAtomicallyBlocking(paths[0]!, 'later');
      assert.equal(folderSyncsDone() - before, together + 1);
    }));
});
