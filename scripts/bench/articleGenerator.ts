/**
 * Varied articles made from the seeds, for pre-annotation at scale: paragraphs shuffled across all
 * seeds, people renamed and small numbers changed from lists, 1–6 KB each. Article `n` is the same
 * on every run and every machine.
 */
import { SeededRandom } from '../../server/src/core/base/seededRandom';
import { seedTexts } from './seeds';

/** People named in the seeds, each replaced by a name from REPLACEMENT_NAMES. */
const SEED_NAMES = ['Volodymyr Zelensky', 'Zelensky', 'Vladimir Putin', 'Putin', 'Donald Trump', 'Mark Rutte', 'Rustem Umerov', 'Keir Starmer', 'Marco Rubio', 'Sergey Lavrov'];
const REPLACEMENT_NAMES = [
  'Olena Kovalenko', 'Marek Nowak', 'Ingrid Solberg', 'Tomasz Wiśniewski', 'Aiko Tanaka', 'Kwame Mensah',
  'Lucía Fernández', 'Pieter de Vries', 'Oksana Melnyk', 'Jean-Luc Moreau', 'Søren Kierkegaard', 'Priya Raman',
];
/** Counts, so that detected numbers differ from article to article; four-digit years are left alone. */
const REPLACEMENT_NUMBERS = ['3', '7', '12', '19', '40', '85', '150', '320', '800', '999'];
const NAME_PATTERN = new RegExp(SEED_NAMES.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
const SMALL_NUMBER_PATTERN = /\b\d{1,3}\b/g;
const MIN_BYTES = 1_000;
const MAX_BYTES = 6_000;

export class ArticleGenerator {
  private readonly paragraphs = seedTexts()
    .flatMap((seed) => seed.split(/\n\s*\n/))
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0);

  article(n: number): string {
    const random = new SeededRandom(n + 1);
    const targetBytes = random.integer(MIN_BYTES, MAX_BYTES);
    const chosen: string[] = [];
    let bytes = 0;
    for (const paragraph of random.shuffled(this.paragraphs)) {
      if (bytes >= targetBytes) break;
      chosen.push(paragraph);
      bytes += Buffer.byteLength(paragraph) + 2;
    }
    return (
      chosen
        .join('\n\n')
        .replace(NAME_PATTERN, () => random.pick(REPLACEMENT_NAMES))
        .replace(SMALL_NUMBER_PATTERN, () => random.pick(REPLACEMENT_NUMBERS))
        .slice(0, MAX_BYTES) + '\n'
    );
  }
}
