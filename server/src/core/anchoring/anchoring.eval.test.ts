import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { buildEditedCorpus } from '../../../../test/support/editedCorpus';
import { correctShare, evaluateReanchoring, formatEvaluation } from '../../../../test/support/evaluation';

const SEEDS = path.join(__dirname, '..', '..', '..', '..', 'seeds');

describe('re-anchoring the edited corpus', () => {
  const seeds = readdirSync(SEEDS)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ name: name.replace(/\.txt$/, ''), text: readFileSync(path.join(SEEDS, name), 'utf8') }));
  const rows = evaluateReanchoring(buildEditedCorpus(seeds));
  const row = (editType: string) => rows.find((candidate) => candidate.editType === editType)!;
  console.log(`\n${formatEvaluation(rows)}\n`);

  it('handles at least 94% of all tags right: re-attached where their text went, or orphaned with it', () => {
    assert.ok(correctShare(row('all')) >= 0.94, formatEvaluation(rows));
  });

  it('re-attaches at least 98% of tags after insertions, paragraph moves and quote-style changes', () => {
    for (const editType of ['insertion', 'paragraph-move', 'quote-style']) assert.ok(correctShare(row(editType)) >= 0.98, editType);
  });

  it('orphans every tag whose paragraph was deleted, but for text duplicated word for word elsewhere', () => {
    const deletions = row('paragraph-deletion');
    // The one exception in the seeds: a headline repeated in the breadcrumb above it. Deleting either
    // copy leaves the same text, so nothing can tell the two apart.
    assert.ok(deletions.wronglyAttached <= 1, `${deletions.wronglyAttached} wrong attachments`);
  });

  it('hardly ever attaches a tag to the wrong words', () => {
    assert.ok(row('all').wronglyAttached <= 0.001 * row('all').tags, `${row('all').wronglyAttached} wrong attachments`);
  });
});
