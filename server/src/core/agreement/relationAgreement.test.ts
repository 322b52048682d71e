import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newTag } from '../sidecar/tags';
import type { Relation, Tag } from '../sidecar/schema';
import { agreement } from './agreement';
import { agreementTable } from './table';

/**
 * Relation agreement over a fixture whose answer was worked out by hand (see the comments): ann is
 * the reference, bob is scored against her, as for spans.
 */
const TEXT = 'Ukraine plans to produce almost 800 interceptor drones by the end of this year. Poland is receiving nearly $50 billion under the Safe program.';

function tag(annotator: string, needle: string, label: string): Tag {
  const start = TEXT.indexOf(needle);
  return newTag({ text: TEXT, start, end: start + needle.length, label, source: 'manual', annotator });
}
let counter = 0;
function rel(type: string, from: Tag, to: Tag): Relation {
  counter++;
  return { id: `r-${counter}`, type, from: from.id, to: to.id, status: 'accepted', source: 'manual', annotator: from.annotator, created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z' };
}

const a = {
  ukraine: tag('ann', 'Ukraine', 'GPE'), count: tag('ann', 'almost 800', 'CARDINAL'), drones: tag('ann', 'interceptor drones', 'PRODUCT'), when: tag('ann', 'the end of this year', 'DATE'),
  poland: tag('ann', 'Poland', 'GPE'), money: tag('ann', 'nearly $50 billion', 'MONEY'), safe: tag('ann', 'Safe program', 'LAW'),
};
const b = {
  ukraine: tag('bob', 'Ukraine', 'GPE'), count: tag('bob', '800', 'CARDINAL'), drones: tag('bob', 'interceptor drones', 'PRODUCT'), when: tag('bob', 'end of this year', 'DATE'),
  poland: tag('bob', 'Poland', 'GPE'), money: tag('bob', 'nearly $50 billion', 'MONEY'), safe: tag('bob', 'the Safe program', 'LAW'),
};
const annRelations = [
  rel('PRODUCES', a.ukraine, a.drones), // R1: bob's S1 matches exactly
  rel('QUANTITY_OF', a.count, a.drones), // R2: S2 matches by overlap only ("800" inside "almost 800")
  rel('TIME_OF', a.when, a.drones), // R3: S3 points elsewhere: no match
  rel('RECEIVES', a.poland, a.money), // R4: S4 matches exactly
  rel('PART_OF', a.poland, a.safe), // R5: S5 matches by overlap only ("the Safe program")
];
const bobRelations = [
  rel('PRODUCES', b.ukraine, b.drones),
  rel('QUANTITY_OF', b.count, b.drones),
  rel('TIME_OF', b.when, b.ukraine),
  rel('RECEIVES', b.poland, b.money),
  rel('PART_OF', b.poland, b.safe),
  rel('ALLY_OF', b.ukraine, b.poland), // S6: ann has none
];

describe('agreement on relations (hand-computed fixture)', () => {
  const report = agreement([{ name: 'drones.txt', text: TEXT, tags: [...Object.values(a), ...Object.values(b)], relations: [...annRelations, ...bobRelations] }], 'ann', 'bob');
  const relations = report.corpus.relations!;

  it('overall: exact 2 of 5 and 6 (F1 4/11), overlap 4 (F1 8/11)', () => {
    assert.deepEqual(relations.claims, [5, 6]);
    // exact: tp 2 (R1, R4), fp 6 - 2 = 4, fn 5 - 2 = 3; P = 2/6, R = 2/5, F1 = 2·2 / (6 + 5)
    assert.deepEqual([relations.exact.truePositives, relations.exact.falsePositives, relations.exact.falseNegatives], [2, 4, 3]);
    assert.equal(relations.exact.precision, 2 / 6);
    assert.equal(relations.exact.recall, 2 / 5);
    assert.ok(Math.abs(relations.exact.f1 - 4 / 11) < 1e-12);
    // overlap: tp 4 (R1, R2, R4, R5), fp 2, fn 1; F1 = 2·4 / (6 + 5)
    assert.deepEqual([relations.overlap.truePositives, relations.overlap.falsePositives, relations.overlap.falseNegatives], [4, 2, 1]);
    assert.ok(Math.abs(relations.overlap.f1 - 8 / 11) < 1e-12);
  });

  it('per type', () => {
    const f1 = (mode: 'exact' | 'overlap') => Object.fromEntries(Object.entries(relations.byType).map(([type, figures]) => [type, figures[mode].f1]));
    assert.deepEqual(f1('exact'), { ALLY_OF: 0, PART_OF: 0, PRODUCES: 1, QUANTITY_OF: 0, RECEIVES: 1, TIME_OF: 0 });
    assert.deepEqual(f1('overlap'), { ALLY_OF: 0, PART_OF: 1, PRODUCES: 1, QUANTITY_OF: 1, RECEIVES: 1, TIME_OF: 0 });
    assert.deepEqual(relations.byType.ALLY_OF!.claims, [0, 1]);
  });

  it('the table has a relation section', () => {
    const table = agreementTable(report);
    assert.match(table, /\nrelation +ann +bob +exact F1 +overlap F1\n/);
    assert.match(table, /\nPRODUCES +1 +1 +1\.000 +1\.000\n/);
    assert.match(table, /\noverall +5 +6 +0\.364 +0\.727\n/);
  });

  it('a relation\'s symmetric type matches either way round', () => {
    const reversed = { ...bobRelations[5]!, id: 'r-rev', annotator: 'ann', from: a.poland.id, to: a.ukraine.id };
    const symmetric = agreement([{ name: 'x', text: TEXT, tags: [...Object.values(a), ...Object.values(b)], relations: [reversed, bobRelations[5]!] }], 'ann', 'bob', { symmetricTypes: new Set(['ALLY_OF']) });
    assert.equal(symmetric.corpus.relations!.exact.f1, 1);
  });
});
