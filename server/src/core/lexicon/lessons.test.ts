import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newTag, type Tag } from '../sidecar';
import { invertEdit, modifiedTag, type TagEdit } from '../sidecar/tagEdits';
import { Lexicon } from './lexicon';
import { applyLessons, lessonsOf, type LessonSource } from './lessons';

const ARTICLE = 'Defense Minister Umerov met Western partners. Western aid 👍 Umerov said.';
const AT = '2026-11-22T10:00:00.000Z';
const source: LessonSource = { by: 'ann', article: '002.txt', at: AT, articleText: ARTICLE };
/** A tag on the nth occurrence of `text` (code point offsets, as sidecars keep them). */
const tagOn = (text: string, label: string, status: Tag['status'] = 'accepted', occurrence = 0): Tag => {
  let at = -1;
  for (let n = 0; n <= occurrence; n++) at = ARTICLE.indexOf(text, at + 1);
  const start = [...ARTICLE.slice(0, at)].length;
  return newTag({ text: ARTICLE, start, end: start + [...text].length, label, source: 'manual', status: status === 'conflict' ? 'accepted' : status, annotator: 'ann' });
};
const learnt = (lexicon: Lexicon) => lexicon.rules().map((rule) => rule.description);
const apply = (lexicon: Lexicon, edit: TagEdit) => applyLessons(lexicon, lessonsOf(edit.changes, source));

describe('what a tag action teaches the lexicon', () => {
  it('a tag added teaches its text and label; undoing it takes that back', () => {
    const lexicon = new Lexicon();
    const edit: TagEdit = { description: 'tag', changes: [{ after: tagOn('Umerov', 'PERSON') }] };
    assert.deepEqual(lessonsOf(edit.changes, source), [{ type: 'learn', lesson: { text: 'Umerov', label: 'PERSON', kind: 'entity', by: 'ann', article: '002.txt', at: AT } }]);
    apply(lexicon, edit);
    assert.deepEqual(learnt(lexicon), ['"Umerov" is PERSON: taught by ann in 002.txt']);
    apply(lexicon, invertEdit(edit));
    assert.equal(lexicon.size, 0);
  });

  it('a possessive ending is not part of the name a tag teaches', () => {
    const text = "Ukraine’s drones and the Ukrainians' resolve; Ukraine's allies.";
    const lexicon = new Lexicon();
    const on = (covered: string) => {
      const start = [...text.slice(0, text.indexOf(covered))].length;
      return newTag({ text, start, end: start + [...covered].length, label: covered.startsWith('Ukrainians') ? 'NORP' : 'GPE', source: 'manual', status: 'accepted', annotator: 'ann' });
    };
    const tags = ['Ukraine’s', "Ukrainians'", "Ukraine's"].map(on);
    applyLessons(lexicon, lessonsOf(tags.map((tag) => ({ after: tag })), { ...source, articleText: text }));
    assert.deepEqual(learnt(lexicon), ['"Ukraine" is GPE: taught by ann in 002.txt, 2 tags', '"Ukrainians" is NORP: taught by ann in 002.txt']);
    applyLessons(lexicon, lessonsOf(tags.map((tag) => ({ before: tag })), { ...source, articleText: text }));
    assert.equal(lexicon.size, 0, 'removing the tags takes back what they taught');
  });

  it('a relabelled tag moves its word from the old label to the new one', () => {
    const lexicon = new Lexicon();
    const tag = tagOn('Umerov', 'ORG');
    apply(lexicon, { description: 'tag', changes: [{ after: tag }] });
    apply(lexicon, { description: 'relabel', changes: [{ before: tag, after: modifiedTag(tag, { label: 'PERSON' }) }] });
    assert.deepEqual(learnt(lexicon), ['"Umerov" is PERSON: taught by ann in 002.txt']);
  });

  it('approving, commenting or moving a tag on the same text teaches nothing new', () => {
    const tag = tagOn('Umerov', 'PERSON');
    assert.deepEqual(lessonsOf([{ before: tag, after: modifiedTag(tag, { status: 'approved' }) }], source), []);
    assert.deepEqual(lessonsOf([{ before: tag, after: { ...tag, history: [{ at: AT, by: 'rev', action: 'commented', comment: 'ok' }] } }], source), []);
  });

  it('proposals, numbers and dates teach nothing; their rejections are kept', () => {
    assert.deepEqual(lessonsOf([{ after: tagOn('Umerov', 'PERSON', 'proposed') }], source), []);
    const number = newTag({ text: 'He paid $50 billion.', start: 8, end: 19, label: 'MONEY', source: 'manual', annotator: 'ann' });
    assert.deepEqual(lessonsOf([{ after: number }], { ...source, articleText: 'He paid $50 billion.' }), []);
    const rejected = { ...number, status: 'rejected' as const };
    assert.deepEqual(lessonsOf([{ after: rejected }], { ...source, articleText: 'He paid $50 billion.' }).map((update) => update.type), ['suppress']);
  });

  it('a rejection rules the label out between the words either side, read with UTF-16 offsets past an emoji', () => {
    const rejected = tagOn('Umerov', 'PERSON', 'rejected', 1);
    const [update] = lessonsOf([{ after: rejected }], source);
    assert.deepEqual(update, { type: 'suppress', rejection: { text: 'Umerov', label: 'PERSON', before: '', after: 'said', by: 'ann', article: '002.txt', at: AT } });
    const lexicon = new Lexicon();
    applyLessons(lexicon, [update!]);
    assert.ok(lexicon.isSuppressed(ARTICLE, ARTICLE.lastIndexOf('Umerov'), ARTICLE.lastIndexOf('Umerov') + 6, 'PERSON'));
    assert.ok(!lexicon.isSuppressed(ARTICLE, ARTICLE.indexOf('Umerov'), ARTICLE.indexOf('Umerov') + 6, 'PERSON'), 'another context');
    // Accepted after all: the rejection is lifted and the text taught.
    assert.deepEqual(lessonsOf([{ before: rejected, after: modifiedTag(rejected, { status: 'accepted' }) }], source).map((u) => u.type), ['unsuppress', 'learn']);
    applyLessons(lexicon, lessonsOf([{ before: rejected }], source));
    assert.equal(lexicon.size, 0);
  });

  it('a rejection whose text moved away is lifted by its own stored context', () => {
    const rejected = tagOn('Western', 'NORP', 'rejected', 1);
    const lexicon = new Lexicon();
    applyLessons(lexicon, lessonsOf([{ after: rejected }], source));
    assert.equal(lexicon.size, 1);
    applyLessons(lexicon, lessonsOf([{ before: rejected }], { ...source, articleText: 'The article was rewritten since.' }));
    assert.equal(lexicon.size, 0);
  });

  it('takes back before teaching, so that one edit swapping two labels nets out', () => {
    const lexicon = new Lexicon();
    const tag = tagOn('Umerov', 'PERSON');
    apply(lexicon, { description: 'tag', changes: [{ after: tag }] });
    const relabelled = modifiedTag(tag, { label: 'ORG' });
    apply(lexicon, { description: 'there and back', changes: [{ before: tag, after: relabelled }, { before: relabelled, after: tag }] });
    assert.deepEqual(learnt(lexicon), ['"Umerov" is PERSON: taught by ann in 002.txt']);
  });
});
