/**
 * Sports clubs named after their city. OntoNotes calls a team an ORG, and match reports name teams by their
 * city alone ("Denver beat Portland 5-3"). A city counts as a team only with a score in its sentence and a
 * result word right beside it, so "She moved from Portland to Denver" keeps its places. A team found so is
 * learnt (evidence "context"), and document-names.ts finds it again in the rest of the story.
 *
 * An unknown name in the same position ("Halden beat Rosenburg 4-2") is a team too, but only until the story
 * says otherwise (evidence "cue"): in "Keller beat Sato 6-4" the players' full names, learnt elsewhere, win.
 */
import type { TokenList } from './tokenize';
import type { Finding } from './recognise';
import type { Scan } from './chunks';
import { isNameWord } from './recognise';
import { STATIC_INDEX, firstNameStrength } from './knownNames';
import { fillRange } from './coverage';
import { wordListBit } from './wordLists';
import { firstAtLeast } from '../../base/sortedSearch';

/** Words after a team: "Denver beat", "Leeds drew", "Portland lost". */
const RESULT_VERBS: ReadonlySet<string> = new Set([
  'beat', 'beats', 'defeated', 'defeats', 'edged', 'edge', 'edges', 'thrashed', 'thrash', 'routed', 'rout', 'crushed',
  'downed', 'drew', 'draw', 'draws', 'tied', 'tie', 'lost', 'lose', 'loses', 'won', 'win', 'wins', 'hosted', 'hosts',
  'host', 'visit', 'visits', 'visited', 'overcame', 'outscored', 'blanked', 'trounced', 'stunned', 'upset',
  'eliminated', 'held', 'hammered', 'thumped', 'battered', 'swept', 'shut', 'rallied', 'came', 'fell', 'falls',
  'claimed', 'clinched', 'extended', 'snapped', 'scored', 'led', 'leads', 'trailed', 'trail', 'trails', 'played',
  'play', 'plays', 'face', 'faces', 'faced', 'meet', 'meets', 'met',
]);

/** Words before a team: "beat Portland", "against Denver", "drew with Bristol", "lost to Leeds", "past Newcastle". */
const RESULT_WORDS_BEFORE: ReadonlySet<string> = new Set([
  'beat', 'beats', 'beating', 'defeated', 'defeating', 'against', 'versus', 'vs', 'vs.', 'v', 'v.', 'over', 'to',
  'with', 'past', 'host', 'hosts', 'hosted', 'hosting', 'visit', 'visits', 'visited', 'visiting', 'edged', 'thrashed',
  'routed', 'crushed', 'downed', 'upset', 'eliminated', 'stunned', 'held', 'hammered', 'thumped', 'and', 'face',
  'faces', 'faced', 'facing', 'meet', 'meets', 'met', 'play', 'plays', 'played', 'playing',
]);

const RESULT_VERB = wordListBit(RESULT_VERBS);
const RESULT_WORD_BEFORE = wordListBit(RESULT_WORDS_BEFORE);

const SCORE = /^\d{1,3}[-–]\d{1,3}$/;
const DASH = new Set(['-', '–', '—']);
const SENTENCE_ENDS = new Set(['.', '!', '?', ';']);
/** The rules of a block may look this many tokens away (textBlocks.ts ENTITY_RULES reaches 8 words). */
const SCORE_REACH = 8;

/**
 * Relabels, in place, the city findings that stand for a team. `scores` are the tokens whose word has SCORE_ROLE,
 * in order (TokenStarts.scores): a place beside "to" or "with" is common, one with a score in reach is not.
 */
export function markCityTeams(tokens: TokenList, scores: Int32Array, findings: Finding[]): void {
  // The word lists by word id rather than a set lookup of each place's neighbours: most findings are places.
  const lists = tokens.wordLists();
  for (let n = 0; n < findings.length; n++) {
    const finding = findings[n]!;
    if (finding.label !== 'GPE') continue;
    const before = finding.fromToken - 1;
    const after = finding.toToken;
    const beside =
      (tokens.has(before) && tokens.line(before) === tokens.line(finding.fromToken) && (lists[tokens.wordId(before)]! & RESULT_WORD_BEFORE) !== 0) ||
      (tokens.has(after) && tokens.line(after) === tokens.line(finding.fromToken) && ((lists[tokens.wordId(after)]! & RESULT_VERB) !== 0 || isScoreAt(tokens, after)));
    if (!beside || !mayHaveScoreNear(scores, finding.fromToken, finding.toToken)) continue;
    if (hasScoreNear(tokens, finding.fromToken, finding.toToken) && isCity(tokens, finding)) {
      findings[n] = { ...finding, label: 'ORG', confidence: 0.75, evidence: 'context' };
    }
  }
}

const MAX_TEAM_WORDS = 3;
/** A score, or a number that may start one: where findUnknownTeams starts (ruleStarts.ts). */
export const SCORE_ROLE = 1;
const VERB_ROLE = 2;
const BEFORE_ROLE = 4;

/** By word id, the roles it may play: a score (or a number that may start one), a verb after a team, a word before one. */
export function teamRoles(tokens: TokenList): Uint8Array {
  const { vocabulary } = tokens;
  const roles = new Uint8Array(vocabulary.length);
  const lists = tokens.wordLists();
  for (let id = 0; id < vocabulary.length; id++) {
    const word = vocabulary[id]!;
    const code = word.charCodeAt(0);
    if (code >= 48 && code <= 57) {
      if (SCORE.test(word) || isSmallNumber(word)) roles[id] = SCORE_ROLE;
      continue;
    }
    roles[id] = (lists[id]! & RESULT_VERB ? VERB_ROLE : 0) | (lists[id]! & RESULT_WORD_BEFORE ? BEFORE_ROLE : 0);
  }
  return roles;
}

/**
 * Adds unknown names beside a result word with a score in the sentence as teams, yielding to learnt names.
 * `scores` are the tokens whose word has SCORE_ROLE in `roles` (teamRoles), in order.
 */
export function findUnknownTeams(scan: Scan, roles: Uint8Array, scores: Int32Array, findings: Finding[]): void {
  const { tokens } = scan;
  let covered: Uint8Array | undefined;
  for (const s of scores) {
    if (!isScoreAt(tokens, s)) continue;
    covered ??= coverage(tokens.length, findings);
    const line = tokens.line(s);
    for (let t = Math.max(0, s - SCORE_REACH); t < s + SCORE_REACH && tokens.has(t) && tokens.line(t) === line; t++) {
      if (t < s && SENTENCE_ENDS.has(tokens.text(t))) continue;
      if (t > s && SENTENCE_ENDS.has(tokens.text(t))) break;
      const role = roles[tokens.wordId(t)]!;
      if (role & VERB_ROLE) addTeam(scan, findings, covered, nameRunEndingAt(scan, t - 1), s);
      if (role & BEFORE_ROLE) addTeam(scan, findings, covered, nameRunStartingAt(scan, t + 1), s);
    }
  }
}

function coverage(length: number, findings: readonly Finding[]): Uint8Array {
  const covered = new Uint8Array(length);
  for (const finding of findings) fillRange(covered, 1, finding.fromToken, finding.toToken);
  return covered;
}

function isTeamWord(scan: Scan, t: number): boolean {
  const { tokens } = scan;
  return tokens.has(t) && tokens.isWord(t) && tokens.isCapitalised(t) && isNameWord(tokens.text(t), scan.lowercaseWords);
}

function nameRunEndingAt(scan: Scan, last: number): [number, number] | null {
  let first = last;
  while (first - 1 >= 0 && last - first + 1 < MAX_TEAM_WORDS && isTeamWord(scan, first - 1) && scan.tokens.line(first - 1) === scan.tokens.line(last)) first--;
  return isTeamWord(scan, last) ? [first, last + 1] : null;
}

function nameRunStartingAt(scan: Scan, first: number): [number, number] | null {
  let end = first;
  while (end - first < MAX_TEAM_WORDS && isTeamWord(scan, end) && scan.tokens.line(end) === scan.tokens.line(first)) end++;
  return end > first ? [first, end] : null;
}

function addTeam(scan: Scan, findings: Finding[], covered: Uint8Array, run: [number, number] | null, score: number): void {
  if (run === null) return;
  const [from, to] = run;
  // The score within reach of the whole name, as incremental detection re-reads a block with that much around it.
  if (from < score - SCORE_REACH || to > score + SCORE_REACH) return;
  // A first name makes it a player ("Adam Varga scored"), left to the person rules.
  if (firstNameStrength(scan.tokens.text(from)) !== null) return;
  for (let t = from; t < to; t++) if (covered[t] === 1) return;
  fillRange(covered, 1, from, to);
  findings.push({ start: scan.tokens.start(from), end: scan.tokens.end(to - 1), label: 'ORG', confidence: 0.65, fromToken: from, toToken: to, evidence: 'cue' });
}

/** A city of the gazetteer, not a country ("France beat Italy" is about national sides, labelled otherwise). */
function isCity(tokens: TokenList, finding: Finding): boolean {
  if (finding.evidence === 'city') return true;
  if (finding.evidence !== 'gazetteer') return false;
  let phrase = tokens.text(finding.fromToken);
  for (let t = finding.fromToken + 1; t < finding.toToken; t++) phrase += ' ' + tokens.text(t);
  const source = STATIC_INDEX.entries.get(phrase)?.source;
  return source === 'city' || source === 'curated';
}

/** "5-3" as one token, or "5 – 3" as three. */
export function isScoreAt(tokens: TokenList, at: number): boolean {
  if (!tokens.has(at)) return false;
  const text = tokens.text(at);
  const code = text.charCodeAt(0);
  if (code < 48 || code > 57) return false;
  if (SCORE.test(text)) return true;
  return isSmallNumber(text) && tokens.has(at + 2) && DASH.has(tokens.text(at + 1)) && isSmallNumber(tokens.text(at + 2));
}

function isSmallNumber(text: string): boolean {
  return text.length <= 3 && /^\d+$/.test(text);
}

/** Whether a token that may be or start a score lies within SCORE_REACH tokens of the name: hasScoreNear needs one. */
function mayHaveScoreNear(scores: Int32Array, from: number, to: number): boolean {
  const first = firstAtLeast(scores, from - SCORE_REACH);
  return first < scores.length && scores[first]! < to + SCORE_REACH;
}

/** A score in the same sentence and line, at most SCORE_REACH tokens from the name. */
function hasScoreNear(tokens: TokenList, from: number, to: number): boolean {
  const line = tokens.line(from);
  for (let t = to; t < to + SCORE_REACH && tokens.has(t) && tokens.line(t) === line && !SENTENCE_ENDS.has(tokens.text(t)); t++) {
    if (isScoreAt(tokens, t)) return true;
  }
  for (let t = from - 1; t >= from - SCORE_REACH && tokens.has(t) && tokens.line(t) === line && !SENTENCE_ENDS.has(tokens.text(t)); t--) {
    if (isScoreAt(tokens, t)) return true;
  }
  return false;
}
