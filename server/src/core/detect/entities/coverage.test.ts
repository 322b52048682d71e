import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fillRange } from './coverage';

test('fillRange writes what TypedArray fill writes, whatever the bounds', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 12 }), fc.integer({ min: -20, max: 20 }), fc.integer({ min: -20, max: 20 }), (length, from, to) => {
      const expected = new Int32Array(length).fill(-1).fill(7, from, to);
      const actual = new Int32Array(length).fill(-1);
      fillRange(actual, 7, from, to);
      assert.deepEqual(actual, expected);
    }),
  );
});
