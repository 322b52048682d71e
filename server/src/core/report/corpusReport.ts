import { agreement, claimants, type AgreementReport } from '../agreement';
import { addSummaries, misplacedTagIds, percentReviewed, summarizeTags, type ReviewSummary } from '../review/corpusSummary';
import { emptyReviewCounts, reviewStateOf, totalTags, type ReviewCounts } from '../review/reviewState';
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
}

/**
 * The report on a corpus: tags per label by review state, review progress per article and overall,
 * and the agreement of two annotators. Pure: the caller reads the files (loadSidecarCorpus).
 */
export function corpusReport(documents: readonly ReportDocument[], options: ReportOptions): CorpusReport {
  const found = claimants(documents.flatMap((document) => document.tags));
  const orphaned = documents.map((document) => misplacedTagIds(document.text, document.tags));
  const articles = documents.map((document, index) => ({ name: document.name, ...withPercent(summarizeTags(document.tags, orphaned[index])) }));
  return {
    annotators: found,
    labels: labelDistribution(documents, orphaned, options.colorOf),
    progress: { overall: withPercent(addSummaries(articles)), articles },
    agreement: agreementSection(documents, options.annotators, options.symmetricTypes),
    unreadable: options.unreadable ?? [],
  };
}

function withPercent(summary: ReviewSummary): ReviewProgress {
  return { ...summary, percent: percentReviewed(summary) };
}

/** `orphaned[i]`: ids of the tags of `documents[i]` its text no longer holds. */
function labelDistribution(documents: readonly ReportDocument[], orphaned: readonly ReadonlySet<string>[], colorOf: (label: string) => string): LabelDistribution[] {
  const byLabel = new Map<string, ReviewCounts>();
  for (const [index, document] of documents.entries()) {
    for (const tag of document.tags) {
      let counts = byLabel.get(tag.label);
      if (!counts) byLabel.set(tag.label, (counts = emptyReviewCounts()));
      counts[reviewStateOf(tag, orphaned[index].has(tag.id))]++;
    }
  }
  return [...byLabel]
    .map(([label, counts]) => ({ label, color: colorOf(label), counts, total: totalTags(counts) }))
    .sort((a, b) => b.total - a.total || (a.label < b.label ? -1 : 1));
}

/** As `marginalia agreement` measures it: on the comparable documents only, annotators found among them. */
function agreementSection(documents: readonly ReportDocument[], chosen: [string, string] | undefined, symmetricTypes?: ReadonlySet<string>): MeasuredAgreement | UnavailableAgreement {
  const { comparable, stale } = comparableDocuments(documents, (document) => document.name);
  const found = claimants(comparable.flatMap((document) => document.tags));
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
  const measured = agreement(comparable, annotators[0], annotators[1], { symmetricTypes });
  if (measured.documents.length === 0) return { measured: false, reason: `no article has tags by both ${annotators[0]} and ${annotators[1]}` };
  return { measured: true, ...measured, excluded: stale };
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
    else stale.push({ file: nameOf(document), problem: `${misplaced === 1 ? '1 tag does' : `${misplaced} tags do`} not match the article at its offsets (run marginalia check)` });
  }
  return { comparable, stale };
}
