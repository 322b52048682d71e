import type { ActionCounts } from './simulation';

/**
 * Seconds an annotator spends on the simulated actions, by the keystroke-level model (Card, Moran and
 * Newell, 1980): each action is a sequence of operators with their published average times. An
 * estimate to compare with the time savings studies report, not a measurement; reading the article
 * is left out (the same with or without suggestions), each decision is one mental operator.
 */
export const OPERATOR_SECONDS = {
  /** A key press, an average typist (40 words a minute); a chord counts each key. */
  K: 0.28,
  /** Pointing the mouse at a place in the text. */
  P: 1.1,
  /** Pressing or releasing the mouse button. */
  B: 0.1,
  /** Moving a hand between keyboard and mouse. */
  H: 0.4,
  /** Mentally preparing: deciding what to do. */
  M: 1.35,
} as const;

const { K, P, B, H, M } = OPERATOR_SECONDS;

/** The editor's keys for each action (README, "Annotating" and "Reviewing"). */
export const ACTION_SECONDS = {
  /** Decide, Ctrl+Alt+A (accepts the suggestion under the cursor and moves to the next). */
  accept: M + 3 * K,
  /** Decide, Ctrl+Alt+R. */
  reject: M + 3 * K,
  /** Decide, Ctrl+., find the label in the list, three arrows on average, Enter. */
  relabel: M + 2 * K + M + 3 * K + K,
  /** Decide, hand to the mouse, drag over the span, hand back, Ctrl+Alt+T, pick the label by typing three letters, Enter. */
  manual: M + H + P + B + P + B + H + 3 * K + M + 3 * K + K,
} as const;

export function estimatedSeconds(counts: ActionCounts): number {
  return counts.accepts * ACTION_SECONDS.accept + counts.rejects * ACTION_SECONDS.reject + counts.relabels * ACTION_SECONDS.relabel + counts.manual * ACTION_SECONDS.manual;
}
