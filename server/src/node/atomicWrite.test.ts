import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomically } from './atomicWrite';

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
