import { AgreementAccumulator, agreementTable, claimants, type AgreementDocument, type DocumentAgreement } from '../core/agreement';
import { JsonArraySpool } from '../node/jsonArraySpool';
import type { ProgressReporter } from '../core/base/progress';
import { eachCorpusFile, type CorpusItem } from '../node/sidecarCorpus';
import { staleFile, type UnreadableFile } from '../core/report/corpusReport';
import { sidecarPathFor } from '../core/sidecar/paths';
import { misplacedTagIds } from '../core/review/corpusSummary';
import { halfway } from './reportCommand';
import { symmetricTypesGathered } from '../node/projectFiles';

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
  const unreadable: UnreadableFile[] = [];
  const stale: UnreadableFile[] = [];
  const found = new Set<string>();
  let comparableCount = 0;
  // Relation types without direction, from the project files of the articles read so far: each
  // article's are known before it is measured, in the first reading as in the second.
  const symmetric = symmetricTypesGathered();
  /** The files as agreement may compare them, named by their path as found (so that messages name the files the user pointed at); the others listed with why. */
  const sort = (item: CorpusItem): AgreementDocument | undefined => {
    if ('unreadable' in item) return void unreadable.push(item.unreadable);
    const { path, text, tags, relations } = item.document;
    const misplaced = misplacedTagIds(text, tags).size;
    if (misplaced > 0) return void stale.push(staleFile(sidecarPathFor(path), misplaced));
    comparableCount++;
    for (const annotator of claimants(tags)) found.add(annotator);
    symmetric.add(path);
    return { name: path, text, tags, relations };
  };
  // A row of figures an article: spooled to a file for JSON, only the table's few cells kept for people.
  const spool = request.format === 'json' ? new JsonArraySpool(1) : undefined;
  const rows: Array<Pick<DocumentAgreement, 'name' | 'overall'>> = [];
  const measuring = (first: string, second: string) => new AgreementAccumulator(first, second, { symmetricTypes: symmetric.types }, (document) => (spool ? spool.add(document) : rows.push({ name: document.name, overall: document.overall })));
  try {
    return await agreementOf(request, out, err, progress, { sort, measuring, unreadable, stale, found, comparableCount: () => comparableCount, spool, rows });
  } finally {
    spool?.discard();
  }
}

interface AgreementRun {
  sort: (item: CorpusItem) => AgreementDocument | undefined;
  measuring: (first: string, second: string) => AgreementAccumulator;
  unreadable: UnreadableFile[];
  stale: UnreadableFile[];
  found: Set<string>;
  comparableCount: () => number;
  spool?: JsonArraySpool;
  rows: Array<Pick<DocumentAgreement, 'name' | 'overall'>>;
}

async function agreementOf(request: AgreementRequest, out: (chunk: string) => void, err: (line: string) => void, progress: ProgressReporter | undefined, run: AgreementRun): Promise<number> {
  const { sort, measuring, unreadable, stale, found, spool, rows } = run;
  let accumulator: AgreementAccumulator | undefined;
  try {
    if (request.annotators === undefined) {
      // The default pair is "the only two found": known once every file was read, so the files are read twice.
      await eachCorpusFile(request.path, (item) => void sort(item), progress && halfway(progress, 0));
    } else {
      accumulator = measuring(...request.annotators);
      await eachCorpusFile(request.path, (item) => {
        const document = sort(item);
        if (document) accumulator!.add(document);
      }, progress);
    }
  } catch (error) {
    err(`marginalia agreement: ${(error as Error).message}`);
    return 2;
  }
  for (const { file, problem } of [...unreadable, ...stale]) err(`${file}: skipped: ${problem}`);
  if (run.comparableCount() === 0) {
    err(`marginalia agreement: nothing to compare: no readable sidecar beside its article below ${request.path}`);
    return 2;
  }
  const names = [...found].sort();
  const annotators = request.annotators ?? (names.length === 2 ? [names[0]!, names[1]!] : undefined);
  if (annotators === undefined) {
    err(`marginalia agreement: found ${annotatorsFound(names)} below ${request.path}; agreement needs two: name them with --annotators A,B`);
    return 2;
  }
  const absent = annotators.filter((annotator) => !found.has(annotator));
  if (absent.length > 0) {
    err(`marginalia agreement: no accepted tags by ${absent.join(' or ')} below ${request.path} (annotators found: ${names.join(', ') || 'none'})`);
    return 2;
  }
  if (!accumulator) {
    const second = measuring(annotators[0], annotators[1]);
    try {
      const known = new Set(unreadable.map(({ file }) => file));
      await eachCorpusFile(request.path, (item) => {
        if ('unreadable' in item) {
          // Read well the first time, not now (changed meanwhile): named, never left out silently.
          if (!known.has(item.unreadable.file)) err(`${item.unreadable.file}: skipped: unreadable on the second reading: ${item.unreadable.problem}`);
          return;
        }
        const { path, text, tags, relations } = item.document;
        if (misplacedTagIds(text, tags).size === 0) second.add({ name: path, text, tags, relations });
      }, progress && halfway(progress, 1));
    } catch (error) {
      err(`marginalia agreement: ${(error as Error).message}`);
      return 2;
    }
    accumulator = second;
  }
  const report = accumulator.result();
  for (const { name, missing } of report.skipped) err(`${name}: skipped: no tags by ${missing.join(' or ')}`);
  if (accumulator.compared === 0) {
    err(`marginalia agreement: nothing to compare: no article below ${request.path} has tags by both ${annotators[0]} and ${annotators[1]}`);
    return 2;
  }
  if (spool) spool.print(JSON.stringify({ ...report, documents: spool.placeholder, unreadable: [...unreadable, ...stale] }, null, 2) + '\n', out);
  else out(agreementTable({ ...report, documents: rows }));
  return 0;
}

/** "no annotator (no accepted tag)", "one annotator (ann)", "3 annotators (ann, bob, carol)". */
function annotatorsFound(names: readonly string[]): string {
  if (names.length === 0) return 'no annotator (no accepted tag)';
  return `${names.length === 1 ? 'one annotator' : `${names.length} annotators`} (${names.join(', ')})`;
}
