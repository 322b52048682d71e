/**
 * Bylines: a line "By Kenji Morimoto and Sarah Whitlock" names its authors, whatever their first names. Each
 * name is two to four name words; the line holds nothing else but separators and, after the names, an agency,
 * a place or a role ("By Ana Ruiz, Reuters", "By Li Wei in Shanghai").
 */
import type { Scan } from './chunks';
import type { Finding } from './recognise';
import { isNameWord } from './recognise';
import { firstNameStrength } from './knownNames';
import { NAME_PARTICLES } from './persons';

const BETWEEN_NAMES: ReadonlySet<string> = new Set(['and', ',', '&']);
const AFTER_NAMES: ReadonlySet<string> = new Set([',', '|', 'in', '-', '–', '—', '/', '(', 'for', 'at']);
const MAX_NAME_WORDS = 4;

/** Bylines among the lines starting at `lineStarts` (the first token of each line). */
export function findBylines(scan: Scan, lineStarts: Int32Array, out: Finding[]): void {
  const { tokens, lines, lowercaseWords } = scan;
  const isNamePart = (t: number) => {
    const word = tokens.text(t);
    return tokens.isCapitalised(t) && (isNameWord(word, lowercaseWords) || firstNameStrength(word) !== null);
  };
  const by = tokens.idOfWord('By');
  if (by < 0) return;
  for (const i of lineStarts) {
    if (tokens.wordId(i) !== by) continue;
    if (lines[tokens.line(i)] === 'junk') continue;
    const line = tokens.line(i);
    const onLine = (t: number) => tokens.has(t) && tokens.line(t) === line;
    const names: Array<[number, number]> = [];
    let t = i + 1;
    for (;;) {
      const from = t;
      let words = 0;
      while (onLine(t) && tokens.isWord(t) && words < MAX_NAME_WORDS && (isNamePart(t) || (words > 0 && NAME_PARTICLES.has(tokens.text(t))))) {
        t++;
        words++;
      }
      if (words < 2 || !tokens.isCapitalised(t - 1)) break;
      names.push([from, t]);
      if (!onLine(t) || !BETWEEN_NAMES.has(tokens.text(t))) break;
      t++;
      if (onLine(t) && tokens.text(t) === 'and') t++;
    }
    const endsWell = names.length > 0 && (!onLine(t) || AFTER_NAMES.has(tokens.text(t)) || t === names[names.length - 1]![1] + 1);
    if (!endsWell) continue;
    for (const [from, to] of names) {
      out.push({ start: tokens.start(from), end: tokens.end(to - 1), label: 'PERSON', confidence: 0.85, fromToken: from, toToken: to, evidence: 'context' });
    }
  }
}
