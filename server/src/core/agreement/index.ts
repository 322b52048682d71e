/** Inter-annotator agreement: span F1 and token-level Cohen's kappa between two annotators' tags. */
export { agreement, AgreementAccumulator, tokenLabelSequences, type Agreement, type AgreementDocument, type AgreementOptions, type AgreementReport, type DocumentAgreement, type LabelAgreement, type TokenLabelSequences } from './agreement';
export { claimants, claimsOf, hasWorkedOn, isClaim, type ClaimableTag } from './claims';
export { cohenKappa, labelKappa } from './kappa';
export { OUTSIDE, tokenLabels } from './tokenLabels';
export { tokenize, type Token } from './tokens';
export { agreementTable } from './table';
export { countRelationMatches, relationAgreementOf, type ClaimableRelation, type RelationAgreement, type RelationTypeAgreement } from './relationScores';
