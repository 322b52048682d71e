import { EDIT_TYPES, type EditType, type EditedCase } from './editedCorpus';
import { reanchorTags } from '../../server/src/core/anchoring/reanchor';

export interface EvaluationRow {
  editType: EditType | 'all';
  tags: number;
  /** Found again exactly where its text now is. */
  reattached: number;
  /** Placed where its text is not: the worst outcome, as the annotation silently moves to other words. */
  wronglyAttached: number;
  /** Orphaned although its text is still there: the annotator re-attaches it by hand. */
  orphanedRecoverable: number;
  /** Orphaned because its text was deleted. */
  correctlyOrphaned: number;
}

/** Re-anchors every case of the edited corpus and compares each tag with where its text truly went. */
export function evaluateReanchoring(cases: readonly EditedCase[]): EvaluationRow[] {
  const rows = new Map<EditType | 'all', EvaluationRow>();
  const rowFor = (editType: EditType | 'all') => {
    let row = rows.get(editType);
    if (!row) rows.set(editType, (row = { editType, tags: 0, reattached: 0, wronglyAttached: 0, orphanedRecoverable: 0, correctlyOrphaned: 0 }));
    return row;
  };
  for (const editType of [...EDIT_TYPES, 'all' as const]) rowFor(editType);

  for (const editedCase of cases) {
    reanchorTags(editedCase.edited, editedCase.tags).forEach((result, index) => {
      const truth = editedCase.truth[index];
      const orphaned = result.outcome === 'orphaned';
      const verdict: Exclude<keyof EvaluationRow, 'editType' | 'tags'> = orphaned
        ? truth
          ? 'orphanedRecoverable'
          : 'correctlyOrphaned'
        : truth && truth.start === result.tag.start && truth.end === result.tag.end
          ? 'reattached'
          : 'wronglyAttached';
      for (const row of [rowFor(editedCase.editType), rowFor('all')]) {
        row.tags++;
        row[verdict]++;
      }
    });
  }
  return [...rows.values()];
}

/** Share of tags handled right: re-attached where their text went, or orphaned because it was deleted. */
export function correctShare(row: EvaluationRow): number {
  return row.tags === 0 ? 1 : (row.reattached + row.correctlyOrphaned) / row.tags;
}

/** The rows as a plain-text table, for the test log and the report. */
export function formatEvaluation(rows: readonly EvaluationRow[]): string {
  const header = ['edit type', 'tags', 're-attached', 'wrong', 'orphaned (recoverable)', 'orphaned (deleted)', 'correct'];
  const lines = rows.map((row) => [
    row.editType,
    String(row.tags),
    String(row.reattached),
    String(row.wronglyAttached),
    String(row.orphanedRecoverable),
    String(row.correctlyOrphaned),
    `${(100 * correctShare(row)).toFixed(1)}%`,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  return [header, ...lines].map((line) => line.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ')).join('\n');
}
