/**
 * A 1 MB article of seed words with 10,000 tags on it: the re-anchoring stress case, shared by its
 * correctness test (server/src/core/anchoring/reanchor.large.test.ts) and its timing in the bench.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { CodePointIndex } from '../../server/src/core/base/offsets';
import { CONTEXT_LENGTH, type Tag } from '../../server/src/core/sidecar/schema';
import { SeededRandom } from '../../server/src/core/base/seededRandom';
import { PROJECT_ROOT } from './projectRoot';

const SEEDS = path.join(PROJECT_ROOT, 'seeds');
const ARTICLE_LENGTH = 1_000_000;
const TAG_COUNT = 10_000;

/** About 1 MB of paragraphs of seed words in random order, so that contexts are as varied as in news. */
export function largeArticle(random: SeededRandom): string {
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
export function tagsOn(text: string): Tag[] {
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


/** The article with a paragraph near its start moved near its end: most tags move, few may not be found. */
export function withParagraphMoved(text: string): string {
  const paragraphs = text.split('\n\n');
  const from = Math.floor(paragraphs.length * 0.1);
  const [moved] = paragraphs.splice(from, 1);
  paragraphs.splice(Math.floor(paragraphs.length * 0.9), 0, moved!);
  return paragraphs.join('\n\n');
}
