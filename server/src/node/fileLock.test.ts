import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHook } from 'node:async_hooks';
import { FileLockError, GIVE_UP_AFTER_MS, STALE_AFTER_MS, withFileLock } from './fileLock';

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

  it('removes temp files and claims that writers killed while holding the lock left behind, never those of a live process', async () => {
    const { sidecar, lock, done } = scratch();
    const folder = path.dirname(sidecar);
    const orphan = path.join(folder, '.a.annotations.json.999999999-1a2b3c4d.tmp');
    const olderVersionsOrphan = path.join(folder, '.a.annotations.json.5e6f7a8b.tmp');
    // A live process's temp file (this one's parent, say a second editor window mid-write) is its own.
    const live = path.join(folder, `.a.annotations.json.${process.ppid}-9c8d7e6f.tmp`);
    const otherFile = path.join(folder, '.b.annotations.json.999999999-1a2b3c4d.tmp');
    // The lock file of a worker thread killed mid-run (see sharedLockFile.ts), and a live one's.
    const deadThreadsLock = path.join(folder, '.marginalia-lock.999999999-2b3c4d5e.tmp');
    const liveThreadsLock = path.join(folder, `.marginalia-lock.${process.ppid}-3c4d5e6f.tmp`);
    for (const file of [orphan, olderVersionsOrphan, live, otherFile, deadThreadsLock, liveThreadsLock]) writeFileSync(file, '{"half": ');
    // Takeover claims: one left by a process killed while taking over, one a live process is using.
    writeFileSync(path.join(folder, '.a.annotations.json.0123456789ab.claim'), `999999999 ${Date.now()}\n`);
    writeFileSync(path.join(folder, '.a.annotations.json.ba9876543210.claim'), `${process.ppid} ${Date.now()}\n`);
    const old = new Date(Date.now() - STALE_AFTER_MS - 5000);
    utimesSync(olderVersionsOrphan, old, old);
    writeFileSync(lock, `999999999 ${Date.now()}\n`);
    await withFileLock(sidecar, async () => undefined);
    assert.deepEqual(readdirSync(folder).sort(), [`.a.annotations.json.${process.ppid}-9c8d7e6f.tmp`, '.a.annotations.json.ba9876543210.claim', '.b.annotations.json.999999999-1a2b3c4d.tmp', `.marginalia-lock.${process.ppid}-3c4d5e6f.tmp`].sort());
    done();
  });

  it('takes over, within one wait, a lock nobody refreshed even though its pid runs (reused after a crash)', async () => {
    assert.ok(STALE_AFTER_MS < GIVE_UP_AFTER_MS, 'a lock left by a crash is stale before a writer gives up waiting for it');
    const { sidecar, lock, done } = scratch();
    // The pid runs (this test's parent), and the lock says it was taken just now, but its holder would
    // have refreshed its mtime every few seconds: nobody has for longer than the stale limit.
    writeFileSync(lock, `${process.ppid} ${Date.now()} 0123456789abcdef\n`);
    const old = new Date(Date.now() - STALE_AFTER_MS - 1000);
    utimesSync(lock, old, old);
    assert.equal(await withFileLock(sidecar, async () => 'ran', { waitMs: 2000 }), 'ran');
    done();
  });

  it('is refreshed by its holder while it works, so a long write is not taken for dead', { timeout: 20_000 }, async () => {
    const { sidecar, lock, done } = scratch();
    await withFileLock(sidecar, async () => {
      // As if the holder had been at work for longer than the stale limit.
      const old = new Date(Date.now() - STALE_AFTER_MS - 1000);
      utimesSync(lock, old, old);
      const stale = () => Date.now() - statSync(lock).mtimeMs > STALE_AFTER_MS;
      // Waits for the refresh (every few seconds), and no longer than a few refreshes would take.
      for (const giveUp = Date.now() + 10_000; stale() && Date.now() < giveUp; ) await new Promise((resolve) => setTimeout(resolve, 50));
      assert.equal(stale(), false, 'refreshed');
      await assert.rejects(withFileLock(sidecar, async () => 'ran', { waitMs: 100 }), /locked by another process/);
    });
    done();
  });

  it('gives up on a lock a live process holds with an error naming the lock, and leaves that lock alone', async () => {
    const { sidecar, lock, done } = scratch();
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding = () => {};
    const held = new Promise<void>((resolve) => (holding = resolve));
    const holder = withFileLock(sidecar, async () => {
      holding();
      await released;
    });
    await held;
    await assert.rejects(withFileLock(sidecar, async () => 'ran', { waitMs: 200 }), (error: Error) => error instanceof FileLockError && error.message.includes(lock) && /locked by another process \(pid \d+/.test(error.message));
    assert.equal(existsSync(lock), true, 'the holder keeps its lock');
    release();
    await holder;
    assert.equal(existsSync(lock), false);
    done();
  });

  it('says a name is too long for the lock and temp files, instead of failing with a bare ENAMETOOLONG', async () => {
    const { sidecar, done } = scratch();
    const long = path.join(path.dirname(sidecar), `${'n'.repeat(235)}.annotations.json`);
    await assert.rejects(withFileLock(long, async () => 'ran'), (error: Error) => error instanceof FileLockError && /file name is too long for the file system .*; use a shorter file name/.test(error.message));
    assert.deepEqual(readdirSync(path.dirname(sidecar)), [], 'nothing left behind');
    done();
  });
});

describe('the sidecar lock file, taken with blocking calls (a worker thread)', () => {
  it('is held as soon as the call returns when nobody holds it: no promise-based file call on the uncontended path', async () => {
    const { sidecar, lock, done } = scratch();
    const handles = fileHandlesOpenedDuring(() => {
      const running = withFileLock(sidecar, async () => 'ran', { blocking: true });
      assert.equal(existsSync(lock), true, 'the lock exists before anything was awaited');
      return running;
    });
    assert.equal(await handles.result, 'ran');
    assert.equal(handles.count(), 0, 'no FileHandle opened');
    assert.equal(existsSync(lock), false, 'released');
    assert.deepEqual(readdirSync(path.dirname(sidecar)), [], 'no staging file left behind');
    done();
  });

  it("links a thread's locks in one folder to one file, so that locking frees no inode, and removes that file once it holds none there", async () => {
    const { sidecar, lock, done } = scratch();
    const other = path.join(path.dirname(sidecar), 'b.annotations.json');
    const otherLock = path.join(path.dirname(sidecar), '.b.annotations.json.lock');
    let inodes: number[] = [];
    await withFileLock(
      sidecar,
      () =>
        withFileLock(
          other,
          async () => {
            inodes = [statSync(lock).ino, statSync(otherLock).ino];
            const content = readFileSync(lock, 'utf8');
            assert.match(content, new RegExp(`^${process.pid} \\d+ [0-9a-f]{16} `), 'the lock names its holder');
          },
          { blocking: true },
        ),
      { blocking: true },
    );
    assert.equal(inodes[0], inodes[1], 'one inode');
    assert.deepEqual(readdirSync(path.dirname(sidecar)), [], 'nothing left once no lock is held');
    // A lock taken after the others is a new lock (another mtime), though on a new inode or the same.
    await withFileLock(sidecar, async () => assert.equal(existsSync(lock), true), { blocking: true });
    assert.deepEqual(readdirSync(path.dirname(sidecar)), []);
    done();
  });

  it("still locks when someone removed the thread's lock file meanwhile", async () => {
    const { sidecar, done } = scratch();
    const folder = path.dirname(sidecar);
    const other = path.join(folder, 'b.annotations.json');
    const ran = await withFileLock(
      sidecar,
      async () => {
        for (const name of readdirSync(folder)) if (name.startsWith('.marginalia-lock.')) rmSync(path.join(folder, name));
        return withFileLock(other, async () => 'ran', { blocking: true });
      },
      { blocking: true },
    );
    assert.equal(ran, 'ran');
    assert.equal(await withFileLock(other, async () => 'again', { blocking: true }), 'again');
    assert.deepEqual(readdirSync(folder), []);
    done();
  });

  it('waits for a live holder and takes over a lock whose holder was killed, as the asynchronous lock does', async () => {
    const { sidecar, lock, done } = scratch();
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const order: string[] = [];
    let holding = () => {};
    const held = new Promise<void>((resolve) => (holding = resolve));
    const holder = withFileLock(sidecar, async () => {
      order.push('holder');
      holding();
      await released;
    });
    await held;
    const waiter = withFileLock(sidecar, async () => void order.push('waiter'), { blocking: true });
    assert.deepEqual(order, ['holder'], 'the waiter waits');
    release();
    await Promise.all([holder, waiter]);
    assert.deepEqual(order, ['holder', 'waiter']);
    writeFileSync(lock, `999999999 ${Date.now()}\n`);
    assert.equal(await withFileLock(sidecar, async () => 'ran', { blocking: true }), 'ran');
    assert.equal(existsSync(lock), false);
    done();
  });

  it('says a name is too long for the lock and temp files', async () => {
    const { sidecar, done } = scratch();
    const long = path.join(path.dirname(sidecar), `${'n'.repeat(235)}.annotations.json`);
    await assert.rejects(withFileLock(long, async () => 'ran', { blocking: true }), (error: Error) => error instanceof FileLockError && /file name is too long for the file system .*; use a shorter file name/.test(error.message));
    assert.deepEqual(readdirSync(path.dirname(sidecar)), [], 'nothing left behind');
    done();
  });
});

/** Runs `action`, counting the FileHandles (promise-based file calls) opened while it and what it started run. */
function fileHandlesOpenedDuring<T>(action: () => T): { result: T; count: () => number } {
  let count = 0;
  const hook = createHook({
    init(_id, type) {
      if (type === 'FILEHANDLE') count++;
    },
  }).enable();
  const result = action();
  return {
    result,
    count: () => {
      hook.disable();
      return count;
    },
  };
}
