import { AgreementAccumulator, claimants, type AgreementReport, type DocumentAgreement } from '../agreement';
import { misplacedTagIds, percentReviewed, reviewSummaryOf, summarizeTags, type ReviewSummary } from '../review/corpusSummary';
import { emptyReviewCounts, REVIEW_STATES, reviewStateOf, totalTags, type ReviewCounts } from '../review/reviewState';
import type { Relation, Tag } from '../sidecar/schema';

/** A file left out of the report (or of agreement), and why. */
export interface UnreadableFile {
  file: string;
  problem: string;
}

/** An article on disk with the tags of its sidecar. */
export interface CorpusFile {
  /** As found below the path searched (joined to it). */
  path: string;
  /** '/'-separated, relative to the folder searched: how reports name it. */
  name: string;
  text: string;
  tags: Tag[];
  relations?: Relation[];
}

/** An article and the tags of its sidecar, named as the report names it. */
export interface ReportDocument {
  name: string;
  text: string;
  tags: readonly Tag[];
  /** Relations between the tags, for relation agreement. */
  relations?: readonly Relation[];
}

/** How many tags carry a label, by review state. */
export interface LabelDistribution {
  label: string;
  /** The label's colour in the project's label set, as #rrggbb. */
  color: string;
  counts: ReviewCounts;
  total: number;
}

export interface ReviewProgress extends ReviewSummary {
  /** Whole percent reviewed, rounded down (see percentReviewed). */
  percent: number;
}

export interface ArticleProgress extends ReviewProgress {
  name: string;
}

/** Agreement of two annotators, with exactly the figures of `marginalia agreement` on the same files. */
export interface MeasuredAgreement extends AgreementReport {
  measured: true;
  /** Documents left out because some of their tags are not at their offsets (edited since). */
  excluded: UnreadableFile[];
}

export interface UnavailableAgreement {
  measured: false;
  /** Why, in words: too few annotators, several to choose from, or one named who left no tag. */
  reason: string;
}

export interface CorpusReport {
  /** Everyone with a claim (an accepted or approved tag), sorted: whom agreement can compare. */
  annotators: string[];
  /** Most used first. */
  labels: LabelDistribution[];
  progress: { overall: ReviewProgress; articles: ArticleProgress[] };
  agreement: MeasuredAgreement | UnavailableAgreement;
  /** Files that could not be read (reported by the loader), left out of every figure. */
  unreadable: UnreadableFile[];
}

export interface ReportOptions {
  /** The two annotators to compare; by default the only two with claims. */
  annotators?: [string, string];
  /** Each label's colour, from the project's label set. */
  colorOf: (label: string) => string;
  unreadable?: UnreadableFile[];
  /** Relation types without direction, whose ends agreement matches either way round. */
  symmetricTypes?: ReadonlySet<string>;
  /** Hears each compared document's agreement figures, which the report then leaves out of `agreement.documents` (a caller that writes them out as they come). */
  onAgreementDocument?: (document: DocumentAgreement) => void;
  /** Hears each article's review progress, which the report then leaves out of `progress.articles` (only summed): a caller that writes them out as they come. */
  onArticleProgress?: (article: ArticleProgress) => void;
}

/**
 * The report on a corpus: tags per label by review state, review progress per article and overall,
 * and the agreement of two annotators. Pure: the caller reads the files (eachCorpusFile).
 */
export function corpusReport(documents: readonly ReportDocument[], options: ReportOptions): CorpusReport {
  const builder = new CorpusReportBuilder(options);
  for (const document of documents) builder.add(document);
  const pair = builder.annotatorsToCompare();
  if (Array.isArray(pair)) for (const document of documents) builder.compare(document);
  return builder.result();
}

/**
 * `corpusReport` over documents read one at a time, twice, so that a corpus of any size is reported
 * on in the memory of one article and a row a document: `add` each document (counts, progress, who
 * has claims), then, when `annotatorsToCompare` names two, `compare` each document again (agreement
 * can only start once every annotator is known, as the default pair is "the only two found").
 */
export class CorpusReportBuilder {
  private readonly byLabel = new Map<string, ReviewCounts>();
  private readonly articles: ArticleProgress[] = [];
  /** Every article's counts added up, also those handed to onArticleProgress and not kept. */
  private readonly overall = emptyReviewCounts();
  private readonly claimantsFound = new Set<string>();
  private readonly comparableClaimants = new Set<string>();
  private readonly stale: UnreadableFile[] = [];
  private accumulator?: AgreementAccumulator;
  private pair?: [string, string] | UnavailableAgreement;

  constructor(private readonly options: ReportOptions) {}

  add(document: ReportDocument): void {
    const orphaned = misplacedTagIds(document.text, document.tags);
    const progress: ArticleProgress = { name: document.name, ...withPercent(summarizeTags(document.tags, orphaned)) };
    for (const state of REVIEW_STATES) this.overall[state] += progress.counts[state];
    if (this.options.onArticleProgress) this.options.onArticleProgress(progress);
    else this.articles.push(progress);
    for (const tag of document.tags) {
      let counts = this.byLabel.get(tag.label);
      if (!counts) this.byLabel.set(tag.label, (counts = emptyReviewCounts()));
      counts[reviewStateOf(tag, orphaned.has(tag.id))]++;
    }
    const claimed = claimants(document.tags);
    for (const annotator of claimed) this.claimantsFound.add(annotator);
    if (orphaned.size === 0) for (const annotator of claimed) this.comparableClaimants.add(annotator);
    else this.stale.push(staleFile(document.name, orphaned.size));
  }

  /** The two annotators agreement compares, once every document was added, or why there are none. */
  annotatorsToCompare(): [string, string] | UnavailableAgreement {
    this.pair ??= chooseAnnotators([...this.comparableClaimants].sort(), this.options.annotators);
    return this.pair;
  }

  /** Measures the agreement on one document (added before): left out when its tags are not at their offsets. */
  compare(document: ReportDocument): void {
    const pair = this.annotatorsToCompare();
    if (!Array.isArray(pair)) return;
    this.accumulator ??= new AgreementAccumulator(pair[0], pair[1], { symmetricTypes: this.options.symmetricTypes }, this.options.onAgreementDocument);
    if (misplacedTagIds(document.text, document.tags).size === 0) this.accumulator.add(document);
  }

  result(): CorpusReport {
    const labels = [...this.byLabel]
      .map(([label, counts]) => ({ label, color: this.options.colorOf(label), counts, total: totalTags(counts) }))
      .sort((a, b) => b.total - a.total || (a.label < b.label ? -1 : 1));
    return {
      annotators: [...this.claimantsFound].sort(),
      labels,
      progress: { overall: withPercent(reviewSummaryOf({ ...this.overall })), articles: this.articles },
      agreement: this.agreementSection(),
      unreadable: this.options.unreadable ?? [],
    };
  }

  private agreementSection(): MeasuredAgreement | UnavailableAgreement {
    const pair = this.annotatorsToCompare();
    if (!Array.isArray(pair)) return pair;
    const accumulator = this.accumulator ?? new AgreementAccumulator(pair[0], pair[1], { symmetricTypes: this.options.symmetricTypes });
    const measured = accumulator.result();
    if (accumulator.compared === 0) return { measured: false, reason: `no article has tags by both ${pair[0]} and ${pair[1]}` };
    return { measured: true, ...measured, excluded: this.stale };
  }
}

function withPercent(summary: ReviewSummary): ReviewProgress {
  return { ...summary, percent: percentReviewed(summary) };
}

/** As `marginalia agreement` chooses them: the two named, else the only two with claims in comparable documents. */
function chooseAnnotators(found: readonly string[], chosen: [string, string] | undefined): [string, string] | UnavailableAgreement {
  const annotators = chosen ?? (found.length === 2 ? [found[0], found[1]] : undefined);
  if (annotators === undefined) {
    const reason =
      found.length < 2
        ? `agreement needs two annotators with accepted tags; found ${found.length === 0 ? 'none' : `only ${found[0]}`}`
        : `${found.length} annotators have accepted tags (${found.join(', ')}); pick two to compare`;
    return { measured: false, reason };
  }
  if (annotators[0] === annotators[1]) return { measured: false, reason: `agreement compares two different annotators, not ${annotators[0]} with themselves` };
  const absent = annotators.filter((annotator) => !found.includes(annotator));
  if (absent.length > 0) return { measured: false, reason: `no accepted tags by ${absent.join(' or ')} (annotators found: ${found.join(', ') || 'none'})` };
  return [annotators[0], annotators[1]];
}

/** A document agreement leaves out: some of its tags are no longer at their offsets. */
export function staleFile(file: string, misplaced: number): UnreadableFile {
  return { file, problem: `${misplaced === 1 ? '1 tag does' : `${misplaced} tags do`} not match the article at its offsets (run marginalia check)` };
}

/**
 * What agreement may compare: documents whose tags all sit at their offsets. Offsets into an article
 * edited since would compare the wrong words, so the others are left out, each with why.
 */
export function comparableDocuments<T extends { text: string; tags: readonly Tag[] }>(documents: readonly T[], nameOf: (document: T) => string): { comparable: T[]; stale: UnreadableFile[] } {
  const comparable: T[] = [];
  const stale: UnreadableFile[] = [];
  for (const document of documents) {
    const misplaced = misplacedTagIds(document.text, document.tags).size;
    if (misplaced === 0) comparable.push(document);
    else stale.push(staleFile(nameOf(document), misplaced));
  }
  return { comparable, stale };
}
