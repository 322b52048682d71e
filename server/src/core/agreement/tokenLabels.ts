import type { LabelledSpan } from './spanScores';
import type { Token } from './tokens';

/** The category of a token that no tag covers. Labels are upper case, so it never collides with one. */
export const OUTSIDE = 'O';

/**
 * One category a token: the label of the innermost tag covering it, or OUTSIDE.
 *
 * A tag covers a token when they share a code point, so a tag whose boundary falls inside a word
 * still claims the word. Innermost is the shortest tag; ties go to the earlier start, then to the
 * alphabetically first label, so the result never depends on the order of tags in the sidecar.
 */
export function tokenLabels(tokens: readonly Token[], spans: readonly LabelledSpan[]): string[] {
  const innermostFirst = [...spans].sort(
    (a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0),
  );
  return tokens.map((token) => innermostFirst.find((span) => span.start < token.end && token.start < span.end)?.label ?? OUTSIDE);
}
