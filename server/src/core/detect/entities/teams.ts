/**
 * Sports clubs named after their city. OntoNotes calls a team an ORG, and match reports name teams by their
 * city alone ("Denver beat Portland 5-3"). A city counts as a team only with a score in its sentence and a
 * result word right beside it, so "She moved from Portland to Denver" keeps its places. A team found so is
 * learnt (evidence "context"), and document-names.ts finds it again in the rest of the story.
 */
import type { TokenList } from './tokenize';
import type { Finding } from './recognise';
import { STATIC_INDEX } from './knownNames';

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

const SCORE = /^\d{1,3}[-–]\d{1,3}$/;
const DASH = new Set(['-', '–', '—']);
const SENTENCE_ENDS = new Set(['.', '!', '?', ';']);
/** The rules of a block may look this many tokens away (textBlocks.ts ENTITY_RULES reaches 8 words). */
const SCORE_REACH = 8;

/** Relabels, in place, the city findings that stand for a team. */
export function markCityTeams(tokens: TokenList, findings: Finding[]): void {
  for (let n = 0; n < findings.length; n++) {
    const finding = findings[n]!;
    if (finding.label !== 'GPE') continue;
    const before = finding.fromToken - 1;
    const after = finding.toToken;
    const beside =
      (tokens.has(before) && tokens.line(before) === tokens.line(finding.fromToken) && RESULT_WORDS_BEFORE.has(tokens.text(before))) ||
      (tokens.has(after) && tokens.line(after) === tokens.line(finding.fromToken) && (RESULT_VERBS.has(tokens.text(after)) || isScoreAt(tokens, after)));
    if (beside && hasScoreNear(tokens, finding.fromToken, finding.toToken) && isCity(tokens, finding)) {
      findings[n] = { ...finding, label: 'ORG', confidence: 0.75, evidence: 'context' };
    }
  }
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
