export { reanchorTags, type AnchorOutcome, type AnchorResult } from './reanchor';
export { shiftTags, type CodePointChange, type ShiftedTag } from './editTracking';
