import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { exampleTag } from '../../../../test/support/testSidecars';
import { EVERY_TAG, type TagVisibility } from '../review/corpusSummary';
import { describeSkipped, lineAround, tagsForPlaces, untaggedPlaces, wholeWordOccurrences, type SearchedArticle } from './occurrences';

// "😀" takes two UTF-16 units and one code point: tags count code points, places UTF-16.
const TEXT = 'Minister Umerov 😀 met Umerov\'s aides.\nUMEROV spoke; Umerova did not.';
const PERSON = { name: 'PERSON', kind: 'entity' as const, color: '#000' };

function article(tags = [exampleTag({ id: 't-000000000001', start: 9, end: 15, text: 'Umerov', label: 'PERSON', annotator: 'ann' })]): SearchedArticle {
  return { path: '/corpus/a.txt', uri: 'file:///corpus/a.txt', text: TEXT, tags };
}

describe('tag all occurrences', () => {
  it('finds whole words only', () => {
    assert.deepEqual(wholeWordOccurrences('Kyiv, Kyivstar and Kyiv_x and Kyiv.', 'Kyiv'), [0, 30]);
  });

  it('finds the untagged places of a text in its forms, with the line around each', () => {
    const places = untaggedPlaces(article(), 'Umerov', EVERY_TAG);
    assert.deepEqual(
      places.map(({ start, text, line }) => [start, text, line]),
      [
        [TEXT.indexOf("Umerov's"), 'Umerov', 0],
        [TEXT.indexOf('UMEROV'), 'UMEROV', 1],
      ],
    );
    assert.equal(places[1]!.excerpt, 'UMEROV spoke; Umerova did not.');
  });

  it("in blind mode another annotator's tag hides no place", () => {
    const onlyBob: TagVisibility = { key: 'bob', isVisible: (tag) => tag.annotator === 'bob' };
    assert.equal(untaggedPlaces(article(), 'Umerov', onlyBob).length, 3);
  });

  it('an article whose sidecar cannot be read offers no place', () => {
    assert.deepEqual(untaggedPlaces({ ...article([]), problem: 'broken' }, 'Umerov', EVERY_TAG), []);
  });

  it('tags the places still standing, in code points, and says why the others were skipped', () => {
    const searched = article();
    const second = TEXT.indexOf("Umerov's");
    const skipped: string[] = [];
    const changes = tagsForPlaces(
      searched,
      [
        { start: second, end: second + 6, text: 'Umerov' },
        { start: second, end: second + 6, text: 'Umerov' },
        { start: 9, end: 15, text: 'Umerov' },
        { start: 0, end: 8, text: 'Minister' },
      ],
      new Set(['Umerov', 'UMEROV']),
      PERSON,
      'bob',
      EVERY_TAG,
      (place, reason) => skipped.push(`${place.start}: ${reason}`),
    );
    assert.deepEqual(
      changes.map(({ after }) => [after?.start, after?.end, after?.text, after?.annotator, after?.status, after?.source]),
      [[second - 1, second + 5, 'Umerov', 'bob', 'accepted', 'manual']],
    );
    assert.deepEqual(skipped.sort(), ['0: "Minister" is no longer there', `${second}: tagged meanwhile`, '9: tagged meanwhile'].sort());
    assert.equal(describeSkipped([{ reason: 'tagged meanwhile' }, { reason: 'gone' }, { reason: 'tagged meanwhile' }]), '2: tagged meanwhile; gone');
  });

  it('cuts a long line between words, within 40 characters either side', () => {
    const line = `${'word '.repeat(20)}Umerov${' word'.repeat(20)}`;
    const start = line.indexOf('Umerov');
    assert.deepEqual(lineAround(`first\n${line}`, start + 6, start + 12), { line: 1, excerpt: `…${'word '.repeat(7)}Umerov${' word'.repeat(8)}…` });
  });
});
