import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CodePointIndex } from '../base/offsets';
import { resolveLabelSet } from '../project/labelSet';
import { newTag } from '../sidecar/tags';
import type { Tag } from '../sidecar/schema';
import { canSee, type Actor } from './actor';
import { TagOperations, type ArticleTags } from './tagOperations';

const text = '🇺🇦 President Volodymyr Zelensky met NATO officials in Kyiv.';
const index = new CodePointIndex(text);
const at = (needle: string) => [...text.slice(0, text.indexOf(needle))].length;
const { labels } = resolveLabelSet(undefined, undefined);
const ann: Actor = { annotator: 'ann', blind: false };
const rev: Actor = { annotator: 'rev', blind: false };

function article(tags: Tag[] = []): ArticleTags {
  return { text, index, tags: tags.map((tag) => ({ tag, orphaned: false })), detectedValue: () => undefined };
}

describe('tag operations (the core of every tag action)', () => {
  it('tag a span in code points, after a flag of two code points and four UTF-16 units, recording the actor', () => {
    const start = at('Zelensky');
    const edit = new TagOperations(article(), labels, ann).tag(start, start + 8, 'Zelensky', 'PERSON', 'suggestion');
    const tag = edit.changes[0]!.after!;
    assert.deepEqual([tag.start, tag.end, tag.text, tag.annotator, tag.status], [start, start + 8, 'Zelensky', 'ann', 'accepted']);
    assert.equal(edit.description, 'Tagged "Zelensky" as PERSON');
  });

  it('refuse text that is no longer at the place', () => {
    assert.throws(() => new TagOperations(article(), labels, ann).tag(0, 4, 'NATO', 'ORG', 'manual'), /no longer at that place/);
  });

  it('leave a tag corrected by a reviewer to its annotator, approved; one corrected by its own annotator stays theirs, awaiting review', () => {
    const start = at('NATO');
    const nato = newTag({ text, start, end: start + 4, label: 'GPE', source: 'manual', annotator: 'ann' });
    const byReviewer = new TagOperations(article([nato]), labels, rev).changeLabel(nato.id, 'ORG').changes[0]!.after!;
    assert.deepEqual([byReviewer.label, byReviewer.annotator, byReviewer.status, byReviewer.history?.at(-1)?.by], ['ORG', 'ann', 'approved', 'rev']);
    const byOwner = new TagOperations(article([nato]), labels, ann).changeLabel(nato.id, 'ORG').changes[0]!.after!;
    assert.deepEqual([byOwner.annotator, byOwner.status], ['ann', 'accepted']);
  });

  it('tag every whole-word occurrence, in code points', () => {
    const twice = 'Kyiv 🇺🇦 and Kyiv, not Kyivstar.';
    const ops = new TagOperations({ text: twice, index: new CodePointIndex(twice), tags: [], detectedValue: () => undefined }, labels, ann);
    const tags = ops.tagAll('Kyiv', 'GPE').changes.map((change) => change.after!);
    assert.deepEqual(tags.map((tag) => [tag.start, tag.end]), [[0, 4], [12, 16]]);
  });

  it('let a blind annotator see only their own tags, tools\' proposals and conflicts', () => {
    const start = at('Kyiv');
    const bobs = newTag({ text, start, end: start + 4, label: 'GPE', source: 'manual', annotator: 'bob' });
    assert.equal(canSee({ annotator: 'ann', blind: true }, bobs), false);
    assert.equal(canSee({ annotator: 'ann', blind: false }, bobs), true);
    assert.equal(canSee({ annotator: 'ann', blind: true }, { ...bobs, status: 'proposed' }), true);
  });
});
