import type { FileAccess } from '../base/fileAccess';
import { baseName, folderOf, joinPath } from '../base/filePaths';
import { SidecarError } from './errors';
import { sidecarPathFor } from './paths';
import { articlesSharingSidecars, sharedSidecarProblem } from './sharedSidecars';

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
export async function refuseSharedSidecar(files: FileAccess, articlePath: string): Promise<void> {
  const folder = folderOf(articlePath);
  const stamp = await files.stamp(folder);
  if (stamp === undefined) return;
  let known = listings.get(folder);
  if (known?.stamp !== stamp) {
    const names = await files.list(folder);
    if (names === undefined) return;
    known = { stamp, shared: articlesSharingSidecars(names) };
    listings.delete(folder);
    listings.set(folder, known);
    if (listings.size > REMEMBERED_FOLDERS) listings.delete(listings.keys().next().value!);
  }
  const group = known.shared.get(baseName(articlePath));
  if (group) throw new SidecarError(sidecarPathFor(articlePath), sharedSidecarProblem(group));
}

/**
 * Before writing the sidecar of `articlePath`, which names `recordedArticle` as its article: throws
 * a SidecarError when that is another article beside it (`a.TXT` writing the sidecar of `a.txt`),
 * not the same one renamed or under another case of its name on a case-insensitive file system.
 */
export async function refuseSidecarOfAnother(files: FileAccess, articlePath: string, recordedArticle: string): Promise<void> {
  const other = joinPath(folderOf(articlePath), recordedArticle);
  const [ours, theirs] = await Promise.all([files.identity(articlePath), files.identity(other)]);
  if (theirs === undefined || ours === theirs) return;
  throw new SidecarError(sidecarPathFor(articlePath), sharedSidecarProblem([baseName(articlePath), recordedArticle].sort()));
}
