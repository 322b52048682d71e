/**
 * What the words around an unexplained name say it is: an employer ("an analyst at Bernstein"), a pollster
 * ("a Datafolha poll"), or an apposition after a noun ("the state environmental agency, Cetesb," is an
 * organisation; "their lawyer, Meera Pillai," a person), or a building after it ("the Torre Blava, the city's
 * largest venue," is a facility).
 */
import type { EntityLabel } from '../../base/labels';
import type { TokenList } from './tokenize';
import { LOWERCASE_TITLES } from './curated/titles';

/** People who work "at" an organisation. */
const EMPLOYEES: ReadonlySet<string> = new Set([
  'analyst', 'analysts', 'economist', 'economists', 'strategist', 'strategists', 'researcher', 'researchers',
  'professor', 'executive', 'executives', 'director', 'partner', 'trader', 'traders', 'engineer', 'engineers', 'banker',
  'bankers', 'spokesman', 'spokeswoman', 'spokesperson', 'official', 'officials', 'manager', 'lawyer', 'consultant',
  'scientist', 'scientists', 'fellow', 'lecturer', 'editor', 'reporter', 'employee', 'employees', 'worker', 'workers',
  'head', 'chief', 'founder', 'investor', 'investors',
]);

/** Nouns an organisation's name stands beside in apposition: "the regulator, Ofwat,". */
const ORGANISATION_NOUNS: ReadonlySet<string> = new Set([
  'agency', 'company', 'firm', 'group', 'regulator', 'bank', 'lender', 'insurer', 'carrier', 'airline', 'broadcaster',
  'newspaper', 'union', 'authority', 'ministry', 'party', 'manufacturer', 'maker', 'chipmaker', 'automaker', 'carmaker',
  'retailer', 'supplier', 'operator', 'utility', 'startup', 'fund', 'broker', 'brokerage', 'institute', 'charity',
  'organisation', 'organization', 'watchdog', 'club', 'outlet', 'publisher', 'pollster', 'subsidiary', 'unit',
  'conglomerate', 'developer', 'distributor', 'consortium', 'foundation', 'network', 'platform', 'exchange',
]);

/** Kinds of building a facility's name is followed by in apposition: "the Torre Blava, the city's largest venue,". */
const FACILITY_NOUNS: ReadonlySet<string> = new Set([
  'venue', 'stadium', 'arena', 'hall', 'theatre', 'theater', 'museum', 'hotel', 'pub', 'bar', 'restaurant', 'cafe',
  'nightclub', 'building', 'landmark', 'bridge', 'airport', 'station', 'tower', 'cathedral', 'church', 'mosque',
  'temple', 'palace', 'castle', 'prison', 'hospital', 'courthouse', 'mall', 'warehouse', 'factory', 'plant',
]);
/** How many words an apposition may take before its noun ("a 1920s former textile warehouse"). */
const APPOSITION_REACH = 6;

const POLLS: ReadonlySet<string> = new Set(['poll', 'polls', 'survey', 'surveys']);
const ARTICLES: ReadonlySet<string> = new Set(['a', 'an', 'the', 'A', 'An', 'The']);
const APPOSITION_ENDS: ReadonlySet<string> = new Set([',', '.', ';', ')']);

/** The label the words around tokens [from, to) give the name there, or undefined. */
export function labelFromSurroundings(tokens: TokenList, from: number, to: number): EntityLabel | undefined {
  const before = tokens.has(from - 1) ? tokens.text(from - 1) : '';
  const twoBefore = tokens.has(from - 2) ? tokens.text(from - 2) : '';
  const after = tokens.has(to) && tokens.line(to) === tokens.line(from) ? tokens.text(to) : '';
  if (before === 'at' && EMPLOYEES.has(twoBefore)) return 'ORG';
  if (ARTICLES.has(before) && POLLS.has(after)) return 'ORG';
  if (before === ',' && (after === '' || APPOSITION_ENDS.has(after))) {
    if (ORGANISATION_NOUNS.has(twoBefore)) return 'ORG';
    if (LOWERCASE_TITLES.has(twoBefore)) return 'PERSON';
  }
  if (after === ',' && isFacilityApposition(tokens, to + 1)) return 'FAC';
  return undefined;
}

/** ", a/the … venue": an article, then within a few lowercase words a kind of building, in the same clause. */
function isFacilityApposition(tokens: TokenList, from: number): boolean {
  if (!tokens.has(from) || !ARTICLES.has(tokens.text(from))) return false;
  for (let i = from + 1; i < from + APPOSITION_REACH && tokens.has(i) && tokens.line(i) === tokens.line(from); i++) {
    const word = tokens.text(i);
    if (FACILITY_NOUNS.has(word)) return true;
    // "the city's largest venue": a possessive is part of the apposition; other punctuation ends it.
    if (!tokens.isWord(i) && word !== "'s" && word !== "'" && word !== '’s') return false;
  }
  return false;
}
