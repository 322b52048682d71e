import type { KindedSpan } from '../detect';
import { textChange } from '../detect/textChange';
import type { Label } from '../base/labels';
import type { Lexicon, LexiconMatch } from './lexicon';
import { wordBefore } from './matching';
import type { LexiconEntry } from './schema';
import type { RecognisedBy } from '../recognisers/merge';

/** A suggestion for an article: the detector's, or text the lexicon learnt from a person's tag (`learnt`). */
export interface Suggestion extends KindedSpan {
  /** The lexicon entry behind a learnt suggestion: who tagged the text, with which label, in which article. */
  learnt?: LexiconEntry;
  /** The project's recogniser that suggested it (see core/recognisers/merge.ts), and its score. */
  recognisedBy?: RecognisedBy;
}

/**
 * Lexicon matches in a text, sorted and never overlapping, as parallel arrays: an edit shifts thousands
 * of them in a 1 MB article, which must not mean thousands of new objects per keystroke.
 */
export interface MatchList {
  length: number;
  starts: Int32Array;
  ends: Int32Array;
  entries: LexiconEntry[];
}

export function matchListOf(matches: readonly LexiconMatch[]): MatchList {
  const list = emptyMatchList(matches.length);
  for (const match of matches) push(list, match.start, match.end, match.entry);
  return list;
}

/** A person's tag is as sure as a suggestion gets. */
const LEARNT_CONFIDENCE = 1;

/**
 * The detector's suggestions and the lexicon's, as one list sorted by start:
 * - a place someone rejected in this context (the lexicon's suppressions) is suggested by neither;
 * - where a learnt match overlaps detections of its kind, the learnt one wins (a person taught it),
 *   except that a longer detection containing it is kept instead: it saw more of the name ("Rustem
 *   Umerov" around a learnt "Umerov", "May 5" around "May");
 * - a detection of another kind on the same words stays beside it: "Wednesday" taught as ORG
 *   (Sheffield Wednesday) is still a date in "said on Wednesday". The one that fits the place comes
 *   first (see nameFitsAt), the learnt one when `text` is not given.
 * `detected` is sorted by start, as the detector gives it; `isSuppressed` is absent when nothing was rejected. `previous`, the learnt suggestions of the
 * last call, lends those still at their place, so that an edit makes new objects only where it moved some.
 */
export function withLearntSuggestions(
  detected: readonly KindedSpan[],
  learnt: MatchList,
  isSuppressed: ((start: number, end: number, label: string) => boolean) | undefined,
  previous: readonly Suggestion[] = [],
  text?: string,
): { suggestions: Suggestion[]; learnt: Suggestion[] } {
  // Nothing learnt stands in this text, and nothing was rejected: the detector's suggestions as they are.
  if (learnt.length === 0 && !isSuppressed) return { suggestions: [...detected], learnt: [] };
  const dropped = new Uint8Array(detected.length);
  if (isSuppressed) for (let n = 0; n < detected.length; n++) if (isSuppressed(detected[n]!.start, detected[n]!.end, detected[n]!.label)) dropped[n] = 1;
  // The furthest end of the detections up to each one: walking back from a match stops where none can reach it.
  const reach = new Int32Array(detected.length);
  for (let n = 0, furthest = -1; n < detected.length; n++) reach[n] = furthest = Math.max(furthest, detected[n]!.end);

  const kept: Suggestion[] = [];
  /** For each kept learnt suggestion: whether it goes before a detection of another kind starting at its place. */
  const learntFirst: boolean[] = [];
  let reused = 0;
  // The first detection starting at or after the match's end: matches are sorted and never overlap, so it only moves on.
  let after = 0;
  for (let m = 0; m < learnt.length; m++) {
    const start = learnt.starts[m]!;
    const end = learnt.ends[m]!;
    const entry = learnt.entries[m]!;
    while (after < detected.length && detected[after]!.start < end) after++;
    let containedInLonger = false;
    for (let n = after - 1; n >= 0 && reach[n]! > start; n--) {
      const span = detected[n]!;
      if (!dropped[n] && span.end > start && span.start <= start && end <= span.end && span.end - span.start > end - start) containedInLonger = true;
    }
    if (containedInLonger) continue;
    for (let n = after - 1; n >= 0 && reach[n]! > start; n--) if (detected[n]!.end > start && !isBeside(detected[n]!, start, end, entry)) dropped[n] = 1;
    while (reused < previous.length && previous[reused]!.start < start) reused++;
    const before = previous[reused];
    // A project's own label (say WEAPON) travels where the detector's OntoNotes labels do: as a name.
    kept.push(before && before.start === start && before.end === end && before.learnt === entry ? before : { start, end, label: entry.label as Label, kind: entry.kind, confidence: LEARNT_CONFIDENCE, learnt: entry });
    learntFirst.push(text === undefined || entry.kind === 'entity' === nameFitsAt(text, start));
  }
  // Both lists are sorted by start: merge them.
  const merged: Suggestion[] = [];
  let next = 0;
  for (let n = 0; n < detected.length; n++) {
    if (dropped[n]) continue;
    const start = detected[n]!.start;
    while (next < kept.length && (kept[next]!.start < start || (kept[next]!.start === start && learntFirst[next]))) merged.push(kept[next++]!);
    merged.push(detected[n]!);
  }
  while (next < kept.length) merged.push(kept[next++]!);
  return { suggestions: merged, learnt: kept };
}

/**
 * A detection that stays beside a learnt match: of another kind on the same words. One only
 * overlapping it (a date inside a learnt event's span) gives way as before.
 */
function isBeside(span: KindedSpan, start: number, end: number, entry: LexiconEntry): boolean {
  return span.kind !== entry.kind && span.start === start && span.end === end;
}

/** Words before a date or a number that a capital at a sentence start does not make part of a name. */
const FUNCTION_WORDS = new Set(
  'a about after all almost an and around at before between by during each every for from in last late early next nearly of on or over since some than that the this till to under until'.split(' '),
);

/**
 * Whether a name fits the place better than a date or number: the word right before it is capitalised
 * and no function word, so the two read as one name ("Sheffield Wednesday", "The Magnificent 3"),
 * not "on Wednesday" or "On Wednesday". Nothing before it (a sentence start) says nothing: no.
 */
function nameFitsAt(text: string, start: number): boolean {
  const word = wordBefore(text, start);
  return word !== '' && word[0] !== word[0]!.toLowerCase() && !FUNCTION_WORDS.has(word.toLowerCase());
}

/**
 * The lexicon's matches in a text that changes a keystroke at a time, found again only on the lines an
 * edit touched: no learnt text and no rejection's context crosses a line break (matching.ts), so a
 * line's matches depend on that line alone. A new lexicon, or a new revision of it, finds them all again.
 */
export class IncrementalLexiconMatches {
  private text = '';
  private lexicon?: Lexicon;
  private revision = -1;
  private found: MatchList = emptyMatchList(0);

  matches(text: string, lexicon: Lexicon): MatchList {
    if (lexicon === this.lexicon && lexicon.revision === this.revision) {
      if (text !== this.text) this.found = this.rematchEdit(text, lexicon);
    } else {
      const found = emptyMatchList(64);
      lexicon.forEachMatch(text, (start, end, entry) => push(found, start, end, entry));
      this.found = found;
      this.lexicon = lexicon;
      this.revision = lexicon.revision;
    }
    this.text = text;
    return this.found;
  }

  private rematchEdit(text: string, lexicon: Lexicon): MatchList {
    const change = textChange(this.text, text);
    // The whole lines the edit touched, before and after it.
    const linesStart = change.start === 0 ? 0 : this.text.lastIndexOf('\n', change.start - 1) + 1;
    const oldLineFeed = this.text.indexOf('\n', change.oldEnd);
    const oldLinesEnd = oldLineFeed < 0 ? this.text.length : oldLineFeed;
    const shift = change.newEnd - change.oldEnd;
    const old = this.found;
    const before = firstEndingAfter(old, linesStart);
    let after = before;
    while (after < old.length && old.starts[after]! < oldLinesEnd) after++;
    const result = emptyMatchList(old.length + 8);
    result.starts.set(old.starts.subarray(0, before));
    result.ends.set(old.ends.subarray(0, before));
    for (let n = 0; n < before; n++) result.entries.push(old.entries[n]!);
    result.length = before;
    lexicon.forEachMatch(text, (start, end, entry) => push(result, start, end, entry), linesStart, oldLinesEnd + shift);
    for (let n = after; n < old.length; n++) push(result, old.starts[n]! + shift, old.ends[n]! + shift, old.entries[n]!);
    return result;
  }
}

function emptyMatchList(capacity: number): MatchList {
  return { length: 0, starts: new Int32Array(Math.max(8, capacity)), ends: new Int32Array(Math.max(8, capacity)), entries: [] };
}

function push(list: MatchList, start: number, end: number, entry: LexiconEntry): void {
  if (list.length === list.starts.length) {
    const starts = new Int32Array(list.starts.length * 2);
    const ends = new Int32Array(list.ends.length * 2);
    starts.set(list.starts);
    ends.set(list.ends);
    list.starts = starts;
    list.ends = ends;
  }
  list.starts[list.length] = start;
  list.ends[list.length] = end;
  list.entries[list.length] = entry;
  list.length++;
}

/** The first match ending after `offset` (matches are sorted and never overlap, so their ends are sorted too). */
function firstEndingAfter(list: MatchList, offset: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (list.ends[mid]! <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** An article's suggestions with what its corpus's lexicon learnt, kept up to date edit by edit. */
export class LearntSuggestions {
  private readonly matcher = new IncrementalLexiconMatches();
  private learnt: Suggestion[] = [];

  /** `detected` (the detector's suggestions in `text`) with the lexicon's; unchanged without a lexicon or with an empty one. */
  suggest(text: string, detected: readonly KindedSpan[], lexicon: Lexicon | undefined): readonly Suggestion[] {
    if (!lexicon || lexicon.size === 0) {
      this.learnt = [];
      return detected;
    }
    const isSuppressed = lexicon.hasSuppressions ? (start: number, end: number, label: string) => lexicon.isSuppressed(text, start, end, label) : undefined;
    const merged = withLearntSuggestions(detected, this.matcher.matches(text, lexicon), isSuppressed, this.learnt, text);
    this.learnt = merged.learnt;
    return merged.suggestions;
  }
}
