import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { findNumbers } from './index';
import type { NormalizedValue, Span } from '../shared/detection';
import type { Label } from '../../base/labels';

const SEEDS = path.join(__dirname, '..', '..', '..', '..', '..', 'seeds');

interface Found {
  text: string;
  label: Label;
  value?: NormalizedValue;
}

function found(text: string): Found[] {
  return findNumbers(text).map((span) => ({ text: text.slice(span.start, span.end), label: span.label, ...(span.value ? { value: span.value } : {}) }));
}

/** The one finding whose text is `covered`; fails when there is none. */
function only(text: string, covered: string): Found {
  const matches = found(text).filter((finding) => finding.text === covered);
  assert.equal(matches.length, 1, `expected "${covered}" in ${JSON.stringify(found(text).map((f) => f.text))}`);
  return matches[0];
}

function texts(text: string): string[] {
  return found(text).map((finding) => finding.text);
}

function seed(prefix: string): string {
  const file = readdirSync(SEEDS).find((name) => name.startsWith(prefix));
  assert.ok(file, `seed ${prefix}`);
  return readFileSync(path.join(SEEDS, file), 'utf8');
}

function assertWellFormed(text: string, spans: readonly Span[]): void {
  let previousEnd = 0;
  for (const span of spans) {
    assert.ok(span.start >= previousEnd, 'sorted and not overlapping');
    assert.ok(span.start < span.end && span.end <= text.length, 'inside the text');
    assert.ok(span.confidence > 0 && span.confidence <= 1);
    previousEnd = span.end;
  }
}

describe('money', () => {
  it('reads "$50 billion" as 50e9 USD, with "nearly" in the span and marked approximate', () => {
    assert.deepEqual(only('receiving nearly $50 billion under the program', 'nearly $50 billion'), {
      text: 'nearly $50 billion',
      label: 'MONEY',
      value: { type: 'money', amount: 50e9, currency: 'USD', approximate: true },
    });
  });

  for (const [written, amount, currency] of [
    ['$1.2bn', 1.2e9, 'USD'],
    ['€3 million', 3e6, 'EUR'],
    ['£500', 500, 'GBP'],
    ['50 billion euros', 50e9, 'EUR'],
    ['UAH 5 billion', 5e9, 'UAH'],
    ['5 billion hryvnias', 5e9, 'UAH'],
    ['$500,000', 500_000, 'USD'],
    ['US$20 million', 20e6, 'USD'],
    ['10 million dollars', 10e6, 'USD'],
    ['1.15 billion Swiss francs', 1.15e9, 'CHF'],
    ['50 cents', 0.5, 'USD'],
    ['$3m', 3e6, 'USD'],
  ] as const) {
    it(`reads "${written}" as ${amount} ${currency}`, () => {
      const money = only(`They paid ${written} for it.`, written);
      assert.equal(money.label, 'MONEY');
      assert.deepEqual(money.value, { type: 'money', amount, currency });
    });
  }

  it('stops "$5 per share" at "$5"', () => {
    assert.deepEqual(texts('The offer values the company at $5 per share.'), ['$5']);
  });

  it('reads "$10-15 million" and "between $5 and $10" as one range each', () => {
    assert.deepEqual(only('a deal worth $10-15 million', '$10-15 million').value, { type: 'money', amount: 10e6, currency: 'USD', min: 10e6, max: 15e6 });
    assert.deepEqual(only('tickets cost between $5 and $10', 'between $5 and $10').value, { type: 'money', amount: 5, currency: 'USD', min: 5, max: 10 });
  });

  it('reads "billions of dollars" as vague money', () => {
    const money = only('They lost billions of dollars.', 'billions of dollars');
    assert.equal(money.label, 'MONEY');
    assert.deepEqual(money.value, { type: 'money', amount: 1e9, currency: 'USD', min: 1e9, max: 1e10 - 1, approximate: true });
  });

  it('reads "pounds" as weight after "weighs" or before "of", as sterling otherwise', () => {
    assert.equal(only('He weighs 200 pounds.', '200 pounds').label, 'QUANTITY');
    assert.equal(only('5 pounds of flour', '5 pounds').label, 'QUANTITY');
    assert.equal(only('a fine of 500 pounds', '500 pounds').label, 'MONEY');
  });
});

describe('percent', () => {
  it('reads "25%" as 0.25', () => {
    assert.deepEqual(only('leave 25% of Ukraine under Russian control', '25%'), { text: '25%', label: 'PERCENT', value: { type: 'percent', value: 0.25 } });
  });

  it('reads "25 percent" and "25 per cent" alike', () => {
    assert.deepEqual(only('up 25 percent', '25 percent').value, { type: 'percent', value: 0.25 });
    assert.deepEqual(only('up 25 per cent', '25 per cent').value, { type: 'percent', value: 0.25 });
  });

  it('reads "3.5 percentage points" as 0.035 and "50 basis points" as 0.005', () => {
    assert.deepEqual(only('down 3.5 percentage points', '3.5 percentage points').value, { type: 'percent', value: 0.035 });
    assert.deepEqual(only('a cut of 50 basis points', '50 basis points').value, { type: 'percent', value: 0.005 });
  });

  it('reads "5-10%" as a range', () => {
    assert.deepEqual(only('growth of 5-10% a year', '5-10%').value, { type: 'percent', value: 0.05, min: 0.05, max: 0.1 });
  });

  it('keeps "from 5% to 7%" as two amounts: a change, not a range', () => {
    assert.deepEqual(texts('Inflation rose from 5% to 7%.'), ['5%', '7%']);
  });

  it('does not read "half" as a percentage', () => {
    assert.deepEqual(texts('Half of the drones were shot down.'), []);
  });
});

describe('quantity', () => {
  for (const [written, value, unit] of [
    ['100 km', 100, 'km'],
    ['300 kilometers', 300, 'km'],
    ['5,000 tons', 5000, 't'],
    ['2 kg', 2, 'kg'],
    ['40 miles', 40, 'mi'],
    ['155mm', 155, 'mm'],
    ['1,200 square kilometers', 1200, 'km2'],
    ['500 MW', 500, 'MW'],
    ['60 mph', 60, 'mph'],
    ['30 degrees', 30, '°'],
    ['1.5 million barrels', 1.5e6, 'bbl'],
    ['2 million barrels per day', 2e6, 'bbl/d'],
    ['30C', 30, '°C'],
    ['10km/h', 10, 'km/h'],
  ] as const) {
    it(`reads "${written}" as ${value} ${unit}`, () => {
      const quantity = only(`It was ${written} away.`, written);
      assert.equal(quantity.label, 'QUANTITY');
      assert.deepEqual(quantity.value, { type: 'quantity', value, unit });
    });
  }

  it('reads a calibre written with a hyphen, "155-mm shells", as a quantity', () => {
    assert.equal(only('155-mm shells', '155-mm').label, 'QUANTITY');
  });
});

describe('cardinal', () => {
  it('reads "1 million" as one span worth 1e6', () => {
    assert.deepEqual(only('Ukraine will produce 1 million drones in 2024', '1 million').value, { type: 'number', value: 1e6 });
  });

  it('keeps "more than" and "almost" inside the span and marks the value approximate', () => {
    assert.deepEqual(only('more than 200 Ukrainian companies', 'more than 200').value, { type: 'number', value: 200, approximate: true });
    assert.deepEqual(only('produce almost 800 interceptor drones', 'almost 800').value, { type: 'number', value: 800, approximate: true });
  });

  it('reads "tens of thousands" as 10000..99999, approximate', () => {
    assert.deepEqual(only('tens of thousands of drones', 'tens of thousands').value, { type: 'number', value: 10_000, min: 10_000, max: 99_999, approximate: true });
  });

  it('reads "hundreds", "thousands" and "dozens" as ranges', () => {
    assert.deepEqual(only('hundreds died', 'hundreds').value, { type: 'number', value: 100, min: 100, max: 999, approximate: true });
    assert.deepEqual(only('thousands fled', 'thousands').value, { type: 'number', value: 1000, min: 1000, max: 9999, approximate: true });
    assert.deepEqual(only('dozens were hurt', 'dozens').value, { type: 'number', value: 24, min: 24, max: 99, approximate: true });
  });

  it('reads spelled-out numbers: "twenty-five", "two hundred and fifty thousand", "a dozen", "half a million"', () => {
    assert.deepEqual(only('twenty-five people', 'twenty-five').value, { type: 'number', value: 25 });
    assert.deepEqual(only('two hundred and fifty thousand troops', 'two hundred and fifty thousand').value, { type: 'number', value: 250_000 });
    assert.deepEqual(only('a dozen eggs', 'a dozen').value, { type: 'number', value: 12 });
    assert.deepEqual(only('half a million refugees', 'half a million').value, { type: 'number', value: 500_000 });
  });

  it('counts "one" in "one dead and 11 injured" but not in "one of the", "no one" or "which one"', () => {
    assert.deepEqual(texts('leaving one dead and 11 injured'), ['one', '11']);
    assert.deepEqual(texts('one of the soldiers said no one knew which one'), []);
  });

  it('reads "10-15", "10 to 15" and "between 10 and 15" as ranges', () => {
    for (const [text, covered] of [['10-15 drones', '10-15'], ['10 to 15 drones', '10 to 15'], ['between 10 and 15 drones', 'between 10 and 15']]) {
      assert.deepEqual(only(text, covered).value, { type: 'number', value: 10, min: 10, max: 15 });
    }
  });

  it('reads a score or a vote tally ("3-1", "6-3 ruling") as one CARDINAL without a value', () => {
    assert.deepEqual(only('Arsenal beat Chelsea 3-1 on Saturday', '3-1'), { text: '3-1', label: 'CARDINAL' });
    assert.deepEqual(only('a 6-3 ruling', '6-3'), { text: '6-3', label: 'CARDINAL' });
  });

  it('reads "two-thirds" as a fraction', () => {
    assert.deepEqual(only('two-thirds of voters', 'two-thirds').value, { type: 'number', value: 2 / 3 });
  });

  it('reads a bare year as a count only when a plural noun follows and no preposition precedes', () => {
    assert.deepEqual(texts('In 2024 drones flew; by 2030 they will have fired 2000 rockets.'), ['2000']);
  });
});

describe('tables and results', () => {
  it('reads each figure of a standings row as its own CARDINAL, also right after the club\'s name', () => {
    const row = 'Northfield Rovers   30 19 7 4 61 25 64';
    assert.deepEqual(texts(row), ['30', '19', '7', '4', '61', '25', '64']);
    assert.deepEqual(only(row, '61'), { text: '61', label: 'CARDINAL', value: { type: 'number', value: 61 } });
  });

  it('reads a figure aligned in a column after a name, by spaces or a tab: "Real Madrid      59", "Marco Delgado\t19"', () => {
    assert.deepEqual(texts('Points:\nReal Madrid      59\nBarcelona        57\nTop scorers:\nMarco Delgado\t19'), ['59', '57', '19']);
    assert.deepEqual(texts('He bought an iPhone 15 and a Boeing 737.'), []);
  });

  it('reads a leaderboard line: a score to par with its sign, then the rounds after the name', () => {
    const board = 'Leaders after three rounds:\n-6 Tomas Berger (Austria) 70 68 72\n-4 Lena Hartl 71 69 72; Ida Moss 73 68 71';
    assert.deepEqual(texts(board), ['three', '-6', '70', '68', '72', '-4', '71', '69', '72', '73', '68', '71']);
    assert.deepEqual(only(board, '-6').value, { type: 'number', value: -6 });
  });

  it('keeps the sign of a negative measure: "-5 degrees Celsius"', () => {
    assert.deepEqual(only('Temperatures fell to -5 degrees Celsius overnight.', '-5 degrees Celsius').value, { type: 'quantity', value: -5, unit: '°C' });
  });

  it('reads the scores of a results line, "Home 3 Away 1", even after names', () => {
    assert.deepEqual(texts('Results: Harbor City 3 Westport 1, Millbrook 0 North Vale 2.\nEASTON 4 Lakeside 2 (OT)'), ['3', '1', '0', '2', '4', '2']);
  });

  it('reads set scores written without commas, "6-4 3-6 7-5", as one score each, and a goals column "58-21" in a row', () => {
    assert.deepEqual(found('Anna Berg beat Lena Hartl 6-4 3-6 7-5'), ['6-4', '3-6', '7-5'].map((text) => ({ text, label: 'CARDINAL' })));
    assert.deepEqual(texts('Mia Roth beat Ida Moss 6-3 6-2'), ['6-3', '6-2']);
    assert.deepEqual(texts('Northfield Rovers   30 19 7 4 61-25 64'), ['30', '19', '7', '4', '61-25', '64']);
    assert.deepEqual(texts('Southgate   30 12 9 9 40-44 45'), ['30', '12', '9', '9', '40-44', '45']);
    assert.equal(only('Southgate   30 12 9 9 40-44 45', '40-44').value, undefined);
    assert.deepEqual(texts('call 202-555-0123 or 555-1234 555-9876'), []);
  });

  it('still skips phone numbers written with spaces, model numbers and numbered names', () => {
    assert.deepEqual(texts('Call 202 555 1234, +33 1 23 45 67 89 or 01 23 45 67 89.'), []);
    assert.deepEqual(texts('a Boeing 737 Airbus 320 order, the iPhone 15 Pro and Windows 11 and Office 365'), []);
    assert.deepEqual(texts('COVID-19 cases and F-16 jets'), []);
  });

  it('never reads "2,000" as a year: "about 2,000 people"', () => {
    assert.deepEqual(only('Police said about 2,000 people took part.', 'about 2,000').value, { type: 'number', value: 2000, approximate: true });
  });
});

describe('more ways of writing amounts', () => {
  it('reads pence as hundredths of a pound: "412 pence"', () => {
    assert.deepEqual(only('Shares closed at 412 pence on Friday.', '412 pence'), { text: '412 pence', label: 'MONEY', value: { type: 'money', amount: 4.12, currency: 'GBP' } });
  });

  it('reads "crore" and "lakh" as the Indian scales: "₹120 crore", "Rs 5 lakh"', () => {
    assert.deepEqual(only('a penalty of more than ₹120 crore', 'more than ₹120 crore').value, { type: 'money', amount: 1.2e9, currency: 'INR', approximate: true });
    assert.deepEqual(only('a grant of Rs 5 lakh each', 'Rs 5 lakh').value, { type: 'money', amount: 5e5, currency: 'INR' });
  });

  it('reads a headline in capitals: "FINES TRIVEX 2.4 BLN EURO"', () => {
    assert.deepEqual(only('EU COURT FINES TRIVEX 2.4 BLN EURO', '2.4 BLN EURO').value, { type: 'money', amount: 2.4e9, currency: 'EUR' });
  });

  it('reads digits before a currency several countries share ("crowns", "shillings") as MONEY without guessing which one', () => {
    assert.deepEqual(only('sales of about 9 billion crowns a year', 'about 9 billion crowns'), { text: 'about 9 billion crowns', label: 'MONEY' });
    assert.deepEqual(only('a budget of 4 billion shillings', '4 billion shillings'), { text: '4 billion shillings', label: 'MONEY' });
    assert.deepEqual(found('She has won three crowns.'), [{ text: 'three', label: 'CARDINAL', value: { type: 'number', value: 3 } }]);
  });

  it('reads "several hundred million dollars" and "a few hundred thousand" whole', () => {
    assert.deepEqual(only('it spent several hundred million dollars', 'several hundred million dollars').value, { type: 'money', amount: 3e8, currency: 'USD', min: 3e8, max: 9e8, approximate: true });
    assert.deepEqual(only('a few hundred thousand visitors', 'a few hundred thousand').value, { type: 'number', value: 2e5, min: 2e5, max: 5e5, approximate: true });
  });

  it('keeps a modifier with a fraction: "about two-thirds", "roughly three-quarters", "less than half"', () => {
    assert.deepEqual(only('about two-thirds of voters', 'about two-thirds').value, { type: 'number', value: 2 / 3, approximate: true });
    assert.equal(only('roughly three-quarters of the cases', 'roughly three-quarters').label, 'CARDINAL');
    assert.deepEqual(only('brought less than half the normal rain', 'less than half').value, { type: 'number', value: 0.5, approximate: true });
    assert.deepEqual(texts('Half of them left about half an hour later.'), []);
  });

  it('reads "three or four" as one vague count, but not two years', () => {
    assert.deepEqual(only('he would rotate three or four players', 'three or four').value, { type: 'number', value: 3, min: 3, max: 4 });
    assert.deepEqual(texts('in 2019 or 2020'), []);
  });

  it('reads air pressure: "935 hectopascals", "950 hPa"', () => {
    assert.deepEqual(only('a central pressure of 935 hectopascals', '935 hectopascals').value, { type: 'quantity', value: 935, unit: 'hPa' });
    assert.deepEqual(only('deepened to 950 hPa overnight', '950 hPa').value, { type: 'quantity', value: 950, unit: 'hPa' });
  });

  it('reads "a quarter of a percentage point" as a percent', () => {
    assert.deepEqual(only('raised rates by a quarter of a percentage point', 'a quarter of a percentage point').value, { type: 'percent', value: 0.0025 });
  });

  it('reads the number of a compound with a lower-case word, "par-72", "top-10", but not a code: COVID-19, covid-19, sars-cov-2, F-16', () => {
    assert.deepEqual(texts('a par-72 course and a top-10 finish'), ['72', '10']);
    assert.deepEqual(texts('COVID-19 and covid-19 cases, sars-cov-2, F-16 jets, Su-34 bombers'), []);
  });

  it('reads a figure with thousands separators after a name: "the Kospi 2,641.20"', () => {
    assert.deepEqual(texts('The Kospi 2,641.20 and the iPhone 15'), ['2,641.20']);
  });

  it('leaves a 19th-century year to the date detector: "founded in 1887"', () => {
    assert.deepEqual(texts('The firm, founded in 1887, employs 1,300 people.'), ['1,300']);
  });
});

describe('ordinal', () => {
  it('reads "first", "third", "21st" and "twenty-first" with their rank', () => {
    assert.deepEqual(only('for the first time', 'first').value, { type: 'ordinal', value: 1 });
    assert.deepEqual(only('He came third.', 'third').value, { type: 'ordinal', value: 3 });
    assert.deepEqual(only('the 21st attack', '21st').value, { type: 'ordinal', value: 21 });
    assert.deepEqual(only('its twenty-first birthday', 'twenty-first').value, { type: 'ordinal', value: 21 });
  });

  it('reads "a second attack" as an ordinal but not "wait a second" or "30 second"', () => {
    assert.deepEqual(texts('a second attack'), ['second']);
    assert.deepEqual(texts('Wait a second. It took 30 second bursts.'), []);
  });

  it('leaves ordinals inside names and dates alone: Second World War, First Lady, 21st century, June 4th', () => {
    assert.deepEqual(texts('after the Second World War the First Lady spoke of the 21st century on June 4th'), []);
  });
});

describe('what is not a number here', () => {
  it('skips digits in names and codes: F-16, Su-34, MiG-29, Shahed-136, COVID-19, G7, 5G, iPhone 15, Boeing 737', () => {
    assert.deepEqual(texts('F-16 jets, Su-34 bombers, MiG-29s, Shahed-136 drones, COVID-19, the G7, 5G masts, an iPhone 15 and a Boeing 737.'), []);
  });

  it('skips URLs, e-mail addresses, hashtags, file names, phone numbers and ISBNs', () => {
    assert.deepEqual(texts('See https://www.bbc.com/news/world-europe-67078089, mail desk2@kyiv.ua, #Ukraine2024, photo_12.jpg, call +1 202 555 0123 or (202) 555-0123, ISBN 978-3-16-148410-0.'), []);
  });

  it('leaves times, dates and durations to the date detector: "6:04 PM", "November 4", "2023-10-26", "2 min read", "three-year"', () => {
    assert.deepEqual(texts('January 5, 2024 6:04 PM 2 min read. On Sept. 6, 2023 and 2023-10-26, a three-year program, a 20-month-old war, from one to five years, 4 November.'), []);
  });

  it('skips decades and abbreviated years: "the 1990s", "the \'90s"', () => {
    assert.deepEqual(texts("In the 1990s and the '90s"), []);
  });
});

describe('the sample articles', () => {
  it('finds "almost 800", "nearly $50 billion", "one", "11" and "85" in 000', () => {
    const text = seed('000');
    assert.deepEqual(texts(text), ['almost 800', 'nearly $50 billion', 'one', '11', '85']);
    assert.deepEqual(only(text, 'nearly $50 billion').value, { type: 'money', amount: 50e9, currency: 'USD', approximate: true });
  });

  it('finds "28,500" in 003', () => {
    assert.equal(found(seed('003')).filter((finding) => finding.text === '28,500').length, 2);
  });

  it('finds "1 million" and "25%" in 004, and nothing in its dateline', () => {
    const text = seed('004');
    assert.equal(only(text, '1 million').label, 'CARDINAL');
    assert.deepEqual(only(text, '25%').value, { type: 'percent', value: 0.25 });
    assert.ok(!texts(text).some((covered) => /^(2|5|6|2024|04)$/.test(covered)));
  });
});

describe('robustness', () => {
  it('returns nothing for empty text and never throws on lone surrogates, emoji, CRLF or NULs', () => {
    assert.deepEqual(findNumbers(''), []);
    for (const text of ['\ud800 5 \udfff%', '🇺🇦 800 drones 🔥 $5', 'a\r\n1\r\n2', '\u0000\u0001 9 kg']) {
      assertWellFormed(text, findNumbers(text));
    }
  });

  it('keeps UTF-16 offsets right after astral characters', () => {
    const text = '𝕏🔥 paid $50 billion';
    assert.deepEqual(texts(text), ['$50 billion']);
  });

  it('returns sorted, non-overlapping spans inside the text for any input', () => {
    const pieces = fc.constantFrom('5', '1,000', '3.5', '-', ' ', '%', '$', 'million', 'one', 'of', 'first', 'km', 'to', 'and', 'between', '\n', '.', ':', '/', 'F', '🔥', '\ud800', 'tens', 'thousands', 'a', 'dozen', 'US', 'years');
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.array(pieces).map((parts) => parts.join(''))), (text) => {
        assertWellFormed(text, findNumbers(text));
      }),
      { numRuns: 500 },
    );
  });
});
