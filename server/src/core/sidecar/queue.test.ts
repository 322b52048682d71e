import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { KeyedQueue } from './queue';

describe('the per-file queue', () => {
  it('runs the tasks of one key one at a time, in the order they were queued', async () => {
    const queue = new KeyedQueue();
    const events: string[] = [];
    const task = (name: string, ms: number) => async () => {
      events.push(`${name} starts`);
      await sleep(ms);
      events.push(`${name} ends`);
    };
    await Promise.all([queue.run('a', task('slow', 20)), queue.run('a', task('fast', 1))]);
    assert.deepEqual(events, ['slow starts', 'slow ends', 'fast starts', 'fast ends']);
  });

  it('lets different keys run side by side', async () => {
    const queue = new KeyedQueue();
    const events: string[] = [];
    let release!: () => void;
    const blocked = queue.run('a', () => new Promise<void>((resolve) => (release = resolve)));
    await queue.run('b', async () => void events.push('b ran while a waited'));
    release();
    await blocked;
    assert.deepEqual(events, ['b ran while a waited']);
  });

  it('goes on after a failed task, which still reports its error', async () => {
    const queue = new KeyedQueue();
    const failed = queue.run('a', async () => {
      throw new Error('disk full');
    });
    const next = queue.run('a', async () => 'done');
    await assert.rejects(failed, /disk full/);
    assert.equal(await next, 'done');
  });
});
