import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FirstRows } from './firstRows';

describe('the first rows of a long table, met one at a time', () => {
  it('keeps the first ones in order, as sorting them all would, and counts every row met', () => {
    const numbers = Array.from({ length: 5000 }, (_, n) => (n * 7919) % 5003);
    const first = new FirstRows<number>(10, (a, b) => b - a);
    for (const n of numbers) first.add(n);
    assert.deepEqual(first.result(), [...numbers].sort((a, b) => b - a).slice(0, 10));
    assert.equal(first.seen, 5000);
  });
});
