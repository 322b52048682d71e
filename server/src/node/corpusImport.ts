import { mkdir } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { ProgressReporter } from '../core/base/progress';
import { CodePointIndex } from '../core/base/offsets';
import { kindOf, isLabel } from '../core/base/labels';
import type { Format } from '../core/formats/registry';
import type { FormatNotice, ImportedDocument } from '../core/formats/types';
import type { LabelDefinition } from '../core/project/labelSet';
import { newTag } from '../core/sidecar/tags';
import type { Relation, Tag } from '../core/sidecar/schema';
import { newRelation } from '../core/tagging/relationOperations';
import { labelProblem, type RelationType } from '../core/project/relationTypes';
import { writeFileAtomically } from './atomicWrite';
import { readImportInput } from './importInput';
import { corpusLabels, relationTypesLookup } from './projectFiles';
import { readArticleFile } from './regularFile';
import { SidecarStore } from './sidecarStore';


export interface ImportRequest {
  format: Format;
  /** The corpus folder the articles and sidecars go into. */
  into: string;
  /** A file (or, for brat, a folder of .txt + .ann pairs). */
  input: string;
  /** What imported tags become: proposals awaiting a person (default) or accepted tags. */
  as: 'proposed' | 'accepted';
  /** Who the tags are by when the file does not say (default: "import"). */
  annotator?: string;
}

export interface ImportOutcome {
  /** Input problems (a line that cannot be read, an offset past the end): nothing was written. */
  errors: FormatNotice[];
  /** Losses and skips, each named: the import went on. */
  warnings: FormatNotice[];
  articlesCreated: number;
  articlesTouched: number;
  tagsAdded: number;
  /** Already there as imported (a second identical import writes nothing). */
  tagsKept: number;
  /** Relations between the imported tags added, and found already there. */
  relationsAdded: number;
  relationsKept: number;
}

/**
 * Brings tags from another tool into the corpus. The input is read twice, a document at a time, so
 * that its size never decides the memory taken: first to check all of it (any error, named with its
 * file and line, and nothing is written), then to write. Formats that carry the text make the
 * articles (`<file stem>-0001.txt`… in file order, or brat's own names), reusing one with the same
 * text and never overwriting one with another; formats that carry only offsets add tags beside
 * existing articles. Imported tags are proposed (source "import") unless `as` says accepted; a tag
 * already there is kept (idempotent), and one that would contradict a tag already on its span is
 * left out and named: an import never overwrites what a person made.
 */
export async function importIntoCorpus(request: ImportRequest, progress?: ProgressReporter): Promise<ImportOutcome> {
  const into = resolve(request.into);
  const labels = corpusLabels(into);
  const checking = (read: number, total: number) => progress?.report(Math.floor(read / 1e6), Math.ceil(total / 1e6), 'MB checked');
  const checked = await readImportInput(request, labels, () => undefined, checking);
  const outcome: ImportOutcome = { errors: checked.errors, warnings: [...checked.warnings], articlesCreated: 0, articlesTouched: 0, tagsAdded: 0, tagsKept: 0, relationsAdded: 0, relationsKept: 0 };
  if (checked.errors.length > 0) return outcome;
  await mkdir(into, { recursive: true });
  const store = new SidecarStore();
  const stem = basename(request.input, extname(request.input));
  const byLabel = new Map(labels.map((label) => [label.name, label]));
  const total = checked.documents;
  const context: ImportContext = { request, into, stem, byLabel, store, relationTypesOf: relationTypesLookup() };
  const merge = (result: DocumentResult) => {
    outcome.warnings.push(...result.warnings);
    if (result.created) outcome.articlesCreated++;
    if (result.added > 0 || result.relationsAdded > 0) outcome.articlesTouched++;
    outcome.tagsAdded += result.added;
    outcome.tagsKept += result.kept;
    outcome.relationsAdded += result.relationsAdded;
    outcome.relationsKept += result.relationsKept;
  };
  // Several documents are written at once: each write waits for the disk (it counts only once synced)
  // and for its sidecar's lock, which one at a time left the CPU idle most of the time. Results are
  // taken in the input's order, so the summary and warnings are what one at a time gives; a document
  // for an article that one under way also writes waits for it, so its tags meet theirs in file order.
  const under: Array<{ chars: number; done: Promise<DocumentResult> }> = [];
  let chars = 0;
  const latestFor = new Map<string, Promise<unknown>>();
  const takeOldest = async () => {
    const oldest = under.shift()!;
    chars -= oldest.chars;
    merge(await oldest.done);
  };
  let written: Awaited<ReturnType<typeof readImportInput>>;
  try {
    written = await readImportInput(request, labels, async (document, index) => {
      progress?.report(index, total);
      const size = document.text?.length ?? 0;
      while (under.length > 0 && (under.length >= DOCUMENTS_AT_ONCE || chars + size > CHARACTERS_AT_ONCE)) await takeOldest();
      const path = articlePathOf(document, index, context);
      const before = path === undefined ? undefined : latestFor.get(path);
      const done = (before ?? Promise.resolve()).then(() => importDocument(document, index, context));
      // Awaited in turn by takeOldest, where a failure is thrown.
      const settled = done.catch(() => undefined);
      if (path !== undefined) {
        latestFor.set(path, settled);
        void settled.then(() => latestFor.get(path) === settled && latestFor.delete(path));
      }
      under.push({ chars: size, done });
      chars += size;
    });
    while (under.length > 0) await takeOldest();
  } catch (error) {
    // Nothing goes on being written once the import has failed.
    await Promise.allSettled(under.map((document) => document.done));
    throw error;
  }
  // The warnings of the second reading are those of the first, unless the file changed in between.
  outcome.warnings = [...written.warnings, ...outcome.warnings.slice(checked.warnings.length)];
  if (written.errors.length > 0 || written.version !== checked.version || written.documents !== total) {
    outcome.errors = [
      ...written.errors,
      { document: request.input, message: `changed while it was being imported: ${outcome.articlesTouched} articles had been written; import it again once it stays as it is (tags already there are kept, not doubled)` },
    ];
  }
  progress?.report(total, total);
  return outcome;
}

/** Documents written at once, and the most text they may hold together (a big document goes alone, so that memory stays bounded). */
const DOCUMENTS_AT_ONCE = 8;
const CHARACTERS_AT_ONCE = 1_000_000;

interface ImportContext {
  request: ImportRequest;
  into: string;
  stem: string;
  byLabel: ReadonlyMap<string, LabelDefinition>;
  store: SidecarStore;
  /** The relation types of the corpus an article is in. */
  relationTypesOf: (articlePath: string) => RelationType[];
}

/** What one document did: its warnings, whether it made its article, the tags it added and found already there. */
interface DocumentResult {
  warnings: FormatNotice[];
  created: boolean;
  added: number;
  kept: number;
  relationsAdded: number;
  relationsKept: number;
}

/** The article's path, or undefined when the document names none (importDocument says so). */
function articlePathOf(document: ImportedDocument, index: number, { request, into, stem }: ImportContext): string | undefined {
  try {
    return join(into, ...articleNameOf(request.format, document, stem, index).split('/'));
  } catch {
    return undefined;
  }
}

/** One document into its article and its sidecar. */
async function importDocument(document: ImportedDocument, index: number, { request, into, stem, byLabel, store, relationTypesOf }: ImportContext): Promise<DocumentResult> {
  const where = document.name ?? `${basename(request.input)} document ${index + 1}`;
  const result: DocumentResult = { warnings: [], created: false, added: 0, kept: 0, relationsAdded: 0, relationsKept: 0 };
  const warn = (message: string) => result.warnings.push({ document: where, ...(document.line !== undefined ? { line: document.line } : {}), message });
  let text: string;
  let articlePath: string;
  try {
    articlePath = join(into, ...articleNameOf(request.format, document, stem, index).split('/'));
    const article = await articleFor(articlePath, document, request.format);
    text = article.text;
    result.created = article.created;
  } catch (error) {
    warn(`not imported: ${error instanceof Error ? error.message : String(error)}`);
    return result;
  }
  const codePoints = new CodePointIndex(text);
  const slice = (start: number, end: number) => text.slice(codePoints.toUtf16(start), codePoints.toUtf16(end));
  let added = 0;
  let kept = 0;
  let relationsAdded = 0;
  let relationsKept = 0;
  await store.updateTags(articlePath, (current, currentRelations) => {
    const existing = [...current.values()];
    const put: Tag[] = [];
    // The sidecar tag each of the document's tags became (added, or already there): relations link them.
    const sidecarTag: Array<Tag | undefined> = [];
    for (const tag of document.tags) {
      sidecarTag.push(undefined);
      const label = byLabel.get(tag.label);
      const kind = label?.kind ?? tag.kind ?? (isLabel(tag.label) ? kindOf(tag.label) : undefined);
      if (!kind) {
        warn(`${tag.label} "${tag.text}" ${tag.start}..${tag.end} not imported: ${tag.label} is not a label of this corpus`);
        continue;
      }
      if (tag.end > codePoints.length || slice(tag.start, tag.end) !== tag.text) {
        warn(`${tag.label} "${tag.text}" ${tag.start}..${tag.end} not imported: the article has ${JSON.stringify(slice(tag.start, Math.min(tag.end, codePoints.length)))} there`);
        continue;
      }
      const onSpan = [...existing, ...put].filter((other) => other.start === tag.start && other.end === tag.end);
      const same = onSpan.find((other) => other.label === tag.label && other.status !== 'rejected');
      if (same) {
        sidecarTag[sidecarTag.length - 1] = same;
        kept++;
        continue;
      }
      const contradicted = onSpan.find((other) => other.label !== tag.label && other.status !== 'rejected' && other.source !== 'import');
      if (contradicted) {
        warn(`${tag.label} "${tag.text}" ${tag.start}..${tag.end} not imported: ${contradicted.annotator}'s ${contradicted.label} tag (${contradicted.status}) is on that span`);
        continue;
      }
      const made = newTag({ text, start: tag.start, end: tag.end, label: tag.label, kind, source: 'import', status: request.as, annotator: tag.annotator ?? request.annotator ?? 'import', index: codePoints });
      sidecarTag[sidecarTag.length - 1] = made;
      put.push(made);
    }
    added = put.length;
    if (!document.relations) return { put, remove: [] };
    const related = importRelations(document, sidecarTag, [...currentRelations.values()], relationTypesOf(articlePath), request, warn);
    relationsAdded = related.put.length;
    relationsKept = related.kept;
    return { put, remove: [], ...(related.put.length > 0 ? { putRelations: related.put } : {}) };
  });
  result.added = added;
  result.kept = kept;
  result.relationsAdded = relationsAdded;
  result.relationsKept = relationsKept;
  return result;
}

/**
 * The document's relations as sidecar relations between the tags they became: of a type the corpus
 * declares, whose labels it allows, both ends imported; one already there (same type and ends, either
 * way round for a type without direction, not rejected) is kept, not doubled. Every other one is named.
 */
function importRelations(
  document: ImportedDocument,
  sidecarTag: ReadonlyArray<Tag | undefined>,
  existing: readonly Relation[],
  types: readonly RelationType[],
  request: ImportRequest,
  warn: (message: string) => void,
): { put: Relation[]; kept: number } {
  const put: Relation[] = [];
  let kept = 0;
  const describe = (index: number) => {
    const tag = document.tags[index];
    return tag ? `${tag.label} "${tag.text}" ${tag.start}..${tag.end}` : `tag ${index + 1}`;
  };
  for (const relation of document.relations ?? []) {
    const what = `relation ${relation.type} ${describe(relation.from)} → ${describe(relation.to)}${relation.line !== undefined ? ` (line ${relation.line})` : ''}`;
    const type = types.find((candidate) => candidate.name === relation.type);
    if (!type) {
      warn(`${what} not imported: ${relation.type} is not a relation type of this corpus (${types.map((candidate) => candidate.name).join(', ') || 'none'}; declare it in marginalia.json "relations")`);
      continue;
    }
    const [from, to] = [sidecarTag[relation.from], sidecarTag[relation.to]];
    if (!from || !to) {
      warn(`${what} not imported: its ${!from ? 'first' : 'second'} end was not imported (named above)`);
      continue;
    }
    const problem = labelProblem(type, from.label, to.label);
    if (problem) {
      warn(`${what} not imported: ${problem}`);
      continue;
    }
    const same = (other: Relation) => other.type === type.name && other.status !== 'rejected' && ((other.from === from.id && other.to === to.id) || (type.symmetric && other.from === to.id && other.to === from.id));
    if (existing.some(same) || put.some(same)) {
      kept++;
      continue;
    }
    put.push(newRelation({ type: type.name, from: from.id, to: to.id, status: request.as, source: 'import', annotator: relation.annotator ?? request.annotator ?? 'import' }));
  }
  return { put, kept };
}

/** The article an imported document goes to, relative to the corpus. */
function articleNameOf(format: Format, document: ImportedDocument, stem: string, index: number): string {
  if (format.carriesText && format.importer.kind === 'pairs' && document.name) return document.name;
  if (!format.carriesText) {
    if (!document.name) throw new Error('the document names no article');
    return document.name;
  }
  return `${stem}-${String(index + 1).padStart(4, '0')}.txt`;
}

/**
 * The article's text: an existing article (formats without text; or one with the same text), or a new
 * one written from the document. An existing article with other text is never overwritten.
 */
async function articleFor(path: string, document: ImportedDocument, format: Format): Promise<{ text: string; created: boolean }> {
  const existing = await readArticleFile(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!format.carriesText || document.text === undefined) {
    if (existing === undefined) throw new Error(`no article ${path} in the corpus to add its tags to`);
    return { text: existing, created: false };
  }
  if (existing !== undefined) {
    if (existing !== document.text) throw new Error(`${path} exists with other text; it is left as it is (import into another folder, or move it)`);
    return { text: existing, created: false };
  }
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomically(path, document.text);
  return { text: document.text, created: true };
}
