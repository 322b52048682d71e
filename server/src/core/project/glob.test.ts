import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { globToRegExp } from './glob';

describe('globs in settings', () => {
  it('match articles in any folder below with **', () => {
    const glob = globToRegExp('seeds/**/*.txt');
    assert.ok(glob.test('seeds/a.txt'));
    assert.ok(glob.test('seeds/2024/jan/a.txt'));
    assert.ok(!glob.test('other/a.txt'));
    assert.ok(!glob.test('seeds/a.txt.bak'));
  });

  it('keep * within one folder', () => {
    assert.ok(globToRegExp('*.txt').test('a.txt'));
    assert.ok(!globToRegExp('*.txt').test('x/a.txt'));
  });

  it('take alternatives in braces and treat dots literally', () => {
    const glob = globToRegExp('**/*.{txt,text}');
    assert.ok(glob.test('a/b.text'));
    assert.ok(glob.test('b.txt'));
    assert.ok(!glob.test('btxt'));
  });
});
