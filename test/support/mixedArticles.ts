/**
 * Deterministic documents for the detector's output guard (test/detectOutputs.test.ts): paragraphs of the
 * seeds and the gold set shuffled together and restyled the way wire news writes them (headlines in capitals,
 * Title Case, datelines, results lines, lowercase runs), so that every rule of the detectors meets text it
 * was not written for, and names learnt in one paragraph recur in others far away. Document `n` is the same on
 * every run and every machine.
 */
import { SeededRandom } from '../../server/src/core/base/seededRandom';

const DATELINE_PLACES = ['GENEVA', 'KYIV', 'TOKYO', 'Denver', 'LONDON', 'São Paulo', 'NEW YORK', 'Zürich'];
const DATELINE_DATES = ['2024-03-02', 'Jan 5', 'March 12', 'Dec. 31', 'Tuesday'];

/** The blank-line paragraphs of `texts`, trimmed, empty ones left out. */
export function paragraphsOf(texts: readonly string[]): string[] {
  return texts
    .flatMap((text) => text.split(/\n\s*\n/))
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0);
}

/** About `length` characters of the paragraphs, shuffled and restyled with the random `seed`. */
export function mixedArticle(paragraphs: readonly string[], seed: number, length: number): string {
  const random = new SeededRandom(seed);
  const out: string[] = [];
  let size = 0;
  while (size < length) {
    const paragraph = restyled(random.pick(paragraphs), random);
    out.push(paragraph);
    size += paragraph.length + 2;
  }
  return out.join(random.chance(0.5) ? '\n\n' : '\n');
}

function restyled(paragraph: string, random: SeededRandom): string {
  const roll = random.next();
  if (roll < 0.08) return paragraph.toUpperCase();
  if (roll < 0.14) return paragraph.replace(/\p{L}+/gu, (word) => word[0]!.toUpperCase() + word.slice(1));
  if (roll < 0.18) return paragraph.toLowerCase();
  if (roll < 0.26) return `${random.pick(DATELINE_PLACES)}, ${random.pick(DATELINE_DATES)} (Reuters) - ${paragraph}`;
  if (roll < 0.32) return resultsLines(paragraph, random);
  return paragraph;
}

/** The capitalised words of a paragraph as a standings table: one name a line with figures. */
function resultsLines(paragraph: string, random: SeededRandom): string {
  const names = paragraph.match(/\p{Lu}[\p{L}'-]+(?: \p{Lu}[\p{L}'-]+)?/gu) ?? [];
  return names
    .slice(0, 8)
    .map((name, rank) => `${rank + 1}. ${name}  ${random.integer(0, 30)}  ${random.integer(0, 30)}  ${random.integer(10, 99)}`)
    .join('\n');
}
