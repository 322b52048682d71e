import type { z } from 'zod';
import { FileLockError, UnreadableFileError, type FileAccess } from '../base/fileAccess';
import { baseName } from '../base/filePaths';
import { describeIssues } from '../base/zodIssues';
import { SidecarError } from './errors';
import { MAX_SIDECAR_BYTES } from './limits';
import { parseSidecar } from './parse';
import { sidecarPathFor } from './paths';
import { KeyedQueue } from './queue';
import { SIDECAR_VERSION, SidecarSchema, TagSchema, type Relation, type Sidecar, type Tag, type TagChanges } from './schema';
import { layOutSidecar, serializeTag, type SidecarLayout } from './serialize';
import { refuseSharedSidecar, refuseSidecarOfAnother } from './sharedSidecarGuard';
import { freezeJson, frozenValidTag, isFrozenValidTag } from './validatedTags';

export interface LoadedSidecar {
  /**
   * Frozen, tags and all: the store's own copy, which it relies on staying exactly as it was validated
   * and written. Change tags through `update` or `updateTags`.
   */
  sidecar: Sidecar;
  /**
   * sha256 (hex) of the file's bytes, to notice a change made behind our back; null when there is no
   * file. Computed when first read: a pre-annotation run never needs it.
   */
  readonly hash: string | null;
  exists: boolean;
}

/** Tags to add or to replace (the tag with the same id), and the ids of tags to remove. */

export interface SidecarStoreOptions {
  /** How long a write waits for another process's lock before it fails with a SidecarError (default: longer than a crashed holder's lock takes to be judged stale). */
  lockWaitMs?: number;
  /**
   * The caller has already refused articles whose names share a sidecar (pre-annotation's plan lists
   * each folder once): reads skip listing the folder, which each write to it changes (listing it again
   * for every article of a 10,000-article folder made pre-annotation quadratic).
   */
  namesChecked?: boolean;
}

/** Shared by every store: updates to one sidecar must not interleave anywhere in this process. */
const queue = new KeyedQueue();

/**
 * Reads and updates the sidecar of an article. A sidecar that is not valid is never overwritten:
 * every operation on it throws a SidecarError that names the file and the problem.
 */
export class SidecarStore {
  /**
   * `lockWaitMs`: how long a write waits for another process's lock on the sidecar before it fails
   * with a SidecarError (default: longer than a lock left by a crash takes to be judged stale).
   */
  constructor(
    /** Where the sidecars are (server/src/node/nodeFiles.ts on Node). Paths given to the store are absolute. */
    private readonly files: FileAccess,
    private readonly options: SidecarStoreOptions = {},
  ) {}

  /** The article's tags; an absent sidecar reads as an empty one. */
  read(articlePath: string): Promise<LoadedSidecar> {
    const path = sidecarPathFor(articlePath);
    return queue.run(path, async () => {
      if (!this.options.namesChecked) await refuseSharedSidecar(this.files, articlePath);
      const known = await load(this.files, path);
      return known ? loadedFrom(this.files, known, known.sidecar) : { sidecar: freezeJson(emptySidecar(baseName(articlePath))), hash: null, exists: false };
    });
  }

  /**
   * The article's tags for a caller that reads each sidecar once and writes none through this store
   * (an export): read and validated as `read` does, but neither frozen nor kept for a later update,
   * which cost an export nearly as much as validating. The sidecar is the caller's own copy.
   */
  readOnce(articlePath: string): Promise<Sidecar> {
    const path = sidecarPathFor(articlePath);
    return queue.run(path, async () => {
      if (!this.options.namesChecked) await refuseSharedSidecar(this.files, articlePath);
      const bytes = await readBytes(this.files, path);
      return bytes === undefined ? emptySidecar(baseName(articlePath)) : parseBytes(bytes, path);
    });
  }

  /**
   * Reads, lets `mutate` change the sidecar (a copy: in place, or by returning a new one), validates and
   * writes it atomically, after any update of the same sidecar queued before it. Nothing is written
   * if nothing changed, so an absent sidecar stays absent until it gets a tag; once it exists,
   * deleting the last tag leaves `"annotations": []` for git history to show.
   * Copying and comparing every tag takes a few milliseconds per 10,000; updateTags does neither.
   */
  update(articlePath: string, mutate: (sidecar: Sidecar) => Sidecar | void): Promise<LoadedSidecar> {
    return writeSidecar(this.files, articlePath, this.options.lockWaitMs, (current) => {
      const originals = new Map<Tag, Tag>();
      const working = copySidecar(current, originals);
      return { sidecar: mutate(working) ?? working, originals };
    });
  }

  /** Like `update`, for changes to a few tags of many: `changesFor` gets the current tags (and relations) by id. */
  updateTags(articlePath: string, changesFor: (tags: ReadonlyMap<string, Tag>, relations: ReadonlyMap<string, Relation>) => TagChanges): Promise<LoadedSidecar> {
    return writeSidecar(this.files, articlePath, this.options.lockWaitMs, (current) => {
      const currentRelations = current.relations ?? [];
      const { put, remove, putRelations = [], removeRelations = [] } = changesFor(new Map(current.annotations.map((tag) => [tag.id, tag])), new Map(currentRelations.map((relation) => [relation.id, relation])));
      const replaced = new Set([...remove, ...put.map((tag) => tag.id)]);
      const sidecar: Sidecar = { ...current, annotations: [...current.annotations.filter((tag) => !replaced.has(tag.id)), ...put] };
      if (putRelations.length > 0 || removeRelations.length > 0) {
        const replacedRelations = new Set([...removeRelations, ...putRelations.map((relation) => relation.id)]);
        sidecar.relations = [...currentRelations.filter((relation) => !replacedRelations.has(relation.id)), ...putRelations];
      }
      return { sidecar };
    });
  }
}

/**
 * The sidecar as `change` leaves the current one, validated and written atomically, under the queue and
 * the lock. `originals` maps copies of the store's tags that `change` was given to the tags they copy.
 */
function writeSidecar(files: FileAccess, articlePath: string, lockWaitMs: number | undefined, change: (current: Sidecar) => { sidecar: Sidecar; originals?: ReadonlyMap<Tag, Tag> }): Promise<LoadedSidecar> {
  const path = sidecarPathFor(articlePath);
  const article = baseName(articlePath);
  // The queue orders updates within this process; the lock file, against other processes.
  return queue.run(path, () => files.withLock(path, async (lock) => {
    const known = await load(files, path);
    // Listing the folder on every write would cost more than the write (each one changes the folder);
    // the sidecar names its article, so another article's sidecar costs one stat, only then.
    if (known && known.sidecar.article !== article) await refuseSidecarOfAnother(files, articlePath, known.sidecar.article);
    const changed = change(known?.sidecar ?? emptySidecar(article));
    // The article's file name is the store's to set: a sidecar renamed together with its article follows it.
    const checked = checkForWrite(path, { ...changed.sidecar, article }, changed.originals, known?.sidecar);
    const layout = layOutSidecar(checked);
    const bytes = encode(layout);
    const sidecar = freezeJson({ ...checked, annotations: layout.tags });
    const unchanged = known ? equalBytes(bytes, known.bytes) : layout.tags.length === 0;
    if (unchanged) return known ? loadedFrom(files, known, sidecar) : { sidecar, hash: null, exists: false };
    try {
      // Resolves once the sidecar is on disk, synced: only then is a change acknowledged.
      await files.writeAtomically(path, bytes, { beforeCommit: () => lock.assertHeld() });
    } catch (error) {
      throw writeFailure(path, error);
    }
    const written: KnownSidecar = { bytes, sidecar };
    knownSidecars.remember(path, written);
    return loadedFrom(files, written, sidecar);
  }, lockWaitMs === undefined ? {} : { waitMs: lockWaitMs }).catch((error: unknown) => {
    // A lock held too long by a live process, or refused by the file system: this article cannot be
    // saved now, which its callers report (pre-annotation skips it), rather than a failure of the tool.
    throw error instanceof FileLockError ? writeFailure(path, error) : error;
  }));
}

/** Why the sidecar could not be written, as a SidecarError naming it. */
function writeFailure(path: string, error: unknown): SidecarError {
  if (error instanceof SidecarError) return error;
  if (codeOf(error) === 'ENAMETOOLONG' || codeOf((error as Error).cause) === 'ENAMETOOLONG') {
    return new SidecarError(path, `cannot save tags: the article's name is too long for the file system once Marginalia adds the lock and temp files it writes beside the sidecar; give the article a shorter name`, { cause: error });
  }
  if (error instanceof FileLockError) return new SidecarError(path, `cannot save tags: ${error.message}`, { cause: error });
  return new SidecarError(path, `cannot write (${(error as Error).message})`, { cause: error });
}

/** A sidecar as this process last read or wrote it: the file's exact bytes and the sidecar they hold, validated and frozen. */
interface KnownSidecar {
  bytes: Uint8Array;
  /** The hash of the bytes, once asked for. */
  hash?: string;
  sidecar: Sidecar;
}

/**
 * The last sidecars read or written, so that an update of a file nobody else touched meanwhile (the
 * same bytes) neither parses nor validates its thousands of tags again. Bounded: the most recent only.
 */
class KnownSidecars {
  private readonly sidecars = new Map<string, KnownSidecar>();

  constructor(private readonly limit: number) {}

  remember(path: string, known: KnownSidecar): void {
    const key = path;
    this.sidecars.delete(key);
    this.sidecars.set(key, known);
    if (this.sidecars.size > this.limit) this.sidecars.delete(this.sidecars.keys().next().value!);
  }

  /** What was read or written last, if the file still holds exactly those bytes. */
  get(path: string, bytes: Uint8Array): KnownSidecar | undefined {
    const known = this.sidecars.get(path);
    return known && equalBytes(known.bytes, bytes) ? known : undefined;
  }
}

const knownSidecars = new KnownSidecars(16);

/** The serialized line of valid tags, as UTF-8, once printed. */
const tagLines = new WeakMap<Tag, Uint8Array>();

/** About 250,000 tags; past this, parsing would stall the editor and take gigabytes, so the file is refused. */

/** The sidecar, validated and frozen, or undefined when there is no file. */
async function load(files: FileAccess, path: string): Promise<KnownSidecar | undefined> {
  const bytes = await readBytes(files, path);
  if (bytes === undefined) return undefined;
  const known = knownSidecars.get(path, bytes);
  if (known) return known;
  const parsed = parseBytes(bytes, path);
  const sidecar = freezeJson({ ...parsed, annotations: parsed.annotations.map(frozenValidTag) });
  const read: KnownSidecar = { bytes, sidecar };
  knownSidecars.remember(path, read);
  return read;
}

/** The sidecar's bytes, or undefined when there is no file; a file that cannot be read as a sidecar is a SidecarError. */
async function readBytes(files: FileAccess, path: string): Promise<Uint8Array | undefined> {
  try {
    return await files.read(path, MAX_SIDECAR_BYTES);
  } catch (error) {
    if (error instanceof UnreadableFileError && error.reason === 'too-large') {
      const size = error.size;
      throw new SidecarError(path, `too large to open (${(size / 1024 / 1024).toFixed(0)} MB; Marginalia reads sidecars up to ${MAX_SIDECAR_BYTES / 1024 / 1024} MB). Split the article, or remove tags with another tool; this file is left untouched.`);
    }
    // A FIFO or a device (a symlink to /dev/zero) would be read forever: refused, and never written through.
    if (error instanceof UnreadableFileError) throw new SidecarError(path, error.problem);
    throw new SidecarError(path, `cannot read (${(error as Error).message})`, { cause: error });
  }
}

/** The sidecar the bytes hold, validated (parseSidecar). */
function parseBytes(bytes: Uint8Array, path: string): Sidecar {
  let text: string;
  try {
    // Fatal, so that bytes that are not UTF-8 are reported instead of turned into U+FFFD and saved.
    // A byte order mark left by some editor is dropped; the next write omits it.
    text = UTF8_STRICT.decode(bytes);
  } catch (error) {
    throw new SidecarError(path, 'not valid UTF-8 text', { cause: error });
  }
  return parseSidecar(text, path);
}

/** Stateless between calls (each decode is whole, never streamed), so one serves every read. */
const UTF8_STRICT = new TextDecoder('utf-8', { fatal: true });

/**
 * Validates the sidecar about to be written as SidecarSchema would, but each tag only if it is not
 * known to be valid: frozen valid tags (the store's own, as read or written, and newTag's) cannot
 * have changed since they were validated, and copies of the store's tags still equal to the tag they
 * copy (`originals`) hold the same data. A tag's validity depends on nothing but the tag, except that
 * ids must be unique across all tags, which is checked for all. So everything written has been
 * validated. Returns the sidecar with frozen valid tags only.
 */
function checkForWrite(path: string, sidecar: Sidecar, originals?: ReadonlyMap<Tag, Tag>, before?: Sidecar): Sidecar {
  const refuse = (issues: readonly z.core.$ZodIssue[]) => new SidecarError(path, `update refused, it would write an invalid sidecar: ${describeIssues(issues)}`);
  if (!Array.isArray(sidecar.annotations)) throw refuse(SidecarSchema.safeParse(sidecar).error?.issues ?? []);
  // The fields besides the tags (relations included: an article has few), and their rules.
  const others = SidecarSchema.safeParse({ ...sidecar, annotations: [] });
  const issues = [...(others.error?.issues ?? [])];
  const seenIds = new Set<string>();
  const tags = sidecar.annotations.map((tag, index) => {
    const validated = validatedVersionOf(tag, originals);
    if (!validated.success) {
      issues.push(...validated.issues.map((issue) => ({ ...issue, path: ['annotations', index, ...issue.path] })));
      return tag;
    }
    const { id } = validated.tag;
    if (seenIds.has(id)) issues.push({ code: 'custom', input: id, path: ['annotations', index, 'id'], message: `duplicate id "${id}"` });
    seenIds.add(id);
    return validated.tag;
  });
  issues.push(...danglingRelations(sidecar, seenIds, before));
  if (issues.length > 0) throw refuse(issues);
  const { relations: _relations, ...rest } = sidecar;
  const relations = others.data?.relations;
  // No relations is no field: the file of an article without any reads as it did before relations.
  return relations && relations.length > 0 ? { ...rest, annotations: tags, relations } : { ...rest, annotations: tags };
}

/**
 * A relation must not point at a tag the update removes: whoever removes a tag removes its relations
 * too (the editor asks first). One that already pointed at nothing in the file as read (a hand edit,
 * a merge) is left for `marginalia check` to report, never dropped, and does not block other work.
 */
function danglingRelations(sidecar: Sidecar, tagIds: ReadonlySet<string>, before: Sidecar | undefined): z.core.$ZodIssue[] {
  const relations = sidecar.relations ?? [];
  if (relations.length === 0) return [];
  const tagsBefore = new Set(before?.annotations.map((tag) => tag.id));
  const dangledBefore = new Set((before?.relations ?? []).filter((relation) => !tagsBefore.has(relation.from) || !tagsBefore.has(relation.to)).map((relation) => relation.id));
  const issues: z.core.$ZodIssue[] = [];
  relations.forEach((relation, index) => {
    if (dangledBefore.has(relation.id)) return;
    for (const end of ['from', 'to'] as const) {
      if (!tagIds.has(relation[end])) issues.push({ code: 'custom', input: relation[end], path: ['relations', index, end], message: `relation ${relation.id} (${relation.type}) would point at tag ${relation[end]}, which is not in the sidecar: remove the relation with its tag` });
    }
  });
  return issues;
}

function validatedVersionOf(tag: Tag, originals?: ReadonlyMap<Tag, Tag>): { success: true; tag: Tag } | { success: false; issues: z.core.$ZodIssue[] } {
  if (isFrozenValidTag(tag)) return { success: true, tag };
  const original = originals?.get(tag);
  if (original && equalJson(tag, original)) return { success: true, tag: original };
  const result = TagSchema.safeParse(tag);
  if (!result.success) return { success: false, issues: result.error.issues };
  // Parsed back from its line: exactly what reading the file returns (no undefined fields).
  const line = serializeTag(result.data);
  const valid = frozenValidTag(JSON.parse(line) as Tag);
  tagLines.set(valid, UTF8.encode(line));
  return { success: true, tag: valid };
}

/** The file's bytes: the layout's text around each tag's line, printed once per tag. */
function encode({ head, tags, separator, tail }: SidecarLayout): Uint8Array {
  const separatorBytes = UTF8.encode(separator);
  const parts: Uint8Array[] = [UTF8.encode(head)];
  let length = parts[0]!.length;
  tags.forEach((tag, index) => {
    if (index > 0) parts.push(separatorBytes);
    parts.push(lineOf(tag));
    length += (index > 0 ? separatorBytes.length : 0) + parts[parts.length - 1]!.length;
  });
  parts.push(UTF8.encode(tail));
  length += parts[parts.length - 1]!.length;
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

const UTF8 = new TextEncoder();

/** Whether two byte arrays are equal: compared four bytes at a time where both are aligned (sidecars run to megabytes). */
function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  if (a.byteOffset % 4 === 0 && b.byteOffset % 4 === 0) {
    const words = a.length >>> 2;
    const wa = new Int32Array(a.buffer, a.byteOffset, words);
    const wb = new Int32Array(b.buffer, b.byteOffset, words);
    for (let w = 0; w < words; w++) if (wa[w] !== wb[w]) return false;
    i = words * 4;
  }
  for (; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The error code a file system error carries ("ENAMETOOLONG"), if any. */
function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : undefined;
}

function lineOf(tag: Tag): Uint8Array {
  const printed = tagLines.get(tag);
  if (printed) return printed;
  const line = UTF8.encode(serializeTag(tag));
  tagLines.set(tag, line);
  return line;
}

function emptySidecar(article: string): Sidecar {
  return { version: SIDECAR_VERSION, article, annotations: [] };
}

/** A copy of the sidecar whose tags are copies too, each noted in `originals` with the tag it copies. */
function copySidecar(sidecar: Sidecar, originals: Map<Tag, Tag>): Sidecar {
  return {
    ...sidecar,
    annotations: sidecar.annotations.map((tag) => {
      const copy = copyJson(tag);
      originals.set(copy, tag);
      return copy;
    }),
  };
}

/** A deep copy of JSON data (what a parsed sidecar holds). */
function copyJson<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copyJson) as T;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = copyJson((value as Record<string, unknown>)[key]);
  return copy as T;
}

/** Whether two JSON values hold the same data; a key present in one only, even as undefined, is a difference. */
function equalJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && equalJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/** The LoadedSidecar of a sidecar as read or written, hashing its bytes only if asked. */
function loadedFrom(files: FileAccess, known: KnownSidecar, sidecar: Sidecar): LoadedSidecar {
  return {
    sidecar,
    get hash() {
      return (known.hash ??= files.hash(known.bytes));
    },
    exists: true,
  };
}
