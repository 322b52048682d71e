import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withFileLock } from './fileLock';

function scratch(): { sidecar: string; lock: string; done(): void } {
  const folder = mkdtempSync(path.join(tmpdir(), 'marginalia-lock-'));
  const sidecar = path.join(folder, 'a.annotations.json');
  return { sidecar, lock: path.join(folder, '.a.annotations.json.lock'), done: () => rmSync(folder, { recursive: true, force: true }) };
}

describe('the sidecar lock file', () => {
  it('lets one process at a time work on a sidecar, and goes away afterwards', async () => {
    const { sidecar, lock, done } = scratch();
    const order: string[] = [];
    const slow = withFileLock(sidecar, async () => {
      order.push('first in');
      await new Promise((resolve) => setTimeout(resolve, 50));
      order.push('first out');
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await withFileLock(sidecar, async () => void order.push('second'));
    await slow;
    assert.deepEqual(order, ['first in', 'first out', 'second']);
    assert.equal(existsSync(lock), false);
    done();
  });

  it('takes over the lock of a process that was killed while holding it', async () => {
    const { sidecar, lock, done } = scratch();
    writeFileSync(lock, `999999999 ${Date.now()}\n`);
    assert.equal(await withFileLock(sidecar, async () => 'ran'), 'ran');
    done();
  });

  it('takes over a lock left empty by a process killed before it wrote its pid', async () => {
    const { sidecar, lock, done } = scratch();
    writeFileSync(lock, '');
    const old = new Date(Date.now() - 5000);
    utimesSync(lock, old, old);
    assert.equal(await withFileLock(sidecar, async () => 'ran'), 'ran');
    done();
  });

  it('removes temp files that a writer killed while holding the lock left behind', async () => {
    const { sidecar, lock, done } = scratch();
    const orphan = path.join(path.dirname(sidecar), '.a.annotations.json.1a2b3c4d.tmp');
    writeFileSync(orphan, '{"half": ');
    writeFileSync(lock, `999999999 ${Date.now()}\n`);
    await withFileLock(sidecar, async () => undefined);
    assert.equal(existsSync(orphan), false);
    done();
  });
});
