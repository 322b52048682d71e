import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { locateJsonPath } from './jsonLocation';

describe('locating a path in JSON text', () => {
  const text = '{ "a": [1, {"b\\"c": "x,]}"}, true], "d": {"e": null} }';
  const at = (path: PropertyKey[]) => {
    const location = locateJsonPath(text, path);
    return location && { key: location.key && text.slice(location.key.start, location.key.end), value: text.slice(location.value.start, location.value.end) };
  };

  it('finds keys and values through objects and arrays, escapes and brackets inside strings included', () => {
    assert.deepEqual(at(['a', 1, 'b"c']), { key: '"b\\"c"', value: '"x,]}"' });
    assert.deepEqual(at(['a', 2]), { key: undefined, value: 'true' });
    assert.deepEqual(at(['d', 'e']), { key: '"e"', value: 'null' });
    assert.deepEqual(at(['d']), { key: '"d"', value: '{"e": null}' });
    assert.deepEqual(at([]), { key: undefined, value: text });
  });

  it('answers undefined for a path that is not there', () => {
    assert.equal(locateJsonPath(text, ['a', 7]), undefined);
    assert.equal(locateJsonPath(text, ['z']), undefined);
    assert.equal(locateJsonPath('', ['z']), undefined);
  });

  it('finds empty containers, and values after others nested deeper than the call stack goes', () => {
    assert.deepEqual(at(['d', 'e']), { key: '"e"', value: 'null' });
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    const nested = `{"x": ${deep}, "labels": {}, "y": [[], {}, 5]}`;
    assert.equal(JSON.parse(nested).y[2], 5);
    const slice = (path: PropertyKey[]) => {
      const location = locateJsonPath(nested, path)!;
      return nested.slice(location.value.start, location.value.end);
    };
    assert.equal(slice(['labels']), '{}');
    assert.equal(slice(['y', 0]), '[]');
    assert.equal(slice(['y', 2]), '5');
    assert.equal(slice(['x']), deep);
    assert.equal(locateJsonPath(nested, ['x', 0, 0, 1]), undefined);
  });
});
