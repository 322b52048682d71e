import { basename } from 'node:path';
import { LEXICON_FILE_NAME, LEXICON_VERSION, LexiconError, mergeLexicons, parseLexicon, serializeLexicon, type LexiconFile } from '../core/lexicon';
import { MAX_LEXICON_BYTES } from '../core/lexicon/lexiconFile';
import { readRegularFile, UnreadableFileError } from '../node/regularFile';
import { writeFileAtomically } from '../node/atomicWrite';
import { SidecarError } from '../core/sidecar/errors';
import { mergeSidecars, UnresolvedConflictError } from '../core/sidecar/merge';
import { parseSidecar } from '../core/sidecar/parse';
import { SIDECAR_VERSION, type Sidecar } from '../core/sidecar/schema';
import { serializeSidecar } from '../core/sidecar/serialize';
import { MAX_SIDECAR_BYTES } from '../core/sidecar/limits';

/** git's %O %A %B: temp files holding the merge base, our version (where the result goes) and theirs. */
export interface MergeDriverRequest {
  base: string;
  ours: string;
  theirs: string;
  /** git's %P, the sidecar's path in the repository, to name it in messages (the others are temp files). */
  name?: string;
}

/**
 * git's merge driver for sidecars and for the project lexicon (told apart by the file's name, git's
 * %P): writes the three-way merge of ours and theirs into `ours`.
 * Exit codes, as git reads them: 0 merged cleanly; 1 merged, with tags in conflict state for a
 * person to resolve; 2 not merged, `ours` left as it was, so git reports the file as conflicted.
 */
export async function runMergeDriver(request: MergeDriverRequest, err: (line: string) => void): Promise<number> {
  const name = request.name ?? request.ours;
  if (basename(name) === LEXICON_FILE_NAME) return mergeLexiconFiles(request, name, err);
  let sidecars: [Sidecar, Sidecar, Sidecar];
  try {
    const ours = parseSidecar(await readText(request.ours, `${name} (ours)`), `${name} (ours)`);
    const theirs = parseSidecar(await readText(request.theirs, `${name} (theirs)`), `${name} (theirs)`);
    const baseText = await readText(request.base, `${name} (base)`);
    // git hands an empty base when both branches added the file.
    const base: Sidecar = baseText.trim() === '' ? { version: SIDECAR_VERSION, article: ours.article, annotations: [] } : parseSidecar(baseText, `${name} (base)`);
    sidecars = [base, ours, theirs];
  } catch (error) {
    if (!(error instanceof SidecarError)) throw error;
    err(`marginalia merge-driver: ${error.message}. Not merged: fix the sidecar, or pick a side with 'git checkout --ours/--theirs ${name}'.`);
    return 2;
  }
  let merged;
  try {
    merged = mergeSidecars(...sidecars);
  } catch (error) {
    if (!(error instanceof UnresolvedConflictError)) throw error;
    err(`marginalia merge-driver: ${name}: ${error.message}. Not merged: the file holds our version.`);
    return 2;
  }
  await writeFileAtomically(request.ours, serializeSidecar(merged.sidecar));
  if (merged.conflicts === 0) return 0;
  const ids = merged.sidecar.annotations.filter((tag) => tag.status === 'conflict').map((tag) => tag.id);
  const relationIds = (merged.sidecar.relations ?? []).filter((relation) => relation.status === 'conflict').map((relation) => relation.id);
  const what = relationIds.length === 0 ? `tag${merged.conflicts === 1 ? '' : 's'}` : ids.length === 0 ? `relation${merged.conflicts === 1 ? '' : 's'}` : 'tags and relations';
  const which = [ids.length > 0 ? `tags in conflict: ${ids.join(', ')}` : '', relationIds.length > 0 ? `relations in conflict: ${relationIds.join(', ')}` : ''].filter(Boolean).join('; ');
  err(
    `marginalia merge-driver: ${name}: ${merged.conflicts} ${what} changed differently on both branches, ` +
      `kept in conflict state with both versions (${which}). Choose a version in the editor or edit the file, then 'git add' it.`,
  );
  return 1;
}

const EMPTY_LEXICON: LexiconFile = { version: LEXICON_VERSION, entries: [], suppressions: [] };

/**
 * The project lexicon two branches both changed: every learnt rule merges on its own (mergeLexicons),
 * so the merge is always clean unless a side is not a lexicon (exit 2, OURS left as it was).
 */
async function mergeLexiconFiles(request: MergeDriverRequest, name: string, err: (line: string) => void): Promise<number> {
  let files: [LexiconFile, LexiconFile, LexiconFile];
  try {
    const read = async (path: string, side: string) => {
      const text = await readText(path, `${name} (${side})`);
      // git hands an empty base when both branches added the file.
      return side === 'base' && text.trim() === '' ? EMPTY_LEXICON : parseLexicon(text, `${name} (${side})`);
    };
    files = [await read(request.base, 'base'), await read(request.ours, 'ours'), await read(request.theirs, 'theirs')];
  } catch (error) {
    if (!(error instanceof LexiconError) && !(error instanceof SidecarError)) throw error;
    err(`marginalia merge-driver: ${error.message}. Not merged: fix the lexicon, or pick a side with 'git checkout --ours/--theirs ${name}'.`);
    return 2;
  }
  await writeFileAtomically(request.ours, serializeLexicon(mergeLexicons(...files)));
  return 0;
}

/** Throws a SidecarError naming `label` for a file that cannot be read or is not UTF-8. */
async function readText(path: string, label: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(path, Math.max(MAX_SIDECAR_BYTES, MAX_LEXICON_BYTES));
  } catch (error) {
    if (error instanceof UnreadableFileError) throw new SidecarError(label, error.problem, { cause: error });
    throw new SidecarError(label, `cannot read (${(error as Error).message})`, { cause: error });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new SidecarError(label, 'not valid UTF-8 text', { cause: error });
  }
}
