import type { NormalizedValue } from './shared/detection';

/** A normalised value in a few words, for tables and hovers: "2023-11-04", "$50,000,000,000 (USD)", "25%". */
export function describeValue(value: NormalizedValue): string {
  const about = 'approximate' in value && value.approximate ? '~' : '';
  switch (value.type) {
    case 'date':
      return withMod(value.endIso ? `${value.iso}/${value.endIso}` : value.iso, value.mod);
    case 'time':
      return withMod(value.iso, value.mod);
    case 'duration':
      return withMod(about + (value.maxIso ? `${value.iso} to ${value.maxIso}` : value.iso), value.mod);
    case 'set':
      // TimeML's own attributes, as a TIMEX3 of type SET carries them: "SET P1M freq 2X", "SET XXXX-WXX-1 quant EVERY".
      return ['SET', value.iso, value.freq && `freq ${value.freq}`, value.quant && `quant ${value.quant}`].filter(Boolean).join(' ');
    case 'number':
      return about + rangeOr(value.value, value.min, value.max, formatNumber);
    case 'ordinal':
      return `#${value.value}`;
    case 'money':
      return `${about}${rangeOr(value.amount, value.min, value.max, formatNumber)} ${value.currency}`;
    case 'percent':
      return rangeOr(value.value, value.min, value.max, (fraction) => `${formatNumber(fraction * 100)}%`);
    case 'quantity':
      return `${rangeOr(value.value, value.min, value.max, formatNumber)} ${value.unit}`;
  }
}

/** TimeML's MOD after the value, as TIMEX3 carries it beside the value: "197 (END)". */
function withMod(text: string, mod: string | undefined): string {
  return mod === undefined ? text : `${text} (${mod})`;
}

function rangeOr(value: number, min: number | undefined, max: number | undefined, format: (n: number) => string): string {
  return min !== undefined && max !== undefined && min !== max ? `${format(min)}–${format(max)}` : format(value);
}

function formatNumber(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 6 });
}
