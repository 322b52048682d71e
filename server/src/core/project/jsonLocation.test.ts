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
});
