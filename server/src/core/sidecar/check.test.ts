import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkSidecar } from './check';
import { exampleSidecar, exampleTag } from '../../../../test/support/testSidecars';
import { serializeSidecar } from './serialize';
import { resolveRelationTypes } from '../project/relationTypes';
import type { Relation } from './schema';

describe('checkSidecar', () => {
  it('names the line of each troubled tag, in a hand-laid-out sidecar as in a serialised one', () => {
    const text = 'Kyiv and Lviv. Odesa too.';
    const tags = [
      exampleTag({ id: 't-1', start: 0, end: 4, text: 'Kyiv' }),
      exampleTag({ id: 't-10', start: 9, end: 13, text: 'Lviv' }),
      // Moved: "Odesa" is at 15 now.
      exampleTag({ id: 't-2', start: 14, end: 19, text: 'Odesa' }),
      exampleTag({ id: 't-3', start: 0, end: 5, text: 'Kharkiv'.slice(0, 5) }),
    ];
    const serialised = serializeSidecar(exampleSidecar(tags));
    const lineOf = (sidecar: string, id: string) => sidecar.split('\n').findIndex((line) => line.includes(`"id": "${id}"`)) + 1;
    const problems = checkSidecar(serialised, 'a.annotations.json', { name: 'a.txt', text }).problems;
    assert.deepEqual(
      problems.map(({ kind, tagId, line }) => ({ kind, tagId, line })),
      [
        { kind: 'orphan', tagId: 't-3', line: lineOf(serialised, 't-3') },
        { kind: 'text-mismatch', tagId: 't-2', line: lineOf(serialised, 't-2') },
      ],
    );
    // Pretty-printed by hand: several lines a tag, and "t-1" must not be taken for "t-10".
    const pretty = JSON.stringify(exampleSidecar([tags[1], tags[0], tags[3], tags[2]]), null, 2);
    const prettyProblems = checkSidecar(pretty, 'a.annotations.json', { name: 'a.txt', text }).problems;
    assert.deepEqual(
      prettyProblems.map(({ tagId, line }) => ({ tagId, line })),
      [
        { tagId: 't-3', line: pretty.split('\n').indexOf('      "id": "t-3",') + 1 },
        { tagId: 't-2', line: pretty.split('\n').indexOf('      "id": "t-2",') + 1 },
      ],
    );
  });

  it('points a moved tag at the nearest occurrence of its text, the earlier one on a tie', () => {
    const text = 'Kyiv, Kyiv, xxxx, Kyiv.';
    const tag = exampleTag({ id: 't-1', start: 12, end: 16, text: 'Kyiv' });
    const [problem] = checkSidecar(serializeSidecar(exampleSidecar([tag])), 's', { name: 'a.txt', text }).problems;
    assert.match(problem.message, /"Kyiv" is at 6-10$/);
    const [fromStart] = checkSidecar(serializeSidecar(exampleSidecar([{ ...tag, start: 0, end: 4, text: 'xxxx' }])), 's', { name: 'a.txt', text }).problems;
    assert.match(fromStart.message, /"xxxx" is at 12-16$/);
  });

  it('reports a relation whose tag is missing, of a type not declared, or whose labels the type no longer allows, on its line', () => {
    const text = 'Kyiv and Lviv. Odesa too.';
    const tags = [exampleTag({ id: 't-1', start: 0, end: 4, text: 'Kyiv' }), exampleTag({ id: 't-2', start: 9, end: 13, text: 'Lviv' })];
    const relation = (id: string, type: string, from: string, to: string): Relation => ({ id, type, from, to, status: 'accepted', source: 'manual', annotator: 'olena', created: `2024-05-01T12:00:0${id.at(-1)}.000Z`, modified: '2024-05-01T12:00:00.000Z' });
    const relations = [relation('r-1', 'ALLY_OF', 't-1', 't-2'), relation('r-2', 'ALLY_OF', 't-1', 't-gone'), relation('r-3', 'SISTER_CITY', 't-1', 't-2'), relation('r-4', 'PRODUCES', 't-1', 't-2')];
    const serialised = serializeSidecar({ ...exampleSidecar(tags), relations });
    const lineOf = (id: string) => serialised.split('\n').findIndex((line) => line.includes(`"id": "${id}"`)) + 1;
    const { problems } = checkSidecar(serialised, 'a.annotations.json', { name: 'a.txt', text }, resolveRelationTypes(undefined));
    assert.deepEqual(
      problems.map(({ kind, relationId, line, message }) => ({ kind, relationId, line, message })),
      [
        { kind: 'relation-end-missing', relationId: 'r-2', line: lineOf('r-2'), message: 'relation r-2 ALLY_OF from t-1 to t-gone: its "to" tag t-gone is not in the sidecar; remove the relation, or restore the tag' },
        { kind: 'relation-type', relationId: 'r-3', line: lineOf('r-3'), message: 'relation r-3 SISTER_CITY from t-1 to t-2: SISTER_CITY is not a relation type of this project (types: PRODUCES, QUANTITY_OF, TIME_OF, RECEIVES, PART_OF, LOCATED_IN, ALLY_OF)' },
        { kind: 'relation-labels', relationId: 'r-4', line: lineOf('r-4'), message: 'relation r-4 PRODUCES from t-1 to t-2: PRODUCES links GPE/ORG to PRODUCT, not GPE to GPE' },
      ],
    );
  });
});
