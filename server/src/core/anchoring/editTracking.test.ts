import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newTag } from '../sidecar/tags';
import { shiftTags } from './editTracking';

const TEXT = 'Officials in Kyiv said drones hit Odesa overnight.';
const kyiv = newTag({ text: TEXT, start: 13, end: 17, label: 'GPE', source: 'manual', annotator: 'test', now: new Date(0) });

function shiftKyiv(...changes: { start: number; end: number; newLength: number }[]) {
  const [shifted] = shiftTags([kyiv], changes);
  return { start: shifted.tag.start, end: shifted.tag.end, orphaned: shifted.orphaned };
}

describe('moving tags with editor changes', () => {
  it('leaves a tag alone when the change is after it', () => {
    assert.deepEqual(shiftKyiv({ start: 30, end: 35, newLength: 2 }), { start: 13, end: 17, orphaned: false });
  });

  it('shifts a tag by the change before it', () => {
    assert.deepEqual(shiftKyiv({ start: 0, end: 9, newLength: 3 }), { start: 7, end: 11, orphaned: false });
  });

  it('does not extend a tag with text typed right before or right after it', () => {
    assert.deepEqual(shiftKyiv({ start: 13, end: 13, newLength: 4 }), { start: 17, end: 21, orphaned: false });
    assert.deepEqual(shiftKyiv({ start: 17, end: 17, newLength: 4 }), { start: 13, end: 17, orphaned: false });
  });

  it('shifts a tag when the deletion before it ends where it starts', () => {
    assert.deepEqual(shiftKyiv({ start: 10, end: 13, newLength: 0 }), { start: 10, end: 14, orphaned: false });
  });

  it('orphans a tag whose text was deleted, replaced or typed into', () => {
    assert.equal(shiftKyiv({ start: 12, end: 18, newLength: 0 }).orphaned, true);
    assert.equal(shiftKyiv({ start: 13, end: 17, newLength: 5 }).orphaned, true);
    assert.equal(shiftKyiv({ start: 15, end: 15, newLength: 1 }).orphaned, true);
    assert.equal(shiftKyiv({ start: 16, end: 20, newLength: 0 }).orphaned, true);
  });

  it('returns an orphaned tag as it was before the changes', () => {
    const [shifted] = shiftTags([kyiv], [{ start: 0, end: 0, newLength: 5 }, { start: 19, end: 20, newLength: 0 }]);
    assert.equal(shifted.tag, kyiv);
  });

  it('applies changes in order, each in the offsets left by the one before', () => {
    // Insert 5 at the start (Kyiv now 18..22), then delete 3 right before it (15..18).
    assert.deepEqual(shiftKyiv({ start: 0, end: 0, newLength: 5 }, { start: 15, end: 18, newLength: 0 }), { start: 15, end: 19, orphaned: false });
  });

  it('ignores a change that replaces nothing with nothing', () => {
    assert.deepEqual(shiftKyiv({ start: 15, end: 15, newLength: 0 }), { start: 13, end: 17, orphaned: false });
  });
});
