import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseSidecar } from './parse';
import { SIDECAR_VERSION } from './schema';
import { exampleTag } from '../../../../test/support/testSidecars';

const v1Text = (annotations: unknown[] = [exampleTag()]) => JSON.stringify({ version: 1, article: '000_kyiv.txt', annotations });
const parse = (text: string) => parseSidecar(text, 'a.annotations.json');

describe('reading sidecars of earlier format versions', () => {
  it('reads a version 1 sidecar as a current one with the same tags', () => {
    const sidecar = parse(v1Text());
    assert.equal(SIDECAR_VERSION, 5);
    assert.deepEqual(sidecar, { version: SIDECAR_VERSION, article: '000_kyiv.txt', annotations: [exampleTag()] });
  });

  it('reads a version 2 sidecar, conflict state included, as a current one', () => {
    const { id: _id, ...ours } = exampleTag({ label: 'ORG' });
    const conflicted = { ...exampleTag(), status: 'conflict', conflict: { ours, theirs: 'deleted' } };
    const sidecar = parse(JSON.stringify({ version: 2, article: '000_kyiv.txt', annotations: [conflicted] }));
    assert.deepEqual(sidecar, { version: SIDECAR_VERSION, article: '000_kyiv.txt', annotations: [conflicted] });
  });

  it('reads a version 3 sidecar as a current one, and holds it to its rules: no orphan mark before version 4', () => {
    const reviewed = { ...exampleTag(), status: 'approved', history: [{ at: '2025-01-06T09:00:00.000Z', by: 'rev', action: 'approved' }] };
    assert.deepEqual(parse(JSON.stringify({ version: 3, article: '000_kyiv.txt', annotations: [reviewed] })), { version: SIDECAR_VERSION, article: '000_kyiv.txt', annotations: [reviewed] });
    const marked = { ...exampleTag(), anchor: 'orphaned' };
    assert.throws(() => parse(JSON.stringify({ version: 3, article: 'a.txt', annotations: [marked] })), /sidecar format version 3: annotations\[0\]\.anchor: an anchor mark needs format version 4/);
    assert.deepEqual(parse(JSON.stringify({ version: 4, article: 'a.txt', annotations: [marked] })).annotations, [marked]);
  });

  it('holds a version 2 sidecar to the rules of version 2, which knew no review', () => {
    const approved = { ...exampleTag(), status: 'approved' };
    assert.throws(() => parse(JSON.stringify({ version: 2, article: 'a.txt', annotations: [approved] })), /sidecar format version 2: annotations\[0\]\.status: the status "approved" needs format version 3/);
    const reviewed = { ...exampleTag(), history: [{ at: '2025-01-06T09:00:00.000Z', by: 'rev', action: 'approved' }] };
    assert.throws(() => parse(JSON.stringify({ version: 2, article: 'a.txt', annotations: [reviewed] })), /sidecar format version 2: annotations\[0\]\.history: a history needs format version 3/);
  });

  it('holds a version 1 sidecar to the rules of version 1, which knew no conflict state', () => {
    const conflicted = { ...exampleTag(), status: 'conflict', conflict: { ours: 'deleted', theirs: 'deleted' } };
    assert.throws(() => parse(v1Text([conflicted])), /^SidecarError: a\.annotations\.json: sidecar format version 1: annotations\[0\]/);
  });

  it('keeps version 1 strict: an unknown key is refused, naming the version', () => {
    assert.throws(() => parse(v1Text([{ ...exampleTag(), colour: 'red' }])), /sidecar format version 1: annotations\[0\]: Unrecognized key: "colour"/);
  });

  it('names a format version that never existed', () => {
    for (const version of [0, -1, 1.5]) {
      assert.throws(() => parse(JSON.stringify({ version, article: 'a.txt', annotations: [] })), new RegExp(`unknown sidecar format version ${version} \\(this version of Marginalia reads versions 1 to ${SIDECAR_VERSION}\\)`));
    }
  });

  it('refuses a newer format version with a clear message', () => {
    assert.throws(() => parse(JSON.stringify({ version: SIDECAR_VERSION + 1, article: 'a.txt', annotations: [] })), /written by a newer Marginalia .* Update Marginalia to open it/);
  });
});
