/** Pre-annotation: the detector's and the lexicon's findings written into sidecars as proposed tags. */
export { candidatesFor, type Candidate, type CandidateOptions } from './candidates';
export { DEFAULT_PROPOSER, isOwnProposal, proposalChanges, proposalsFor, unclaimedCandidates, type ProposalChanges, type ProposalOptions, type SortedCandidates } from './proposals';
