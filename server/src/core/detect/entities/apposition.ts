/**
 * What the words around an unexplained name say it is: an employer ("an analyst at Bernstein"), a pollster
 * ("a Datafolha poll"), or an apposition after a noun ("the state environmental agency, Cetesb," is an
 * organisation; "their lawyer, Meera Pillai," a person).
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
  return undefined;
}
