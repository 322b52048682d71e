/** Units of time: their ISO 8601 designators, aliases, and counts of them ("24", "three", "several"). */
import { parseWordNumber } from '../shared/wordNumbers';

const UNIT_DESIGNATORS: Readonly<Record<string, { designator: string; factor: number; time: boolean }>> = {
  second: { designator: 'S', factor: 1, time: true },
  minute: { designator: 'M', factor: 1, time: true },
  hour: { designator: 'H', factor: 1, time: true },
  day: { designator: 'D', factor: 1, time: false },
  week: { designator: 'W', factor: 1, time: false },
  fortnight: { designator: 'W', factor: 2, time: false },
  month: { designator: 'M', factor: 1, time: false },
  year: { designator: 'Y', factor: 1, time: false },
  decade: { designator: 'Y', factor: 10, time: false },
  century: { designator: 'Y', factor: 100, time: false },
  millennium: { designator: 'Y', factor: 1000, time: false },
};

const UNIT_ALIASES: Readonly<Record<string, string>> = {
  sec: 'second', secs: 'second', min: 'minute', mins: 'minute', hr: 'hour', hrs: 'hour', h: 'hour', yr: 'year', yrs: 'year',
  centuries: 'century', millennia: 'millennium',
};

export function canonicalUnit(unit: string): string {
  const lower = unit.toLowerCase();
  // A final "s" dropped by index: a regex replace on every unit read costs more.
  return UNIT_ALIASES[lower] ?? (lower.endsWith('s') ? lower.slice(0, -1) : lower);
}

export const isTimeUnit = (unit: string): boolean => UNIT_DESIGNATORS[unit]?.time ?? false;
export const isPlural = (unitText: string): boolean => unitText.endsWith('s') || unitText === 'centuries' || unitText === 'millennia';

export function durationIso(count: number, unit: string): string | undefined {
  const designator = UNIT_DESIGNATORS[unit];
  if (!designator || !Number.isFinite(count) || count < 0) return undefined;
  const amount = Math.round(count * designator.factor * 1000) / 1000;
  return `P${designator.time ? 'T' : ''}${amount}${designator.designator}`;
}

export interface Count {
  value: number;
  approximate: boolean;
  /** Written as digits ("24"), which abbreviated units require ("2 min", not "two min"). */
  digits: boolean;
}

/** Vague counts get a conventional value and approximate: true. */
const VAGUE_COUNTS: Readonly<Record<string, number>> = {
  'a few': 3, few: 3, 'a couple of': 2, 'a couple': 2, 'couple of': 2, several: 3, many: 5,
  'dozens of': 24, 'hundreds of': 200, 'thousands of': 2000, 'tens of': 20,
};

export function parseCount(text: string): Count | undefined {
  const normalized = text.toLowerCase().replace(/\s+/g, ' ');
  const vague = VAGUE_COUNTS[normalized];
  if (vague !== undefined) return { value: vague, approximate: true, digits: false };
  const half = normalized.endsWith(' and a half') ? 0.5 : 0;
  const whole = half ? normalized.slice(0, -' and a half'.length) : normalized;
  if (/^[\d,.]+$/.test(whole)) {
    const value = Number(whole.replace(/,/g, ''));
    return Number.isFinite(value) ? { value: value + half, approximate: false, digits: true } : undefined;
  }
  const value = whole === 'half a' || whole === 'half an' ? 0.5 : whole === 'another' ? 1 : parseWordNumber(whole);
  return value === undefined ? undefined : { value: value + half, approximate: false, digits: false };
}

const DURATION_PARTS = /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
const PART_DESIGNATORS = ['Y', 'M', 'D', 'H', 'M', 'S'];

/**
 * One ISO duration of two written in a row, larger units first: "two hours and 51 minutes" PT2H + PT51M = PT2H51M,
 * "three years and six months" P3Y6M; undefined when they do not follow each other that way (or use weeks, which ISO
 * does not mix with other units).
 */
export function joinDurations(larger: string, smaller: string): string | undefined {
  const a = DURATION_PARTS.exec(larger);
  const b = DURATION_PARTS.exec(smaller);
  if (!a || !b) return undefined;
  const lastOfA = Math.max(...[1, 2, 3, 4, 5, 6].filter((index) => a[index] !== undefined));
  const firstOfB = Math.min(...[1, 2, 3, 4, 5, 6].filter((index) => b[index] !== undefined));
  if (!(lastOfA < firstOfB)) return undefined;
  const parts = [1, 2, 3, 4, 5, 6].map((index) => a[index] ?? b[index]);
  const date = parts.slice(0, 3).map((amount, index) => (amount === undefined ? '' : `${amount}${PART_DESIGNATORS[index]}`)).join('');
  const time = parts.slice(3).map((amount, index) => (amount === undefined ? '' : `${amount}${PART_DESIGNATORS[index + 3]}`)).join('');
  return `P${date}${time ? `T${time}` : ''}`;
}
