import { CodePointIndex } from '../base/offsets';
import type { Tag } from '../sidecar/schema';
import { markedOrphaned, placedAt, samePlacement } from '../sidecar/tags';
import { reanchorTags } from './reanchor';

export interface AnchorFix {
  /** Tags to write: moved to where their text now is (context refreshed, mark cleared), or marked orphaned. */
  put: Tag[];
  moved: number;
  orphaned: number;
}

/**
 * What a sidecar should say after its article changed on disk: each tag found again (at its place,
 * by quote and context, or by a bounded fuzzy match) where it stands now, and each tag that cannot
 * be found marked orphaned where it last stood, as the editor does when it opens the article.
 * `marginalia check --fix` writes it.
 */
export function anchorFix(articleText: string, tags: readonly Tag[]): AnchorFix {
  const index = new CodePointIndex(articleText);
  const put: Tag[] = [];
  let moved = 0;
  let orphaned = 0;
  reanchorTags(articleText, tags).forEach((result, i) => {
    const stored = tags[i]!;
    if (result.outcome === 'orphaned') {
      if (stored.anchor !== 'orphaned') {
        put.push(markedOrphaned(stored));
        orphaned++;
      }
      return;
    }
    const placed = placedAt(stored, articleText, result.tag.start, result.tag.end, index);
    if (samePlacement(placed, stored)) return;
    put.push(placed);
    if (placed.start !== stored.start || placed.end !== stored.end || placed.text !== stored.text || stored.anchor) moved++;
  });
  return { put, moved, orphaned };
}
