import { anchorFix } from '../core/anchoring/anchorMarks';
import { readArticleFile } from './regularFile';
import { SidecarStore } from './sidecarStore';
import type { FoundSidecar } from './corpusFiles';

export interface FixReport {
  sidecar: string;
  moved: number;
  orphaned: number;
}

/**
 * `marginalia check --fix`: re-anchors the tags of each sidecar whose article is beside it, through
 * the store (locked, validated, atomic), so that moved tags stand where their text now is and lost
 * ones are marked orphaned in the file. A sidecar that cannot be read is left alone (check reports it).
 */
export async function fixSidecars(found: readonly FoundSidecar[], err: (line: string) => void): Promise<FixReport[]> {
  const store = new SidecarStore();
  const reports: FixReport[] = [];
  for (const { path, articlePath } of found) {
    if (articlePath === undefined) continue;
    try {
      // As every reader has it: without a byte order mark (offsets count the text without it), and only a regular file.
      const articleText = await readArticleFile(articlePath);
      let fix = { moved: 0, orphaned: 0 };
      await store.updateTags(articlePath, (current) => {
        const result = anchorFix(articleText, [...current.values()]);
        fix = result;
        return { put: result.put, remove: [] };
      });
      if (fix.moved + fix.orphaned > 0) reports.push({ sidecar: path, ...fix });
    } catch (error) {
      err(`marginalia check --fix: ${path} left as it is: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return reports;
}
