/**
 * Date values as TimeML (TIMEX3) writes them, relative to the article date (the document creation time):
 * tense decides which way a weekday or a month resolves, ISO weeks, decades, modifiers, vague references,
 * SET expressions and lengths of time inside an anchored phrase. Invented sentences, each with its anchor.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findDates } from './index';

function found(text: string, anchor?: string): Array<{ text: string; label: string; value?: unknown }> {
  return findDates(text, anchor).map((span) => ({
    text: text.slice(span.start, span.end),
    label: span.label,
    ...(span.value === undefined ? {} : { value: span.value }),
  }));
}

function valueOf(text: string, covered: string, anchor?: string): unknown {
  const span = findDates(text, anchor).find((candidate) => text.slice(candidate.start, candidate.end) === covered);
  assert.ok(span, `"${covered}" is not a span of: ${JSON.stringify(found(text, anchor).map((f) => f.text))}`);
  return span.value;
}

// 2025-11-05 is a Wednesday; 2026-01-14 a Wednesday in January.
const WEDNESDAY = '2025-11-05';
const JANUARY = '2026-01-14';

describe('tense decides which way a weekday resolves', () => {
  it('a weekday in past-tense reporting is the one before, even after a future word earlier in the sentence', () => {
    assert.deepEqual(valueOf('The minister, who is expected to resign, said on Tuesday that talks had failed.', 'Tuesday', WEDNESDAY), { type: 'date', iso: '2025-11-04' });
    assert.deepEqual(valueOf('Talks that had been scheduled to resume collapsed on Monday.', 'Monday', WEDNESDAY), { type: 'date', iso: '2025-11-03' });
    assert.deepEqual(valueOf('The vote was set to take place on Friday but was postponed.', 'Friday', WEDNESDAY), { type: 'date', iso: '2025-10-31' });
  });

  it('a weekday in the future tense is the next one, the tense read before or after it in the sentence', () => {
    assert.deepEqual(valueOf('The board will meet on Friday.', 'Friday', WEDNESDAY), { type: 'date', iso: '2025-11-07' });
    assert.deepEqual(valueOf('On Friday, the board will meet again.', 'Friday', WEDNESDAY), { type: 'date', iso: '2025-11-07' });
    assert.deepEqual(valueOf('On Monday, the board met.', 'Monday', WEDNESDAY), { type: 'date', iso: '2025-11-03' });
  });

  it('a participle that plans ("planned for", "scheduled for", "due on") looks ahead, unless a past auxiliary turns it', () => {
    assert.deepEqual(valueOf('A vote planned for Thursday could topple the government.', 'Thursday', WEDNESDAY), { type: 'date', iso: '2025-11-06' });
    assert.deepEqual(valueOf('Results due on Friday may show a loss.', 'Friday', WEDNESDAY), { type: 'date', iso: '2025-11-07' });
    assert.deepEqual(valueOf('The storm is forecast to weaken as it crosses the sea on Wednesday.', 'Wednesday', '2025-09-16'), { type: 'date', iso: '2025-09-17' });
    assert.deepEqual(valueOf('The vote was planned for Thursday.', 'Thursday', WEDNESDAY), { type: 'date', iso: '2025-10-30' });
    assert.deepEqual(valueOf('The vote has been scheduled for Thursday.', 'Thursday', WEDNESDAY), { type: 'date', iso: '2025-11-06' });
  });

  it('a passive ("to be sentenced") does not turn a future to the past; "would" leaves the tense open', () => {
    assert.deepEqual(valueOf('She is scheduled to be sentenced on April 10.', 'April 10', '2025-02-27'), { type: 'date', iso: '2025-04-10' });
    assert.deepEqual(valueOf('The mayor said work would begin in January.', 'January', '2025-08-21'), { type: 'date', iso: '2026-01' });
    assert.deepEqual(valueOf('She said margin would be about 61.5%, roughly flat from the third quarter.', 'the third quarter', '2025-10-23'), { type: 'date', iso: '2025-Q3' });
  });

  it('a past verb after a future one, nearer the weekday, wins: "which will close, opened on Tuesday"', () => {
    assert.deepEqual(valueOf('The plant, which will close next year, reopened on Tuesday.', 'Tuesday', WEDNESDAY), { type: 'date', iso: '2025-11-04' });
  });
});

describe('ISO weeks', () => {
  it('"last week", "this week", "next week" are ISO weeks, across a year boundary too', () => {
    const text = 'Prices fell last week, steadied this week and may rise next week.';
    assert.deepEqual(valueOf(text, 'last week', WEDNESDAY), { type: 'date', iso: '2025-W44' });
    assert.deepEqual(valueOf(text, 'this week', WEDNESDAY), { type: 'date', iso: '2025-W45' });
    assert.deepEqual(valueOf(text, 'next week', WEDNESDAY), { type: 'date', iso: '2025-W46' });
    assert.deepEqual(valueOf(text, 'last week', '2026-01-02'), { type: 'date', iso: '2025-W52' });
  });
});

describe('a bare month or month-day across a year boundary', () => {
  it('"December" said in the past tense in a January article is last year\'s', () => {
    assert.deepEqual(valueOf('Exports collapsed in December, the ministry said.', 'December', JANUARY), { type: 'date', iso: '2025-12' });
  });

  it('"March" said in the past tense in a November article is this year\'s, not next year\'s', () => {
    assert.deepEqual(valueOf('Sales fell in March, the company said.', 'March', WEDNESDAY), { type: 'date', iso: '2025-03' });
    assert.deepEqual(valueOf('Sales fell on March 5, the company said.', 'March 5', WEDNESDAY), { type: 'date', iso: '2025-03-05' });
  });

  it('a month in the future tense is its next occurrence', () => {
    assert.deepEqual(valueOf('The plant will reopen in October.', 'October', JANUARY), { type: 'date', iso: '2026-10' });
    assert.deepEqual(valueOf('The new rules will apply from February 2.', 'February 2', WEDNESDAY), { type: 'date', iso: '2026-02-02' });
  });
});

describe('decades and modifiers', () => {
  it('a decade is written as TimeML writes it, three digits: "the 1970s" = 197, "the \'80s" = 198, "the 2000s" = 200', () => {
    const text = 'Inflation in the 1970s, the \'80s and the 2000s.';
    assert.deepEqual(valueOf(text, 'the 1970s'), { type: 'date', iso: '197' });
    assert.deepEqual(valueOf(text, "the '80s"), { type: 'date', iso: '198' });
    assert.deepEqual(valueOf(text, 'the 2000s'), { type: 'date', iso: '200' });
  });

  it('"the late 1970s" is 197 with MOD END, "the early 2000s" START, "the mid-1990s" MID', () => {
    const text = 'In the late 1970s, the early 2000s and the mid-1990s.';
    assert.deepEqual(valueOf(text, 'the late 1970s'), { type: 'date', iso: '197', mod: 'END' });
    assert.deepEqual(valueOf(text, 'the early 2000s'), { type: 'date', iso: '200', mod: 'START' });
    assert.deepEqual(valueOf(text, 'the mid-1990s'), { type: 'date', iso: '199', mod: 'MID' });
  });

  it('modifiers before any date give it a TimeML MOD: "late 2023" END, "early next year" START, "the end of this year" END, "mid-2025" MID', () => {
    const text = 'Output stalled in late 2023, recovers early next year, by the end of this year and by mid-2025.';
    assert.deepEqual(valueOf(text, 'late 2023', WEDNESDAY), { type: 'date', iso: '2023', mod: 'END' });
    assert.deepEqual(valueOf(text, 'early next year', WEDNESDAY), { type: 'date', iso: '2026', mod: 'START' });
    assert.deepEqual(valueOf(text, 'the end of this year', WEDNESDAY), { type: 'date', iso: '2025', mod: 'END' });
    assert.deepEqual(valueOf(text, 'mid-2025', WEDNESDAY), { type: 'date', iso: '2025', mod: 'MID' });
  });
});

describe('vague references', () => {
  it('"recently" and "in the past" are PAST_REF, "now" and "currently" PRESENT_REF, "in the coming years" FUTURE_REF', () => {
    const text = 'He recently said prices are now high and currently rising, and will rise in the coming years; in the past they were low.';
    assert.deepEqual(found(text, WEDNESDAY), [
      { text: 'recently', label: 'DATE', value: { type: 'date', iso: 'PAST_REF' } },
      { text: 'now', label: 'DATE', value: { type: 'date', iso: 'PRESENT_REF' } },
      { text: 'currently', label: 'DATE', value: { type: 'date', iso: 'PRESENT_REF' } },
      { text: 'the coming years', label: 'DATE', value: { type: 'date', iso: 'FUTURE_REF' } },
      { text: 'the past', label: 'DATE', value: { type: 'date', iso: 'PAST_REF' } },
    ]);
  });

  it('"these days" is PRESENT_REF and "in the near future" FUTURE_REF; "the future of the bank" is no time', () => {
    const text = 'These days banks lend less; in the near future they may lend more, whatever the future of the bank.';
    assert.deepEqual(found(text).map((f) => [f.text, f.value]), [
      ['These days', { type: 'date', iso: 'PRESENT_REF' }],
      ['the near future', { type: 'date', iso: 'FUTURE_REF' }],
    ]);
  });

  it('need no article date, and "recent weeks" is PAST_REF', () => {
    assert.deepEqual(valueOf('Shares slid in recent weeks.', 'recent weeks'), { type: 'date', iso: 'PAST_REF' });
    assert.deepEqual(valueOf('Rates are now at a peak.', 'now'), { type: 'date', iso: 'PRESENT_REF' });
  });

  it('take a capitalised "Now" only where it opens a sentence, not in a button\'s "Get Started Now"', () => {
    assert.deepEqual(found('Get Started Now: Download the App').map((f) => f.text), []);
    assert.deepEqual(found('Prices fell. Now the bank must act.').map((f) => f.text), ['Now']);
  });

  it('leave alone "the past three years" (a length), "now-defunct" and "the past" that is a noun phrase\'s head of something else', () => {
    const text = 'The now-defunct firm lost money over the past three years.';
    assert.deepEqual(found(text).map((f) => f.text), ['the past three years']);
  });
});

describe('SET expressions', () => {
  it('"every week" P1W quant EVERY, "each year" P1Y quant EACH, "every two weeks" P2W, "every other month" P2M', () => {
    const text = 'The board meets every week, reports each year, audits every two weeks and votes every other month.';
    assert.deepEqual(found(text, WEDNESDAY), [
      { text: 'every week', label: 'DATE', value: { type: 'set', iso: 'P1W', quant: 'EVERY' } },
      { text: 'each year', label: 'DATE', value: { type: 'set', iso: 'P1Y', quant: 'EACH' } },
      { text: 'every two weeks', label: 'DATE', value: { type: 'set', iso: 'P2W', quant: 'EVERY' } },
      { text: 'every other month', label: 'DATE', value: { type: 'set', iso: 'P2M', quant: 'EVERY' } },
    ]);
  });

  it('"weekly", "daily", "annually", "quarterly" are sets of one unit; not "Entertainment Weekly" nor the "Daily Mail"', () => {
    const text = 'The weekly figures, published daily and audited annually and quarterly, were quoted by Entertainment Weekly and the Daily Mail.';
    assert.deepEqual(found(text), [
      { text: 'weekly', label: 'DATE', value: { type: 'set', iso: 'P1W' } },
      { text: 'daily', label: 'DATE', value: { type: 'set', iso: 'P1D' } },
      { text: 'annually', label: 'DATE', value: { type: 'set', iso: 'P1Y' } },
      { text: 'quarterly', label: 'DATE', value: { type: 'set', iso: 'P3M' } },
    ]);
  });

  it('"twice a month" is P1M freq 2X, "three times a week" P1W freq 3X, "once a year" P1Y freq 1X; "$500 a month" is no set', () => {
    const text = 'Inspectors come twice a month, trains run three times a week and the fair is held once a year; rent is $500 a month.';
    assert.deepEqual(found(text), [
      { text: 'twice a month', label: 'DATE', value: { type: 'set', iso: 'P1M', freq: '2X' } },
      { text: 'three times a week', label: 'DATE', value: { type: 'set', iso: 'P1W', freq: '3X' } },
      { text: 'once a year', label: 'DATE', value: { type: 'set', iso: 'P1Y', freq: '1X' } },
    ]);
  });

  it('"every Monday" is XXXX-WXX-1, "Sundays" XXXX-WXX-7, "every May" XXXX-05, "every morning" a TIME XXXX-XX-XXTMO', () => {
    const text = 'Markets close early every Monday and on Sundays, the fair opens every May and the ferry leaves every morning.';
    assert.deepEqual(found(text, WEDNESDAY), [
      { text: 'every Monday', label: 'DATE', value: { type: 'set', iso: 'XXXX-WXX-1', quant: 'EVERY' } },
      { text: 'Sundays', label: 'DATE', value: { type: 'set', iso: 'XXXX-WXX-7' } },
      { text: 'every May', label: 'DATE', value: { type: 'set', iso: 'XXXX-05', quant: 'EVERY' } },
      { text: 'every morning', label: 'TIME', value: { type: 'set', iso: 'XXXX-XX-XXTMO', quant: 'EVERY' } },
    ]);
  });
});

describe('a length of time inside an anchored phrase', () => {
  it('"the past three months" is DATE with the duration P3M, "the last two years" P2Y, "the next five years" P5Y', () => {
    const text = 'Exports fell over the past three months and the last two years, and should recover over the next five years.';
    assert.deepEqual(found(text, JANUARY), [
      { text: 'the past three months', label: 'DATE', value: { type: 'duration', iso: 'P3M' } },
      { text: 'the last two years', label: 'DATE', value: { type: 'duration', iso: 'P2Y' } },
      { text: 'the next five years', label: 'DATE', value: { type: 'duration', iso: 'P5Y' } },
    ]);
  });

  it('"the past decade" is P10Y and "the past 24 hours" a TIME of PT24H', () => {
    assert.deepEqual(valueOf('Rents doubled over the past decade.', 'the past decade', JANUARY), { type: 'duration', iso: 'P10Y' });
    assert.deepEqual(valueOf('Rain fell for the past 24 hours.', 'the past 24 hours', JANUARY), { type: 'duration', iso: 'PT24H' });
  });
});

describe('span boundaries', () => {
  it('an approximator or bound joins a length or a clock time, with its TimeML MOD', () => {
    const text = 'It lasted more than three decades, no more than five years, about three months, under three hours, at least two weeks and began around 4 a.m.';
    assert.deepEqual(found(text), [
      { text: 'more than three decades', label: 'DURATION', value: { type: 'duration', iso: 'P30Y', mod: 'MORE_THAN' } },
      { text: 'no more than five years', label: 'DURATION', value: { type: 'duration', iso: 'P5Y', mod: 'EQUAL_OR_LESS' } },
      { text: 'about three months', label: 'DURATION', value: { type: 'duration', iso: 'P3M', mod: 'APPROX' } },
      { text: 'under three hours', label: 'DURATION', value: { type: 'duration', iso: 'PT3H', mod: 'LESS_THAN' } },
      { text: 'at least two weeks', label: 'DURATION', value: { type: 'duration', iso: 'P2W', mod: 'EQUAL_OR_MORE' } },
      { text: 'around 4 a.m.', label: 'TIME', value: { type: 'time', iso: 'T04:00', mod: 'APPROX' } },
    ]);
  });

  it('"two hours and 51 minutes" is one length, PT2H51M', () => {
    assert.deepEqual(found('The final lasted two hours and 51 minutes.'), [
      { text: 'two hours and 51 minutes', label: 'DURATION', value: { type: 'duration', iso: 'PT2H51M' } },
    ]);
  });

  it('"from 2017 to 2023" and "between 2020 and 2022" are two dates each, as TimeML tags them; "2024-25" stays one', () => {
    const text = 'Profits grew from 2017 to 2023, fell between 2020 and 2022 and the 2024-25 season was poor.';
    assert.deepEqual(found(text).map((f) => [f.text, f.value]), [
      ['2017', { type: 'date', iso: '2017' }],
      ['2023', { type: 'date', iso: '2023' }],
      ['2020', { type: 'date', iso: '2020' }],
      ['2022', { type: 'date', iso: '2022' }],
      ['2024-25', { type: 'date', iso: '2024', endIso: '2025' }],
    ]);
  });

  it('"between May and June" is two months, each valued; "May-June" stays one range', () => {
    const text = 'Rain fell between May and June, and again in July-August.';
    assert.deepEqual(found(text, WEDNESDAY).map((f) => [f.text, f.value]), [
      ['May', { type: 'date', iso: '2025-05' }],
      ['June', { type: 'date', iso: '2025-06' }],
      ['July-August', { type: 'date', iso: '2025-07', endIso: '2025-08' }],
    ]);
  });
});
