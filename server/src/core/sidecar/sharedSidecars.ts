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
