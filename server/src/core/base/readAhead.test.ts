import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { inOrderAhead } from './readAhead';

describe('inOrderAhead', () => {
  it('hands the items over in order, with at most `ahead` loads under way beyond the one handed over', async () => {
    let underWay = 0;
    let most = 0;
    const load = async (item: number) => {
      most = Math.max(most, ++underWay);
      // Later items finish first: the order must still be the items'.
      await new Promise((resolve) => setImmediate(resolve));
      if (item % 2 === 0) await new Promise((resolve) => setImmediate(resolve));
      underWay--;
      return item * 10;
    };
    const reports: number[] = [];
    const seen: number[] = [];
    for await (const loaded of inOrderAhead([1, 2, 3, 4, 5, 6, 7], 3, load, { report: (done) => reports.push(done) })) seen.push(loaded);
    assert.deepEqual(seen, [10, 20, 30, 40, 50, 60, 70]);
    assert.ok(most <= 3, `${most} loads at once`);
    assert.deepEqual(reports, [0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('throws a failed load where it is handed over, and leaves no failure unhandled when stopped early', async () => {
    const load = async (item: number) => {
      if (item >= 2) throw new Error(`item ${item} failed`);
      return item;
    };
    const seen: number[] = [];
    await assert.rejects(async () => {
      for await (const loaded of inOrderAhead([1, 2, 3, 4], 3, load)) seen.push(loaded);
    }, /item 2 failed/);
    assert.deepEqual(seen, [1]);
  });
});
