/** Evidence that capitalised words are a person's name: surname shapes, verbs of saying, ages, name particles. */
import type { TokenList } from './tokenize';

/** Surname endings common in Ukrainian, Russian, Polish, Georgian and Armenian names ("Shevchenko", "Umerov"). */
const SLAVIC_SURNAME = /(?:enko|chuk|czuk|ov|ova|ev|eva|yev|yeva|sky|skyi|skiy|ski|ska|skaya|ych|vich|yk|yak|dze|shvili|yan)$/;

export function hasSlavicSurnameShape(word: string): boolean {
  return word.length > 4 && SLAVIC_SURNAME.test(word);
}

/** Verbs that follow a speaker ("Kamyshin said") or precede one ("said Umerov"). */
export const SPEECH_VERBS: ReadonlySet<string> = new Set([
  'said', 'says', 'told', 'added', 'stated', 'wrote', 'noted', 'explained', 'argued', 'asked', 'replied', 'insisted',
  'claimed', 'warned', 'announced', 'tweeted', 'posted', 'emphasized', 'emphasised', 'stressed', 'urged', 'admitted',
  'acknowledged', 'recalled', 'concluded', 'thanked', 'confirmed', 'revealed', 'pledged', 'commented', 'vowed',
  'promised', 'praised', 'criticized', 'criticised', 'accused', 'denied', 'suggested', 'believes', 'thinks',
]);

/** Verbs whose subject is a person, not a place or a company: "Kessler scored twice". */
export const PERSON_VERBS: ReadonlySet<string> = new Set([
  'scored', 'netted', 'equalised', 'equalized', 'smiled', 'laughed', 'shrugged', 'nodded', 'grinned', 'wept',
  'testified', 'pleaded', 'resigned', 'apologised', 'apologized', 'retired', 'married',
]);

/** Words that may follow a speaker after a verb of saying: "said Whitfield after the match", "said Duarte, who". */
export const AFTER_SPEAKER: ReadonlySet<string> = new Set([
  'after', 'before', 'on', 'in', 'at', 'when', 'while', 'as', 'during', 'who', 'and', 'of', 'from', 'late', 'earlier',
  'later', 'afterwards', 'yesterday', 'today',
]);

/** Ages people are given in news: "Duarte, 27," and "Duarte (27)". */
const MAX_AGE = 110;

/** An age in apposition after the name ending at `at`: ", 27," / ", 27." / "(27)". */
export function hasAgeAfter(tokens: TokenList, at: number): boolean {
  if (!tokens.has(at + 2)) return false;
  const open = tokens.text(at);
  const close = tokens.text(at + 2);
  const fits = (open === ',' && (close === ',' || close === '.' || close === ';')) || (open === '(' && close === ')');
  if (!fits || tokens.line(at + 2) !== tokens.line(at)) return false;
  const age = tokens.text(at + 1);
  return /^\d{1,3}$/.test(age) && Number(age) >= 1 && Number(age) <= MAX_AGE;
}

/** Lowercase particles inside names ("Ursula von der Leyen", "Luiz Inácio Lula da Silva"). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'von', 'van', 'der', 'den', 'de', 'da', 'das', 'do', 'dos', 'del', 'della', 'di', 'du', 'la', 'le', 'bin', 'ibn',
  'al', 'el', 'ben', 'ten', 'ter', 'op',
]);
