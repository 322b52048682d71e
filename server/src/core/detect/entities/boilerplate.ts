/**
 * Classifies each line of a web capture so that menus, subscription widgets and Title-Case headlines do not
 * produce guesses. Headlines still get gazetteer and document-level matches; junk lines get nothing; lines in
 * capitals ("CYCLING - KOVAC TAKES STAGE IN ALPS", "DOWNLOAD THE APP") get only the case-folded lookups of
 * capitals.ts, which a banner's common words do not pass.
 */
import { EMPTY_FILTER_HASH, HASH_FILTER_MASK, UnitClasses, filterHashOf, filterHashUnit, hashFilter, isDigit } from '../shared/textScan';
import type { TokenList } from './tokenize';
import { wordListBit } from './wordLists';

export type LineKind = 'prose' | 'headline' | 'shouted' | 'junk';

const JUNK_LINES = new Set([
  'skip to content', 'edit post', 'subscribe', 'become a member', 'support us', 'indicates required', 'read more',
  'share', 'share this article', 'advertisement', 'comments', 'no comments yet', 'related articles', 'related',
  'editors picks', 'news feed', 'more news', 'download the app', 'sign up', 'log in', 'login', 'sign in', 'menu',
  'search', 'close', 'home', 'accept', 'accept all', 'reject all', 'manage cookies', 'cookie settings',
  'privacy policy', 'terms of use', 'terms of service', 'contact us', 'about us', 'newsletter', 'follow us',
  'successfuly subscribed', 'successfully subscribed', 'please enter correct email address', 'logo',
  'enter your email to subscribe', 'this audio is created with ai assistance', 'try our ai features', 'top stories',
]);

/** Phrases that mark a whole line as site furniture wherever they appear in it. */
const JUNK_MARKERS = [
  'cookie', 'privacy policy', 'all rights reserved', 'support independent journalism', 'sign up for',
  'subscribe to', 'thank you for signing up', 'read more @', 'download daily8', 'app store', 'become a member',
  'enter your email', 'we’ve sent you', "we've sent you",
];

/** The markers and the breadcrumb "Home >" in one regex: one native scan per line instead of one per marker. */
const JUNK_PATTERN = new RegExp(`${JUNK_MARKERS.map(escapeRegExp).join('|')}|^home\\s*[>›»/]`);
/**
 * The same, case-insensitive, for the line as written: it judges every line as JUNK_PATTERN judges the line
 * lower-cased, except one with a Kelvin sign, which only toLowerCase turns into an ASCII "k".
 */
const JUNK_PATTERN_ANY_CASE = new RegExp(JUNK_PATTERN.source, 'i');
const KELVIN_SIGN = '\u212a';

/**
 * A piece of letters from each marker (and "home"), one of which any line the markers match holds inside one of
 * its words, whatever the case: a marker's letters are word characters, which a token never splits, so a line
 * none of whose words holds one of these needs no regex.
 */
const MARKER_FRAGMENTS = [
  'cookie', 'privacy', 'rights', 'journalism', 'sign', 'subscribe', 'read', 'daily8', 'store', 'member',
  'email', "we've", 'home',
];

function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Small words that stay lowercase in Title-Case headlines. */
const MINOR_WORDS = new Set([
  'a', 'an', 'the', 'of', 'and', 'or', 'nor', 'but', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'as',
  'vs', 'via', 'per', 'into', 'onto', 'up', 'off', "'s",
]);

export function classifyLines(text: string, tokens: TokenList): LineKind[] {
  const kinds: LineKind[] = [];
  const { vocabulary } = tokens;
  // A typed array keeps one shape from call to call, so optimised code that reads it stays valid.
  const wordShapes = new Uint8Array(vocabulary.length);
  const lists = tokens.wordLists();
  for (let id = 0; id < vocabulary.length; id++) wordShapes[id] = wordShape(vocabulary[id]!, lists[id]!);
  const starts = tokens.lineStarts();
  const lines = tokens.lineStartLines();
  for (let n = 0; n < starts.length; n++) {
    const first = starts[n]!;
    const last = (n + 1 < starts.length ? starts[n + 1]! : tokens.length) - 1;
    const line = lines[n]!;
    while (kinds.length < line) kinds.push('prose');
    kinds.push(classifyLine(text, tokens, wordShapes, first, last));
  }
  return kinds;
}

// What a line's classification needs to know of a word, worked out once per distinct word, not per token.
const STARTS_WITH_DIGIT = 1;
const MINOR_WORD = 2;
const SHOUTED = 4;

/** Whether the word holds a marker's letters: asked only of words on lines short enough to be furniture. */
const MARKER_UNKNOWN = 0;
const HOLDS_MARKER_FRAGMENT = 8;
const HOLDS_NO_MARKER_FRAGMENT = 16;

const IS_MINOR_WORD = wordListBit(MINOR_WORDS);

/** The shape of a word, given the word lists that hold it (wordLists.ts). */
function wordShape(word: string, lists: number): number {
  return (isDigit(word.charCodeAt(0)) ? STARTS_WITH_DIGIT : 0) | (lists & IS_MINOR_WORD ? MINOR_WORD : 0) | (isShouted(word) ? SHOUTED : 0);
}

/** The fragments, case-insensitive, in one native scan: for words of ASCII characters, which case-map within ASCII. */
const ASCII_FRAGMENT_PATTERN = new RegExp(MARKER_FRAGMENTS.join('|'), 'i');

/**
 * Vocabulary words have typographic apostrophes folded, as the fragments do. Whether the word is ASCII is the
 * vocabulary's fact, judged as it read the word.
 */
function holdsMarkerFragment(word: string, ascii: boolean): boolean {
  if (ascii) return ASCII_FRAGMENT_PATTERN.test(word);
  // Lower-casing may turn other letters into ASCII (the Kelvin sign into "k"), which the regex would not match.
  const lower = word.toLowerCase();
  return MARKER_FRAGMENTS.some((fragment) => lower.includes(fragment));
}

/** The marker bit of word `id`, worked out the first time a short line holds the word. */
function markerBit(wordShapes: Uint8Array, tokens: TokenList, id: number): number {
  let known = wordShapes[id]! & (HOLDS_MARKER_FRAGMENT | HOLDS_NO_MARKER_FRAGMENT);
  if (known === MARKER_UNKNOWN) {
    known = holdsMarkerFragment(tokens.vocabulary[id]!, tokens.isAsciiWord(id)) ? HOLDS_MARKER_FRAGMENT : HOLDS_NO_MARKER_FRAGMENT;
    wordShapes[id] |= known;
  }
  return known;
}

/** Junk lines and banners are short; longer lines are prose and skip the string work. */
const MAX_JUNK_LINE_LENGTH = 60;
const MAX_BANNER_LENGTH = 300;

function classifyLine(text: string, tokens: TokenList, wordShapes: Uint8Array, first: number, last: number): LineKind {
  const lineStart = tokens.start(first);
  const lineEnd = tokens.end(last);
  // Only a line short enough to be a banner is looked at for markers (prose paragraphs are longer).
  const mayBeBanner = lineEnd - lineStart <= MAX_BANNER_LENGTH;
  // The words are counted first, in the same pass that looks for a marker's letters: no line is sliced for nothing.
  let words = 0;
  let capitalised = 0;
  let shouting = 0;
  let mayHoldMarker = false;
  // A counted word in lowercase makes the line neither empty, nor shouted, nor a headline: prose unless furniture.
  let lowercaseWord = false;
  for (let i = first; i <= last; i++) {
    if (!tokens.isWord(i)) continue;
    const id = tokens.wordId(i);
    const shape = wordShapes[id]!;
    if (mayBeBanner && !mayHoldMarker && markerBit(wordShapes, tokens, id) === HOLDS_MARKER_FRAGMENT) mayHoldMarker = true;
    if (shape & STARTS_WITH_DIGIT) continue;
    if (!tokens.isCapitalised(i)) {
      if (shape & MINOR_WORD) continue;
      lowercaseWord = true;
      // The rest of the line matters only to the marker search: most prose lines are read no further than this.
      if (!mayBeBanner || mayHoldMarker) break;
      words++;
      continue;
    }
    words++;
    capitalised++;
    if (shape & SHOUTED) shouting++;
  }
  if (mayBeBanner && isFurniture(text, tokens.units, lineStart, lineEnd, mayHoldMarker)) return 'junk';
  if (lowercaseWord) return 'prose';
  if (words === 0) return 'junk';
  // Acronyms alone are not enough to call a line shouting.
  if (words >= 2 && shouting === words) return 'shouted';
  if (capitalised === words && !endsLikeSentence(tokens.units[lineEnd - 1]!)) return 'headline';
  return 'prose';
}

/** The characters a line ends with to end like a sentence: . ! ? " ” ' */
function endsLikeSentence(code: number): boolean {
  return code === 46 || code === 33 || code === 63 || code === 34 || code === 0x201d || code === 39;
}

/** A line of site furniture: one with a junk marker, or one of the junk lines. */
function isFurniture(text: string, units: Uint16Array, lineStart: number, lineEnd: number, mayHoldMarker: boolean): boolean {
  if (mayHoldMarker) {
    const lineText = text.slice(lineStart, lineEnd);
    const hasMarker = lineText.includes(KELVIN_SIGN) ? JUNK_PATTERN.test(lineText.toLowerCase()) : JUNK_PATTERN_ANY_CASE.test(lineText);
    if (hasMarker) return true;
  }
  return lineEnd - lineStart <= MAX_JUNK_LINE_LENGTH && isJunkLine(text, units, lineStart, lineEnd);
}

const NON_ASCII = /[^\x00-\x7f]/;

/** Set at the (masked) hash of every junk line key, so that most short lines are ruled out by their hash alone. */
const JUNK_LINE_HASHES = hashFilter(JUNK_LINES);
/** The junk line keys by their whole filter hash, for the lines whose hash the filter holds. */
const JUNK_LINES_BY_HASH = new Map<number, string[]>();
for (const key of JUNK_LINES) {
  const hash = filterHashOf(key);
  JUNK_LINES_BY_HASH.set(hash, [...(JUNK_LINES_BY_HASH.get(hash) ?? []), key]);
}

const SEPARATOR = 1;
const LETTER_OR_NUMBER = 2;
/** Per UTF-16 unit from U+0080 on: a letter or number (or surrogate half), or a separator in junkLineKey. */
const NON_ASCII_KINDS = new UnitClasses((code) => {
  const isSurrogate = code >= 0xd800 && code <= 0xdfff;
  return isSurrogate || /[\p{L}\p{N}]/u.test(String.fromCharCode(code)) ? LETTER_OR_NUMBER : SEPARATOR;
});

/**
 * Whether junkLineKey of text[start, end) lower-cased is one of the junk lines. The key is never built as a string:
 * its hash is worked out unit by unit as the key would be built, and only a line whose hash a junk line has is
 * compared with that line, again unit by unit (short lines are many, and most "Share" or "Advertisement" lines
 * are junk, so a string per line cost more than the rest of the line's classification). A line with a non-ASCII
 * letter or number takes the string path, since lower-casing could turn it into ASCII (the Kelvin sign into "k").
 */
function isJunkLine(text: string, units: Uint16Array, start: number, end: number): boolean {
  let hash = EMPTY_FILTER_HASH;
  let started = false;
  let spaceDue = false;
  for (let k = start; k < end; k++) {
    let code = units[k]!;
    if (code >= 128) {
      if (NON_ASCII_KINDS.of(code) === LETTER_OR_NUMBER) return JUNK_LINES.has(junkLineKey(text.slice(start, end).toLowerCase()));
      spaceDue = true;
      continue;
    }
    if (code >= 65 && code <= 90) code |= 32;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      if (spaceDue && started) hash = filterHashUnit(hash, 32);
      hash = filterHashUnit(hash, code);
      started = true;
      spaceDue = false;
    } else if (code !== 39) {
      spaceDue = true;
    }
  }
  if (JUNK_LINE_HASHES[hash & HASH_FILTER_MASK] !== 1) return false;
  const keys = JUNK_LINES_BY_HASH.get(hash);
  if (keys === undefined) return false;
  for (const key of keys) if (isKeyOf(key, units, start, end)) return true;
  return false;
}

/** Whether `key` is junkLineKey of the units [start, end) lower-cased, for units with no non-ASCII letter or number. */
function isKeyOf(key: string, units: Uint16Array, start: number, end: number): boolean {
  // The key's units are produced as isJunkLine hashes them, and compared as they come.
  let at = 0;
  let started = false;
  let spaceDue = false;
  for (let k = start; k < end; k++) {
    let code = units[k]!;
    if (code >= 128) {
      spaceDue = true;
      continue;
    }
    if (code >= 65 && code <= 90) code |= 32;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      if (spaceDue && started && key.charCodeAt(at++) !== 32) return false;
      if (key.charCodeAt(at++) !== code) return false;
      started = true;
      spaceDue = false;
    } else if (code !== 39) {
      spaceDue = true;
    }
  }
  return at === key.length;
}

/** The lowercased line as letter and digit runs separated by single spaces, apostrophes dropped. */
function junkLineKey(lowercased: string): string {
  // Most lines are ASCII, where ASCII classes give the same runs much faster than Unicode properties.
  const runs = NON_ASCII.test(lowercased) ? lowercased.replace(/[^\p{L}\p{N}' ]+/gu, ' ') : lowercased.replace(/[^A-Za-z0-9' ]+/g, ' ');
  return runs.replace(/'/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * "NEWS", "APP", and the "V" of "INDIA V AUSTRALIA": every letter uppercase (checked on the first two and the
 * last, which is enough for banners).
 */
function isShouted(word: string): boolean {
  if (word.length < 2) return word.length === 1 && word >= 'A' && word <= 'Z';
  const second = word.charCodeAt(1);
  const lastCode = word.charCodeAt(word.length - 1);
  return !(second >= 97 && second <= 122) && !(lastCode >= 97 && lastCode <= 122);
}
