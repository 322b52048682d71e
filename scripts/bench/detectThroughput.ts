/** Detect throughput on one core (issue 17: at least 20 MB/s), against a single regular-expression pass over the same text. */
import { detect } from '../../server/src/core/detect';
import { report } from './figures';
import { corpusOf } from './seeds';
import { median, round, timeRuns } from './statistics';

export function benchDetect(short: boolean): void {
  const corpus = corpusOf(2_000_000);
  const megabytes = Buffer.byteLength(corpus) / 1e6;
  const runs = short ? 2 : 7;
  const detectMs = median(timeRuns(runs, () => detect(corpus)));
  // The speed of light for a scanner: one regular-expression pass that finds every word and number.
  const regexMs = median(timeRuns(runs, () => corpus.match(/\p{L}+|\d+/gu)));
  report('detect throughput', round(megabytes / (detectMs / 1000)), 'MB/s', { comparison: '>=', limit: 20 }, {
    corpusMB: round(megabytes),
    ratioToRegexPass: round(regexMs / detectMs, 3),
  });
}
