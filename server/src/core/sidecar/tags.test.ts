import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newTag, tagId } from './tags';

const NOW = new Date('2024-05-01T12:00:00Z');

describe('a new tag', () => {
  it('carries 32 characters of context on each side', () => {
    const before = 'a'.repeat(40);
    const after = 'b'.repeat(40);
    const tag = newTag({ text: `${before}Kyiv${after}`, start: 40, end: 44, label: 'GPE', source: 'manual', annotator: 'olena', now: NOW });
    assert.equal(tag.text, 'Kyiv');
    assert.equal(tag.context.prefix, 'a'.repeat(32));
    assert.equal(tag.context.suffix, 'b'.repeat(32));
  });

  it('carries less context near the start and end of the article', () => {
    const tag = newTag({ text: 'In Kyiv.', start: 3, end: 7, label: 'GPE', source: 'manual', annotator: 'olena' });
    assert.deepEqual(tag.context, { prefix: 'In ', suffix: '.' });
  });

  it('offsets count an emoji before the tag as one character', () => {
    const text = '🏆 Messi scored 😀😀';
    const tag = newTag({ text, start: 2, end: 7, label: 'PERSON', source: 'manual', annotator: 'olena' });
    assert.equal(tag.text, 'Messi');
    assert.deepEqual(tag.context, { prefix: '🏆 ', suffix: ' scored 😀😀' });
  });

  it('may cross a line break', () => {
    const tag = newTag({ text: 'the Kyiv\nPost said', start: 4, end: 13, label: 'ORG', source: 'manual', annotator: 'olena' });
    assert.equal(tag.text, 'Kyiv\nPost');
  });

  it('is stamped with its creation time, its kind and a status that fits its source', () => {
    const tag = newTag({ text: 'Kyiv', start: 0, end: 4, label: 'GPE', source: 'manual', annotator: 'olena', now: NOW });
    assert.equal(tag.created, '2024-05-01T12:00:00.000Z');
    assert.equal(tag.modified, tag.created);
    assert.equal(tag.kind, 'entity');
    assert.equal(tag.status, 'accepted');
    const imported = newTag({ text: 'Kyiv', start: 0, end: 4, label: 'GPE', source: 'import', annotator: 'detector' });
    assert.equal(imported.status, 'proposed');
    const rejected = newTag({ text: 'Kyiv', start: 0, end: 4, label: 'GPE', source: 'suggestion', status: 'rejected', annotator: 'olena' });
    assert.equal(rejected.status, 'rejected');
  });

  it('keeps a normalised value', () => {
    const tag = newTag({
      text: '$50 billion',
      start: 0,
      end: 11,
      label: 'MONEY',
      source: 'suggestion',
      annotator: 'olena',
      value: { type: 'money', amount: 5e10, currency: 'USD' },
    });
    assert.deepEqual(tag.value, { type: 'money', amount: 5e10, currency: 'USD' });
  });

  it('needs a kind for a custom label', () => {
    assert.throws(() => newTag({ text: 'AK-47', start: 0, end: 5, label: 'WEAPON', source: 'manual', annotator: 'olena' }), /explicit kind/);
    const tag = newTag({ text: 'AK-47', start: 0, end: 5, label: 'WEAPON', kind: 'entity', source: 'manual', annotator: 'olena' });
    assert.equal(tag.label, 'WEAPON');
  });

  it('refuses spans outside the article, empty spans and invalid fields', () => {
    const base = { text: 'Kyiv', label: 'GPE', source: 'manual', annotator: 'olena' } as const;
    assert.throws(() => newTag({ ...base, start: 2, end: 5 }), RangeError);
    assert.throws(() => newTag({ ...base, start: 2, end: 2 }), RangeError);
    assert.throws(() => newTag({ ...base, start: 0, end: 4, annotator: '' }), /annotator/);
  });
});

describe('tag ids', () => {
  it('are short, random and distinct', () => {
    const ids = Array.from({ length: 3000 }, tagId);
    for (const id of ids) assert.match(id, /^t-[0-9a-f]{12}$/);
    assert.equal(new Set(ids).size, ids.length);
  });
});
