import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { detect } from '../../server/src/core/detect';
import { isLabel } from '../../server/src/core/base/labels';
import { scoreGold, type GoldFigures, type GoldSpan, type ScoredArticle } from './goldScores';

/** The hand-annotated gold set in test/fixtures/gold: articles unlike the seeds, for honest figures. */
export const GOLD_DIR = path.join(__dirname, '..', 'fixtures', 'gold');

const GoldFile = z.object({
  article: z.string(),
  /** The document creation time, which TimeML values are relative to. */
  dct: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  spans: z.array(
    z.strictObject({
      start: z.number().int().nonnegative(),
      end: z.number().int().nonnegative(),
      text: z.string(),
      label: z.string().refine(isLabel, { message: 'not an OntoNotes label' }),
      value: z.string().optional(),
      type: z.literal('SET').optional(),
      freq: z.string().optional(),
      quant: z.string().optional(),
      mod: z.string().optional(),
    }),
  ),
});

export interface GoldArticle {
  name: string;
  text: string;
  dct: string;
  spans: GoldSpan[];
}

export function loadGoldSet(): GoldArticle[] {
  return readdirSync(GOLD_DIR)
    .filter((file) => file.endsWith('.gold.json'))
    .sort()
    .map((file) => {
      const gold = GoldFile.parse(JSON.parse(readFileSync(path.join(GOLD_DIR, file), 'utf8')));
      const text = readFileSync(path.join(GOLD_DIR, gold.article), 'utf8');
      const characters = [...text];
      for (const span of gold.spans) {
        const covered = characters.slice(span.start, span.end).join('');
        if (covered !== span.text) throw new Error(`${file}: span ${span.start}-${span.end} covers ${JSON.stringify(covered)}, not ${JSON.stringify(span.text)}`);
      }
      return { name: gold.article, text, dct: gold.dct, spans: gold.spans as GoldSpan[] };
    });
}

/**
 * The detector run on each article the way the product runs it, with the article's DCT as the
 * reference date (the CLI's --reference-date): the detector still prefers a date it reads in the
 * article's head (a "date" line or a dateline), as the product does.
 */
export function detectGoldSet(articles: readonly GoldArticle[]): ScoredArticle[] {
  return articles.map((article) => ({
    name: article.name,
    text: article.text,
    gold: article.spans,
    predicted: detect(article.text, { referenceDate: article.dct }).map(({ start, end, label, value }) => (value === undefined ? { start, end, label } : { start, end, label, value })),
  }));
}

/** The detector's scores on the whole gold set, overall, for each kind (entity, number, date) and the figures. */
export function evaluateGoldSet(articles: readonly GoldArticle[]): GoldFigures {
  return scoreGold(detectGoldSet(articles));
}
