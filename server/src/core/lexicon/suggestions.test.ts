import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KindedSpan } from '../detect';
import type { Label } from '../base/labels';
import { SeededRandom } from '../base/seededRandom';
import { Lexicon, type Lesson } from './lexicon';
import { contextAround, occurrencesOf } from './matching';
import { IncrementalLexiconMatches, matchListOf, withLearntSuggestions, type MatchList, type Suggestion } from './suggestions';

const AT = '2026-11-22T10:00:00.000Z';
const lesson = (text: string, label = 'PERSON'): Lesson => ({ text, label, kind: 'entity', by: 'ann', article: '002.txt', at: AT });
const span = (text: string, article: string, label: Label, kind: KindedSpan['kind'] = 'entity', occurrence = 0): KindedSpan => {
  let at = -1;
  for (let n = 0; n <= occurrence; n++) at = article.indexOf(text, at + 1);
  return { start: at, end: at + text.length, label, kind, confidence: 0.8 };
};
const listed = (list: MatchList) => Array.from({ length: list.length }, (_, n) => `${list.starts[n]}-${list.ends[n]}:${list.entries[n]!.label}`);
const shown = (article: string, suggestions: Suggestion[]) => suggestions.map((s) => `${article.slice(s.start, s.end)}:${s.label}${s.learnt ? '*' : ''}`);

describe('learnt suggestions beside the detector’s', () => {
  const article = 'Rustem Umerov met Umerov in May 5 talks. May came.';
  const lexicon = new Lexicon();
  lexicon.learn(lesson('Umerov'));
  lexicon.learn(lesson('May', 'PERSON'));
  lexicon.learn(lesson('talks', 'EVENT'));

  it('the learnt label wins over detections of its kind it overlaps, but a longer detection holding the learnt text stays', () => {
    const detected = [span('Rustem Umerov', article, 'PERSON'), span('Umerov', article, 'ORG', 'entity', 1), span('May 5', article, 'DATE', 'date'), span('May', article, 'DATE', 'date', 1)];
    const merged = withLearntSuggestions(detected, matchListOf(lexicon.matches(article)), () => false, [], article).suggestions;
    // "May" learnt as a name does not hide the date the detector found: both, the date first at a sentence start.
    assert.deepEqual(shown(article, merged), ['Rustem Umerov:PERSON', 'Umerov:PERSON*', 'May 5:DATE', 'talks:EVENT*', 'May:DATE', 'May:PERSON*']);
    assert.equal(merged[1]!.learnt?.by, 'ann');
  });

  it('offers a learnt name beside a detected date or number, the one that fits the place first', () => {
    const text = 'The minister said on Wednesday that 3 talks resume. Fans of Sheffield Wednesday cheered. The Magnificent 3 sang.';
    const learnt = new Lexicon();
    learnt.learn(lesson('Wednesday', 'ORG'));
    learnt.learn(lesson('3', 'WORK_OF_ART'));
    const detected = [span('Wednesday', text, 'DATE', 'date'), span('3', text, 'CARDINAL', 'number'), span('Wednesday', text, 'DATE', 'date', 1), span('3', text, 'CARDINAL', 'number', 1)];
    const merged = withLearntSuggestions(detected, matchListOf(learnt.matches(text)), undefined, [], text).suggestions;
    assert.deepEqual(shown(text, merged), [
      'Wednesday:DATE',
      'Wednesday:ORG*',
      '3:CARDINAL',
      '3:WORK_OF_ART*',
      'Wednesday:ORG*',
      'Wednesday:DATE',
      '3:WORK_OF_ART*',
      '3:CARDINAL',
    ]);
  });

  it('keeps the learnt suggestions that did not move, as the same objects', () => {
    const matches = matchListOf(lexicon.matches(article));
    const first = withLearntSuggestions([], matches, () => false);
    const again = withLearntSuggestions([], matches, () => false, first.learnt);
    assert.ok(again.learnt.every((suggestion, n) => suggestion === first.learnt[n]));
  });

  it('a suppressed place loses the detector’s suggestion too', () => {
    const detected = [span('Umerov', article, 'PERSON', 'entity', 1)];
    const merged = withLearntSuggestions(detected, matchListOf([]), (start, end, label) => start === detected[0]!.start && end === detected[0]!.end && label === 'PERSON').suggestions;
    assert.deepEqual(merged, []);
  });
});

describe('whole-word occurrences for tag all in the workspace', () => {
  it('finds the taught form, a headline in capitals and a capitalised sentence start, never inside a word', () => {
    const text = 'drones fly. Drones land. DRONES! Dronesque drones’ dronesx';
    assert.deepEqual(occurrencesOf(text, 'drones').map(({ start, end }) => text.slice(start, end)), ['drones', 'Drones', 'DRONES', 'drones']);
    const german = 'Die Straße. DIE STRASSE.';
    assert.deepEqual(occurrencesOf(german, 'Straße').map(({ start, end }) => german.slice(start, end)), ['Straße', 'STRASSE']);
  });
});

describe('lexicon matches kept up to date edit by edit', () => {
  it('gives what matching the whole text gives, after random edits', () => {
    const lexicon = new Lexicon();
    for (const text of ['Umerov', 'Western', 'Kyiv', 'Defense Ministry', 'drones']) lexicon.learn(lesson(text));
    const base = 'Umerov met the Defense Ministry in Kyiv.\nWestern aid and drones. Western leaders.\nDrones over KYIV; Umerov’s aide.\n';
    lexicon.suppress({ text: 'Western', label: 'PERSON', ...contextAround(base, 41, 48), by: 'ann', article: 'a.txt', at: AT });
    const random = new SeededRandom(7);
    const pieces = ['Umerov', ' ', '\n', 'Kyiv', 'x', 'Defense', ' Ministry', 'Western aid', '', 'drones', "'s"];
    const incremental = new IncrementalLexiconMatches();
    let text = base;
    for (let step = 0; step < 400; step++) {
      const start = random.integer(0, text.length);
      const end = Math.min(text.length, start + random.integer(0, 6));
      text = text.slice(0, start) + pieces[random.integer(0, pieces.length - 1)] + text.slice(end);
      const expected = lexicon.matches(text).map(({ start: s, end: e, label }) => `${s}-${e}:${label}`);
      assert.deepEqual(listed(incremental.matches(text, lexicon)), expected, `after step ${step}: ${JSON.stringify(text)}`);
    }
  });

  it('finds everything again once the lexicon learns something', () => {
    const lexicon = new Lexicon();
    const incremental = new IncrementalLexiconMatches();
    assert.deepEqual(listed(incremental.matches('Kyiv and Odesa', lexicon)), []);
    lexicon.learn(lesson('Odesa', 'GPE'));
    assert.deepEqual(listed(incremental.matches('Kyiv and Odesa', lexicon)), ['9-14:GPE']);
  });
});
