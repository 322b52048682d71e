import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Span } from '../shared/detection';
import { findDates } from './index';
import { parseWordNumber } from '../shared/wordNumbers';

/** What an annotator sees: the covered text, its label and its value. */
function annotate(text: string, anchor?: string): Array<{ text: string; label: string; value?: unknown }> {
  return findDates(text, anchor).map((span) => ({
    text: text.slice(span.start, span.end),
    label: span.label,
    ...(span.value === undefined ? {} : { value: span.value }),
  }));
}

function spanFor(text: string, covered: string, anchor?: string): Span | undefined {
  return findDates(text, anchor).find((span) => text.slice(span.start, span.end) === covered);
}

function labelOf(text: string, covered: string, anchor?: string): string | undefined {
  return spanFor(text, covered, anchor)?.label;
}

function valueOf(text: string, covered: string, anchor?: string): unknown {
  return spanFor(text, covered, anchor)?.value;
}

function coveredTexts(text: string, anchor?: string): string[] {
  return annotate(text, anchor).map((found) => found.text);
}

describe('calendar dates', () => {
  it('tags "November 4" as a DATE in the year nearest the article date', () => {
    const text = 'On the night of November 4, Russia carried out a large-scale attack.';
    assert.equal(labelOf(text, 'November 4'), 'DATE');
    assert.deepEqual(valueOf(text, 'November 4', '2025-11-05'), { type: 'date', iso: '2025-11-04' });
  });

  it('gives a month-day without a year and without an article date the ISO recurring form "--11-04"', () => {
    assert.deepEqual(valueOf('Talks resume on Nov. 4.', 'Nov. 4'), { type: 'date', iso: '--11-04' });
  });

  it('crosses into the previous year when that is nearer: "December 28" read on January 3', () => {
    assert.deepEqual(valueOf('The strike on December 28 killed five.', 'December 28', '2025-01-03'), { type: 'date', iso: '2024-12-28' });
  });

  it('reads full dates written month first, day first, ISO and US numeric', () => {
    const text = 'Sworn in on Sept. 6, 2023, charged on 4 November 2023, filed 2023-10-26, heard 10/26/2023 and signed January 5, 2024.';
    assert.deepEqual(annotate(text), [
      { text: 'Sept. 6, 2023', label: 'DATE', value: { type: 'date', iso: '2023-09-06' } },
      { text: '4 November 2023', label: 'DATE', value: { type: 'date', iso: '2023-11-04' } },
      { text: '2023-10-26', label: 'DATE', value: { type: 'date', iso: '2023-10-26' } },
      { text: '10/26/2023', label: 'DATE', value: { type: 'date', iso: '2023-10-26' } },
      { text: 'January 5, 2024', label: 'DATE', value: { type: 'date', iso: '2024-01-05' } },
    ]);
  });

  it('keeps a weekday that introduces a date in the same span', () => {
    assert.deepEqual(coveredTexts('The vote is set for Tuesday, Nov. 5, 2024.'), ['Tuesday, Nov. 5, 2024']);
  });

  it('gives "November 2023" the month precision "2023-11"', () => {
    assert.deepEqual(valueOf('Prices peaked in November 2023.', 'November 2023'), { type: 'date', iso: '2023-11' });
  });

  it('reads a day range "June 1-5, 2024" as one date with an end', () => {
    assert.deepEqual(valueOf('The summit ran June 1-5, 2024.', 'June 1-5, 2024'), { type: 'date', iso: '2024-06-01', endIso: '2024-06-05' });
  });

  it('tags a month alone only where it reads as a date: "in May", "since March", "last November"', () => {
    const text = 'Talks stalled in May, had dragged on since March and began last November.';
    assert.deepEqual(coveredTexts(text), ['May', 'March', 'last November']);
    assert.deepEqual(valueOf(text, 'last November', '2025-11-05'), { type: 'date', iso: '2024-11' });
  });

  it('does not take "may" or "march" as months, nor a month that is someone\'s name', () => {
    assert.deepEqual(coveredTexts('Ukraine may strike back. The march on Kyiv failed. May said it was the fourth of them. The book by June Carter sold.'), []);
  });

  it('rejects impossible days such as "February 30"', () => {
    assert.deepEqual(coveredTexts('The deal was dated February 30, 2024.'), []);
  });
});

describe('years, decades, centuries, quarters and seasons', () => {
  it('tags a bare year after "in", "since" or "by": "1 million drones in 2024"', () => {
    const text = 'Ukraine will produce 1 million drones in 2024, up from almost none since 2022, and aims to double it by 2030.';
    assert.deepEqual(annotate(text), [
      { text: '2024', label: 'DATE', value: { type: 'date', iso: '2024' } },
      { text: '2022', label: 'DATE', value: { type: 'date', iso: '2022' } },
      { text: '2030', label: 'DATE', value: { type: 'date', iso: '2030' } },
    ]);
  });

  it('tags the year in "the 2024 election" but not counts such as "2024 drones" or "2,024"', () => {
    assert.deepEqual(coveredTexts('Before the 2024 election, the army had 2024 drones and 2,024 shells.'), ['2024']);
    assert.equal(spanFor('Before the 2024 election', '2024')?.start, 11);
  });

  it('does not read a count after "a total of" as a year: "a total of 2000 drones"', () => {
    assert.deepEqual(coveredTexts('Russia launched a total of 2000 drones.'), []);
  });

  it('reads year ranges: "2024-25" as one range, "from 2022 to 2024" as its two ends, as TimeML tags them', () => {
    const text = 'The 2024-25 season was better than anything from 2022 to 2024.';
    assert.deepEqual(valueOf(text, '2024-25'), { type: 'date', iso: '2024', endIso: '2025' });
    assert.deepEqual(valueOf(text, '2022'), { type: 'date', iso: '2022' });
    assert.deepEqual(valueOf(text, '2024'), { type: 'date', iso: '2024' });
  });

  it('reads "the 1990s" as the decade "199", as TimeML writes it, and "the 19th century" as the century "18"', () => {
    const text = 'Rates in the 1990s were higher than at any time since the 19th century.';
    assert.deepEqual(valueOf(text, 'the 1990s'), { type: 'date', iso: '199' });
    assert.deepEqual(valueOf(text, 'the 19th century'), { type: 'date', iso: '18' });
  });

  it('does not read an age such as "in their 30s" as a decade', () => {
    assert.deepEqual(coveredTexts('Most recruits are in their 30s.'), []);
  });

  it('reads fiscal quarters: "Q3 2024", and "the third quarter" in the year of the article', () => {
    const text = 'Profit rose in Q3 2024. In the third quarter, sales fell.';
    assert.deepEqual(valueOf(text, 'Q3 2024'), { type: 'date', iso: '2024-Q3' });
    assert.deepEqual(valueOf(text, 'the third quarter', '2024-11-02'), { type: 'date', iso: '2024-Q3' });
  });

  it('does not read the third quarter of a basketball game as a date', () => {
    assert.deepEqual(coveredTexts('The Lakers outscored Boston 30-18 in the third quarter.'), []);
  });

  it('includes modifiers: "mid-2025", "late 2023", "early next year", "the end of this year", "the first half of 2025"', () => {
    const text = 'Output doubled by mid-2025 after stalling in late 2023; more is due early next year, by the end of this year and in the first half of 2025.';
    assert.deepEqual(coveredTexts(text), ['mid-2025', 'late 2023', 'early next year', 'the end of this year', 'the first half of 2025']);
    assert.deepEqual(valueOf(text, 'the first half of 2025'), { type: 'date', iso: '2025-H1' });
    assert.deepEqual(valueOf(text, 'the end of this year', '2025-11-05'), { type: 'date', iso: '2025', mod: 'END' });
  });

  it('reads seasons with a year or a relative word, but not the verb "fall" nor "the fall of" a city', () => {
    const text = 'In spring 2024 the front held; this summer it moved. Prices fall. After the fall of Bakhmut, the Arab Spring was recalled.';
    assert.deepEqual(coveredTexts(text), ['spring 2024', 'this summer']);
    assert.deepEqual(valueOf(text, 'this summer', '2025-11-05'), { type: 'date', iso: '2025-SU' });
  });
});

describe('dates relative to the article', () => {
  it("resolves 'Monday' to the Monday before the article date", () => {
    assert.deepEqual(valueOf('Russia attacked on Monday.', 'Monday', '2025-11-05'), { type: 'date', iso: '2025-11-03' });
  });

  it('resolves a weekday named on the article date itself to that day, as Reuters writes "said on Wednesday"', () => {
    assert.deepEqual(valueOf('The minister said on Wednesday.', 'Wednesday', '2025-11-05'), { type: 'date', iso: '2025-11-05' });
  });

  it("resolves 'Friday' forward when the sentence speaks of the future", () => {
    assert.deepEqual(valueOf('The judge will rule on Friday.', 'Friday', '2025-11-05'), { type: 'date', iso: '2025-11-07' });
  });

  it('leaves relative dates without a value when there is no article date', () => {
    assert.deepEqual(annotate('Russia attacked on Monday and again yesterday.'), [
      { text: 'Monday', label: 'DATE' },
      { text: 'yesterday', label: 'DATE' },
    ]);
  });

  it('resolves today, yesterday, last week, last month, this year and last year', () => {
    const text = 'Today the index fell; yesterday it rose. Last week, last month, this year and last year it climbed.';
    const anchor = '2025-11-05';
    assert.deepEqual(valueOf(text, 'Today', anchor), { type: 'date', iso: '2025-11-05' });
    assert.deepEqual(valueOf(text, 'yesterday', anchor), { type: 'date', iso: '2025-11-04' });
    assert.deepEqual(valueOf(text, 'Last week', anchor), { type: 'date', iso: '2025-W44' });
    assert.deepEqual(valueOf(text, 'last month', anchor), { type: 'date', iso: '2025-10' });
    assert.deepEqual(valueOf(text, 'this year', anchor), { type: 'date', iso: '2025' });
    assert.deepEqual(valueOf(text, 'last year', anchor), { type: 'date', iso: '2024' });
  });

  it('tags "earlier this month", "by year-end", "the end of the year" and "recent weeks" as DATE', () => {
    const text = 'Earlier this month officials said output would double by year-end, or by the end of the year, after gains in recent weeks.';
    assert.deepEqual(annotate(text, '2023-10-26').map(({ text: covered, label }) => [covered, label]), [
      ['Earlier this month', 'DATE'],
      ['year-end', 'DATE'],
      ['the end of the year', 'DATE'],
      ['recent weeks', 'DATE'],
    ]);
  });

  it('tags "two days ago" as a DATE resolved against the article date', () => {
    assert.deepEqual(valueOf('The stock peaked two days ago.', 'two days ago', '2024-08-02'), { type: 'date', iso: '2024-07-31' });
  });

  it('tags an anchored period "the past three years" as DATE whose value is the length of time, P3Y, as TimeML has it', () => {
    assert.deepEqual(annotate('Exports fell over the past three years.', '2024-08-02'), [
      { text: 'the past three years', label: 'DATE', value: { type: 'duration', iso: 'P3Y' } },
    ]);
  });

  it('reads "in two weeks" as a DATE when it looks ahead, and as a DURATION when it measures the past', () => {
    assert.equal(labelOf('The court will rule in two weeks.', 'two weeks'), 'DATE');
    assert.equal(labelOf('Prices rose 10% in two weeks.', 'two weeks'), 'DURATION');
  });
});

describe('times', () => {
  it('keeps "January 5, 2024" a DATE and "6:04 PM" a separate TIME on that day', () => {
    assert.deepEqual(annotate('by Dinara Khalilova January 5, 2024 6:04 PM 2 min read'), [
      { text: 'January 5, 2024', label: 'DATE', value: { type: 'date', iso: '2024-01-05' } },
      { text: '6:04 PM', label: 'TIME', value: { type: 'time', iso: '2024-01-05T18:04' } },
      { text: '2 min', label: 'DURATION', value: { type: 'duration', iso: 'PT2M' } },
    ]);
  });

  it('reads clock times with a.m./p.m., time zones, and bare 24-hour times after "at"', () => {
    const text = 'The ceasefire began at 6 a.m. local time, shares moved at 4:15 p.m. ET and kick-off is at 17:30.';
    assert.deepEqual(annotate(text), [
      { text: '6 a.m. local time', label: 'TIME', value: { type: 'time', iso: 'T06:00' } },
      { text: '4:15 p.m. ET', label: 'TIME', value: { type: 'time', iso: 'T16:15' } },
      { text: '17:30', label: 'TIME', value: { type: 'time', iso: 'T17:30' } },
    ]);
  });

  it('tags noon, midnight, tonight, this morning, last night and overnight as TIME', () => {
    const text = 'Sirens sounded at noon, at midnight and overnight; he speaks tonight, spoke this morning and slept little last night.';
    assert.deepEqual(annotate(text).map(({ text: covered, label }) => [covered, label]), [
      ['noon', 'TIME'], ['midnight', 'TIME'], ['overnight', 'TIME'], ['tonight', 'TIME'], ['this morning', 'TIME'], ['last night', 'TIME'],
    ]);
  });

  it('tags "Wednesday night" as one TIME on that day', () => {
    assert.deepEqual(valueOf('Drones hit Odesa on Wednesday night.', 'Wednesday night', '2025-11-06'), { type: 'time', iso: '2025-11-05TNI' });
  });

  it('does not read "24/7", scores, ratios or version numbers as times or dates', () => {
    assert.deepEqual(coveredTexts('Markets are open 24/7. Arsenal won 3-1. Version 1.2.2024 shipped. Call 555-123-4567 ext. 10:30'), []);
  });
});

describe('durations', () => {
  it('tags "three-year" in "a three-year contract" as a DURATION of P3Y', () => {
    assert.deepEqual(annotate('Under this three-year program, the UK will pay.'), [
      { text: 'three-year', label: 'DURATION', value: { type: 'duration', iso: 'P3Y' } },
    ]);
  });

  it('reads "one to five years" as a range and "one-year" in "a one-year deferment" as P1Y', () => {
    assert.deepEqual(annotate('service terms from one to five years and a one-year mobilization deferment'), [
      { text: 'one to five years', label: 'DURATION', value: { type: 'duration', iso: 'P1Y', maxIso: 'P5Y' } },
      { text: 'one-year', label: 'DURATION', value: { type: 'duration', iso: 'P1Y' } },
    ]);
  });

  it('writes hours and minutes as ISO time durations: "24 hours" PT24H, "90 minutes" PT90M, "two weeks" P2W', () => {
    const text = 'The bridge was closed for 24 hours, the jury deliberated 90 minutes and talks lasted two weeks.';
    assert.deepEqual(annotate(text).map((found) => found.value), [
      { type: 'duration', iso: 'PT24H' }, { type: 'duration', iso: 'PT90M' }, { type: 'duration', iso: 'P2W' },
    ]);
  });

  it('leaves the preposition out: "for 10 days" covers "10 days"', () => {
    assert.deepEqual(coveredTexts('He was held for 10 days.'), ['10 days']);
  });

  it('marks vague lengths approximate: "several months" P3M, "decades" P20Y, "a few days" P3D', () => {
    const text = 'It took several months; the feud has run for decades and repairs need a few days.';
    assert.deepEqual(annotate(text).map((found) => found.value), [
      { type: 'duration', iso: 'P3M', approximate: true },
      { type: 'duration', iso: 'P20Y', approximate: true },
      { type: 'duration', iso: 'P3D', approximate: true },
    ]);
  });

  it('reads "a decade" and "two and a half years" but not the rate in "$500 a month" nor "a second night"', () => {
    const text = 'After a decade in exile and two and a half years in prison, he earns $500 a month after a second night of strikes.';
    assert.deepEqual(annotate(text).map(({ text: covered, value }) => [covered, value]), [
      ['a decade', { type: 'duration', iso: 'P10Y' }],
      ['two and a half years', { type: 'duration', iso: 'P2.5Y' }],
    ]);
  });

  it('tags ages and lengths used as adjectives: "20-month-old war", "24-hour", "decade-long"', () => {
    assert.deepEqual(coveredTexts('The 20-month-old war, a 24-hour truce and a decade-long feud.'), ['20-month-old', '24-hour', 'decade-long']);
  });

  it('reads "last" as the verb it is in "could last three years": a DURATION of three years', () => {
    assert.deepEqual(annotate('The war could last three years.'), [
      { text: 'three years', label: 'DURATION', value: { type: 'duration', iso: 'P3Y' } },
    ]);
  });
});

describe('the gold set\'s misses', () => {
  it('reads "third-quarter" as a quarter of the year beside an ISO date, which is no sports score', () => {
    assert.deepEqual(valueOf('date 2025-10-23\n\nNorvex reported third-quarter revenue on Thursday.', 'third-quarter', '2025-10-23'), { type: 'date', iso: '2025-Q3' });
  });

  it('does not read the rate in "about 12% a year" as a length of time', () => {
    assert.deepEqual(coveredTexts('Statements showed returns of about 12% a year.'), []);
  });

  it('reads "another week" as a length of time, P1W', () => {
    assert.deepEqual(annotate('The trial could run another week.'), [{ text: 'another week', label: 'DURATION', value: { type: 'duration', iso: 'P1W' } }]);
  });

  it('reads "during the afternoon" and "in the morning" as TIME', () => {
    assert.deepEqual(annotate('Heat peaked during the afternoon and eased in the morning.').map(({ text: covered, label }) => [covered, label]), [
      ['the afternoon', 'TIME'], ['the morning', 'TIME'],
    ]);
  });
});

describe('spans', () => {
  it('are sorted, never overlap, and keep the longest reading: "the past three years" over "three years"', () => {
    const spans = findDates('Over the past three years, and two days ago, since early 2023.');
    assert.deepEqual(spans.map((span) => span.label), ['DATE', 'DATE', 'DATE']);
    for (let index = 1; index < spans.length; index++) assert.ok(spans[index - 1]!.end <= spans[index]!.start);
  });

  it('use UTF-16 offsets after emoji and across CRLF line ends', () => {
    const text = '🇺🇦🔥 Kyiv\r\nOn November 4 at 10 a.m.\r\n';
    const date = spanFor(text, 'November 4');
    assert.equal(date?.start, text.indexOf('November 4'));
    assert.equal(spanFor(text, '10 a.m.')?.end, text.lastIndexOf('\r\n'));
  });

  it('do not cross a line break: "November" and a "4" on the next line are not a date', () => {
    assert.deepEqual(coveredTexts('Published in November\n4 comments'), ['November']);
  });

  it('skip dates inside URLs', () => {
    assert.deepEqual(coveredTexts('See https://example.com/news/2023-10-26/story and www.site.org/2024/05/01.'), []);
  });

  /** Text with few numbers, where rules that start with a digit are tried at each digit rather than by a scan of the text. */
  const FEW_DIGITS = ' Filler words without figures.'.repeat(30);

  it('skip dates in every URL, wherever "http" and "www." stand, and only there', () => {
    const text = 'x http://b.org/www.c.org/?d=2024-01-02&u=http://d.org/?d=2024-01-03 www.e.org/?d=2024-01-04 and on 2024-01-05 '
      + `(http://f.org/?d=2024-01-06) the http site of 2024-01-07 or www 2024-01-08${FEW_DIGITS}`;
    assert.deepEqual(coveredTexts(text), ['2024-01-05', '2024-01-07', '2024-01-08']);
  });

  it('read decades after an apostrophe, typographic or not, as well as in digits', () => {
    assert.deepEqual(coveredTexts(`in the '90s, the ’80s and the 1970s, not rock'n'roll's 30s nor '5s; pop of ’90s and '60s music${FEW_DIGITS}`),
      ["the '90s", 'the ’80s', 'the 1970s', '’90s', "'60s"]);
  });

  it('come out of any input without an exception, in bounds, sorted and disjoint', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ maxLength: 300 }), fc.array(fc.constantFrom(
          'May', 'March', ' ', '4', '2024', '-', 'the past', 'three', 'years', 'ago', '10:30', 'a.m.', ',', 'Monday', 'night', '\r\n', '😀', '\ud800', 'a',
          'quarter', 'mid-', 'in', 'of', 'end', 'early', '1990s', 'century', '19th', 'https://x.org/', '/', '.',
          'every', 'each', 'twice', 'times', 'weekly', 'week', 'now', 'Now', 'recently', 'past', 'future', 'the', 'coming', 'about',
          'more than', 'hours', 'and', 'minutes', 'from', 'to', 'between', 'will', 'said', 'would', 'be', 'was', 'scheduled', 'late',
        ), { maxLength: 60 }).map((parts) => parts.join(' '))),
        fc.option(fc.constantFrom('2025-11-05', '2024-02-29', '0001-01-01', '9999-12-31', 'not a date', '2023-13-45'), { nil: undefined }),
        (text, anchor) => {
          const spans = findDates(text, anchor);
          let previousEnd = 0;
          for (const span of spans) {
            assert.ok(span.start >= previousEnd && span.start < span.end && span.end <= text.length);
            assert.ok(span.confidence > 0 && span.confidence <= 1);
            previousEnd = span.end;
          }
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('return nothing for empty text', () => {
    assert.deepEqual(findDates(''), []);
  });
});

describe('word numbers', () => {
  it('reads "one" to "ninety-nine", "a hundred", "two hundred and five", "a dozen", "half"', () => {
    const cases: Array<[string, number]> = [['one', 1], ['Twenty-five', 25], ['twenty five', 25], ['ninety-nine', 99], ['a hundred', 100],
      ['two hundred and five', 205], ['three thousand', 3000], ['a dozen', 12], ['an', 1], ['half', 0.5]];
    for (const [words, value] of cases) assert.equal(parseWordNumber(words), value, words);
  });

  it('rejects anything that is not wholly a number: "five five", "twenty twenty", "thousand", "years"', () => {
    for (const words of ['five five', 'twenty twenty', 'thousand', 'years', '', 'seven and']) assert.equal(parseWordNumber(words), undefined, words);
  });
});

describe('words read before and after a date, whatever spaces stand between', () => {
  const SPACES = [' ', '\t', '\u00a0', '\u202f', '  '];

  it('joins every modifier and every bound to the date after it', () => {
    const modifiers = ['the end of', 'The beginning of', 'the start of', 'the middle of', 'the rest of', 'the turn of', 'the close of', 'the first half of',
      'the second half of', 'the first quarter of', 'the fourth quarter of', 'early', 'Earlier', 'late', 'later', 'Mid'];
    const bounds = ['no more than', 'not more than', 'at most', 'up to', 'no less than', 'no fewer than', 'at least', 'more than', 'just over', 'well over',
      'less than', 'fewer than', 'under', 'just under', 'nearly', 'almost', 'about', 'around', 'roughly', 'approximately', 'About'];
    for (const space of SPACES) {
      for (const modifier of modifiers) assert.deepEqual(coveredTexts(`It was ${modifier}${space}this year.`), [`${modifier}${space}this year`], modifier);
      for (const bound of bounds) assert.deepEqual(coveredTexts(`It took ${bound}${space}three years.`), [`${bound}${space}three years`], bound);
    }
    for (const attached of ['mid', 'Mid', 'end', 'early', 'Late']) assert.deepEqual(coveredTexts(`By ${attached}-2025, it was done.`), [`${attached}-2025`]);
    // At the text's start, or with more than spaces between it and the date, a modifier or a bound attaches nothing.
    assert.deepEqual(coveredTexts('Mid this year'), ['Mid this year']);
    assert.deepEqual(coveredTexts('mid-2025 was'), ['mid-2025']);
    assert.deepEqual(coveredTexts('It was early, this year.'), ['this year']);
    assert.deepEqual(coveredTexts('more than:  three years'), ['three years']);
  });

  it('reads "every", a direction word and a weekday before a date in either case of their first letter', () => {
    const found = {
      'It happens every two years.': ['every two years'], 'It happens Every other week.': ['Every other week'], 'Each three months they meet.': ['Each three months'],
      'in the past three years': ['the past three years'], 'The Following weeks were hard': ['The Following weeks'], 'over the Coming days': ['the Coming days'],
      'the Recent weeks': ['the Recent weeks'], 'the last two decades': ['the last two decades'], 'the Previous two weeks': ['the Previous two weeks'],
      'the next three years': ['the next three years'], 'PAST three years': ['three years'],
      'Monday, November 4': ['Monday, November 4'], 'MONDAY November 4': ['MONDAY November 4'], 'Tuesday,  November 4, 2024': ['Tuesday,  November 4, 2024'],
      'Mon, November 4': ['November 4'], 'sunday November 4': ['November 4'],
    };
    for (const [text, covered] of Object.entries(found)) assert.deepEqual(coveredTexts(text, '2025-01-01'), covered, text);
  });

  it('reads a weekday followed by a title word as a title, wherever the word starts within the 16 characters read', () => {
    assert.deepEqual(coveredTexts('She wrote for the Sunday Times.'), []);
    assert.deepEqual(coveredTexts('She wrote for the Sunday\tTelegraph.'), []);
    assert.deepEqual(coveredTexts(`She wrote for the Sunday${' '.repeat(10)}Post.`), []);
    // The word must start within the characters read: past them, "Monday" is a day.
    assert.deepEqual(coveredTexts(`We met on Monday${' '.repeat(16)}Night.`), ['Monday']);
    assert.deepEqual(coveredTexts(`We met on Monday${' '.repeat(14)}Night.`), ['Monday']);
    assert.deepEqual(coveredTexts('We met on Monday Times'), []);
    assert.deepEqual(coveredTexts('We met on Monday Nights'), ['Monday']);
    assert.deepEqual(coveredTexts('We met on Monday'), ['Monday']);
  });
});
