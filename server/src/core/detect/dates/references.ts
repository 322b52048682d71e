/**
 * Vague references to the present, past or future, which TimeML values PRESENT_REF, PAST_REF and FUTURE_REF
 * whatever the article date: "now", "currently", "these days"; "recently", "lately", "in the past"; "in the future".
 * ("the coming years" and "recent weeks" are read by the unit of time they end on, in durations.ts.)
 */
import { after, beforeWithStarts, candidate, readAfter, readBefore, type Reader, type Rule, triggerEnd } from './reading';
import { dateValue } from './values';
import { SP } from './vocabulary';

const WORD_REFERENCES: Readonly<Record<string, string>> = {
  now: 'PRESENT_REF', nowadays: 'PRESENT_REF', currently: 'PRESENT_REF', recently: 'PAST_REF', lately: 'PAST_REF',
};

/** Where a sentence opens: the start of the text or of a line, or after its end and a space (a quote may open it). */
const SENTENCE_OPENING = /(?:^|[\n.!?]|[.!?]["'’”)]?[ \t]|[.!?:][ \t]["“‘]|\n[ \t]*["“‘]?|^["“‘])$/;

/** "now-defunct", "now-retired": an adjective's prefix, not a time. */
const HYPHEN_AFTER = after('-');

/** "recently", "now", "currently", "nowadays", "lately" */
const readWordReference: Reader = (trigger, scan) => {
  const reference = WORD_REFERENCES[trigger[0].toLowerCase()];
  if (reference === undefined || readAfter(scan.text, triggerEnd(trigger), HYPHEN_AFTER)) return undefined;
  // Capitalised, it opens a sentence; elsewhere it is part of a title or a button ("Get Started Now").
  if (trigger[0][0] !== trigger[0][0]!.toLowerCase() && !SENTENCE_OPENING.test(scan.text.slice(Math.max(0, trigger.index - 3), trigger.index))) return undefined;
  // "now" is as often a discourse word as a time; TimeML tags it all the same, with less certainty here.
  return candidate('DATE', trigger.index, triggerEnd(trigger), trigger[0].toLowerCase() === 'now' ? 0.55 : 0.65, dateValue(reference));
};

const DAYS_AFTER = after(`${SP}days(?![\\w-])`);

/** "these days" */
const readTheseDays: Reader = (trigger, scan) => {
  if (trigger[0].toLowerCase() !== 'these') return undefined;
  const days = readAfter(scan.text, triggerEnd(trigger), DAYS_AFTER);
  return days ? candidate('DATE', trigger.index, days.index + days[0].length, 0.6, dateValue('PRESENT_REF')) : undefined;
};

const THE_PAST_BEFORE = beforeWithStarts(`(?<![\\w])(?:[Ii]n|[Ff]or|[Oo]ver|[Ff]rom|[Ii]nto|[Tt]han|[Tt]o)${SP}(?<the>the)${SP}`);
const THE_FUTURE_BEFORE = beforeWithStarts(`(?<![\\w])(?:[Ii]n|[Ff]or|[Ii]nto|[Tt]o)${SP}(?<the>the)${SP}(?:(?:near|foreseeable|distant|immediate|not-too-distant)${SP})?`);
/**
 * "the past" and "the future" stand alone as times only where the phrase ends: "in the past, prices…", "in the
 * future." — not "the past three years" (a length, read by its unit), "the past week", nor "the future of the bank".
 */
const PHRASE_END_AFTER = after(`(?=[ \\t]*(?:[,.;:!?)"'’”\\n]|$|${SP}(?:and|or|but|when|as|because|if|he|she|it|they|we|the|a|was|were|is|are|has|have|had|will|would)(?![\\w])))`);

/** "in the past", "in the future", "in the near future" */
const readThePastOrFuture: Reader = (trigger, scan) => {
  const word = trigger[0];
  if (word !== 'past' && word !== 'future') return undefined;
  if (!readAfter(scan.text, triggerEnd(trigger), PHRASE_END_AFTER)) return undefined;
  const context = readBefore(scan.text, trigger.index, word === 'past' ? THE_PAST_BEFORE : THE_FUTURE_BEFORE);
  const start = context?.startOf('the');
  if (start === undefined) return undefined;
  return candidate('DATE', start, triggerEnd(trigger), 0.6, dateValue(word === 'past' ? 'PAST_REF' : 'FUTURE_REF'));
};

const REFERENCE_WORDS = ['now', 'nowadays', 'currently', 'recently', 'lately', 'these'];

export const referenceRule: Rule = {
  trigger: /\b(?:[Nn]owadays|[Nn]ow|[Cc]urrently|[Rr]ecently|[Ll]ately|[Tt]hese|past|future)\b/g,
  startWords: [...REFERENCE_WORDS, ...REFERENCE_WORDS.map((word) => word[0]!.toUpperCase() + word.slice(1)), 'past', 'future'],
  readers: [readWordReference, readTheseDays, readThePastOrFuture],
};
