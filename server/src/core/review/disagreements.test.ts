import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { exampleTag } from '../../../../test/support/testSidecars';
import type { Tag } from '../sidecar/schema';
import { findDisagreements } from './disagreements';

const tag = (id: string, annotator: string, start: number, end: number, label: string, status: Tag['status'] = 'accepted') =>
  exampleTag({ id, annotator, start, end, text: 'x'.repeat(end - start), label, status });
const pairs = (tags: Tag[]) => findDisagreements(tags).map(({ kind, first, second }) => `${kind}:${first.id}/${second.id}`);

describe('disagreements between annotators', () => {
  it('the same span with different labels is a label disagreement', () => {
    assert.deepEqual(pairs([tag('a1', 'ann', 0, 8, 'PERSON'), tag('b1', 'bob', 0, 8, 'ORG')]), ['label:a1/b1']);
  });

  it('overlapping spans with different boundaries disagree, whatever their labels', () => {
    assert.deepEqual(pairs([tag('a1', 'ann', 0, 18, 'PERSON'), tag('b1', 'bob', 10, 18, 'PERSON')]), ['boundary:a1/b1']);
    assert.deepEqual(pairs([tag('a1', 'ann', 5, 12, 'GPE'), tag('b1', 'bob', 0, 8, 'ORG')]), ['boundary:b1/a1']);
  });

  it('the same span and label is agreement, and spans that only touch do not overlap', () => {
    assert.deepEqual(pairs([tag('a1', 'ann', 0, 8, 'PERSON'), tag('b1', 'bob', 0, 8, 'PERSON'), tag('b2', 'bob', 8, 12, 'ORG')]), []);
  });

  it("one annotator's nested tags are deliberate, not a disagreement", () => {
    assert.deepEqual(pairs([tag('a1', 'ann', 0, 30, 'ORG'), tag('a2', 'ann', 0, 7, 'GPE')]), []);
  });

  it('only claims count: rejected and proposed tags say nothing in anyone’s name', () => {
    assert.deepEqual(pairs([tag('a1', 'ann', 0, 8, 'PERSON'), tag('b1', 'bob', 0, 8, 'ORG', 'rejected'), tag('m1', 'marginalia', 0, 8, 'GPE', 'proposed')]), []);
  });

  it('a pair a reviewer approved both of is settled; one approved and one not still waits', () => {
    assert.deepEqual(pairs([tag('a1', 'ann', 0, 18, 'PERSON', 'approved'), tag('b1', 'bob', 10, 18, 'PERSON', 'approved')]), []);
    assert.deepEqual(pairs([tag('a1', 'ann', 0, 18, 'PERSON', 'approved'), tag('b1', 'bob', 10, 18, 'PERSON')]), ['boundary:a1/b1']);
  });

  it('finds every pair among three annotators, in order of the first tag', () => {
    const found = pairs([tag('c1', 'cy', 20, 25, 'GPE'), tag('a1', 'ann', 0, 8, 'PERSON'), tag('b1', 'bob', 0, 8, 'ORG'), tag('c2', 'cy', 0, 4, 'PERSON'), tag('a2', 'ann', 20, 25, 'LOC')]);
    assert.deepEqual(found, ['label:a1/b1', 'boundary:a1/c2', 'boundary:b1/c2', 'label:c1/a2']);
  });
});
