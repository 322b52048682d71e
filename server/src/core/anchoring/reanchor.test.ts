import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newTag } from '../sidecar/tags';
import type { Tag } from '../sidecar/schema';
import { reanchorTags } from './reanchor';

const ARTICLE = [
  'Kyiv, Jan. 5 — Ukraine and Latvia will build drones together, Defense Minister Rustem Umerov said on Friday.',
  'The agreement follows a call between Umerov and his Latvian counterpart Andris Spruds.',
  'President Volodymyr Zelensky earlier pledged that Ukraine would produce 1 million drones in 2024.',
].join('\n\n');

/** A tag on the `occurrence`-th appearance of `quote` in `text`, as the editor would make it. */
function tagOn(text: string, quote: string, occurrence = 0): Tag {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(quote, at + 1);
  assert.notEqual(at, -1, `"${quote}" is not in the text`);
  const start = [...text.slice(0, at)].length;
  return newTag({ text, start, end: start + [...quote].length, label: 'PERSON', source: 'manual', annotator: 'test', now: new Date(0) });
}

function reanchorOne(text: string, tag: Tag) {
  const [result] = reanchorTags(text, [tag]);
  return result;
}

describe('re-anchoring a tag after the article changed outside the editor', () => {
  it('leaves a tag whose text is still at its offsets unchanged', () => {
    const tag = tagOn(ARTICLE, 'Rustem Umerov');
    const result = reanchorOne(ARTICLE, tag);
    assert.equal(result.outcome, 'unchanged');
    assert.equal(result.tag, tag);
  });

  it('refreshes the context of a tag that stayed put while its neighbours changed', () => {
    const tag = tagOn(ARTICLE, 'Rustem Umerov');
    const edited = ARTICLE.replace('said on Friday', 'told reporters on Friday');
    const result = reanchorOne(edited, tag);
    assert.equal(result.outcome, 'unchanged');
    assert.equal(result.tag.context.suffix, ' told reporters on Friday.\n\nThe ');
  });

  it('finds a tag again after a paragraph above it was deleted', () => {
    const tag = tagOn(ARTICLE, 'Volodymyr Zelensky');
    const edited = ARTICLE.replace(/The agreement[^\n]*\n\n/, '');
    const result = reanchorOne(edited, tag);
    assert.equal(result.outcome, 'moved');
    assert.equal(result.tag.start, [...edited.slice(0, edited.indexOf('Volodymyr'))].length);
    assert.equal(result.tag.text, 'Volodymyr Zelensky');
  });

  it('follows a paragraph that moved, telling apart two mentions of the same name by their context', () => {
    const tag = tagOn(ARTICLE, 'Ukraine', 1);
    const [first, second, third] = ARTICLE.split('\n\n');
    const edited = [third, first, second].join('\n\n');
    const result = reanchorOne(edited, tag);
    assert.equal(result.outcome, 'moved');
    assert.equal(result.tag.start, edited.indexOf('that Ukraine') + 'that '.length);
  });

  it('orphans a tag whose text was deleted with its paragraph, even though the name appears elsewhere', () => {
    const tag = tagOn(ARTICLE, 'Umerov', 1);
    const edited = ARTICLE.replace(/The agreement[^\n]*\n\n/, '');
    const result = reanchorOne(edited, tag);
    assert.equal(result.outcome, 'orphaned');
    assert.equal(result.tag, tag);
    assert.match(result.reason ?? '', /deleted or rewritten/);
  });

  it('orphans a tag whose text was rewritten rather than guessing', () => {
    const tag = tagOn(ARTICLE, 'Volodymyr Zelensky');
    const edited = ARTICLE.replace('Volodymyr Zelensky', 'the head of state');
    assert.equal(reanchorOne(edited, tag).outcome, 'orphaned');
  });

  it('orphans a number that changed, however small the edit', () => {
    const tag = tagOn(ARTICLE, '2024');
    const edited = `Updated. ${ARTICLE.replace('in 2024', 'in 2025')}`;
    assert.equal(reanchorOne(edited, tag).outcome, 'orphaned');
  });

  it('orphans an ambiguous tag when two identical contexts remain', () => {
    const paragraph = 'After a long night of attacks, officials in Kyiv said that the drones were delivered on time and intact.';
    const text = `Intro.\n\n${paragraph}`;
    const tag = tagOn(text, 'Kyiv');
    const edited = `${paragraph}\n\n${paragraph}`;
    const result = reanchorOne(edited, tag);
    assert.equal(result.outcome, 'orphaned');
    assert.match(result.reason ?? '', /ambiguous/);
  });

  it('follows a quote-style change (’ → \') with a fuzzy match', () => {
    const text = 'The minister praised Latvia’s proactive steps in the drone coalition on Friday.';
    const tag = tagOn(text, 'Latvia’s');
    const edited = `Breaking: ${text.replace('’', "'")}`;
    const result = reanchorOne(edited, tag);
    assert.equal(result.outcome, 'fuzzy');
    assert.equal(result.tag.text, "Latvia's");
    assert.equal(result.tag.start, tag.start + 'Breaking: '.length);
  });

  it('follows whitespace changes: CRLF line ends and doubled spaces', () => {
    const tag = tagOn(ARTICLE, 'Andris Spruds');
    const edited = ARTICLE.replace(/\n/g, '\r\n').replace(/\. /g, '.  ');
    const result = reanchorOne(edited, tag);
    assert.equal(result.outcome, 'moved');
    assert.equal(result.tag.start, edited.indexOf('Andris'));
  });

  it('follows a name whose spelling changed a little when its context is intact on both sides', () => {
    const tag = tagOn(ARTICLE, 'Volodymyr Zelensky');
    const edited = `Update: ${ARTICLE.replace('Volodymyr Zelensky', 'Volodymyr Zelenskyy')}`;
    const result = reanchorOne(edited, tag);
    assert.equal(result.outcome, 'fuzzy');
    assert.equal(result.tag.text, 'Volodymyr Zelenskyy');
  });

  it('keeps an emoji before the tag from shifting it by more than one code point', () => {
    const tag = tagOn(ARTICLE, 'Andris Spruds');
    const edited = `🇺🇦 ${ARTICLE}`;
    const result = reanchorOne(edited, tag);
    assert.equal(result.outcome, 'moved');
    assert.equal(result.tag.start, tag.start + 3, 'the flag is two code points, then a space');
    assert.equal([...edited].slice(result.tag.start, result.tag.end).join(''), 'Andris Spruds');
  });

  it('counts the end of the article as context for a tag that ended it', () => {
    const text = 'Drones hit Kyiv overnight, officials in Kyiv said. Sirens sounded again in Kyiv';
    const tag = tagOn(text, 'Kyiv', 2);
    const edited = `Live updates.\n\n${text.replace('Sirens sounded again in', 'Then air raid alarms over')}`;
    const result = reanchorOne(edited, tag);
    assert.equal(result.outcome, 'moved');
    assert.equal(result.tag.end, [...edited].length);
  });
});
