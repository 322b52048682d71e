import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { mergeSidecars, UnresolvedConflictError } from './merge';
import { SidecarSchema, type Tag } from './schema';
import { serializeSidecar } from './serialize';
import { sidecarArbitrary } from '../../../../test/support/sidecarArbitraries';
import { exampleSidecar, exampleTag } from '../../../../test/support/testSidecars';

const later = '2024-06-01T09:00:00.000Z';
const kyiv = exampleTag({ id: 't-kyiv' });
const zelensky = exampleTag({ id: 't-zel', start: 20, end: 28, text: 'Zelensky', label: 'PERSON' });
const base = exampleSidecar([kyiv, zelensky]);
const edited = (tag: Tag, changes: Partial<Tag>, annotator = 'mykola'): Tag => ({ ...tag, ...changes, annotator, modified: later });
const ids = (tags: readonly Tag[]) => tags.map((tag) => tag.id).sort();

describe('merging two branches of a sidecar', () => {
  it('keeps the tags added on either side', () => {
    const ours = exampleSidecar([kyiv, zelensky, exampleTag({ id: 't-ours', start: 40, end: 44 })]);
    const theirs = exampleSidecar([kyiv, zelensky, exampleTag({ id: 't-theirs', start: 50, end: 54 })]);
    const { sidecar, conflicts } = mergeSidecars(base, ours, theirs);
    assert.deepEqual(ids(sidecar.annotations), ['t-kyiv', 't-ours', 't-theirs', 't-zel']);
    assert.equal(conflicts, 0);
  });

  it('takes a change made on one side only', () => {
    const relabelled = edited(zelensky, { label: 'ORG' });
    const { sidecar, conflicts } = mergeSidecars(base, exampleSidecar([kyiv, zelensky]), exampleSidecar([kyiv, relabelled]));
    assert.deepEqual(sidecar.annotations.find((tag) => tag.id === 't-zel'), relabelled);
    assert.equal(conflicts, 0);
  });

  it('deletes a tag deleted on one side and unchanged on the other', () => {
    const { sidecar, conflicts } = mergeSidecars(base, exampleSidecar([kyiv]), base);
    assert.deepEqual(ids(sidecar.annotations), ['t-kyiv']);
    assert.equal(conflicts, 0);
  });

  it('puts a tag both sides changed differently in conflict state, with ours on top and every version kept', () => {
    const ours = edited(zelensky, { label: 'ORG' }, 'olena');
    const theirs = edited(zelensky, { status: 'rejected' }, 'mykola');
    const { sidecar, conflicts } = mergeSidecars(base, exampleSidecar([kyiv, ours]), exampleSidecar([kyiv, theirs]));
    const tag = sidecar.annotations.find((t) => t.id === 't-zel')!;
    assert.equal(conflicts, 1);
    assert.equal(tag.status, 'conflict');
    assert.equal(tag.label, 'ORG');
    const { id: _id, ...zelenskyVersion } = zelensky;
    assert.deepEqual(tag.conflict, {
      base: zelenskyVersion,
      ours: { ...zelenskyVersion, label: 'ORG', annotator: 'olena', modified: later },
      theirs: { ...zelenskyVersion, status: 'rejected', annotator: 'mykola', modified: later },
    });
    assert.equal(SidecarSchema.safeParse(sidecar).success, true);
  });

  it('puts a tag deleted on one side and changed on the other in conflict state, showing the surviving version', () => {
    const moved = edited(zelensky, { start: 21, end: 29 });
    const { sidecar, conflicts } = mergeSidecars(base, exampleSidecar([kyiv]), exampleSidecar([kyiv, moved]));
    const tag = sidecar.annotations.find((t) => t.id === 't-zel')!;
    const { id: _id, ...movedVersion } = moved;
    assert.equal(conflicts, 1);
    assert.deepEqual({ status: tag.status, start: tag.start }, { status: 'conflict', start: 21 });
    assert.deepEqual({ ours: tag.conflict?.ours, theirs: tag.conflict?.theirs }, { ours: 'deleted', theirs: movedVersion });
    assert.equal(SidecarSchema.safeParse(sidecar).success, true);
  });

  it('puts a tag both sides added under one id but differently in conflict state without a base', () => {
    const added = exampleTag({ id: 't-new', start: 40, end: 44 });
    const { sidecar, conflicts } = mergeSidecars(exampleSidecar([]), exampleSidecar([added]), exampleSidecar([{ ...added, label: 'LOC' }]));
    assert.equal(conflicts, 1);
    assert.equal(sidecar.annotations[0].conflict && 'base' in sidecar.annotations[0].conflict, false);
  });

  it('does not call the same decision taken on both sides a conflict, and keeps the later signature', () => {
    const proposed = exampleSidecar([{ ...zelensky, status: 'proposed' }]);
    const acceptedByOlena = edited(zelensky, { status: 'accepted' }, 'olena');
    const acceptedByMykola = { ...acceptedByOlena, annotator: 'mykola', modified: '2024-06-02T09:00:00.000Z' };
    const { sidecar, conflicts } = mergeSidecars(proposed, exampleSidecar([acceptedByOlena]), exampleSidecar([acceptedByMykola]));
    assert.equal(conflicts, 0);
    assert.deepEqual(sidecar.annotations, [acceptedByMykola]);
  });

  it('refuses to nest a conflict left from an earlier merge inside a new one', () => {
    const first = mergeSidecars(base, exampleSidecar([kyiv, edited(zelensky, { label: 'ORG' })]), exampleSidecar([kyiv, edited(zelensky, { label: 'NORP' })]));
    const stillConflicted = first.sidecar;
    const changedElsewhere = exampleSidecar([kyiv, edited(zelensky, { label: 'GPE' })]);
    assert.throws(() => mergeSidecars(base, stillConflicted, changedElsewhere), UnresolvedConflictError);
    assert.throws(() => mergeSidecars(base, stillConflicted, changedElsewhere), /t-zel is still in conflict/);
  });

  it('carries over a conflict left from an earlier merge when the other side did not touch the tag, without counting it again', () => {
    const first = mergeSidecars(base, exampleSidecar([kyiv, edited(zelensky, { label: 'ORG' })]), exampleSidecar([kyiv, edited(zelensky, { label: 'NORP' })]));
    const { sidecar, conflicts } = mergeSidecars(base, first.sidecar, base);
    assert.deepEqual(sidecar, first.sidecar);
    assert.equal(conflicts, 0);
  });

  it('follows a rename of the article on either side', () => {
    const renamed = { ...base, article: '001_kyiv.txt' };
    assert.equal(mergeSidecars(base, base, renamed).sidecar.article, '001_kyiv.txt');
    assert.equal(mergeSidecars(base, renamed, base).sidecar.article, '001_kyiv.txt');
  });

  describe('for any sidecars', () => {
    it('merging a sidecar with itself is the identity', () => {
      fc.assert(
        fc.property(sidecarArbitrary, (sidecar) => {
          const merged = mergeSidecars(sidecar, sidecar, sidecar);
          assert.deepEqual(merged, { sidecar, conflicts: 0 });
        }),
        { numRuns: 200 },
      );
    });

    it('merging ours with an unchanged theirs gives ours, and the converse gives theirs', () => {
      fc.assert(
        fc.property(sidecarArbitrary, sidecarArbitrary, (base, changed) => {
          assert.deepEqual(mergeSidecars(base, changed, base), { sidecar: changed, conflicts: 0 });
          assert.equal(serializeSidecar(mergeSidecars(base, base, changed).sidecar), serializeSidecar(changed));
        }),
        { numRuns: 200 },
      );
    });

    it('always yields a valid sidecar, unless it refuses to nest conflicts', () => {
      fc.assert(
        fc.property(sidecarArbitrary, sidecarArbitrary, sidecarArbitrary, (base, ours, theirs) => {
          let result;
          try {
            result = mergeSidecars(base, ours, theirs);
          } catch (error) {
            if (error instanceof UnresolvedConflictError) return;
            throw error;
          }
          assert.equal(SidecarSchema.safeParse(result.sidecar).success, true);
        }),
        { numRuns: 200 },
      );
    });
  });
});
