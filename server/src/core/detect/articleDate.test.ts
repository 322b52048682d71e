import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { findArticleDate, findArticleDates, HEAD_LENGTH } from './articleDate';
import { DatesOfText, findDates } from './dates';

const mayHoldFullDate = (text: string): boolean => new DatesOfText(text).mayHoldFullDate();
import { utf16Units } from './shared/utf16Units';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const textsIn = (folder: string): string[] =>
  readdirSync(folder).filter((file) => file.endsWith('.txt') && !file.endsWith('.spans.txt')).sort().map((file) => readFileSync(path.join(folder, file), 'utf8'));
const NEWS = [...textsIn(path.join(ROOT, 'seeds')), ...textsIn(path.join(ROOT, 'test', 'fixtures', 'gold'))];
/** Stories as long as the head or shorter, dated by their dateline, their first line or nothing, so that relative dates resolve every way. */
function shortStories(): string[] {
  const stories: string[] = [];
  for (const text of NEWS) {
    for (let from = 0; from < text.length; from += 1100) {
      const piece = text.slice(from, from + 2000);
      stories.push(piece, `KYIV, Jan. 2, 2026 (Reuters) - ${piece}`, `date 2024-12-30\n${piece}`, `Published: 29 February 2024\n${piece}`);
    }
    stories.push(text.slice(0, HEAD_LENGTH), text.slice(0, HEAD_LENGTH + 1));
  }
  return stories;
}

describe("the article's own date", () => {
  it('is the date on a first line "date YYYY-MM-DD", even with text after it on that line', () => {
    assert.equal(findArticleDate(' date 2023-10-26 Ukraine aims to produce tens of thousands of drones.'), '2023-10-26');
    assert.equal(findArticleDate('date 2025-11-05\nRussia attacked on Monday.'), '2025-11-05');
  });

  it('ignores an impossible date line and falls back to the dateline', () => {
    assert.equal(findArticleDate('date 2023-02-30\nKYIV, Nov. 3, 2025 — Drones struck.'), '2025-11-03');
  });

  it('is the byline date "January 5, 2024 6:04 PM", not a later photo caption', () => {
    const text = 'Umerov: Ukraine, Latvia to work on joint projects\n\nby Dinara Khalilova January 5, 2024 6:04 PM 2 min read\n'
      + 'Rustem Umerov in Kyiv on Sept. 6, 2023. (AFP)';
    assert.equal(findArticleDate(text), '2024-01-05');
  });

  it('reads datelines written day first, ISO or abbreviated: "Published: 12 March 2024", "2023-10-26", "Nov. 3, 2025"', () => {
    assert.equal(findArticleDate('Home > World\nPublished: 12 March 2024\nThe talks...'), '2024-03-12');
    assert.equal(findArticleDate('Posted 2023-10-26 by staff\nThe talks...'), '2023-10-26');
    assert.equal(findArticleDate('WASHINGTON, Nov. 3, 2025 (Reuters) - The Senate...'), '2025-11-03');
  });

  it('prefers a date labelled "Published" over an earlier one in a sidebar', () => {
    const text = 'Most read: Strikes on Oct. 1, 2025\nPublished on November 2, 2025\nThe talks...';
    assert.equal(findArticleDate(text), '2025-11-02');
  });

  it('does not take an event date inside a sentence ("since Feb. 24, 2022") for the dateline', () => {
    assert.equal(findArticleDate('The war has raged since Feb. 24, 2022, and shows no sign of ending.'), undefined);
  });

  it('needs a full date: a month and day alone, or a weekday, is not enough', () => {
    assert.equal(findArticleDate('On the night of November 4, Russia attacked. On Monday, talks resumed.'), undefined);
  });

  it('only looks near the top of the article', () => {
    assert.equal(findArticleDate(`${'Filler text. '.repeat(400)}January 5, 2024`), undefined);
  });

  it('is undefined for empty or binary text', () => {
    assert.equal(findArticleDate(''), undefined);
    assert.equal(findArticleDate('\u0000\ud800\udfff\uffff'.repeat(100)), undefined);
  });

  it('is found with the dates it anchors as in two steps, the dates read once for a text no longer than the head', () => {
    let compared = 0;
    for (const story of shortStories()) {
      for (const reference of [undefined, '2025-11-05']) {
        const anchor = findArticleDate(story) ?? reference;
        assert.deepEqual(findArticleDates(story, reference, utf16Units(story)), { anchor, dates: findDates(story, anchor) }, story.slice(0, 80));
        compared++;
      }
    }
    assert.ok(compared > 200, `${compared} stories compared`);
  });

  it('dates read without an anchor and then anchored are those read with the anchor, whatever the anchor', () => {
    for (const story of shortStories().slice(0, 120)) {
      const unanchored = new DatesOfText(story).beforeAnchor();
      assert.deepEqual(unanchored.spans, findDates(story));
      for (const anchor of ['2025-11-05', '2027-01-01', '2024-02-29', 'not a date', undefined]) {
        assert.deepEqual(unanchored.anchoredTo(anchor), findDates(story, anchor), `${anchor}: ${story.slice(0, 80)}`);
      }
    }
  });

  it('is looked for among all the dates of a head only when the rules that can state a full date find one', () => {
    assert.equal(mayHoldFullDate('KYIV, Nov. 3, 2025 — Drones struck.'), true);
    assert.equal(mayHoldFullDate('Posted 2023-10-26 by staff'), true);
    assert.equal(mayHoldFullDate('On 26.10.2023 the talks began.'), true);
    assert.equal(mayHoldFullDate('On Monday, three days after Christmas, talks resumed in March 2024 for the 1990s treaty.'), false);
    const fullDate = (span: { label: string; value?: { type: string; iso?: string } }) =>
      span.label === 'DATE' && span.value?.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(span.value.iso ?? '');
    let withFullDates = 0;
    for (const story of [...shortStories(), ...NEWS, ...NEWS.map((text) => text.toUpperCase())]) {
      const holds = findDates(story).some(fullDate);
      if (holds) withFullDates++;
      assert.ok(!holds || mayHoldFullDate(story), story.slice(0, 80));
    }
    assert.ok(withFullDates > 50, `${withFullDates} stories with a full date`);
  });
});
