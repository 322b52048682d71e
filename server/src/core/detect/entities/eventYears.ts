/**
 * The edition of an event is part of its name: "the 2027 World Cup", "the 1936 Olympics". A year right before an
 * event, after "the" or a possessive, joins it (OntoNotes tags "2027 World Cup" as one EVENT; the date detector's
 * "2027" then lies inside it and gives way).
 */
import type { TokenList } from './tokenize';
import type { Finding } from './recognise';

const YEAR = /^(?:1[89]|20)\d\d$/;
const BEFORE_EDITION: ReadonlySet<string> = new Set(['the', 'The', "'s", 'this', 'next', 'last', 'a']);

export function joinEventYears(tokens: TokenList, findings: Finding[]): void {
  for (const finding of findings) {
    if (finding.label !== 'EVENT') continue;
    const year = finding.fromToken - 1;
    if (year < 1 || !YEAR.test(tokens.text(year)) || tokens.line(year) !== tokens.line(finding.fromToken)) continue;
    if (!BEFORE_EDITION.has(tokens.text(year - 1))) continue;
    finding.fromToken = year;
    finding.start = tokens.start(year);
  }
}
