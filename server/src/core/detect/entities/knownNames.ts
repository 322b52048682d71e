/**
 * The static gazetteer: generated places and first names plus the curated lists, indexed once per process
 * for longest-match lookup by token sequence.
 */
import type { EntityLabel } from '../../base/labels';
import places from './generated/places.json';
import generatedFirstNames from './generated/first-names.json';
import { EXTRA_GPE, EXTRA_LOC } from './curated/places';
import { ORGANISATIONS } from './curated/organisations';
import { PRODUCTS, CONTEXT_PRODUCTS } from './curated/products';
import { EVENTS, LAWS, FACILITIES } from './curated/events-laws';
import { EXTRA_NORP, LANGUAGES } from './curated/norp';
import { EXTRA_FIRST_NAMES } from './curated/first-names';
import { isListedWord } from './curated/common-words';

/** Where an entry came from: document entries were learnt from this article's confident findings. */
export type EntrySource = 'city' | 'country' | 'curated' | 'document';

export interface LexiconEntry {
  label: EntityLabel;
  source: EntrySource;
  /** Needs nearby context to count ("Patriot", "Lancet"). */
  needsContext: boolean;
}

export interface PhraseIndex {
  /** Key: the phrase's tokens joined by single spaces. */
  entries: Map<string, LexiconEntry>;
  /** The same phrases as a trie of tokens: longest-match lookup walks it without building keys. */
  byFirstWord: Map<string, PhraseNode>;
}

/** One token of a phrase: the entry of the phrase that ends here, and the tokens that continue it. */
export interface PhraseNode {
  entry: LexiconEntry | undefined;
  next: Map<string, PhraseNode> | undefined;
}

/** Anything phraseKey would change: apostrophes, commas, brackets, other than single inner spaces. */
const NEEDS_KEYING = /['’,()]|[^\S ]|\s\s|^\s|\s$/;

/** Splits a phrase the way the tokenizer splits text, so keys match token sequences. */
export function phraseKey(phrase: string): string {
  // Most phrases, and the names learnt from tokens, are keys already: skip the regex rewriting.
  if (!NEEDS_KEYING.test(phrase)) return phrase;
  return phrase
    .replace(/’/g, "'")
    .replace(/'s\b/g, " 's")
    .replace(/([,()])/g, ' $1 ')
    .trim()
    .split(/\s+/)
    .join(' ');
}

export function addPhrase(index: PhraseIndex, phrase: string, entry: LexiconEntry): void {
  const key = phraseKey(phrase);
  index.entries.set(key, entry);
  let level = index.byFirstWord;
  let node: PhraseNode | undefined;
  for (const word of key.split(' ')) {
    if (node) level = node.next ??= new Map();
    node = level.get(word);
    if (!node) {
      node = { entry: undefined, next: undefined };
      level.set(word, node);
    }
  }
  node!.entry = entry;
}

export function emptyIndex(): PhraseIndex {
  return { entries: new Map(), byFirstWord: new Map() };
}

function buildStaticIndex(): PhraseIndex {
  const index = emptyIndex();
  const add = (phrases: readonly string[], label: EntityLabel, source: EntrySource) => {
    for (const phrase of phrases) {
      addPhrase(index, phrase, { label, source, needsContext: label === 'PRODUCT' && CONTEXT_PRODUCTS.has(phrase) });
    }
  };
  // Later lists override earlier ones: curated knowledge beats the generic city list.
  add(places.cities, 'GPE', 'city');
  add(places.countries, 'GPE', 'country');
  add(places.regions, 'LOC', 'curated');
  add(places.demonyms, 'NORP', 'curated');
  // The people of a nationality in "-an" are its plural: "Chileans", "Peruvians" (the other plurals are curated).
  add(places.demonyms.filter((demonym) => demonym.endsWith('an')).map((demonym) => demonym + 's'), 'NORP', 'curated');
  add(EXTRA_NORP, 'NORP', 'curated');
  add(EXTRA_GPE, 'GPE', 'curated');
  add(EXTRA_LOC, 'LOC', 'curated');
  add(FACILITIES, 'FAC', 'curated');
  add(EVENTS, 'EVENT', 'curated');
  add(LAWS, 'LAW', 'curated');
  add(PRODUCTS, 'PRODUCT', 'curated');
  add(ORGANISATIONS, 'ORG', 'curated');
  for (const language of LANGUAGES) {
    if (!index.entries.has(phraseKey(language))) add([language], 'LANGUAGE', 'curated');
  }
  return index;
}

export const STATIC_INDEX: PhraseIndex = buildStaticIndex();

export const LANGUAGE_NAMES: ReadonlySet<string> = new Set(LANGUAGES);

const FIRST_NAMES: ReadonlySet<string> = new Set([...generatedFirstNames, ...EXTRA_FIRST_NAMES]);

/**
 * "Strong" first names are rarely anything else; "weak" ones are also words or places ("Mark", "Grace"),
 * so they count only with more support.
 */
export function firstNameStrength(word: string): 'strong' | 'weak' | null {
  if (!FIRST_NAMES.has(word)) return null;
  // Exact listing only: inflection guesses would make "Denys" a form of "deny".
  if (isListedWord(word) || STATIC_INDEX.entries.has(word)) return 'weak';
  return 'strong';
}

/** True for a gazetteer phrase start or a first name: hyphenated compounds of these stay whole. */
export function isKnownName(word: string): boolean {
  return STATIC_INDEX.byFirstWord.has(word) || FIRST_NAMES.has(word);
}
