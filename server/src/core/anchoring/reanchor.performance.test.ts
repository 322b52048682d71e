import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { CodePointIndex } from '../base/offsets';
import { CONTEXT_LENGTH, type Tag } from '../sidecar/schema';
import { SeededRandom } from '../base/seededRandom';
import { reanchorTags } from './reanchor';

const SEEDS = path.join(__dirname, '..', '..', '..', '..', 'seeds');
const ARTICLE_LENGTH = 1_000_000;
const TAG_COUNT = 10_000;

/** About 1 MB of paragraphs of seed words in random order, so that contexts are as varied as in news. */
function largeArticle(random: SeededRandom): string {
  const words = readdirSync(SEEDS)
    .filter((name) => name.endsWith('.txt'))
    .flatMap((name) => readFileSync(path.join(SEEDS, name), 'utf8').split(/\s+/))
    .filter((word) => word.length > 0);
  const paragraphs: string[] = [];
  let length = 0;
  while (length < ARTICLE_LENGTH) {
    const paragraph = Array.from({ length: 40 + random.below(80) }, () => random.pick(words)).join(' ');
    paragraphs.push(random.chance(0.01) ? `🇺🇦 ${paragraph}` : paragraph);
    length += paragraph.length + 2;
  }
  return paragraphs.join('\n\n');
}

/** TAG_COUNT tags on capitalised words and numbers, spread evenly, built directly (newTag would re-index the megabyte each time). */
function tagsOn(text: string): Tag[] {
  const index = new CodePointIndex(text);
  const slice = (start: number, end: number) => text.slice(index.toUtf16(start), index.toUtf16(end));
  const words = [...text.matchAll(/[\p{Lu}\d][\p{L}\d,.]*[\p{L}\d]/gu)];
  const step = words.length / TAG_COUNT;
  return Array.from({ length: TAG_COUNT }, (_, n) => {
    const word = words[Math.floor(n * step)];
    const start = index.toCodePoint(word.index);
    const end = index.toCodePoint(word.index + word[0].length);
    return {
      id: `t-${n}`,
      start,
      end,
      text: word[0],
      label: 'ORG',
      kind: 'entity',
      status: 'accepted',
      source: 'manual',
      annotator: 'test',
      created: '1970-01-01T00:00:00.000Z',
      modified: '1970-01-01T00:00:00.000Z',
      context: { prefix: slice(start - CONTEXT_LENGTH, start), suffix: slice(end, end + CONTEXT_LENGTH) },
    };
  });
}

function timed<T>(work: () => T): { value: T; milliseconds: number } {
  const started = performance.now();
  const value = work();
  return { value, milliseconds: performance.now() - started };
}

describe('re-anchoring 10,000 tags in a 1 MB article', () => {
  const random = new SeededRandom(7);
  const text = largeArticle(random);
  const tags = tagsOn(text);

  it('takes well under a second when nothing moved', () => {
    const { value: results, milliseconds } = timed(() => reanchorTags(text, tags));
    console.log(`fast path: ${results.length} tags in ${milliseconds.toFixed(0)} ms`);
    assert.ok(results.every((result) => result.outcome === 'unchanged'));
    assert.ok(milliseconds < 500, `${milliseconds} ms`);
  });

  it('stays fast after a paragraph near the start moved near the end', () => {
    const paragraphs = text.split('\n\n');
    const from = Math.floor(paragraphs.length * 0.1);
    const [moved] = paragraphs.splice(from, 1);
    paragraphs.splice(Math.floor(paragraphs.length * 0.9), 0, moved);
    const { value: results, milliseconds } = timed(() => reanchorTags(paragraphs.join('\n\n'), tags));
    const count = (outcome: string) => results.filter((result) => result.outcome === outcome).length;
    console.log(`paragraph move: ${count('unchanged')} unchanged, ${count('moved')} moved, ${count('fuzzy')} fuzzy, ${count('orphaned')} orphaned in ${milliseconds.toFixed(0)} ms`);
    assert.ok(count('orphaned') <= 0.01 * tags.length);
    assert.ok(milliseconds < 5000, `${milliseconds} ms`);
  });
});
