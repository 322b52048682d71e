import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newTag, type Relation, type Tag } from '../sidecar';
import { newRelation } from '../tagging/relationOperations';
import { findRelationDisagreements } from './relationDisagreements';

const TEXT = 'Ukraine plans to produce almost 800 interceptor drones.';
const tagOn = (needle: string, label: string, annotator: string): Tag => {
  const start = TEXT.indexOf(needle);
  return newTag({ text: TEXT, start, end: start + needle.length, label, source: 'manual', annotator });
};
const link = (type: string, from: Tag, to: Tag, annotator: string): Relation => newRelation({ type, from: from.id, to: to.id, status: 'accepted', source: 'manual', annotator });

describe('relation disagreements', () => {
  const tags = ['ann', 'bob'].flatMap((annotator) => [tagOn('Ukraine', 'GPE', annotator), tagOn('interceptor drones', 'PRODUCT', annotator)]);
  const [annUkraine, annDrones, bobUkraine, bobDrones] = tags as [Tag, Tag, Tag, Tag];
  const produces = link('PRODUCES', annUkraine, annDrones, 'ann');
  const receives = link('RECEIVES', bobUkraine, bobDrones, 'bob');

  it('names the two annotators in the same order whatever the order of their relations in the sidecar', () => {
    // Sidecars keep relations by id, which is random: the message must not depend on it.
    for (const relations of [[produces, receives], [receives, produces]]) {
      const found = findRelationDisagreements(tags, relations);
      assert.deepEqual(found.map((disagreement) => [disagreement.kind, disagreement.first.annotator, disagreement.second?.annotator]), [['type', 'ann', 'bob']]);
    }
  });
});
