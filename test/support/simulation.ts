/**
 * A simulated annotator working through a corpus in file order with the true tags known, to measure
 * how much the project lexicon saves them as the corpus gets annotated.
 *
 * In each article the annotator handles the leftmost open item, again and again, the suggestions
 * being recomputed after every action as the editor recomputes them (unclaimedCandidates, the rule
 * pre-annotation uses too):
 * - a suggestion equal to a true tag (span and label): **accept** (1 action);
 * - a suggestion on a true tag's span with another label: **relabel** (1 action: the editor's Ctrl+.
 *   offers the other labels beside the suggested one, and Ctrl+Alt+E changes a tag's label);
 * - a suggestion overlapping an untagged true tag with other boundaries: that tag is made by hand
 *   first (1 **manual** action), which hides the suggestion when of the same kind, as in the editor;
 *   one still shown after that is rejected;
 * - any other suggestion: **reject** (1 action);
 * - a true tag no suggestion offers: **manual** tag (1 action: select, then pick the label).
 * With learning on, each action teaches the corpus lexicon through the editor's own lessonsOf: an
 * accepted, relabelled or manual entity tag is learnt (text → label; numbers and dates are not, their
 * values depend on the article), a rejection suppresses its label on its text between the same two
 * words. The lexicon carries over to the next article, whose suggestions are then the detector's and
 * the lexicon's, as the editor merges them (candidatesFor). Without learning, only the detector suggests.
 */
import { detectSpans, type KindedSpan } from '../../server/src/core/detect';
import { isLabel, kindOf, type Kind } from '../../server/src/core/base/labels';
import { applyLessons, Lexicon, lessonsOf } from '../../server/src/core/lexicon';
import { CodePointIndex } from '../../server/src/core/base/offsets';
import type { Tag } from '../../server/src/core/sidecar/schema';
import { newTag } from '../../server/src/core/sidecar/tags';
import { candidatesFor, type Candidate } from '../../server/src/core/annotate/candidates';
import { estimatedSeconds } from './keystrokeModel';
import { DEFAULT_PROPOSER, unclaimedCandidates } from '../../server/src/core/annotate/proposals';

/** A true tag, in code points (end exclusive). */
export interface TruthSpan {
  start: number;
  end: number;
  label: string;
}

export interface TruthArticle {
  name: string;
  text: string;
  truth: readonly TruthSpan[];
  /** The detector's spans of the text, when the caller has them (two runs detect each article once). */
  detections?: readonly KindedSpan[];
}

export interface ActionCounts {
  accepts: number;
  rejects: number;
  relabels: number;
  manual: number;
}

/** One article's figures, or the sum of several (`article` names the last). */
export interface AnnotationFigures extends ActionCounts {
  article: string;
  /** True tags: the work to do. */
  truth: number;
  /** Suggestions shown when the annotator opened the article, before any action. */
  suggested: number;
  /** Of those, the ones equal to a true tag (span and label). */
  correct: number;
  /** correct / suggested (1 when nothing is suggested). */
  precision: number;
  /** correct / truth (1 when there is nothing to tag). */
  recall: number;
  /** accepts + rejects + relabels + manual. */
  actions: number;
  /** actions / truth: 1 is the floor, every true tag accepted with one keystroke and nothing to reject. */
  actionsPerTag: number;
  /** Tags made by hand: manual + relabels, where the annotator selects a span or picks a label rather than pressing one key. */
  byHand: number;
  /** byHand / truth: what learning can save, turning tags made by hand into accepted suggestions. */
  byHandPerTag: number;
  /** The time these actions take by the keystroke-level model (keystrokeModel.ts): an estimate. */
  estimatedSeconds: number;
}

export interface SimulationRun {
  learning: boolean;
  /** Per article, in the order worked. */
  files: AnnotationFigures[];
  /** Sums over the articles up to and including each one. */
  cumulative: AnnotationFigures[];
  /** Sums over the articles after the first: where learning can help. */
  later: AnnotationFigures;
  /** What the lexicon holds at the end (entries and suppressions). */
  lexiconSize: number;
}

/** Timestamps of the lessons: fixed, so that runs are identical (the lexicon prefers the latest of two labels). */
const SIMULATION_START = Date.UTC(2025, 0, 6, 9);
const ANNOTATOR = 'simulated';

/** Works through `articles` in order; the same input gives the same figures, to the last digit. */
export function simulateAnnotator(articles: readonly TruthArticle[], options: { learning: boolean }): SimulationRun {
  const lexicon = options.learning ? new Lexicon() : undefined;
  let step = 0;
  const files = articles.map((article) => annotateOne(article, lexicon, () => new Date(SIMULATION_START + 1000 * step++)));
  const cumulative = files.map((_, n) => sumOf(files.slice(0, n + 1)));
  return { learning: options.learning, files, cumulative, later: sumOf(files.slice(1)), lexiconSize: lexicon?.size ?? 0 };
}

function annotateOne(article: TruthArticle, lexicon: Lexicon | undefined, clock: () => Date): AnnotationFigures {
  const { text } = article;
  const index = new CodePointIndex(text);
  const detections = article.detections ?? detectSpans(text);
  const truthKeys = new Set(article.truth.map(tagKey));
  const done = new Set<string>();
  const tags: Tag[] = [];
  const counts: ActionCounts = { accepts: 0, rejects: 0, relabels: 0, manual: 0 };
  const suggestions = () => unclaimedCandidates(text, candidatesFor(text, { lexicon, detections, index }), tags, DEFAULT_PROPOSER).fresh;

  const opening = suggestions();
  const correct = opening.filter((suggestion) => truthKeys.has(tagKey(suggestion))).length;

  const tag = (span: TruthSpan | Candidate, label: string, status: 'accepted' | 'rejected', source: 'suggestion' | 'manual') => {
    const at = clock();
    const made = newTag({ text, index, start: span.start, end: span.end, label, kind: kindOfLabel(label, span), source, status, annotator: ANNOTATOR, now: at });
    tags.push(made);
    // What the editor teaches the corpus lexicon after each applied tag action.
    if (lexicon) applyLessons(lexicon, lessonsOf([{ after: made }], { by: ANNOTATOR, article: article.name, at: at.toISOString(), articleText: text }));
  };
  const tagByHand = (truth: TruthSpan) => {
    tag(truth, truth.label, 'accepted', 'manual');
    done.add(tagKey(truth));
    counts.manual++;
  };

  // Each action adds a tag on a span no open item can take again; the bound only guards against a bug.
  const maxActions = 4 * (article.truth.length + detections.length) + 100;
  for (let actions = 0; ; actions++) {
    if (actions > maxActions) throw new Error(`${article.name}: the simulated annotator did not finish in ${maxActions} actions`);
    const pendingTruth = article.truth.filter((truth) => !done.has(tagKey(truth)));
    const suggestion = suggestions()[0];
    const truth = pendingTruth.reduce<TruthSpan | undefined>((first, span) => (first === undefined || span.start < first.start ? span : first), undefined);
    if (!suggestion && !truth) break;
    // The leftmost item; at the same place, the suggestion the annotator sees there.
    if (!suggestion || (truth && truth.start < suggestion.start)) {
      tagByHand(truth!);
      continue;
    }
    if (truthKeys.has(tagKey(suggestion)) && !done.has(tagKey(suggestion))) {
      tag(suggestion, suggestion.label, 'accepted', 'suggestion');
      done.add(tagKey(suggestion));
      counts.accepts++;
      continue;
    }
    const sameSpan = pendingTruth.find((span) => span.start === suggestion.start && span.end === suggestion.end);
    if (sameSpan) {
      tag(sameSpan, sameSpan.label, 'accepted', 'manual');
      done.add(tagKey(sameSpan));
      counts.relabels++;
      continue;
    }
    const overlapped = pendingTruth.find((span) => span.start < suggestion.end && suggestion.start < span.end);
    if (overlapped) {
      tagByHand(overlapped);
      continue;
    }
    tag(suggestion, suggestion.label, 'rejected', 'suggestion');
    counts.rejects++;
  }
  return figures(article.name, article.truth.length, opening.length, correct, counts);
}

function figures(article: string, truth: number, suggested: number, correct: number, counts: ActionCounts): AnnotationFigures {
  const actions = counts.accepts + counts.rejects + counts.relabels + counts.manual;
  return {
    article,
    truth,
    suggested,
    correct,
    precision: suggested === 0 ? 1 : correct / suggested,
    recall: truth === 0 ? 1 : correct / truth,
    ...counts,
    actions,
    actionsPerTag: truth === 0 ? 0 : actions / truth,
    byHand: counts.manual + counts.relabels,
    byHandPerTag: truth === 0 ? 0 : (counts.manual + counts.relabels) / truth,
    estimatedSeconds: estimatedSeconds(counts),
  };
}

function sumOf(files: readonly AnnotationFigures[]): AnnotationFigures {
  const total = (field: keyof ActionCounts | 'truth' | 'suggested' | 'correct') => files.reduce((sum, file) => sum + file[field], 0);
  return figures(files.at(-1)?.article ?? '', total('truth'), total('suggested'), total('correct'), { accepts: total('accepts'), rejects: total('rejects'), relabels: total('relabels'), manual: total('manual') });
}

function tagKey(span: { start: number; end: number; label: string }): string {
  return `${span.start}:${span.end}:${span.label}`;
}

/** An OntoNotes label's kind; a project's own label keeps the kind its suggestion had. */
function kindOfLabel(label: string, span: TruthSpan | Candidate): Kind {
  if (isLabel(label)) return kindOf(label);
  if ('kind' in span) return span.kind;
  throw new TypeError(`"${label}" is not an OntoNotes label, and the simulation knows no kind for it`);
}
