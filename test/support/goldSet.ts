import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { detect } from '../../server/src/core/detect';
import { isLabel, kindOf, KINDS, type Label } from '../../server/src/core/base/labels';
import { scoreSpans, type LabelledSpan, type SpanScores } from '../../server/src/core/agreement/spanScores';

/** The hand-annotated gold set in test/fixtures/gold: articles unlike the seeds, for honest figures. */
export const GOLD_DIR = path.join(__dirname, '..', 'fixtures', 'gold');

const GoldFile = z.object({
  article: z.string(),
  spans: z.array(
    z.object({
      start: z.number().int().nonnegative(),
      end: z.number().int().nonnegative(),
      text: z.string(),
      label: z.string().refine(isLabel, { message: 'not an OntoNotes label' }),
    }),
  ),
});

export interface GoldArticle {
  name: string;
  text: string;
  spans: LabelledSpan[];
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
      return { name: gold.article, text, spans: gold.spans };
    });
}

/** The detector's scores on the whole gold set, overall and for each kind (entity, number, date). */
export function evaluateGoldSet(articles: readonly GoldArticle[]): { all: SpanScores; byKind: Record<string, SpanScores>; goldSpans: number } {
  const predicted: LabelledSpan[] = [];
  const gold: LabelledSpan[] = [];
  // Offsets are made unique across articles by shifting each article past the previous ones.
  let shift = 0;
  for (const article of articles) {
    for (const detection of detect(article.text)) predicted.push({ ...detection, start: detection.start + shift, end: detection.end + shift });
    for (const span of article.spans) gold.push({ ...span, start: span.start + shift, end: span.end + shift });
    shift += article.text.length + 1;
  }
  const ofKind = (kind: string) => (span: LabelledSpan) => kindOf(span.label as Label) === kind;
  const byKind = Object.fromEntries(KINDS.map((kind) => [kind, scoreSpans(predicted.filter(ofKind(kind)), gold.filter(ofKind(kind)))]));
  return { all: scoreSpans(predicted, gold), byKind, goldSpans: gold.length };
}
