/**
 * One article as an export takes it: its text and sidecar read, and the tags that go out chosen. The
 * same on the main thread and on export worker threads (exportWorker.ts), which do this for a big
 * corpus: reading and validating sidecars is most of an export's work.
 */
import type { ExportedFile } from '../core/formats/registry';
import type { ExportDocument, FormatNotice, FormatTag, Piece } from '../core/formats/types';
import type { Relation, Tag, TagStatus } from '../core/sidecar/schema';
import { chooseRelations } from '../core/formats/relations';
import { CodePointIndex } from '../core/base/offsets';
import { readArticleFile, readArticleFileSync } from './regularFile';
import type { SidecarStore } from './sidecarStore';

/** Which tags go out. */
export interface ExportFilter {
  /** Tags of these statuses (the CLI's default: accepted and approved). */
  statuses: ReadonlySet<TagStatus>;
  /** Only this annotator's tags, when given. */
  annotator?: string;
}

/**
 * An article read for export: the document (absent when it could not be read), or, when a worker
 * thread converted it (a perDocument or folder format), its text or files and the number of its tags;
 * and what was left out, named.
 */
export interface LoadedArticle {
  document?: ExportDocument;
  converted?: ConvertedArticle;
  notices: FormatNotice[];
}

/**
 * A document a worker thread converted: in a stream format its text, as UTF-8 bytes (moved to the main
 * thread, not copied, and written as they are), or its piece for the writer to place (a format with
 * state from one document to the next, StreamExporter.pieces) with its body as bytes; in a folder
 * format its files. Its
 * notices and the number of its tags.
 */
export type ConvertedArticle = ({ text: string } | { bytes: Uint8Array } | { piece: Piece; body?: Uint8Array } | { files: ExportedFile[] }) & { notices: FormatNotice[]; tags: number };

/**
 * Reads the article at `path` (named `name` in the export) and chooses its tags. `blocking`: the
 * article is read with a blocking call, as a worker thread's store reads sidecars (blockingNodeFiles).
 */
export async function loadForExport(path: string, name: string, filter: ExportFilter, store: SidecarStore, blocking = false): Promise<LoadedArticle> {
  let text: string;
  let stored: readonly Tag[];
  let relations: readonly Relation[] | undefined;
  try {
    const article = blocking ? Promise.resolve().then(() => readArticleFileSync(path)) : readArticleFile(path);
    // Read once: an export never writes the sidecar, so the store need not freeze or keep it.
    [text, { annotations: stored, relations }] = await Promise.all([article, store.readOnce(path)]);
  } catch (error) {
    return { notices: [{ document: name, message: `not exported: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  const notices: FormatNotice[] = [];
  const tags = chooseTags(name, text, stored, filter, notices);
  // Most sidecars have no relations: then nothing more is done.
  const chosen = relations ? chooseRelations(name, relations, stored, new Set(tags.map((tag) => tag.id!)), filter, notices) : undefined;
  return { document: chosen ? { name, text, tags, relations: chosen } : { name, text, tags }, notices };
}

/** The tags that go out: the statuses and annotator asked for, sound (not orphaned, not in conflict). */
function chooseTags(name: string, text: string, stored: readonly Tag[], request: ExportFilter, notices: FormatNotice[]): FormatTag[] {
  const index = new CodePointIndex(text);
  const chosen: FormatTag[] = [];
  for (const tag of stored) {
    if (request.annotator !== undefined && tag.annotator !== request.annotator) continue;
    const what = `${tag.label} "${tag.text}" ${tag.start}..${tag.end} (${tag.id})`;
    if (tag.status === 'conflict') {
      notices.push({ document: name, message: `${what} not exported: in conflict between two branches (keep ours or theirs first)` });
      continue;
    }
    if (!request.statuses.has(tag.status)) continue;
    const sound = tag.anchor !== 'orphaned' && tag.end <= index.length && text.slice(index.toUtf16(tag.start), index.toUtf16(tag.end)) === tag.text;
    if (!sound) {
      notices.push({ document: name, message: `${what} not exported: orphaned (its text is no longer at its offsets; re-attach it in the editor)` });
      continue;
    }
    chosen.push({
      id: tag.id,
      start: tag.start,
      end: tag.end,
      text: tag.text,
      label: tag.label,
      kind: tag.kind,
      status: tag.status,
      annotator: tag.annotator,
      created: tag.created,
      modified: tag.modified,
      ...(tag.history ? { history: tag.history } : {}),
    });
  }
  return chosen;
}

