import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { duration, ProgressBar, progressLine, type TerminalStream } from './progressBar';

/** A stand-in for a terminal: its width, and everything written to it. */
function fakeTerminal(columns = 80, isTTY = true): TerminalStream & { writes: string[] } {
  const writes: string[] = [];
  return { isTTY, columns, writes, write: (chunk: string) => writes.push(chunk) };
}

/** A clock the test moves by hand. */
function fakeClock() {
  let now = 0;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('progressLine', () => {
  it('shows the count, a bar, the percentage and the time left', () => {
    const line = progressLine({ label: 'checking', done: 1234, total: 10000, elapsedMs: 478, columns: 52 });
    assert.equal(line, 'checking 1234/10000 ▕█░░░░░░░░░░░▏ 12% · 3.4 s left');
    assert.equal(line.length, 51, 'one column less than the terminal, so it never wraps');
  });

  it('keeps the bar at 30 cells on a wide terminal', () => {
    const line = progressLine({ label: 'checking', done: 5, total: 10, elapsedMs: 1000, columns: 200 });
    assert.equal(line, `checking 5/10 ▕${'█'.repeat(15)}${'░'.repeat(15)}▏ 50% · 1.0 s left`);
  });

  it('drops the bar, then cuts the line, on a narrow terminal', () => {
    assert.equal(progressLine({ label: 'checking', done: 1, total: 4, elapsedMs: 2000, columns: 40 }), 'checking 1/4 25% · 6.0 s left');
    assert.equal(progressLine({ label: 'checking', done: 1, total: 4, elapsedMs: 2000, columns: 16 }), 'checking 1/4 2…');
  });

  it('states no time left before the first item and after the last, and adds a message', () => {
    assert.equal(progressLine({ label: 'loading', done: 0, total: 4, elapsedMs: 0, columns: 40 }), 'loading 0/4 ▕░░░░░░░░░░░░░░░░░░░░░░▏ 0%');
    assert.equal(progressLine({ label: 'loading', done: 4, total: 4, elapsedMs: 900, columns: 40, message: 'a.txt' }), 'loading 4/4 ▕████████████▏ 100% · a.txt');
  });
});

describe('duration', () => {
  it('reads naturally from tenths of a second to hours', () => {
    assert.deepEqual([400, 9_940, 34_200, 125_000, 3_599_700, 3_900_000].map(duration), ['0.4 s', '9.9 s', '34 s', '2 min 05 s', '1 h 00 min', '1 h 05 min']);
  });
});

describe('ProgressBar', () => {
  it('draws over its own line, at most every 100 ms, always the last item, and erases itself', () => {
    const terminal = fakeTerminal(60);
    const clock = fakeClock();
    const bar = new ProgressBar(terminal, 'checking', { now: clock.now });
    bar.report(0, 3);
    clock.advance(50);
    bar.report(1, 3);
    clock.advance(60);
    bar.report(2, 3);
    clock.advance(10);
    bar.report(3, 3);
    bar.clear();
    assert.deepEqual(terminal.writes, [
      '\rchecking 0/3 ▕░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░▏ 0%\x1b[K',
      '\rchecking 2/3 ▕██████████████████░░░░░░░░░▏ 66% · 0.1 s left\x1b[K',
      '\rchecking 3/3 ▕██████████████████████████████▏ 100%\x1b[K',
      '\r\x1b[2K',
    ]);
  });

  it('writes nothing when the stream is not a terminal, in CI, on a dumb terminal, or with --no-progress', () => {
    const cases = [
      { terminal: fakeTerminal(80, false), options: {} },
      { terminal: fakeTerminal(), options: { env: { CI: 'true' } } },
      { terminal: fakeTerminal(), options: { env: { TERM: 'dumb' } } },
      { terminal: fakeTerminal(), options: { disabled: true } },
    ];
    for (const { terminal, options } of cases) {
      const bar = new ProgressBar(terminal, 'checking', options);
      bar.report(0, 2);
      bar.report(2, 2);
      bar.clear();
      bar.clearedBefore(() => undefined)();
      assert.deepEqual(terminal.writes, [], JSON.stringify(options));
    }
  });

  it('erases itself before other output, and draws again on the next report', () => {
    const terminal = fakeTerminal(40);
    const clock = fakeClock();
    const bar = new ProgressBar(terminal, 'loading', { now: clock.now });
    const say = bar.clearedBefore((line: string) => terminal.write(line + '\n'));
    bar.report(1, 2);
    say('a.annotations.json: skipped');
    say('b.annotations.json: skipped');
    clock.advance(1);
    bar.report(2, 2);
    assert.deepEqual(terminal.writes, [
      '\rloading 1/2 ▕██████████░░░░░░░░░░░▏ 50%\x1b[K',
      '\r\x1b[2K',
      'a.annotations.json: skipped\n',
      'b.annotations.json: skipped\n',
      '\rloading 2/2 ▕████████████████████▏ 100%\x1b[K',
    ]);
  });

  it('draws nothing for an empty run, so there is nothing to erase', () => {
    const terminal = fakeTerminal();
    const bar = new ProgressBar(terminal, 'checking');
    bar.report(0, 0);
    bar.clear();
    assert.deepEqual(terminal.writes, []);
  });
});
