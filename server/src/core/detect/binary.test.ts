import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { looksBinary } from './binary';

/** looksBinary reads its sample in place rather than slicing it off (a speed-up): the sample's bounds still hold. */
describe('looksBinary', () => {
  test('plain text, with tabs, form feeds and both line ends, is no binary', () => {
    assert.equal(looksBinary('Kyiv, Monday.\tThe talks\r\nended.\f\n'), false);
    assert.equal(looksBinary(''), false);
  });

  test('a NUL in the sample makes a binary, one past it does not', () => {
    assert.equal(looksBinary(`${'a'.repeat(8191)}\u0000`), true);
    assert.equal(looksBinary(`${'a'.repeat(8192)}\u0000`), false);
  });

  test('more than a tenth of the sample in replacement or control characters makes a binary', () => {
    assert.equal(looksBinary(`${'\ufffd'.repeat(11)}${'a'.repeat(89)}`), true);
    assert.equal(looksBinary(`${'\u0001'.repeat(10)}${'a'.repeat(90)}`), false);
    // Only the first 8192 characters count, however long the text.
    assert.equal(looksBinary(`${'\u0002'.repeat(819)}${'a'.repeat(7373)}${'a'.repeat(100_000)}`), false);
    assert.equal(looksBinary(`${'\u0002'.repeat(820)}${'a'.repeat(7372)}${'a'.repeat(100_000)}`), true);
  });
});
