import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compileGlob, globProblem } from './glob';

describe('globs in settings', () => {
  it('match articles in any folder below with **', () => {
    const glob = compileGlob('seeds/**/*.txt');
    assert.ok(glob.test('seeds/a.txt'));
    assert.ok(glob.test('seeds/2024/jan/a.txt'));
    assert.ok(!glob.test('other/a.txt'));
    assert.ok(!glob.test('seeds/a.txt.bak'));
  });

  it('keep * within one folder', () => {
    assert.ok(compileGlob('*.txt').test('a.txt'));
    assert.ok(!compileGlob('*.txt').test('x/a.txt'));
  });

  it('take alternatives in braces and treat dots literally', () => {
    const glob = compileGlob('**/*.{txt,text}');
    assert.ok(glob.test('a/b.text'));
    assert.ok(glob.test('b.txt'));
    assert.ok(!glob.test('btxt'));
  });

  it('match ? as one character but not a folder separator, and a trailing ** as everything below', () => {
    assert.ok(compileGlob('a?c.txt').test('abc.txt'));
    assert.ok(compileGlob('a?c.txt').test('a🏆c.txt'));
    assert.ok(!compileGlob('a?c.txt').test('a/c.txt'));
    assert.ok(compileGlob('news/**').test('news/2024/a.txt'));
    assert.ok(compileGlob('a**b').test('a/x/b'));
    assert.ok(!compileGlob('news/**').test('other/a.txt'));
  });

  it('take regular-expression characters literally', () => {
    assert.ok(compileGlob('a+(b)|[c]^$.txt').test('a+(b)|[c]^$.txt'));
    assert.ok(!compileGlob('a+.txt').test('aa.txt'));
  });

  it('nest alternatives, and keep a lone } or , outside braces as a character', () => {
    const glob = compileGlob('{news/{2023,2024},drafts}/*.txt');
    assert.ok(glob.test('news/2024/a.txt'));
    assert.ok(glob.test('drafts/a.txt'));
    assert.ok(!glob.test('news/2022/a.txt'));
    assert.ok(compileGlob('a},b.txt').test('a},b.txt'));
    assert.ok(compileGlob('{,old/}a.txt').test('a.txt'));
  });

  it('answer at once on patterns that make a regular expression backtrack exponentially', () => {
    // As a RegExp, this glob took 22.7 s on 34 a's and never ended on 40: the test hangs, then fails on its timeout.
    const glob = compileGlob('*a*a*a*a*a*a*a*a*a*a*a*a*ab.txt');
    assert.ok(!glob.test('a'.repeat(40) + '.txt'));
    assert.ok(glob.test('a'.repeat(40) + 'b.txt'));
    assert.ok(!compileGlob('**/**/**/**/**/**/**/**/**/**/x').test('a/'.repeat(60) + 'y'));
  });

  it('say what is wrong with a glob that is not well formed', () => {
    assert.match(globProblem('{a,b.txt') ?? '', /glob "\{a,b\.txt": the "\{" at character 1 is never closed by a "\}"/);
    assert.match(globProblem('{'.repeat(20) + '}'.repeat(20)) ?? '', /nested more than 8 deep/);
    assert.equal(globProblem('seeds/**/*.{txt,text}'), undefined);
  });
});
