import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { agreement, agreementTable, claimants, type AgreementDocument } from '../core/agreement';
import { CodePointIndex } from '../core/offsets';
import { SidecarError } from '../core/sidecar/errors';
import type { Tag } from '../core/sidecar/schema';
import { SidecarStore } from '../core/sidecar/store';
import { findSidecars } from './findSidecars';

export type AgreementFormat = 'table' | 'json';

export interface AgreementRequest {
  /** A folder to search, or one sidecar. */
  path: string;
  /** The two annotators to compare; by default, the only two with accepted tags below `path`. */
  annotators?: [string, string];
  format: AgreementFormat;
}

interface UnreadableFile {
  file: string;
  problem: string;
}

/**
 * Prints how far two annotators agree in the sidecars below `path`. A file that cannot be compared
 * is named on stderr and left out; exit code 2 when nothing is left to compare or the annotators
 * are not clear, 0 otherwise.
 */
export async function runAgreement(request: AgreementRequest, out: (chunk: string) => void, err: (line: string) => void): Promise<number> {
  let corpus: AgreementDocument[];
  let unreadable: UnreadableFile[];
  try {
    ({ corpus, unreadable } = await loadCorpus(request.path));
  } catch (error) {
    err(`marginalia agreement: ${(error as Error).message}`);
    return 2;
  }
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
  const report = agreement(corpus, annotators[0], annotators[1]);
  for (const { name, missing } of report.skipped) err(`${name}: skipped: no tags by ${missing.join(' or ')}`);
  if (report.documents.length === 0) {
    err(`marginalia agreement: nothing to compare: no article below ${request.path} has tags by both ${annotators[0]} and ${annotators[1]}`);
    return 2;
  }
  out(request.format === 'json' ? JSON.stringify({ ...report, unreadable }, null, 2) + '\n' : agreementTable(report));
  return 0;
}

/** Every article below `path` with its sidecar, and the files that could not be read as such. */
async function loadCorpus(path: string): Promise<{ corpus: AgreementDocument[]; unreadable: UnreadableFile[] }> {
  const store = new SidecarStore();
  const corpus: AgreementDocument[] = [];
  const unreadable: UnreadableFile[] = [];
  for (const found of await findSidecars(path)) {
    if (found.articlePath === undefined) {
      unreadable.push({ file: found.path, problem: `its article ${basename(found.path).replace(/\.annotations\.json$/, '.txt')} is missing` });
      continue;
    }
    const text = await readFile(found.articlePath, 'utf8').catch((error: Error) => error);
    if (text instanceof Error) {
      unreadable.push({ file: found.path, problem: `cannot read its article ${found.articlePath} (${text.message})` });
      continue;
    }
    let tags: Tag[];
    try {
      tags = (await store.read(found.articlePath)).sidecar.annotations;
    } catch (error) {
      if (!(error instanceof SidecarError)) throw error;
      unreadable.push({ file: found.path, problem: error.problem });
      continue;
    }
    // Offsets into an article edited since would compare the wrong words.
    const stale = tags.filter(misplacedIn(text));
    if (stale.length > 0) {
      unreadable.push({ file: found.path, problem: `${stale.length === 1 ? '1 tag does' : `${stale.length} tags do`} not match the article at its offsets (run marginalia check)` });
      continue;
    }
    corpus.push({ name: found.articlePath, text, tags });
  }
  return { corpus, unreadable };
}

/** "no annotator (no accepted tag)", "one annotator (ann)", "3 annotators (ann, bob, carol)". */
function annotatorsFound(names: readonly string[]): string {
  if (names.length === 0) return 'no annotator (no accepted tag)';
  return `${names.length === 1 ? 'one annotator' : `${names.length} annotators`} (${names.join(', ')})`;
}

function misplacedIn(text: string): (tag: Tag) => boolean {
  const index = new CodePointIndex(text);
  return (tag) => tag.end > index.length || text.slice(index.toUtf16(tag.start), index.toUtf16(tag.end)) !== tag.text;
}
