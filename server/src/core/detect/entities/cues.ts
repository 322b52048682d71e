/**
 * Head words that give a capitalised sequence its label: "Defense Ministry" (ORG), "Kharkiv Oblast" (GPE),
 * "Zaporizhzhia Nuclear Power Plant" (FAC), "Munich Security Conference" (EVENT), "Lend-Lease Act" (LAW),
 * "Dnipro River" (LOC). A head alone counts only with an "of" tail ("Ministry of Defence").
 */
import type { EntityLabel } from '../../base/labels';
import { ORG_CUES, CLUB_SUFFIXES, LEGAL_SUFFIXES } from './curated/organisations';
import { EVENT_CUES, LAW_CUES, FAC_CUES, LOC_CUES, PREFIX_LABELS } from './curated/events-laws';
import { GPE_SUFFIXES } from './curated/places';

function cueTable(): Map<string, EntityLabel> {
  const table = new Map<string, EntityLabel>();
  const add = (cues: readonly string[], label: EntityLabel) => {
    // Multi-word cues ("Power Plant") are keyed by their last word; the words before are absorbed anyway.
    for (const cue of cues) table.set(cue.split(' ').pop()!, label);
  };
  add(ORG_CUES, 'ORG');
  add(FAC_CUES, 'FAC');
  add(LOC_CUES, 'LOC');
  add(LAW_CUES, 'LAW');
  add(EVENT_CUES, 'EVENT');
  add(GPE_SUFFIXES, 'GPE');
  return table;
}

const CUE_LABELS = cueTable();
const CLUBS: ReadonlySet<string> = new Set(CLUB_SUFFIXES);

/** Heads that only name something with an "of" tail ("Battle of Kursk", "Republic of Korea"). */
const OF_HEADS = new Map<string, EntityLabel>([
  ['Battle', 'EVENT'], ['Siege', 'EVENT'], ['Republic', 'GPE'], ['Kingdom', 'GPE'], ['Chamber', 'ORG'],
  ['House', 'ORG'], ['Isle', 'LOC'], ['Constitution', 'LAW'],
]);

export function cueLabel(word: string): EntityLabel | undefined {
  return CUE_LABELS.get(word);
}

export function ofHeadLabel(word: string): EntityLabel | undefined {
  return OF_HEADS.get(word) ?? CUE_LABELS.get(word);
}

const LEGAL: ReadonlySet<string> = new Set(LEGAL_SUFFIXES);

/** "Corp.", "AG", "plc": a company's legal form, which takes in every capitalised word before it. */
export function isLegalSuffix(word: string): boolean {
  return LEGAL.has(word);
}

/** "Manchester United": a team suffix counts only right after a place. */
export function isClubSuffix(word: string): boolean {
  return CLUBS.has(word);
}

/** "Hurricane" of "Hurricane Odalys", "Plaza" of "Plaza Serrano": a word that labels the one name after it. */
export function prefixLabel(word: string): 'EVENT' | 'FAC' | undefined {
  return PREFIX_LABELS.get(word);
}
