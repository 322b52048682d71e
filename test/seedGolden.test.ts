/**
 * The detections on every seed article, as reviewed by hand in test/golden/*.golden.txt. A change in
 * what the detector finds shows up here as a readable diff; after reviewing it, accept it with
 * `UPDATE_GOLDEN=1 npm test` (the '#' review notes at the top of each file are kept).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { detect } from '../server/src/core/detect';
import { describeValue } from '../server/src/core/detect/describeValue';

const SEEDS = path.join(__dirname, '..', 'seeds');
const GOLDEN = path.join(__dirname, 'golden');

function render(file: string): string[] {
  return detect(readFileSync(path.join(SEEDS, file), 'utf8')).map(
    (d) => `${d.start}-${d.end}\t${d.label}\t${JSON.stringify(d.text)}${d.value ? '\t' + describeValue(d.value) : ''}`,
  );
}

describe('detections on the seed articles match their reviewed golden files', () => {
  for (const seed of readdirSync(SEEDS).filter((file) => file.endsWith('.txt')).sort()) {
    it(seed, () => {
      const goldenPath = path.join(GOLDEN, seed.replace(/\.txt$/, '.golden.txt'));
      const actual = render(seed);
      const previous = existsSync(goldenPath) ? readFileSync(goldenPath, 'utf8').split('\n') : [];
      const notes = previous.filter((line) => line.startsWith('#'));
      if (process.env.UPDATE_GOLDEN) {
        writeFileSync(goldenPath, [...notes, ...actual].join('\n') + '\n');
        return;
      }
      assert.ok(existsSync(goldenPath), `${goldenPath} is missing: review the output and create it with UPDATE_GOLDEN=1`);
      const expected = previous.filter((line) => line !== '' && !line.startsWith('#'));
      assert.deepEqual(actual, expected);
    });
  }
});
