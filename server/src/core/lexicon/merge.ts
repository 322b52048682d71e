import { entryKey, suppressionKey } from './lexicon';
import { LEXICON_VERSION, type LexiconEntry, type LexiconFile, type Suppression } from './schema';

/**
 * The three-way merge of a lexicon two branches changed, for git's merge driver. It never conflicts,
 * since every rule merges on its own:
 * - an entry's count is the base's plus what each branch added or took back (both branches tagging
 *   "Umerov" once more makes two more); at zero or below the entry is gone, as when its last tag went;
 *   its first teacher is the base's, else the earlier of the two;
 * - a suppression is kept when both branches keep it or one added it; a branch that lifted it (an
 *   accept after all, an undo, a forgotten rule) lifts it in the merge.
 */
export function mergeLexicons(base: LexiconFile, ours: LexiconFile, theirs: LexiconFile): LexiconFile {
  return { version: LEXICON_VERSION, entries: mergeEntries(base.entries, ours.entries, theirs.entries), suppressions: mergeSuppressions(base.suppressions, ours.suppressions, theirs.suppressions) };
}

function mergeEntries(base: readonly LexiconEntry[], ours: readonly LexiconEntry[], theirs: readonly LexiconEntry[]): LexiconEntry[] {
  const [inBase, inOurs, inTheirs] = [base, ours, theirs].map((entries) => new Map(entries.map((entry) => [entryKey(entry.text, entry.label), entry])));
  const merged: LexiconEntry[] = [];
  for (const key of new Set([...inBase!.keys(), ...inOurs!.keys(), ...inTheirs!.keys()])) {
    const [was, mine, yours] = [inBase!.get(key), inOurs!.get(key), inTheirs!.get(key)];
    const count = (mine?.count ?? 0) + (yours?.count ?? 0) - (was?.count ?? 0);
    if (count <= 0) continue;
    const firstTeacher = was ?? earlier(mine, yours)!;
    merged.push({ ...firstTeacher, count });
  }
  return merged;
}

function mergeSuppressions(base: readonly Suppression[], ours: readonly Suppression[], theirs: readonly Suppression[]): Suppression[] {
  const [inBase, inOurs, inTheirs] = [base, ours, theirs].map((suppressions) => new Map(suppressions.map((suppression) => [suppressionKey(suppression), suppression])));
  const merged: Suppression[] = [];
  for (const key of new Set([...inOurs!.keys(), ...inTheirs!.keys()])) {
    const [mine, yours] = [inOurs!.get(key), inTheirs!.get(key)];
    const kept = inBase!.has(key) ? mine !== undefined && yours !== undefined : true;
    if (kept) merged.push(inBase!.get(key) ?? earlier(mine, yours)!);
  }
  return merged;
}

/** The rule taught first (ISO timestamps sort as text), of the one or two there are. */
function earlier<T extends { at: string }>(a: T | undefined, b: T | undefined): T | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  return b.at < a.at ? b : a;
}
