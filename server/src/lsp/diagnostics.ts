import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { describeConflict } from '../core/sidecar/conflict';
import { isDecided, type Article } from './article';
import { describeClaim, disagreementsIn, extentOf } from './disagreements';
import type { RelationType } from '../core/project/relationTypes';
import { relationDisagreementDiagnostics } from './relationReview';

export interface DiagnosticOptions {
  suggestionHints: boolean;
  /** Not in blind mode: annotators' disagreements are Warnings, to walk with "next problem". */
  seesEveryone: boolean;
  /** The review filter is on: each tag still to review is an Information, so any editor walks them too. */
  onlyToReview: boolean;
  /** The corpus's relation types, to name relations in messages. */
  relationTypes?: readonly RelationType[];
}

/** Hints are cheap for an editor to hold, but not unbounded: beyond this the outline and tokens still show all. */
const MAX_SUGGESTION_HINTS = 2000;

/**
 * Diagnostics are opt-in noise: untagged suggestions are Hints (never Problems), so Ctrl+. works on
 * them in every editor; orphaned tags, tags in conflict after a git merge, annotators' disagreements
 * and an unreadable sidecar are Warnings; with the review filter on, tags awaiting review are Information.
 */
export function diagnosticsOf(article: Article, { suggestionHints, seesEveryone, onlyToReview, relationTypes = [] }: DiagnosticOptions): Diagnostic[] {
  const model = article.current();
  const { placed, suggestions, truncated } = model;
  const document = article.document;
  const range = (start: number, end: number) => ({ start: document.positionAt(start), end: document.positionAt(end) });
  const diagnostics: Diagnostic[] = [];
  if (article.sidecarProblem) {
    diagnostics.push({ range: range(0, 0), severity: DiagnosticSeverity.Warning, source: 'marginalia', code: 'sidecar-invalid', message: `Tags not shown: ${article.sidecarProblem}. The file is left untouched until it is fixed.` });
  }
  const { problem: referenceProblem } = article.dateReference();
  if (referenceProblem) {
    diagnostics.push({ range: range(0, 0), severity: DiagnosticSeverity.Warning, source: 'marginalia', code: 'reference-date', message: referenceProblem });
  }
  if (truncated) {
    diagnostics.push({ range: range(0, 0), severity: DiagnosticSeverity.Information, source: 'marginalia', code: 'truncated', message: 'This article is very long: only its beginning was analysed for suggestions (see the setting marginalia.maxAnalysedCharacters). Tags are kept everywhere.' });
  }
  for (const { tag, start, end, orphaned } of placed) {
    if (tag.conflict && !orphaned) {
      diagnostics.push({ range: range(start, end), severity: DiagnosticSeverity.Warning, source: 'marginalia', code: 'tag-conflict', message: `Conflict: two branches changed the tag on "${tag.text}": ${describeConflict(tag.conflict)}. Ctrl+. to keep one.` });
    }
    if (onlyToReview && !orphaned && !tag.conflict && !isDecided(tag)) {
      const awaiting = tag.status === 'proposed' ? `Proposed ${tag.label} by ${tag.annotator}, to accept or reject` : `${tag.label} by ${tag.annotator}, awaiting review`;
      diagnostics.push({ range: range(start, end), severity: DiagnosticSeverity.Information, source: 'marginalia', code: 'to-review', message: `${awaiting}. Ctrl+. to approve, reject or correct it.` });
    }
    if (!orphaned) continue;
    diagnostics.push({ range: range(Math.min(start, document.getText().length), Math.min(end, document.getText().length)), severity: DiagnosticSeverity.Warning, source: 'marginalia', code: 'orphaned-tag', message: `Orphaned ${tag.label} tag: "${tag.text}" is no longer at this place in the article.` });
  }
  if (seesEveryone) {
    for (const disagreement of disagreementsIn(model)) {
      const { start, end } = extentOf(disagreement);
      const what = disagreement.kind === 'label' ? 'labels' : 'spans';
      diagnostics.push({ range: range(start, end), severity: DiagnosticSeverity.Warning, source: 'marginalia', code: 'disagreement', message: `Annotators disagree on the ${what}: ${describeClaim(disagreement.first)} and ${describeClaim(disagreement.second)}. Ctrl+. to keep one.` });
    }
    diagnostics.push(...relationDisagreementDiagnostics(article, relationTypes));
  }
  if (suggestionHints) {
    for (const span of suggestions.slice(0, MAX_SUGGESTION_HINTS)) {
      diagnostics.push({ range: range(span.start, span.end), severity: DiagnosticSeverity.Hint, source: 'marginalia', code: 'suggestion', message: `Suggested ${span.label} (not tagged yet)` });
    }
  }
  return diagnostics;
}
