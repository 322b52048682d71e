import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eachWithProgress } from './progress';

/** A promise each item waits on, released by the test, so the order of events is the test's choice. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('eachWithProgress', () => {
  it('reports 0 of N, then each item as it finishes, and returns the results in order', async () => {
    const reports: string[] = [];
    const outcome = await eachWithProgress([1, 2, 3], async (n) => n * 10, { progress: { report: (done, total) => reports.push(`${done}/${total}`) } });
    assert.deepEqual(reports, ['0/3', '1/3', '2/3', '3/3']);
    assert.deepEqual(outcome, { results: [10, 20, 30], done: 3, total: 3, cancelled: false });
  });

  it('starts no item once cancelled, and says how many were done', async () => {
    const started: number[] = [];
    let cancelled = false;
    const outcome = await eachWithProgress(
      [1, 2, 3, 4, 5],
      async (n) => {
        started.push(n);
        return n;
      },
      { progress: { report: (done) => (cancelled = done === 2) }, cancellation: { isCancelled: () => cancelled } },
    );
    assert.deepEqual(started, [1, 2]);
    assert.deepEqual(outcome, { results: [1, 2], done: 2, total: 5, cancelled: true });
  });

  it('works on several items at once, finishes those started when cancelled, and keeps the items\' order', async () => {
    const gates = [gate(), gate(), gate(), gate()];
    let cancelled = false;
    const running = eachWithProgress([0, 1, 2, 3], async (n) => (await gates[n].opened, `item ${n}`), {
      concurrency: 2,
      cancellation: { isCancelled: () => cancelled },
    });
    // Items 0 and 1 are under way; 1 finishes first, which starts 2; then the person cancels.
    gates[1].open();
    await new Promise(setImmediate);
    cancelled = true;
    gates[0].open();
    gates[2].open();
    const outcome = await running;
    assert.deepEqual(outcome, { results: ['item 0', 'item 1', 'item 2'], done: 3, total: 4, cancelled: true });
  });

  it('stops at the first error and throws it once the items under way are done', async () => {
    const finished: number[] = [];
    await assert.rejects(
      eachWithProgress(
        [1, 2, 3, 4],
        async (n) => {
          if (n === 2) throw new Error('disk on fire');
          await new Promise(setImmediate);
          finished.push(n);
        },
        { concurrency: 2 },
      ),
      /disk on fire/,
    );
    assert.deepEqual(finished, [1]);
  });

  it('reports 0 of 0 for nothing to do', async () => {
    const reports: string[] = [];
    const outcome = await eachWithProgress([], async () => 1, { progress: { report: (done, total) => reports.push(`${done}/${total}`) } });
    assert.deepEqual(reports, ['0/0']);
    assert.deepEqual(outcome, { results: [], done: 0, total: 0, cancelled: false });
  });
});
