import { scoreSpans, type LabelledSpan, type Score } from './spanScores';
import { claimsOf, hasWorkedOn, type ClaimableTag } from './claims';
import { cohenKappa, labelKappa } from './kappa';
import { tokenLabels } from './tokenLabels';
import { tokenize } from './tokens';
import { addRelationCounts, countRelationMatches, relationAgreementOf, type ClaimableRelation, type RelationAgreement, type RelationCounts } from './relationScores';

/** An article and the tags of its sidecar. */
export interface AgreementDocument {
  /** How reports name it, such as its path. */
  name: string;
  text: string;
  /** With their ids when relations are compared: relations name their ends by tag id. */
  tags: readonly (ClaimableTag & { id?: string })[];
  relations?: readonly ClaimableRelation[];
}

export interface AgreementOptions {
  /** Relation types without direction (marginalia.json "symmetric"): their ends match either way round. */
  symmetricTypes?: ReadonlySet<string>;
}

/** How far two annotators agree on one label, or on all of them. */
export interface LabelAgreement {
  /** Claims of each annotator, in the order of AgreementReport.annotators. */
  claims: [number, number];
  /**
   * Span scores of the second annotator against the first, on exact and on overlap match (the largest
   * one-to-one matching of overlapping spans). Swapping them swaps precision and recall and keeps F1.
   */
  exact: Score;
  overlap: Score;
  /**
   * Token-level Cohen's kappa. Per label: that label against everything else. Overall: over all
   * categories at once, every label and "O".
   */
  kappa: number;
}

export interface Agreement {
  tokens: number;
  overall: LabelAgreement;
  /** Every label either annotator claimed, sorted. */
  byLabel: Record<string, LabelAgreement>;
  /** Agreement on relations between tags; absent when neither annotator made any. */
  relations?: RelationAgreement;
}

export interface DocumentAgreement extends Agreement {
  name: string;
}

export interface AgreementReport {
  annotators: [string, string];
  /** All compared documents as one: span counts summed, tokens concatenated. */
  corpus: Agreement;
  documents: DocumentAgreement[];
  /** Documents left out because one of the annotators left no tag there, so has not annotated it yet. */
  skipped: { name: string; missing: string[] }[];
}

/** Each token's category (see tokenLabels) in the claims of each annotator. */
export interface TokenLabelSequences {
  first: string[];
  second: string[];
}

/**
 * Agreement between annotators `first` and `second` on their claims (see claims.ts), per document
 * and over the corpus, per label and overall. Pure: the caller reads the files.
 */
export function agreement(corpus: readonly AgreementDocument[], first: string, second: string, options: AgreementOptions = {}): AgreementReport {
  const compared = corpus.filter((document) => hasWorkedOn(document.tags, first) && hasWorkedOn(document.tags, second));
  const skipped = corpus
    .filter((document) => !compared.includes(document))
    .map((document) => ({ name: document.name, missing: [first, second].filter((annotator) => !hasWorkedOn(document.tags, annotator)) }));
  const relationCounts = compared.map((document) => countRelationMatches(document.tags, document.relations ?? [], first, second, options.symmetricTypes));
  const documents = compared.map((document, i) => ({ name: document.name, ...withRelations(measure(claimedSpans(document, first, second), tokenLabelSequences(document, first, second)), relationCounts[i]!) }));
  const corpusAgreement = withRelations(measure(corpusSpans(compared, first, second), corpusSequences(compared, first, second)), addRelationCounts(relationCounts));
  return { annotators: [first, second], corpus: corpusAgreement, documents, skipped };
}

function withRelations(measured: Agreement, counts: RelationCounts): Agreement {
  return counts.claims[0] + counts.claims[1] === 0 ? measured : { ...measured, relations: relationAgreementOf(counts) };
}

export function tokenLabelSequences(document: AgreementDocument, first: string, second: string): TokenLabelSequences {
  const tokens = tokenize(document.text);
  return { first: tokenLabels(tokens, claimsOf(document.tags, first)), second: tokenLabels(tokens, claimsOf(document.tags, second)) };
}

interface ClaimedSpans {
  first: LabelledSpan[];
  second: LabelledSpan[];
}

function claimedSpans(document: AgreementDocument, first: string, second: string): ClaimedSpans {
  const spans = (annotator: string) => claimsOf(document.tags, annotator).map(({ start, end, label }) => ({ start, end, label }));
  return { first: spans(first), second: spans(second) };
}

/** The documents' spans laid end to end, a code point apart, so that spans of different documents never overlap. */
function corpusSpans(documents: readonly AgreementDocument[], first: string, second: string): ClaimedSpans {
  const corpus: ClaimedSpans = { first: [], second: [] };
  let offset = 0;
  for (const document of documents) {
    const spans = claimedSpans(document, first, second);
    const shift = (span: LabelledSpan) => ({ ...span, start: span.start + offset, end: span.end + offset });
    corpus.first.push(...spans.first.map(shift));
    corpus.second.push(...spans.second.map(shift));
    offset += Math.max(0, ...[...spans.first, ...spans.second].map((span) => span.end), [...document.text].length) + 1;
  }
  return corpus;
}

function corpusSequences(documents: readonly AgreementDocument[], first: string, second: string): TokenLabelSequences {
  const sequences = documents.map((document) => tokenLabelSequences(document, first, second));
  return { first: sequences.flatMap((sequence) => sequence.first), second: sequences.flatMap((sequence) => sequence.second) };
}

function measure(spans: ClaimedSpans, sequences: TokenLabelSequences): Agreement {
  // The first annotator is the reference ("gold"), the second is scored against it.
  const scores = scoreSpans(spans.second, spans.first);
  const claims = (label?: string): [number, number] => {
    const count = (list: LabelledSpan[]) => list.filter((span) => label === undefined || span.label === label).length;
    return [count(spans.first), count(spans.second)];
  };
  const byLabel: Record<string, LabelAgreement> = {};
  for (const label of Object.keys(scores.exact.byLabel)) {
    byLabel[label] = { claims: claims(label), exact: scores.exact.byLabel[label], overlap: scores.overlap.byLabel[label], kappa: labelKappa(sequences.first, sequences.second, label) };
  }
  return {
    tokens: sequences.first.length,
    overall: { claims: claims(), exact: scores.exact.overall, overlap: scores.overlap.overall, kappa: cohenKappa(sequences.first, sequences.second) },
    byLabel,
  };
}
