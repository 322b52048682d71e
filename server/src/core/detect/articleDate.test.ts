import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findArticleDate } from './articleDate';

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
});
