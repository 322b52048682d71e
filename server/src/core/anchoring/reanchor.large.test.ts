import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SeededRandom } from '../base/seededRandom';
import { reanchorTags } from './reanchor';
import { largeArticle, tagsOn, withParagraphMoved } from '../../../../test/support/largeArticle';

// How long this takes is the bench's figure ("re-anchoring 10k tags, 1 MB article"), never a test's.
describe('re-anchoring 10,000 tags in a 1 MB article', () => {
  const text = largeArticle(new SeededRandom(7));
  const tags = tagsOn(text);

  it('keeps every tag where it is when nothing moved', () => {
    const results = reanchorTags(text, tags);
    assert.equal(results.length, tags.length);
    assert.ok(results.every((result) => result.outcome === 'unchanged'));
  });

  it('finds nearly every tag after a paragraph near the start moved near the end', () => {
    const results = reanchorTags(withParagraphMoved(text), tags);
    const count = (outcome: string) => results.filter((result) => result.outcome === outcome).length;
    assert.ok(count('moved') > 0, 'the moved paragraph\'s tags moved');
    assert.ok(count('orphaned') <= 0.01 * tags.length, `${count('orphaned')} orphaned`);
  });
});
