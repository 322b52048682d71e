import { agreement, agreementTable, claimants, type AgreementDocument } from '../core/agreement';
import type { ProgressReporter } from '../core/base/progress';
import { loadSidecarCorpus } from '../node/sidecarCorpus';
import { comparableDocuments } from '../core/report/corpusReport';
import { sidecarPathFor } from '../core/sidecar/paths';
import { symmetricTypesOf } from '../node/projectFiles';

export type AgreementFormat = 'table' | 'json';

export interface AgreementRequest {
  /** A folder to search, or one sidecar. */
  path: string;
  /** The two annotators to compare; by default, the only two with accepted tags below `path`. */
  annotators?: [string, string];
  format: AgreementFormat;
}

/**
 * Prints how far two annotators agree in the sidecars below `path`. A file that cannot be compared
 * is named on stderr and left out; exit code 2 when nothing is left to compare or the annotators
 * are not clear, 0 otherwise.
 */
export async function runAgreement(request: AgreementRequest, out: (chunk: string) => void, err: (line: string) => void, progress?: ProgressReporter): Promise<number> {
  let loaded: Awaited<ReturnType<typeof loadSidecarCorpus>>;
  try {
    loaded = await loadSidecarCorpus(request.path, progress);
  } catch (error) {
    err(`marginalia agreement: ${(error as Error).message}`);
    return 2;
  }
  // Named by their path as found, so that messages and figures name the files the user pointed at.
  const { comparable, stale } = comparableDocuments(loaded.documents, (document) => sidecarPathFor(document.path));
  const corpus: AgreementDocument[] = comparable.map(({ path, text, tags, relations }) => ({ name: path, text, tags, relations }));
  const unreadable = [...loaded.unreadable, ...stale];
  for (const { file, problem } of unreadable) err(`${file}: skipped: ${problem}`);
  if (corpus.length === 0) {
    err(`marginalia agreement: nothing to compare: no readable sidecar beside its article below ${request.path}`);
    return 2;
  }
  const found = claimants(corpus.flatMap((document) => document.tags));
  const annotators = request.annotators ?? (found.length === 2 ? [found[0], found[1]] : undefined);
  if (annotators === undefined) {
    err(`marginalia agreement: found ${annotatorsFound(found)} below ${request.path}; agreement needs two: name them with --annotators A,B`);
    return 2;
  }
  const absent = annotators.filter((annotator) => !found.includes(annotator));
  if (absent.length > 0) {
    err(`marginalia agreement: no accepted tags by ${absent.join(' or ')} below ${request.path} (annotators found: ${found.join(', ') || 'none'})`);
    return 2;
  }
  const report = agreement(corpus, annotators[0], annotators[1], { symmetricTypes: symmetricTypesOf(comparable.map((document) => document.path)) });
  for (const { name, missing } of report.skipped) err(`${name}: skipped: no tags by ${missing.join(' or ')}`);
  if (report.documents.length === 0) {
    err(`marginalia agreement: nothing to compare: no article below ${request.path} has tags by both ${annotators[0]} and ${annotators[1]}`);
    return 2;
  }
  out(request.format === 'json' ? JSON.stringify({ ...report, unreadable }, null, 2) + '\n' : agreementTable(report));
  return 0;
}

/** "no annotator (no accepted tag)", "one annotator (ann)", "3 annotators (ann, bob, carol)". */
function annotatorsFound(names: readonly string[]): string {
  if (names.length === 0) return 'no annotator (no accepted tag)';
  return `${names.length === 1 ? 'one annotator' : `${names.length} annotators`} (${names.join(', ')})`;
}
