import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TagSchema } from '../sidecar/schema';
import { exampleTag } from '../../../../test/support/testSidecars';
import { describeHistoryEntry, describeSpan, reviewedTag } from './reviewLog';

const NOW = new Date('2026-11-22T10:05:30.000Z');

describe("a tag's review history", () => {
  it('records who changed what, when, and why, and keeps the tag valid', () => {
    const tag = exampleTag({ label: 'ORG' });
    const relabelled = reviewedTag(tag, { by: 'rev', action: 'relabelled', from: 'ORG', to: 'GPE', comment: '  a city, not the council  ' }, { label: 'GPE' }, NOW);
    assert.equal(relabelled.label, 'GPE');
    assert.equal(relabelled.modified, NOW.toISOString());
    assert.equal(relabelled.annotator, tag.annotator, 'the tag stays its annotator’s');
    assert.deepEqual(relabelled.history, [{ at: NOW.toISOString(), by: 'rev', action: 'relabelled', from: 'ORG', to: 'GPE', comment: 'a city, not the council' }]);
    assert.ok(TagSchema.safeParse(relabelled).success);
  });

  it('appends, oldest first, and leaves the original untouched', () => {
    const tag = exampleTag();
    const approved = reviewedTag(tag, { by: 'rev', action: 'approved' }, { status: 'approved' }, NOW);
    const commented = reviewedTag(approved, { by: 'ann', action: 'commented', comment: 'checked the source' }, {}, NOW);
    assert.deepEqual(commented.history?.map((entry) => entry.action), ['approved', 'commented']);
    assert.equal(tag.history, undefined);
  });

  it('drops an empty comment instead of storing one the schema refuses', () => {
    const tag = reviewedTag(exampleTag(), { by: 'rev', action: 'approved', comment: '   ' }, { status: 'approved' }, NOW);
    assert.deepEqual(Object.keys(tag.history![0]!), ['at', 'by', 'action']);
  });

  it('reads as a line a reviewer understands', () => {
    assert.equal(describeHistoryEntry({ at: NOW.toISOString(), by: 'rev', action: 'relabelled', from: 'ORG', to: 'GPE', comment: 'a city' }), '2026-11-22 10:05 UTC · rev changed the label ORG → GPE: “a city”');
    assert.equal(describeHistoryEntry({ at: NOW.toISOString(), by: 'rev', action: 'approved' }), '2026-11-22 10:05 UTC · rev approved');
    assert.equal(describeSpan({ text: 'Zelensky', start: 12, end: 20 }), '"Zelensky" 12–20');
  });
});
