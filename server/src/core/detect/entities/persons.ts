/** Evidence that capitalised words are a person's name: surname shapes, verbs of saying, name particles. */

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

/** Lowercase particles inside names ("Ursula von der Leyen", "Luiz Inácio Lula da Silva"). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'von', 'van', 'der', 'den', 'de', 'da', 'das', 'do', 'dos', 'del', 'della', 'di', 'du', 'la', 'le', 'bin', 'ibn',
  'al', 'el', 'ben', 'ten', 'ter', 'op',
]);
