import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces `path` with `content` (text as UTF-8) so that a crash or a concurrent reader sees the old
 * file or the new one, never half of one: write a temp file in the same folder (rename is only atomic within a
 * file system), fsync it, rename it over the target, then fsync the folder so the rename persists.
 */
export async function writeFileAtomically(path: string, content: string | Uint8Array): Promise<void> {
  const folder = dirname(path);
  // Hidden and ending in .tmp, so that watchers and globs for sidecars ignore it.
  const tempPath = join(folder, `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const file = await open(tempPath, 'wx');
    try {
      await file.writeFile(content);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(tempPath, path);
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
  await syncFolder(folder);
}

async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some platforms (Windows) cannot open or fsync a folder; the rename has happened regardless.
  }
}
