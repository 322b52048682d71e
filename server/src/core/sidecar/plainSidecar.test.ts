import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { exampleSidecar, exampleTag } from '../../../../test/support/testSidecars';
import { parseSidecar } from './parse';
import { isPlainlyValidSidecar, isPlainlyValidTag } from './plainSidecar';
import { SidecarSchema, TagSchema, type Relation, type Sidecar, type Tag } from './schema';

/** Tags as the editor and `annotate` write them: values, history, orphan marks, model sources, astral text. */
const commonTags: Tag[] = [
  exampleTag(),
  exampleTag({ id: 't-2', start: 5, end: 9, text: '2024', label: 'DATE', kind: 'date', value: { type: 'date', iso: '2024' }, source: 'suggestion', status: 'proposed' }),
  exampleTag({ id: 't-3', start: 10, end: 13, text: '$5m', label: 'MONEY', kind: 'number', value: { type: 'money', amount: 5e6, currency: 'USD', approximate: true }, source: 'model:spacy-sm' }),
  exampleTag({ id: 't-4', start: 14, end: 16, text: '😀x', status: 'approved', history: [{ at: '2024-05-02T09:30:00Z', by: 'mira', action: 'approved', from: 'accepted', to: 'approved', comment: 'fine' }] }),
  exampleTag({ id: 't-5', anchor: 'orphaned', context: { prefix: '👍'.repeat(32), suffix: '' }, created: '2024-02-29T23:59:59.123456Z', modified: '2024-02-29T23:59:59Z' }),
];

/** Relations as the editor and `annotate` write them, between the tags above: every status, every source, a history. */
const commonRelations: Relation[] = [
  { id: 'r-1', type: 'PRODUCES', from: 't-000000000001', to: 't-3', status: 'accepted', source: 'manual', annotator: 'olena', created: '2024-05-01T12:00:00.000Z', modified: '2024-05-01T12:00:00.000Z' },
  {
    id: 'r_2', type: 'QUANTITY_OF', from: 't-3', to: 't-2', status: 'approved', source: 'suggestion', annotator: 'marginalia', created: '2024-05-01T12:00:00Z', modified: '2024-05-02T09:30:00.5Z',
    history: [{ at: '2024-05-02T09:30:00.5Z', by: 'mira', action: 'reversed', from: 't-2 → t-3', to: 't-3 → t-2' }],
  },
  { id: 'R3', type: 'A', from: 't-4', to: 't-5', status: 'rejected', source: 'import', annotator: 'bob', created: '2024-02-29T23:59:59.123456Z', modified: '2024-02-29T23:59:59Z' },
  { id: 'r-4', type: 'LOCATED_IN_2', from: 't-5', to: 't-4', status: 'proposed', source: 'suggestion', annotator: 'marginalia', created: '2024-05-01T12:00:00Z', modified: '2024-05-01T12:00:00Z' },
];
const commonSidecar = (): Sidecar => ({ ...exampleSidecar(commonTags), relations: commonRelations });

/** What zod decides, which the quick check may never contradict by saying "valid". */
const zodAccepts = (json: unknown) => SidecarSchema.safeParse(json).success;

/** Values that sit just beside what the schema accepts, for any field. */
const nearMisses: unknown[] = [
  undefined, null, true, 0, -0, -1, 1.5, 2 ** 53, Number.NaN, '', ' ', 'x', 'GPE', 'gpe', 'entity', 'conflict', 'manual', 'model:', 'model:a b', 'model:ok', 'orphaned',
  '2024-02-30T00:00:00Z', '2023-02-29T00:00:00Z', '2024-05-01T24:00:00Z', '2024-05-01T12:00Z', '2024-05-01T12:00:00+01:00', '2024-05-01 12:00:00Z', '2024-05-01T12:00:00.Z',
  'a/b.txt', 'a\\b.txt', '\ud800', 'x'.repeat(65), '👍'.repeat(33), [], {}, [1], { prefix: '', suffix: '' }, { prefix: '', suffix: '', extra: '' }, { prefix: '👍'.repeat(33), suffix: '' }, { prefix: '', suffix: 'x'.repeat(33) }, { type: 'date', iso: '' }, { type: 'date', iso: '2024' },
  [{ at: '2024-05-02T09:30:00Z', by: 'mira', action: 'approved' }], [{ at: '2024-05-02T09:30:00Z', by: '', action: 'approved' }], [{ at: 'now', by: 'mira', action: 'approved' }],
];
/** Values beside the valid ones of a relation's fields: other tags' and relations' ids (an end on itself, a repeated id), types, sources a tag may have and a relation may not. */
const relationNearMisses: unknown[] = [
  ...commonTags.map((tag) => tag.id), ...commonRelations.map((relation) => relation.id), 'r 1', 'r-1.', 'x'.repeat(64), 'x'.repeat(65),
  '', 'PRODUCES', ['PRODUCES'], 'produces', 'Produces', '_PRODUCES', '1PRODUCES', 'PRODUCES-OF', 'PRODUCES ', 'P',
  'accepted', 'approved', 'rejected', 'proposed', 'conflict', 'deleted', 'manual', 'suggestion', 'import', 'model:ok', 'model:spacy-sm',
  '2024-05-01T12:00:00Z', '2024-05-01T12:00:00', [], [{ at: '2024-05-02T09:30:00Z', by: 'mira', action: 'reversed' }], [{ at: '2024-05-02T09:30:00Z', by: 'mira', action: 'relinked' }],
  { ours: 'deleted', theirs: 'deleted' }, [null], [{ ...commonRelations[0], id: 'r-9' }], [{ ...commonRelations[0], from: 't-3' }],
];
const TAG_KEYS = ['id', 'start', 'end', 'text', 'label', 'kind', 'status', 'source', 'annotator', 'created', 'modified', 'value', 'context', 'history', 'anchor', 'conflict', '__proto__', 'constructor', 'colour'];
const SIDECAR_KEYS = ['version', 'article', 'annotations', 'relations', '__proto__', 'reviewer'];
const RELATION_KEYS = ['id', 'type', 'from', 'to', 'status', 'source', 'annotator', 'created', 'modified', 'history', 'conflict', 'label', '__proto__'];
const anyValue = fc.oneof(fc.constantFrom(...nearMisses), fc.jsonValue());
const anyRelationValue = fc.oneof({ arbitrary: fc.constantFrom(...relationNearMisses), weight: 3 }, { arbitrary: fc.constantFrom(...nearMisses), weight: 1 }, { arbitrary: fc.jsonValue(), weight: 1 });

/** A field of a tag or of the sidecar set (or removed, as undefined) to a value beside the valid ones. */
const mutation = fc.oneof(
  fc.record({ at: fc.nat(commonTags.length - 1).map(String), key: fc.constantFrom(...TAG_KEYS), value: anyValue }),
  fc.record({ at: fc.constant('sidecar'), key: fc.constantFrom(...SIDECAR_KEYS), value: anyValue }),
);
/** A field of a relation, or the sidecar's relations, set (or removed) to a value beside the valid ones. */
const relationMutation = fc.oneof(
  { arbitrary: fc.record({ at: fc.nat(commonRelations.length - 1).map((n) => `r${n}`), key: fc.constantFrom(...RELATION_KEYS), value: anyRelationValue }), weight: 6 },
  { arbitrary: fc.record({ at: fc.constant('sidecar'), key: fc.constant('relations'), value: anyRelationValue }), weight: 1 },
  { arbitrary: mutation, weight: 1 },
);

/** The sidecar as it would come from JSON.parse (an own "__proto__" key, no undefined fields). */
function mutated(mutations: ReadonlyArray<{ at: string; key: string; value: unknown }>, start: Sidecar = exampleSidecar(commonTags)): unknown {
  const sidecar = JSON.parse(JSON.stringify(start)) as Record<string, unknown>;
  for (const { at, key, value } of mutations) {
    // "r0": the first relation; "0": the first tag.
    const [list, index] = at.startsWith('r') ? [sidecar.relations, Number(at.slice(1))] : [sidecar.annotations, Number(at)];
    const target: unknown = at === 'sidecar' ? sidecar : Array.isArray(list) ? list[index] : undefined;
    if (!target || typeof target !== 'object') continue;
    const fields = target as Record<string, unknown>;
    if (value === undefined) delete fields[key];
    // A copy: a later change inside it (a tag of a replaced "annotations") must not change the generated value, which fast-check reuses.
    else Object.defineProperty(fields, key, { value: structuredClone(value), enumerable: true, writable: true, configurable: true });
  }
  return JSON.parse(JSON.stringify(sidecar));
}

describe('the quick check of a sidecar (the common case without zod)', () => {
  it('takes the common sidecar as valid, and it reads as zod reads it', () => {
    const json = JSON.parse(JSON.stringify(exampleSidecar(commonTags)));
    assert.equal(isPlainlyValidSidecar(json), true);
    assert.deepEqual(parseSidecar(JSON.stringify(json), 'a.annotations.json'), SidecarSchema.parse(json));
  });

  it('never calls valid what zod refuses (one to three fields changed to values beside the valid ones)', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const json = mutated(mutations);
        if (isPlainlyValidSidecar(json)) assert.equal(zodAccepts(json), true, JSON.stringify(json));
      }),
      { numRuns: 3000 },
    );
  });

  it('leaves to zod what it does not decide, so its messages name the problem', () => {
    for (const [changes, problem] of [
      [[{ at: '0', key: 'created', value: '2024-02-30T00:00:00Z' }], /ISO 8601 UTC timestamp/],
      [[{ at: '1', key: 'end', value: 4 }], /greater than start/],
      [[{ at: '0', key: 'end', value: 0 }, { at: '0', key: 'text', value: '' }], /greater than start/],
      [[{ at: '0', key: 'context', value: { prefix: '👍'.repeat(33), suffix: '' } }], /at most 32 characters/],
      [[{ at: '0', key: 'context', value: { prefix: '', suffix: 'x'.repeat(33) } }], /at most 32 characters/],
      [[{ at: '0', key: 'start', value: 0.5 }, { at: '0', key: 'end', value: 4.5 }], /expected int/],
      [[{ at: '2', key: 'colour', value: 'red' }], /colour/],
      [[{ at: '3', key: 'id', value: 't-2' }], /duplicate id "t-2"/],
      [[{ at: 'sidecar', key: 'article', value: 'a/b.txt' }], /file name of the article/],
    ] as const) {
      const json = mutated(changes);
      assert.equal(isPlainlyValidSidecar(json), false, JSON.stringify(changes));
      assert.throws(() => parseSidecar(JSON.stringify(json), 'x.annotations.json'), problem);
    }
  });

  it('never calls a tag valid that zod refuses, and one it calls valid reads as zod reads it (newTag checks its tags so)', () => {
    for (const tag of commonTags) {
      const json = JSON.parse(JSON.stringify(tag));
      assert.equal(isPlainlyValidTag(json), true);
      assert.deepEqual(TagSchema.parse(json), json);
    }
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const json = mutated(mutations) as { annotations?: unknown };
        for (const tag of Array.isArray(json.annotations) ? json.annotations : []) {
          if (isPlainlyValidTag(tag)) assert.deepEqual(TagSchema.safeParse(tag).data, tag, JSON.stringify(tag));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('leaves tags in conflict and relations in conflict to zod', () => {
    const conflicted = exampleTag({ status: 'conflict', conflict: { ours: exampleTag({ id: undefined as never }), theirs: 'deleted' } as never });
    assert.equal(isPlainlyValidSidecar(JSON.parse(JSON.stringify(exampleSidecar([conflicted])))), false);
    const { id: _, ...version } = commonRelations[0]!;
    const relationInConflict = { ...commonRelations[0]!, status: 'conflict', conflict: { ours: version, theirs: 'deleted' } } as const;
    const json = JSON.parse(JSON.stringify({ ...commonSidecar(), relations: [relationInConflict] }));
    assert.equal(zodAccepts(json), true);
    assert.equal(isPlainlyValidSidecar(json), false);
  });
});

describe('the quick check of a sidecar with relations', () => {
  it('takes the common sidecar with relations as valid, and it reads as zod reads it (a dangling end too: check reports it, the format allows it)', () => {
    for (const sidecar of [commonSidecar(), { ...commonSidecar(), relations: [] }, { ...commonSidecar(), relations: [{ ...commonRelations[0]!, to: 't-gone' }] }]) {
      const json = JSON.parse(JSON.stringify(sidecar));
      assert.equal(isPlainlyValidSidecar(json), true, JSON.stringify(json.relations));
      assert.deepEqual(parseSidecar(JSON.stringify(json), 'a.annotations.json'), SidecarSchema.parse(json));
    }
  });

  it('never calls valid what zod refuses, and what it calls valid zod gives back unchanged (relations changed to values beside the valid ones)', () => {
    fc.assert(
      fc.property(fc.array(relationMutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const json = mutated(mutations, commonSidecar());
        if (isPlainlyValidSidecar(json)) assert.deepEqual(SidecarSchema.safeParse(json).data, json, JSON.stringify(json));
      }),
      { numRuns: 5000 },
    );
  });

  it('leaves to zod the relations it does not decide, so its messages name the problem', () => {
    for (const [changes, problem] of [
      [[{ at: 'r1', key: 'id', value: 'r-1' }], /duplicate relation id "r-1"/],
      [[{ at: 'r0', key: 'to', value: 't-000000000001' }], /not tag t-000000000001 with itself/],
      [[{ at: 'r0', key: 'type', value: 'produces' }], /relation type in capitals/],
      [[{ at: 'r0', key: 'source', value: 'model:spacy-sm' }], /source/],
      [[{ at: 'r0', key: 'status', value: 'conflict' }], /needs the versions in conflict/],
      [[{ at: 'r2', key: 'modified', value: '2023-02-29T00:00:00Z' }], /ISO 8601 UTC timestamp/],
      [[{ at: 'r3', key: 'from', value: 't 5' }], /expected an id/],
      [[{ at: 'r0', key: 'label', value: 'ORG' }], /label/],
    ] as const) {
      const json = mutated(changes, commonSidecar());
      assert.equal(isPlainlyValidSidecar(json), false, JSON.stringify(changes));
      assert.throws(() => parseSidecar(JSON.stringify(json), 'x.annotations.json'), problem);
    }
  });
});
