import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { SidecarError } from './errors';
import { sidecarPathFor } from './paths';

const ARTICLE_NAME = /\.txt$/i;

/**
 * Among the file names of one folder, the articles (.txt, in any case) whose sidecars would be one
 * file: the same name here (`a.txt` and `a.TXT` both map to `a.annotations.json`), or names that
 * differ only in case (`A.txt` and `a.txt`), one file on a case-insensitive file system (macOS,
 * Windows), where a clone of the corpus would mix their tags. Each such article maps to its group,
 * sorted; the others are absent.
 */
export function articlesSharingSidecars(names: Iterable<string>): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const name of names) {
    if (!ARTICLE_NAME.test(name)) continue;
    const key = sidecarPathFor(name).toLowerCase();
    const group = groups.get(key);
    if (group) group.push(name);
    else groups.set(key, [name]);
  }
  const shared = new Map<string, string[]>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    group.sort();
    for (const name of group) shared.set(name, group);
  }
  return shared;
}

/** Why the sidecar of the articles of `group` is neither read nor written, for people. */
export function sharedSidecarProblem(group: readonly string[]): string {
  const names = group.length === 2 ? `${group[0]} and ${group[1]}` : `${group.slice(0, -1).join(', ')} and ${group[group.length - 1]}`;
  return (
    `${names} would share one sidecar (file names that differ only in case share it on a case-insensitive file system, as on macOS and Windows), ` +
    'so their tags would mix: rename all but one of them; until then their tags are neither read nor saved'
  );
}

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
