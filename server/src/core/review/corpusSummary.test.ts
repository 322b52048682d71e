import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { exampleTag } from '../../../../test/support/testSidecars';
import type { Tag } from '../sidecar/schema';
import { addSummaries, describeProgress, misplacedTagIds, percentReviewed, summarizeArticle, summarizeTags } from './corpusSummary';

const TEXT = 'Kyiv and Odesa 😀 and Lviv.';
/** A tag on the first `words` of TEXT; offsets in code points, as sidecars count them (the emoji takes two UTF-16 units). */
const on = (id: string, words: string, status: Tag['status']): Tag => {
  const start = [...TEXT.slice(0, TEXT.indexOf(words))].length;
  return exampleTag({ id, start, end: start + [...words].length, text: words, status, ...(status === 'conflict' ? { conflict: { ours: 'deleted' as const, theirs: { ...exampleTag(), status: 'accepted' as const } } } : {}) });
};

describe('review summary of an article', () => {
  it('counts tags by review state, orphaned being those whose text is not at their offsets (code points, after an emoji)', () => {
    const tags = [on('a', 'Kyiv', 'accepted'), on('b', 'Odesa', 'approved'), on('c', 'Lviv', 'rejected'), on('d', 'Lviv', 'proposed'), { ...on('e', 'Lviv', 'accepted'), text: 'Lvov' }, on('f', 'Kyiv', 'conflict')];
    const summary = summarizeArticle(TEXT, tags);
    assert.deepEqual(summary.counts, { proposed: 1, accepted: 1, approved: 1, rejected: 1, orphaned: 1, conflict: 1 });
    assert.equal(summary.total, 6);
    assert.equal(summary.reviewed, 2);
    assert.deepEqual([...misplacedTagIds(TEXT, tags)], ['e']);
  });

  it('a tag beyond the end of a shortened article is orphaned', () => {
    assert.deepEqual([...misplacedTagIds('Kyiv', [on('a', 'Lviv', 'accepted')])], ['a']);
  });

  it('an open article says which tags are orphaned itself (edits not saved yet)', () => {
    assert.equal(summarizeTags([on('a', 'Kyiv', 'approved'), on('b', 'Odesa', 'approved')], new Set(['b'])).counts.orphaned, 1);
  });

  it('says progress as "percent · reviewed/total", rounded down so that 100% means done', () => {
    const summary = (approved: number, accepted: number) => addSummaries([summarizeTags([...Array(approved)].map((_, i) => on(`p${i}`, 'Kyiv', 'approved')).concat([...Array(accepted)].map((_, i) => on(`q${i}`, 'Kyiv', 'accepted'))))]);
    assert.equal(describeProgress(summary(12, 28)), '30% · 12/40 reviewed');
    assert.equal(percentReviewed(summary(199, 1)), 99);
    assert.equal(describeProgress(summary(3, 0)), '100% · 3/3 reviewed');
    assert.equal(describeProgress(summary(0, 0)), 'no tags yet');
  });

  it('adds articles up into a corpus', () => {
    const total = addSummaries([summarizeTags([on('a', 'Kyiv', 'approved')]), summarizeTags([on('b', 'Kyiv', 'accepted'), on('c', 'Lviv', 'rejected')])]);
    assert.deepEqual([total.total, total.reviewed, total.counts.approved, total.counts.accepted, total.counts.rejected], [3, 2, 1, 1, 1]);
  });
});
