import { reanchorTags } from '../anchoring/reanchor';
import { CodePointIndex } from '../base/offsets';
import type { Tag } from '../sidecar/schema';
import { modelSource, type TagChanges } from '../sidecar/schema';
import { newTag } from '../sidecar/tags';
import { candidatesFor, type Candidate, type CandidateOptions } from './candidates';

/** The annotator name pre-annotation signs its proposals with, unless told another. */
export const DEFAULT_PROPOSER = 'marginalia';

export interface ProposalOptions extends CandidateOptions {
  /** Who signs the proposals: the tool's name. Only proposals under this name are ever replaced. */
  annotator: string;
  /** The proposals' created and modified time (default: now). */
  now?: Date;
  /** Sources ("model:NAME") whose recogniser failed on this article: their earlier proposals stay. */
  keepSources?: ReadonlySet<string>;
}

/** What pre-annotation changes in one article's sidecar: TagChanges for SidecarStore.updateTags, and how many proposals stayed. */
export interface ProposalChanges extends TagChanges {
  put: Tag[];
  remove: string[];
  /** Earlier proposals found again exactly, left as they are. */
  kept: number;
}

/**
 * The tag changes pre-annotating one article makes, given the tags its sidecar holds now:
 * - each candidate (detection or lexicon match, see candidatesFor) becomes a `proposed` tag, source
 *   `import`, signed `options.annotator`;
 * - unless a tag already stands on exactly its span, whatever its label, status or author (a
 *   rejected tag is a person's "no" there), or a claim of its kind overlaps it (an accepted,
 *   approved or conflicting tag: a person's span, which a proposal must not cut across) — exactly
 *   what the editor still suggests given those tags (a date inside a tagged event is still one);
 * - the tool's own earlier proposals (proposed, import, same annotator, untouched: no history) that
 *   are no longer found are removed, and those found again exactly are kept, so a second run changes
 *   nothing. Every other tag is left as it is.
 * Tags' places are checked where they are in `text` now (re-anchored), as the editor will show them.
 */
export function proposalsFor(text: string, currentTags: readonly Tag[], options: ProposalOptions): ProposalChanges {
  const index = options.index ?? new CodePointIndex(text);
  return proposalChanges(text, candidatesFor(text, { ...options, index }), currentTags, { ...options, index });
}

/** proposalsFor with the candidates found already: what to put and remove against `currentTags`. */
export function proposalChanges(text: string, candidates: readonly Candidate[], currentTags: readonly Tag[], options: Pick<ProposalOptions, 'annotator' | 'now' | 'index' | 'keepSources'>): ProposalChanges {
  const { annotator } = options;
  const index = options.index ?? new CodePointIndex(text);
  const now = options.now ?? new Date();
  const sorted = unclaimedCandidates(text, candidates, currentTags, annotator);
  const { fresh, kept } = sorted;
  // A recogniser that failed this time found nothing: its earlier proposals are not "no longer found".
  const stale = options.keepSources?.size ? sorted.stale.filter((tag) => !options.keepSources!.has(tag.source)) : sorted.stale;
  const put = fresh.map((candidate) =>
    newTag({
      text,
      index,
      start: candidate.start,
      end: candidate.end,
      label: candidate.label,
      kind: candidate.kind,
      source: candidate.recogniser ? modelSource(candidate.recogniser) : 'import',
      status: 'proposed',
      annotator,
      now,
      ...(candidate.value && { value: candidate.value }),
    }),
  );
  return { put, remove: stale.map((tag) => tag.id), kept: kept.length };
}

/** The candidates sorted out against the tags an article has (see proposalsFor). */
export interface SortedCandidates {
  /** Candidates to propose: no tag speaks for them yet. */
  fresh: Candidate[];
  /** The tool's own proposals found again exactly, to keep. */
  kept: Tag[];
  /** The tool's own proposals no longer found (or moved), to remove. */
  stale: Tag[];
}

/**
 * Which candidates no tag speaks for: not on the span of any tag but the tool's own replaceable
 * proposals, and not across a claim of their kind; and which of those proposals are found again.
 */
export function unclaimedCandidates(text: string, candidates: readonly Candidate[], currentTags: readonly Tag[], annotator: string): SortedCandidates {
  /** The tool's earlier proposals: by place, label and value if still at their place; all of them, to remove those not found again. */
  const ownAtPlace = new Map<string, Tag>();
  const ownProposals: Tag[] = [];
  const taken = new Set<string>();
  const claims: Claim[] = [];
  if (currentTags.length > 0) {
    for (const { tag, outcome } of reanchorTags(text, currentTags)) {
      if (isOwnProposal(tag, annotator)) {
        ownProposals.push(tag);
        // Only a proposal still exactly at its place can be found again; a moved one is replaced.
        if (outcome === 'unchanged' && !ownAtPlace.has(candidateKey(tag))) ownAtPlace.set(candidateKey(tag), tag);
        continue;
      }
      if (outcome === 'orphaned') continue;
      taken.add(spanKey(tag.start, tag.end));
      if (isClaim(tag)) claims.push({ start: tag.start, end: tag.end, kind: tag.kind });
    }
  }
  const overlapsClaim = claimSweep(claims);
  const fresh: Candidate[] = [];
  const kept = new Set<Tag>();
  for (const candidate of [...candidates].sort((a, b) => a.start - b.start)) {
    if (overlapsClaim(candidate) || taken.has(spanKey(candidate.start, candidate.end))) continue;
    // Most articles have no earlier proposals: no key to build.
    const earlier = ownAtPlace.size === 0 ? undefined : ownAtPlace.get(candidateKey(candidate));
    if (earlier && !kept.has(earlier)) kept.add(earlier);
    else fresh.push(candidate);
  }
  return { fresh, kept: [...kept], stale: ownProposals.filter((tag) => !kept.has(tag)) };
}

/** A proposal this tool made and nobody has touched since: the only kind of tag pre-annotation replaces. */
export function isOwnProposal(tag: Tag, annotator: string): boolean {
  return tag.status === 'proposed' && (tag.source === 'import' || tag.source.startsWith('model:')) && tag.annotator === annotator && (tag.history === undefined || tag.history.length === 0);
}

/** The source of a recogniser's proposals (kept here too, where pre-annotation's callers look for it). */
export { modelSource };

/** A tag that says "this span is this label" with a person's authority, or two versions awaiting one. */
function isClaim(tag: Tag): boolean {
  return tag.status === 'accepted' || tag.status === 'approved' || tag.status === 'conflict';
}

function spanKey(start: number, end: number): string {
  return `${start}:${end}`;
}

/** Same place, label and normalised value: a proposal found again, to keep as it is. */
function candidateKey(tag: Pick<Candidate, 'start' | 'end' | 'label' | 'kind' | 'value'>): string {
  return `${tag.start}:${tag.end}:${tag.label}:${tag.kind}:${tag.value === undefined ? '' : canonicalJson(tag.value)}`;
}

/** JSON with keys sorted: a value read from a sidecar and the same value from the detector compare equal. */
function canonicalJson(value: object): string {
  return JSON.stringify(Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}

type Claim = { start: number; end: number; kind: string };

/**
 * Whether a candidate overlaps a claim of its kind, asked of candidates in ascending start order: a
 * sweep that keeps only the claims that may still overlap, so thousands of tags cost one pass.
 */
function claimSweep(claims: Claim[]): (candidate: Claim) => boolean {
  const sorted = [...claims].sort((a, b) => a.start - b.start);
  const active: Claim[] = [];
  let next = 0;
  return (candidate) => {
    while (next < sorted.length && sorted[next].start < candidate.end) active.push(sorted[next++]);
    for (let i = active.length - 1; i >= 0; i--) if (active[i].end <= candidate.start) active.splice(i, 1);
    return active.some((claim) => claim.start < candidate.end && claim.kind === candidate.kind);
  };
}
