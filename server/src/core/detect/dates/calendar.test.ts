import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { calendarOf, daysInMonth } from './calendar';

const MS_PER_DAY = 86_400_000;

describe('calendar arithmetic', () => {
  it('gives the year, month and day a Date gives, for any day in its range and past it', () => {
    const asDate = (day: number) => {
      const date = new Date(day * MS_PER_DAY);
      return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
    };
    const days = [0, -1, 1, 59, 60, 365, 10_957, 11_016, -719_468, -719_469, -719_528, 2_932_896, 100_000_000, -100_000_000, 100_000_001, 0.5, -0.5, NaN, Infinity];
    for (const day of days) assert.deepEqual(calendarOf(day), asDate(day), String(day));
    fc.assert(fc.property(fc.integer({ min: -100_000_000, max: 100_000_000 }), (day) => assert.deepEqual(calendarOf(day), asDate(day))), { numRuns: 20_000 });
    fc.assert(fc.property(fc.integer({ min: -800_000, max: 800_000 }), (day) => assert.deepEqual(calendarOf(day), asDate(day))), { numRuns: 20_000 });
  });

  it('gives the days of a month that Date.UTC gives, with its reading of the years 0–99 and of months out of range', () => {
    const asDate = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
    for (const year of [0, 4, 99, 100, 1900, 2000, 2023, 2024, -1, -4, -100, -400, 200_000, 300_000, 2024.5, NaN]) {
      for (let month = -1; month <= 14; month++) assert.deepEqual(daysInMonth(year, month), asDate(year, month), `${year}-${month}`);
    }
    fc.assert(fc.property(fc.integer({ min: -300_000, max: 300_000 }), fc.integer({ min: 0, max: 13 }), (year, month) => assert.equal(daysInMonth(year, month), asDate(year, month))), { numRuns: 20_000 });
  });
});
