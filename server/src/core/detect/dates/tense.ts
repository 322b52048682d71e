/**
 * The tense of the clause a date stands in, which decides the way an underspecified date resolves from the article
 * date: "said on Tuesday" is the Tuesday before, "will meet on Friday" the Friday after, "sales fell in March" this
 * year's March in a November article, "will reopen in October" next October in a January one.
 *
 * The cue nearest the date wins, read back to the start of its sentence, else forward to its end: "The plant, which
 * will close next year, reopened on Tuesday" is past, "On Friday, the board will meet" future. A modal or passive
 * future ("is expected to", "is scheduled") turned to the past ("had been scheduled to", "was set to") is past.
 */

export type Tense = 'past' | 'future';

const PLANNED = 'due|set|scheduled|planned|expected|supposed|meant|slated|poised|about|forecast|predicted|projected|likely';
const PAST_MODAL = String.raw`(?:was|were|had(?:\s+been)?)\s+(?:${PLANNED})\b`;
const FUTURE_MODAL = String.raw`(?:is|are|am|\'s|\'re|be|being|has\s+been|have\s+been)\s+(?:${PLANNED}|going)\b|(?:is|are|am)\s+to\b`;
/** "will", with the verb it governs ("will be delayed"), so that the verb's -ed is not read as a past tense. */
const WILL = String.raw`(?:[Ww]ill|won['’]t|shall)(?:\s+not)?(?:\s+(?:be|have|also|still|then|likely|probably|soon))*(?:\s+[a-z]+)?|['’]ll(?:\s+[a-z]+)?`;
/**
 * "would" is a future seen from the past ("said work would begin in January") as often as a conditional or a habit:
 * nearest the date, it leaves the tense to the default. "would have" is past.
 */
const WOULD = String.raw`would(?!\s+have)(?:\s+not)?(?:\s+(?:be|also|still|then|likely|probably|soon))*(?:\s+[a-z]+)?`;
/** A passive or perfect participle after "be" ("to be sentenced", "has been delayed") says nothing of the tense: read past it. */
const PARTICIPLE = String.raw`(?:to\s+)?(?:be|been|being)\s+[a-z]+`;
/** Future words, and participles that plan ("a vote planned for Thursday"), read after any past auxiliary before them. */
const FUTURE_WORDS = String.raw`going\s+to|plans?\s+to|intends?\s+to|expects?|aims?\s+to|hopes?\s+to|next|upcoming|tomorrow|scheduled|planned|slated|due|expected\s+(?:to|on|in|by)|set\s+(?:to|for)`;
/** Irregular past forms common in news; regular ones end in -ed. */
const IRREGULAR_PAST = ['said', 'told', 'was', 'were', 'had', 'did', 'met', 'took', 'made', 'came', 'went', 'began', 'fell', 'rose', 'won', 'lost',
  'beat', 'held', 'left', 'gave', 'saw', 'spoke', 'chose', 'struck', 'sold', 'bought', 'paid', 'ran', 'became', 'brought', 'fought', 'grew',
  'drew', 'led', 'found', 'kept', 'thought', 'sent', 'spent', 'stood', 'wrote', 'broke', 'shot', 'hit', 'quit', 'cut', 'set', 'put', 'let',
  'ago', 'yesterday', 'last', 'earlier', 'previously'];
/** Regular past forms, without the present tense of "need", "exceed", "proceed" nor "hundred". */
const PAST_WORDS = String.raw`${IRREGULAR_PAST.join('|')}|agreed|freed|(?!hundred)[a-z]{2,}(?<!e)ed`;

/**
 * Leftmost alternatives in this order: a modal phrase is read whole before any of its words alone. Case matters
 * ("United" is no past tense); a cue opening a sentence is rare enough to leave to the default.
 */
const CUE = new RegExp(
  String.raw`(?<![\w'’])(?:(?<pastModal>${PAST_MODAL})|(?<futureModal>${FUTURE_MODAL})|(?<will>${WILL})|(?<would>${WOULD})|(?<participle>${PARTICIPLE})|(?<future>${FUTURE_WORDS})|(?<past>${PAST_WORDS}))(?![\w])`,
  'g',
);

/** How far a sentence is read either way of the date. */
const REACH = 150;
const SENTENCE_END = /[.!?;\n]\s/g;

/** What a cue says: a tense, 'open' ("would"), or nothing (a participle, read past). */
function cueTense(match: RegExpExecArray): Tense | 'open' | undefined {
  const groups = match.groups!;
  if (groups['participle'] !== undefined) return undefined;
  if (groups['would'] !== undefined) return 'open';
  return groups['pastModal'] !== undefined || groups['past'] !== undefined ? 'past' : 'future';
}

/** The tense of the clause around text[start, end), or undefined when no cue says. */
export function tenseAround(text: string, start: number, end: number): Tense | undefined {
  const before = text.slice(Math.max(0, start - REACH), start);
  let sentenceStart = 0;
  SENTENCE_END.lastIndex = 0;
  for (let boundary = SENTENCE_END.exec(before); boundary; boundary = SENTENCE_END.exec(before)) sentenceStart = boundary.index + 1;
  let nearest: Tense | 'open' | undefined;
  CUE.lastIndex = 0;
  const clause = before.slice(sentenceStart);
  for (let match = CUE.exec(clause); match; match = CUE.exec(clause)) nearest = cueTense(match) ?? nearest;
  if (nearest !== undefined) return nearest === 'open' ? undefined : nearest;
  const after = text.slice(end, Math.min(text.length, end + REACH));
  SENTENCE_END.lastIndex = 0;
  const rest = after.slice(0, SENTENCE_END.exec(after)?.index ?? after.length);
  CUE.lastIndex = 0;
  for (let match = CUE.exec(rest); match; match = CUE.exec(rest)) {
    const tense = cueTense(match);
    if (tense !== undefined) return tense === 'open' ? undefined : tense;
  }
  return undefined;
}
