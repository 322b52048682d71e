/** One article's differences from gold, for `npm run eval -- --article NAME`: what to look at when a figure drops. */
import { isLabel, kindOf } from '../../server/src/core/base/labels';
import { bestDateMatch, timexValue, valueMatches, type ScoredArticle } from './goldScores';

export interface Miss {
  start: number;
  end: number;
  text: string;
  label: string;
  /** For a missed gold span: the predictions overlapping it ("GPE Denver"); for a wrong value: the predicted value. */
  detail: string;
}

export interface ArticleMisses {
  /** Gold spans with no prediction of the same span and label. */
  missed: Miss[];
  /** Predictions with no gold span of the same span and label. */
  spurious: Miss[];
  /** Gold date spans found (overlap) whose predicted value differs from the gold TIMEX3 value. */
  wrongValues: Miss[];
}

export function articleMisses(article: ScoredArticle): ArticleMisses {
  const characters = [...article.text];
  const cover = (start: number, end: number) => characters.slice(start, end).join('');
  const key = (span: { start: number; end: number; label: string }) => `${span.start}:${span.end}:${span.label}`;
  const goldKeys = new Set(article.gold.map(key));
  const predictedKeys = new Set(article.predicted.map(key));
  const missed = article.gold
    .filter((span) => !predictedKeys.has(key(span)))
    .map((span) => {
      const over = article.predicted.filter((other) => other.start < span.end && span.start < other.end);
      return { start: span.start, end: span.end, text: span.text, label: span.label, detail: over.map((other) => `${other.label} ${cover(other.start, other.end)}`).join('; ') || 'nothing' };
    });
  const spurious = article.predicted
    .filter((span) => !goldKeys.has(key(span)))
    .map((span) => ({ start: span.start, end: span.end, text: cover(span.start, span.end), label: span.label, detail: '' }));
  const wrongValues: Miss[] = [];
  for (const span of article.gold) {
    if (!isLabel(span.label) || kindOf(span.label) !== 'date' || span.value === undefined) continue;
    const match = bestDateMatch(span, article.predicted);
    if (match === undefined || valueMatches(span, match)) continue;
    const predicted = timexValue(match.value);
    const gold = [span.value, span.freq && `freq ${span.freq}`, span.quant && `quant ${span.quant}`].filter(Boolean).join(' ');
    const got = predicted === undefined ? 'no value' : [predicted.value, predicted.freq && `freq ${predicted.freq}`, predicted.quant && `quant ${predicted.quant}`].filter(Boolean).join(' ');
    wrongValues.push({ start: span.start, end: span.end, text: span.text, label: span.label, detail: `gold ${gold}, detector ${got} on "${cover(match.start, match.end)}"` });
  }
  return { missed, spurious, wrongValues };
}
