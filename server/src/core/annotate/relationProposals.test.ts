import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolveRelationTypes } from '../project/relationTypes';
import type { Relation, Tag } from '../sidecar/schema';
import { newTag } from '../sidecar/tags';
import { relationProposals } from './relationProposals';

const TEXT = 'Ukraine plans to produce 800 Lancet drones this year, while Rheinmetall will build 155mm shells. Poland bought 48 HIMARS launchers.';
const types = resolveRelationTypes(undefined);
const now = new Date('2026-05-01T00:00:00Z');
function tagOn(needle: string, label: string, status: Tag['status'] = 'proposed', annotator = 'marginalia'): Tag {
  const start = TEXT.indexOf(needle);
  return newTag({ text: TEXT, start, end: start + needle.length, label, source: status === 'proposed' ? 'import' : 'manual', status, annotator });
}
const ukraine = tagOn('Ukraine', 'GPE');
const count = tagOn('800', 'CARDINAL');
const lancet = tagOn('Lancet', 'PRODUCT');
const rheinmetall = tagOn('Rheinmetall', 'ORG', 'accepted', 'ann');
const shells = tagOn('155mm', 'QUANTITY');
const poland = tagOn('Poland', 'GPE');
const fortyEight = tagOn('48', 'CARDINAL');
const himars = tagOn('HIMARS', 'PRODUCT');
const tags = [ukraine, count, lancet, rheinmetall, shells, poland, fortyEight, himars];
const names = (relations: readonly Relation[]) => relations.map((relation) => `${tags.find((t) => t.id === relation.from)!.text} ${relation.type} ${tags.find((t) => t.id === relation.to)!.text}`).sort();

describe('relation proposals of pre-annotation', () => {
  it('proposes QUANTITY_OF for a number right before what it counts, and PRODUCES for a country or company that produces, builds, makes or supplies it', () => {
    const { putRelations, removeRelations } = relationProposals(TEXT, tags, [], { annotator: 'marginalia', now, types });
    assert.deepEqual(names(putRelations), ['48 QUANTITY_OF HIMARS', '800 QUANTITY_OF Lancet', 'Ukraine PRODUCES Lancet']);
    assert.ok(putRelations.every((relation) => relation.status === 'proposed' && relation.source === 'import' && relation.annotator === 'marginalia'));
    assert.deepEqual(removeRelations, []);
  });

  it('never touches a person\'s relation, keeps its own found again, and removes its own no longer found', () => {
    const first = relationProposals(TEXT, tags, [], { annotator: 'marginalia', now, types }).putRelations;
    const persons: Relation = { ...first.find((relation) => relation.type === 'PRODUCES')!, id: 'r-person', status: 'rejected', source: 'manual', annotator: 'ann' };
    const stale: Relation = { ...first[0]!, id: 'r-stale', from: poland.id, to: lancet.id, type: 'PRODUCES' };
    const again = relationProposals(TEXT, tags, [...first.filter((relation) => relation.type !== 'PRODUCES'), persons, stale], { annotator: 'marginalia', now, types });
    assert.deepEqual(again.putRelations, [], 'the person rejected PRODUCES Ukraine → Lancet: not proposed again; the others are kept');
    assert.deepEqual(again.removeRelations, ['r-stale']);
  });

  it('proposes nothing the project\'s types do not allow', () => {
    const none = relationProposals(TEXT, tags, [], { annotator: 'marginalia', now, types: resolveRelationTypes({}) });
    assert.deepEqual(none.putRelations, []);
  });
});
