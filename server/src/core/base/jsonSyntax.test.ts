import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { jsonPrefix, scanJsonString, syntaxErrorOffset } from './jsonSyntax';

describe('the start of a value’s JSON, for messages', () => {
  it('is a prefix of JSON.stringify, whole when short, at least limit + 1 characters when longer', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 80 }), (value, limit) => {
        const full = JSON.stringify(value);
        const prefix = jsonPrefix(value, limit);
        if (full.length <= limit) assert.equal(prefix, full);
        else {
          assert.ok(prefix.length > limit, `${prefix} is too short for ${limit}`);
          assert.equal(prefix.slice(0, limit + 1), full.slice(0, limit + 1));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('prints arrays nested deeper than JSON.stringify can, and a huge array or string only in part', () => {
    const deep = JSON.parse('['.repeat(200_000) + ']'.repeat(200_000)) as unknown;
    assert.throws(() => JSON.stringify(deep), RangeError);
    assert.equal(jsonPrefix(deep, 10), '['.repeat(11));
    assert.equal(jsonPrefix(Array.from({ length: 1_000_000 }, () => 1), 6), '[1,1,1,1');
    assert.equal(jsonPrefix({ text: 'x'.repeat(10_000_000) }, 12), '{"text":"xxxxx');
  });
});

describe('the JSON string scanner', () => {
  it('answers the end of a valid string and the place of a fault', () => {
    assert.equal(scanJsonString('"a\\"b" ', 0), 6);
    assert.equal(scanJsonString('"a\\qb"', 0), -1 - 2);
    assert.equal(scanJsonString('"ab', 0), -1 - 3);
    assert.equal(scanJsonString('x', 0), -1);
    assert.equal(syntaxErrorOffset('{"a": "b\\x"}'), 8);
  });
});
