/**
 * Document-level memory: once "Rustem Umerov" is found, later "Umerov" and "Umerov's" are the same person
 * (also in headlines and captions), and a product or organisation found from context is found again.
 */
import type { EntityLabel } from '../../base/labels';
import type { Finding } from './recognise';
import type { Scan } from './chunks';
import { longestMatch } from './chunks';
import type { TokenList } from './tokenize';
import type { TokenRange } from './index';
import { STATIC_INDEX, addPhrase, emptyIndex, firstNameStrength, phraseKey, type PhraseIndex } from './knownNames';
import { isCommonWord } from './curated/common-words';
import { isClubSuffix, isLegalSuffix, prefixLabel } from './cues';
import { isModelCode } from './models';
import { CapitalWords, longestFoldedMatch } from './capitals';
import { isNameWord } from './recognise';
import { TITLES } from './curated/titles';
import { fillRange } from './coverage';

const MIN_CONFIDENCE_TO_LEARN = 0.65;
const DOCUMENT_CONFIDENCE = 0.85;
const HEADLINE_PENALTY = 0.05;

/** A name this document established, in the order it was found: later ones override earlier ones of the same words. */
export interface LearntName {
  phrase: string;
  label: EntityLabel;
  /** Learnt from a cue alone ("Norvex said"): it never overrides a name of the same words learnt otherwise. */
  weak?: boolean;
}

/**
 * The names confident findings establish, in order: the full name, then a person's surname on its own, a club's
 * city ("Newcastle" of "Newcastle United") and a company's short names ("Norvex Systems" and "Norvex" of
 * "Norvex Systems Inc.").
 */
export function namesLearntFrom(tokens: TokenList, findings: readonly Finding[]): LearntName[] {
  const names: LearntName[] = [];
  // A story names its people again and again: whether a surname is worth remembering is asked once per word.
  const surnameVerdicts = new Uint8Array(tokens.vocabulary.length);
  const isSurnameAt = (t: number) => {
    const id = tokens.wordId(t);
    if (surnameVerdicts[id] === UNASKED) surnameVerdicts[id] = isSurnameWorthRemembering(tokens.vocabulary[id]!) ? WORTH_IT : NOT_WORTH_IT;
    return surnameVerdicts[id] === WORTH_IT;
  };
  for (const finding of findings) {
    if ((finding.evidence !== 'context' && finding.evidence !== 'cue') || finding.confidence < MIN_CONFIDENCE_TO_LEARN) continue;
    const length = finding.toToken - finding.fromToken;
    const last = finding.toToken - 1;
    // Most names are one word: no list of words and no joined copy of it.
    const words: string[] = [];
    if (length > 1) for (let t = finding.fromToken; t < finding.toToken; t++) words.push(tokens.text(t));
    const name: LearntName = { phrase: length === 1 ? tokens.text(last) : words.join(' '), label: finding.label };
    if (finding.evidence === 'cue') name.weak = true;
    names.push(name);
    if (length < 2) continue;
    const surname = words[words.length - 1]!;
    if (finding.label === 'PERSON' && isSurnameAt(last)) names.push({ phrase: surname, label: finding.label });
    // A storm is then called by its name ("Odalys" of "Hurricane Odalys"), a product by its line ("Quasar" of "Quasar 5").
    if (finding.label === 'EVENT' && words.length === 2 && prefixLabel(words[0]!) === 'EVENT' && isSurnameAt(last)) names.push({ phrase: surname, label: 'EVENT' });
    if (finding.label === 'PRODUCT' && words.length === 2 && isModelCode(surname) && isShortNameWorthRemembering(words[0]!)) names.push({ phrase: words[0]!, label: 'PRODUCT' });
    if (finding.label !== 'ORG' || words.length < 2) continue;
    // A club is then called by its city alone: "Newcastle United" ... "Newcastle, who had won".
    if (words.length === 2 && isClubSuffix(surname)) names.push({ phrase: words[0]!, label: 'ORG' });
    if (isLegalSuffix(surname)) {
      names.push({ phrase: words.slice(0, -1).join(' '), label: 'ORG' });
      if (words.length > 2 && isShortNameWorthRemembering(words[0]!)) names.push({ phrase: words[0]!, label: 'ORG' });
    }
  }
  return names;
}

/** The learnt names as a phrase index; of names with the same words, the last one found gives the label. */
export function indexOfNames(names: Iterable<LearntName>): PhraseIndex {
  const index = emptyIndex();
  // A story repeats its names: each phrase is keyed once, and adding a name again with the label it has is no change.
  const keys = new Map<string, string>();
  for (const { phrase, label, weak } of names) {
    let key = keys.get(phrase);
    if (key === undefined) {
      key = phraseKey(phrase);
      keys.set(phrase, key);
    }
    const current = index.entries.get(key);
    if (current !== undefined && (weak || current.label === label)) continue;
    addPhrase(index, phrase, { label, source: 'document', needsContext: false });
  }
  return index;
}

/**
 * The first words of the names whose label differs between two indexes, or that only one has: only
 * mentions starting with one of these words can be found differently.
 */
export function firstWordsOfChangedNames(before: PhraseIndex, after: PhraseIndex): Set<string> {
  const changed = new Set<string>();
  const firstWord = (key: string) => key.slice(0, (key.indexOf(' ') + 1 || key.length + 1) - 1);
  for (const [key, entry] of after.entries) if (before.entries.get(key)?.label !== entry.label) changed.add(firstWord(key));
  for (const key of before.entries.keys()) if (!after.entries.has(key)) changed.add(firstWord(key));
  return changed;
}

/** A company's first word stands for it unless it is also a word, a first name or a known name ("Boston Scientific"). */
function isShortNameWorthRemembering(word: string): boolean {
  return isSurnameWorthRemembering(word) && !STATIC_INDEX.byFirstWord.has(word);
}

/** A surname alone is remembered unless it is also a word or a first name ("Grace", "Will"). */
function isSurnameWorthRemembering(word: string): boolean {
  return word.length >= 3 && !isCommonWord(word) && firstNameStrength(word) === null;
}

/**
 * A finding a learnt name of the same words overrides: a city that is the story's person or team, a guess, a
 * person found by a cue alone.
 * A dateline stays a place ("NEWCASTLE, England" in a story about the club).
 */
function isReplaceable(covering: Finding, label: EntityLabel): boolean {
  if (covering.label === label) return false;
  if (covering.evidence === 'guess' || covering.evidence === 'cue') return true;
  return (covering.evidence === 'city' || covering.evidence === 'capitals') && (label === 'PERSON' || label === 'ORG' || label === 'PRODUCT');
}

/** The word before token `i` is an unknown given name: capitalised, mid-sentence, uncovered, no title or common word. */
function startsFullName(scan: Scan, i: number, isCovered: (t: number) => boolean): boolean {
  const { tokens } = scan;
  const before = i - 1;
  if (before < 0 || tokens.line(before) !== tokens.line(i) || isCovered(before) || !tokens.isWord(before)) return false;
  if (!tokens.isCapitalised(before) || tokens.opensSentence(before)) return false;
  const word = tokens.text(before);
  return !TITLES.has(word) && isNameWord(word, scan.lowercaseWords) && !STATIC_INDEX.byFirstWord.has(word);
}

const UNASKED = 0;
const CANNOT_START = 1;
const MAY_START = 2;
/** Verdicts on surnames, kept by word id. */
const NOT_WORTH_IT = 1;
const WORTH_IT = 2;

/** A name in capitals ("KOVAC") is the name as learnt ("Kovac"), unless it is as likely a shouted word. */
function mayStartName(index: PhraseIndex, tokens: TokenList, capitals: CapitalWords, i: number): boolean {
  return index.byFirstWord.has(tokens.text(i)) || (capitals.isShouted(i) && index.byFirstWord.has(capitals.folded.at(i)));
}

/**
 * Adds later mentions of learnt names wherever no finding covers them yet, among the tokens of `range` (whole
 * lines; `findings` are those on them; `nameStarts`, when given, holds at least their capitalised tokens in order, as
 * TokenStarts.names does). A learnt person also replaces a city finding of exactly the same words
 * ("Kamyshin" the minister, not the Russian town), as a learnt product does ("Brent" the grade of crude). Returns all findings sorted by position (byPosition).
 */
export function propagateDocumentNames(scan: Scan, findings: readonly Finding[], index: PhraseIndex, range: TokenRange, nameStarts?: Int32Array): Finding[] {
  const { tokens, lines } = scan;
  const { from, to } = range;
  const result = [...findings];
  // The mentions found here, in token order: each is found after the previous one ends.
  const added: Finding[] = [];
  if (index.entries.size === 0) return inPositionOrder(result, added);
  // 1 + the finding covering each token of the range, by token - from: 0 (no finding) needs no fill of the array.
  const coveredBy = new Int32Array(to - from);
  for (let n = 0; n < result.length; n++) fillRange(coveredBy, n + 1, result[n]!.fromToken - from, result[n]!.toToken - from);
  const isCovered = (t: number) => coveredBy[t - from]! > 0;

  const capitals = new CapitalWords(tokens);
  // By word id: whether a learnt name may start with the word (MAY_START) or not (CANNOT_START), asked once per word.
  const starts = new Uint8Array(tokens.vocabulary.length);
  // Past the end of the last name found, so that its words are not read again.
  let readTo = from;
  const candidates = nameStarts ?? capitalisedTokens(tokens, range);
  for (let n = 0; n < candidates.length; n++) {
    const i = candidates[n]!;
    if (i < readTo || i >= to || !tokens.isCapitalised(i)) continue;
    const id = tokens.wordId(i);
    if (starts[id] === UNASKED) starts[id] = mayStartName(index, tokens, capitals, i) ? MAY_START : CANNOT_START;
    if (starts[id] === CANNOT_START) continue;
    const shouted = capitals.isShouted(i);
    const lineKind = lines[tokens.line(i)] ?? 'prose';
    if (lineKind === 'junk') continue;
    const match = shouted ? longestFoldedMatch(index, tokens, capitals, i) : longestMatch(index, tokens, i);
    if (!match || (shouted && match.to - i === 1 && capitals.isOrdinaryWord(i, scan.lowercaseWords))) continue;
    let replaced = -1;
    let blocked = false;
    for (let t = i; t < match.to && !blocked; t++) {
      const n = coveredBy[t - from]! - 1;
      if (n < 0) continue;
      const covering = result[n]!;
      const sameWords = covering.fromToken === i && covering.toToken === match.to;
      if (sameWords && isReplaceable(covering, match.entry.label)) replaced = n;
      else blocked = true;
    }
    // A learnt surname followed by another unexplained capitalised word is part of some other name, except
    // among capitals, where every word is capitalised.
    // "Helix 8" once "Helix" is a learnt product line: a model code after the name belongs to it.
    let end = match.to;
    if (match.entry.label === 'PRODUCT' && tokens.has(end) && tokens.line(end) === tokens.line(i) && isModelCode(tokens.text(end)) && !isCovered(end)) end++;
    const next = end;
    const continuesName = !shouted && next < tokens.length && tokens.isCapitalised(next) && tokens.line(next) === tokens.line(i) && !isCovered(next);
    if (blocked || continuesName) continue;
    // Likewise after an unknown capitalised word: "Aiko Sato" is not the team "Sato"; a person's first name joins.
    const joinsWordBefore = !shouted && match.to - i === 1 && replaced < 0 && startsFullName(scan, i, isCovered);
    if (joinsWordBefore && match.entry.label !== 'PERSON') continue;
    // "Emeka Okafor" once "Okafor" is known: an unknown first name joins the surname.
    const fromToken = joinsWordBefore ? i - 1 : i;
    const confidence = lineKind === 'headline' || lineKind === 'shouted' ? Math.round((DOCUMENT_CONFIDENCE - HEADLINE_PENALTY) * 100) / 100 : DOCUMENT_CONFIDENCE;
    const finding: Finding = {
      start: tokens.start(fromToken),
      end: tokens.end(end - 1),
      label: match.entry.label,
      confidence,
      fromToken,
      toToken: end,
      evidence: 'document',
    };
    if (replaced >= 0) result[replaced] = finding;
    else added.push(finding);
    readTo = end;
  }
  // In the order withoutOverlaps wants (by start, longer first), which then need not sort them again.
  return inPositionOrder(result, added);
}

/**
 * `kept` then `added` in byPosition order, as a stable sort of the two joined orders them. The rules find most
 * findings in order, so each list is usually in order already and the two are merged, comparing inline: the sort
 * called its comparator once or more per finding, tens of thousands of calls for a long text.
 */
function inPositionOrder(kept: Finding[], added: Finding[]): Finding[] {
  if (!isInOrder(kept) || !isInOrder(added)) {
    for (const finding of added) kept.push(finding);
    return kept.sort(byPosition);
  }
  // Merged in place from the back: `kept` grows by the added ones, and each slot from its end takes the later of
  // the two lists' last findings; on a tie the added one is the later, as it came after the kept ones before sorting.
  let k = kept.length - 1;
  let a = added.length - 1;
  for (const finding of added) kept.push(finding);
  for (let slot = kept.length - 1; a >= 0; slot--) kept[slot] = k >= 0 && byPosition(added[a]!, kept[k]!) < 0 ? kept[k--]! : added[a--]!;
  return kept;
}

/** Whether the findings are in byPosition order. */
export function isInOrder(findings: readonly Finding[]): boolean {
  for (let n = 1; n < findings.length; n++) if (byPosition(findings[n - 1]!, findings[n]!) > 0) return false;
  return true;
}

/** The capitalised tokens of `range`, in order. */
function capitalisedTokens(tokens: TokenList, { from, to }: TokenRange): Int32Array {
  const found = new Int32Array(to - from);
  let count = 0;
  for (let i = from; i < to; i++) if (tokens.isCapitalised(i)) found[count++] = i;
  return found.subarray(0, count);
}

/** By start, then the longer, then the more confident first. */
export function byPosition(a: Finding, b: Finding): number {
  return a.start - b.start || b.end - a.end || b.confidence - a.confidence;
}
