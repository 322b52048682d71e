import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { SidecarError } from '../core/sidecar/errors';
import { sidecarPathFor } from '../core/sidecar/paths';
import { articlesSharingSidecars, sharedSidecarProblem } from '../core/sidecar/sharedSidecars';

/** Folders' listings, remembered while the folder is unchanged (its modification time): reading many sidecars of a folder lists it once. */
const listings = new Map<string, { stamp: string; shared: Map<string, string[]> }>();
const REMEMBERED_FOLDERS = 256;

/**
 * Throws a SidecarError naming the sidecar and every article that would share it when the article
 * at `articlePath` has such a neighbour (see articlesSharingSidecars). A folder that cannot be
 * listed is left to the read or write that follows, which reports it. Run on every read of a sidecar
 * and before pre-annotation; writes follow a read (the editor opens the article first) or use
 * refuseSidecarOfAnother.
 */
export async function refuseSharedSidecar(articlePath: string): Promise<void> {
  const folder = resolve(dirname(articlePath));
  let stamp: string;
  try {
    const { mtimeMs, ctimeMs, ino } = await stat(folder);
    stamp = `${mtimeMs}:${ctimeMs}:${ino}`;
  } catch {
    return;
  }
  let known = listings.get(folder);
  if (known?.stamp !== stamp) {
    let names: string[];
    try {
      names = await readdir(folder);
    } catch {
      return;
    }
    known = { stamp, shared: articlesSharingSidecars(names) };
    listings.delete(folder);
    listings.set(folder, known);
    if (listings.size > REMEMBERED_FOLDERS) listings.delete(listings.keys().next().value!);
  }
  const group = known.shared.get(basename(articlePath));
  if (group) throw new SidecarError(sidecarPathFor(articlePath), sharedSidecarProblem(group));
}

/**
 * Before writing the sidecar of `articlePath`, which names `recordedArticle` as its article: throws
 * a SidecarError when that is another article beside it (`a.TXT` writing the sidecar of `a.txt`),
 * not the same one renamed or under another case of its name on a case-insensitive file system.
 */
export async function refuseSidecarOfAnother(articlePath: string, recordedArticle: string): Promise<void> {
  const other = join(dirname(articlePath), recordedArticle);
  const [ours, theirs] = await Promise.all([stat(articlePath).catch(() => undefined), stat(other).catch(() => undefined)]);
  if (!theirs?.isFile() || (ours && ours.dev === theirs.dev && ours.ino === theirs.ino)) return;
  throw new SidecarError(sidecarPathFor(articlePath), sharedSidecarProblem([basename(articlePath), recordedArticle].sort()));
}
