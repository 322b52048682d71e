import { scoreSpans, toScore, type LabelledSpan, type Score } from './spanScores';
import { claimsOf, hasWorkedOn, type ClaimableTag } from './claims';
import { cohenKappa, KappaCounts, labelKappa } from './kappa';
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
  const accumulator = new AgreementAccumulator(first, second, options);
  for (const document of corpus) accumulator.add(document);
  return accumulator.result();
}

/** Match counts, summed over documents. */
interface Counts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

/** What the corpus figures of one label (or of all) are made of, summed document by document. */
interface LabelCounts {
  claims: [number, number];
  exact: Counts;
  overlap: Counts;
}

/**
 * `agreement`, one document at a time: each is measured as it comes and only its figures are kept, so
 * that a corpus of any size is compared in the memory of one article (and of a row of figures each).
 * The corpus figures are those of all compared documents laid end to end: span counts add up, since
 * spans of different documents never overlap, and kappa is that of the concatenated token sequences,
 * computed from their category counts (KappaCounts).
 */
export class AgreementAccumulator {
  private readonly documents: DocumentAgreement[] = [];
  private readonly skipped: { name: string; missing: string[] }[] = [];
  private readonly byLabel = new Map<string, LabelCounts>();
  private readonly overall: LabelCounts = emptyCounts();
  private readonly kappa = new KappaCounts();
  /** Relation matches, summed like the span counts: relations of different documents never meet. */
  private relations: RelationCounts = addRelationCounts([]);

  /** `onDocument`: hears each compared document's figures; given, they are not kept (a caller that writes them out as they come). */
  constructor(
    private readonly first: string,
    private readonly second: string,
    private readonly options: AgreementOptions = {},
    private readonly onDocument?: (document: DocumentAgreement) => void,
  ) {}

  /** How many documents were compared so far. */
  get compared(): number {
    return this.comparedCount;
  }

  private comparedCount = 0;

  add(document: AgreementDocument): void {
    const { first, second } = this;
    if (!hasWorkedOn(document.tags, first) || !hasWorkedOn(document.tags, second)) {
      this.skipped.push({ name: document.name, missing: [first, second].filter((annotator) => !hasWorkedOn(document.tags, annotator)) });
      return;
    }
    const spans = claimedSpans(document, first, second);
    const sequences = tokenLabelSequences(document, first, second);
    const relationCounts = countRelationMatches(document.tags, document.relations ?? [], first, second, this.options.symmetricTypes);
    this.relations = addRelationCounts([this.relations, relationCounts]);
    const measured = { name: document.name, ...withRelations(measure(spans, sequences), relationCounts) };
    this.comparedCount++;
    if (this.onDocument) this.onDocument(measured);
    else this.documents.push(measured);
    this.kappa.add(sequences.first, sequences.second);
    addCounts(this.overall, measured.overall);
    for (const [label, figures] of Object.entries(measured.byLabel)) {
      let counts = this.byLabel.get(label);
      if (!counts) this.byLabel.set(label, (counts = emptyCounts()));
      addCounts(counts, figures);
    }
  }

  /** The report on the documents added; `documents` is empty when they went to `onDocument`. */
  result(): AgreementReport {
    const figures = (counts: LabelCounts, kappa: number): LabelAgreement => ({ claims: [...counts.claims], exact: toScore(counts.exact), overlap: toScore(counts.overlap), kappa });
    const byLabel: Record<string, LabelAgreement> = {};
    for (const label of [...this.byLabel.keys()].sort()) byLabel[label] = figures(this.byLabel.get(label)!, this.kappa.labelKappa(label));
    const corpus = withRelations({ tokens: this.kappa.length, overall: figures(this.overall, this.kappa.kappa()), byLabel }, this.relations);
    return { annotators: [this.first, this.second], corpus, documents: this.documents, skipped: this.skipped };
  }
}

function emptyCounts(): LabelCounts {
  const zero = (): Counts => ({ truePositives: 0, falsePositives: 0, falseNegatives: 0 });
  return { claims: [0, 0], exact: zero(), overlap: zero() };
}

function addCounts(sum: LabelCounts, figures: LabelAgreement): void {
  sum.claims[0] += figures.claims[0];
  sum.claims[1] += figures.claims[1];
  for (const mode of ['exact', 'overlap'] as const) {
    sum[mode].truePositives += figures[mode].truePositives;
    sum[mode].falsePositives += figures[mode].falsePositives;
    sum[mode].falseNegatives += figures[mode].falseNegatives;
  }
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
