import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { NormalizedValue } from '../detect/shared/detection';
import { SidecarSchema, TagSchema, type TagValue } from './schema';
import { exampleSidecar, exampleTag } from '../../../../test/support/testSidecars';

const problems = (input: unknown) => SidecarSchema.safeParse(input).error?.issues.map((issue) => issue.path.join('.')) ?? [];

describe('the sidecar schema', () => {
  it('accepts a sidecar of nested and overlapping tags', () => {
    const outer = exampleTag({ id: 't-a', start: 0, end: 11, text: 'Kyiv Oblast' });
    const inner = exampleTag({ id: 't-b', start: 0, end: 4, text: 'Kyiv' });
    const overlapping = exampleTag({ id: 't-c', start: 5, end: 17, text: 'Oblast\ntoday', label: 'DATE', kind: 'date' });
    assert.deepEqual(problems(exampleSidecar([outer, inner, overlapping])), []);
  });

  it('accepts custom upper-case labels, leaving the label set to callers', () => {
    assert.equal(TagSchema.safeParse(exampleTag({ label: 'WEAPON_2' })).success, true);
    assert.equal(TagSchema.safeParse(exampleTag({ label: 'weapon' })).success, false);
    assert.equal(TagSchema.safeParse(exampleTag({ label: '' })).success, false);
  });

  it('rejects unknown keys at the top level and in tags instead of dropping them on the next write', () => {
    assert.deepEqual(problems({ ...exampleSidecar(), reviewer: 'x' }), ['']);
    assert.deepEqual(problems(exampleSidecar([{ ...exampleTag(), colour: 'red' } as never])), ['annotations.0']);
  });

  it('rejects __proto__ and constructor keys without polluting any prototype', () => {
    const text = JSON.stringify(exampleSidecar()).replace('"label"', '"__proto__": {"polluted": true}, "constructor": {"polluted": true}, "label"');
    const result = SidecarSchema.safeParse(JSON.parse(text));
    assert.equal(result.success, false);
    assert.match(result.error!.issues[0].message, /__proto__/);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('requires a non-empty span whose text has as many characters as the span covers', () => {
    assert.deepEqual(problems(exampleSidecar([exampleTag({ start: 4, end: 4, text: '' })])), ['annotations.0.end']);
    assert.deepEqual(problems(exampleSidecar([exampleTag({ end: 5 })])), ['annotations.0.text']);
    assert.deepEqual(problems(exampleSidecar([exampleTag({ start: 0, end: 1, text: '😀' })])), []);
    // Counted as iterating the string counts: a lone surrogate is one character, a pair is one.
    assert.deepEqual(problems(exampleSidecar([exampleTag({ start: 0, end: 4, text: '\ud800a😀\udc00' })])), []);
    assert.deepEqual(problems(exampleSidecar([exampleTag({ start: 0, end: 3, text: '\udc00\ud800😀' })])), []);
  });

  it('requires ids to be unique within a sidecar', () => {
    assert.deepEqual(problems(exampleSidecar([exampleTag(), exampleTag({ label: 'ORG', kind: 'entity' })])), ['annotations.1.id']);
  });

  it('requires UTC timestamps', () => {
    assert.deepEqual(problems(exampleSidecar([exampleTag({ modified: '2024-05-01T14:00:00+02:00' })])), ['annotations.0.modified']);
  });

  it('keeps at most 32 characters of context on each side', () => {
    assert.deepEqual(problems(exampleSidecar([exampleTag({ context: { prefix: 'x'.repeat(33), suffix: '😀'.repeat(32) } })])), [
      'annotations.0.context.prefix',
    ]);
  });

  it('accepts every normalised value a detector produces', () => {
    // Compile-time half: every NormalizedValue is a TagValue (the schema's `satisfies` checks the converse).
    const values: TagValue[] = [
      { type: 'date', iso: '2023-11-04', endIso: '2023-11-05' },
      { type: 'time', iso: 'T18:04' },
      { type: 'duration', iso: 'P1Y', maxIso: 'P5Y', approximate: true },
      { type: 'date', iso: '197', mod: 'END' },
      { type: 'date', iso: 'PAST_REF' },
      { type: 'time', iso: 'T04:00', mod: 'APPROX' },
      { type: 'duration', iso: 'P30Y', mod: 'MORE_THAN' },
      { type: 'set', iso: 'P1W', quant: 'EVERY' },
      { type: 'set', iso: 'P1M', freq: '2X' },
      { type: 'number', value: 20000, min: 10000, max: 90000, approximate: true },
      { type: 'ordinal', value: 3 },
      { type: 'money', amount: 5e10, currency: 'USD' },
      { type: 'percent', value: 0.25 },
      { type: 'quantity', value: 12, unit: 'km' },
    ] satisfies NormalizedValue[];
    for (const value of values) assert.equal(TagSchema.safeParse(exampleTag({ value })).success, true, value.type);
    assert.equal(TagSchema.safeParse(exampleTag({ value: { type: 'money', amount: 5, currency: 'dollars' } })).success, false);
    assert.equal(TagSchema.safeParse(exampleTag({ value: { type: 'colour', hex: '#fff' } as never })).success, false);
    assert.equal(TagSchema.safeParse(exampleTag({ value: { type: 'date', iso: '197', mod: 'LATE' } as never })).success, false, 'a MOD TimeML does not define');
    assert.equal(TagSchema.safeParse(exampleTag({ value: { type: 'set', iso: 'P1M', freq: 'twice' } })).success, false, 'a frequency not written "2X"');
  });

  describe('conflict state', () => {
    const { id: _id, ...version } = exampleTag({ status: 'accepted' });
    // Untyped, so that the tests can build the invalid ones too.
    const conflicted = (overrides: Record<string, unknown> = {}) =>
      ({ ...exampleTag(), status: 'conflict', conflict: { base: version, ours: { ...version, label: 'ORG' }, theirs: { ...version, label: 'LOC' } }, ...overrides }) as never;

    it('accepts a tag in conflict that holds the versions in conflict', () => {
      assert.deepEqual(problems(exampleSidecar([conflicted()])), []);
      assert.deepEqual(problems(exampleSidecar([conflicted({ conflict: { ours: 'deleted', theirs: version } })])), []);
    });

    it('requires the status and the versions to go together', () => {
      assert.deepEqual(problems(exampleSidecar([conflicted({ conflict: undefined })])), ['annotations.0.conflict']);
      assert.deepEqual(problems(exampleSidecar([conflicted({ status: 'accepted' })])), ['annotations.0.status']);
    });

    it('refuses a conflict where neither side kept the tag', () => {
      assert.deepEqual(problems(exampleSidecar([conflicted({ conflict: { ours: 'deleted', theirs: 'deleted' } })])), ['annotations.0.conflict']);
    });

    it('holds each version to the rules of a tag, and allows no conflict inside a version', () => {
      assert.deepEqual(problems(exampleSidecar([conflicted({ conflict: { ours: { ...version, end: 9 }, theirs: version } })])), ['annotations.0.conflict.ours.text']);
      assert.deepEqual(problems(exampleSidecar([conflicted({ conflict: { ours: { ...version, status: 'conflict' }, theirs: version } })])), ['annotations.0.conflict.ours']);
      assert.deepEqual(problems(exampleSidecar([conflicted({ conflict: { ours: { ...version, id: 't-1' }, theirs: version } })])), ['annotations.0.conflict.ours']);
    });
  });
});
