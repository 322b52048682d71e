/**
 * Organisations known by their initials ("the EPA said", "ICE Brent crude", "polled by LSEG"). An unknown word
 * of three to six capital letters in running text is an organisation unless it is a common abbreviation (CEO,
 * GDP), a currency or a unit, a Roman numeral, or a shouted ordinary word ("NOT"). Two letters are too often
 * something else, so they count only in brackets after an organisation ("Farmers Party (FP)").
 */
import type { Scan } from './chunks';
import type { Finding } from './recognise';
import type { CapitalWords } from './capitals';
import { STATIC_INDEX } from './knownNames';
import { ISO_CURRENCIES } from '../numbers/vocabulary';
import { isCommonWord } from './curated/common-words';
import { fillRange } from './coverage';

/** Abbreviations that are not names: roles, economics, technology, medicine, units, time zones. */
const NOT_NAMES: ReadonlySet<string> = new Set(
  `CEO CFO COO CTO CIO CMO CSO CEOS GDP GNP CPI PPI PMI IPO IPOS ETF ETFS AI TV PC PCS PM AM GMT UTC EST EDT PST PDT
  CET CEST BST IST JST DNA RNA HIV AIDS COVID SARS MRI ICU CT GPS USB LED LCD OLED PDF URL API APIS CPU GPU GPUS SSD
  RAM ROM OK FAQ ID PIN ATM ATMS SUV SUVS EV EVS VAT HR PR IT RD YOY YTD QOQ MOM EPS EBIT EBITDA ROI ROE NAV AUM LNG
  LPG CNG MW GW KW KWH MWH GWH TWH MPH KPH KM KG LB LBS BPD MBPD PPM PPB NB PS ASAP FYI RIP VIP MVP TBD TBA AKA DIY
  LGBT LGBTQ NGO NGOS WMD IED IEDS RPG UAV UAVS ICBM ICBMS SAM SAMS MP MPS MEP MEPS PHD MBA BA BSC MSC DJ MC UFO UV
  IQ PE VC HQ OS CEO AGM EGM IOU IOUS SMS MMS APP FM AC DC HD NFT NFTS VPN WIFI CCTV ESG IRA ETA ER TBC OTC QE BP SME
  SMES FDI OEM OEMS BBQ CV DUI GOAT OMG LOL FIFO LIFO HVAC RSVP`.split(/\s+/),
);

const QUANTIFIERS: ReadonlySet<string> = new Set(['every', 'each', 'any', 'Every', 'Each', 'Any']);

const ROMAN = /^(?=[MDCLXVI])M{0,3}(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$/;
const INITIALS = /^[A-Z]{2,6}$/;

/** Adds the organisations known by initials among tokens no finding covers and capitals.ts did not read. */
export function findInitials(scan: Scan, words: CapitalWords, shouted: Uint8Array, findings: Finding[]): void {
  if (!words.any) return;
  const { tokens, lines, lowercaseWords } = scan;
  // By word id: 0 not yet asked, 1 never initials, 2 initials, 3 initials only after an organisation.
  const kinds = new Uint8Array(tokens.vocabulary.length);
  // By token, 1 + the index of the finding covering it; "(BFP)" looks up the one ending before the bracket.
  let coveredBy: Int32Array | undefined;
  for (const i of words.shoutedTokens()) {
    if (shouted[i] === 1) continue;
    const id = tokens.wordId(i);
    if (kinds[id] === 0) kinds[id] = initialsKind(tokens.vocabulary[id]!, words.folded.at(i), lowercaseWords);
    if (kinds[id] === 1) continue;
    const kind = lines[tokens.line(i)];
    if (kind === 'junk' || kind === 'shouted') continue;
    if (coveredBy === undefined) {
      coveredBy = new Int32Array(tokens.length);
      for (let n = 0; n < findings.length; n++) fillRange(coveredBy, n + 1, findings[n]!.fromToken, findings[n]!.toToken);
    }
    if (coveredBy[i] !== 0) continue;
    const inBrackets = tokens.has(i + 1) && tokens.text(i + 1) === ')' && i >= 2 && tokens.text(i - 1) === '(';
    const before = inBrackets ? findings[coveredBy[i - 2]! - 1] : undefined;
    const named = before !== undefined && before.toToken === i - 1 ? before : undefined;
    // "(SLO)" after a rider is a country code, not an organisation.
    if (named?.label === 'PERSON') continue;
    const afterOrganisation = named !== undefined && named.label === 'ORG';
    if (kinds[id] === 3 && !afterOrganisation) continue;
    // A word alone on its line is a signature or a username more often than an organisation.
    const line = tokens.line(i);
    if (!(tokens.has(i - 1) && tokens.line(i - 1) === line) && !(tokens.has(i + 1) && tokens.line(i + 1) === line)) continue;
    // "every MAGA", "each MP": a quantifier makes the initials a kind of person or thing.
    if (tokens.has(i - 1) && QUANTIFIERS.has(tokens.text(i - 1))) continue;
    // A unit or a count after a figure: "500 MW", "12 PCS".
    if (tokens.has(i - 1) && /^\d/.test(tokens.text(i - 1))) continue;
    findings.push({ start: tokens.start(i), end: tokens.end(i), label: 'ORG', confidence: afterOrganisation ? 0.8 : 0.65, fromToken: i, toToken: i + 1, evidence: 'context' });
  }
}

/** 1: never initials of a name; 2: initials of an organisation; 3: only in brackets after one (two letters, "CEO"). */
function initialsKind(word: string, folded: string, lowercaseWords: ReadonlySet<string>): number {
  if (!INITIALS.test(word) || ROMAN.test(word) || ISO_CURRENCIES.has(word) || STATIC_INDEX.byFirstWord.has(word)) return 1;
  // "INDIA": a known name shouted is that name, looked up by capitals.ts, not initials.
  if (isCommonWord(folded) || lowercaseWords.has(folded.toLowerCase()) || STATIC_INDEX.byFirstWord.has(folded)) return 1;
  return NOT_NAMES.has(word) || word.length === 2 ? 3 : 2;
}
