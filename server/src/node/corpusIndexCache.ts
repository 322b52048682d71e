/**
 * The corpus index kept on disk between runs of the server, so that a start reads only the articles
 * that changed since (see CorpusIndexState.build): `.marginalia/cache/corpus-index.bin` in the first
 * workspace folder, in a folder whose own .gitignore says "*" (the user's .gitignore is never touched).
 *
 * It is never trusted over the files: each article is kept with the size and modification time of it
 * and of its sidecar when read, and read again when either differs; a cache made for other folders
 * or article globs, by another version, cut short or with a wrong checksum is ignored (one log line)
 * and the index is built from the files.
 *
 * Format: one line of JSON (the header: format, version, byte order, what it was made for, the size
 * of each part and a SHA-1 of them all), padded so that the parts after it start at a multiple of 4;
 * then the word index's integer arrays (lengths, data, entries) as they are in memory, and the words
 * (one a line), the articles and the phrases as UTF-8 JSON. Integers are not parsed: a 100,000-article
 * index loads as fast as the disk gives it.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { describeIssues } from '../core/base/zodIssues';
import { WordIndex, type WordIndexImage } from '../core/corpusIndex/wordIndex';
import { JOURNAL_FOLDER } from '../core/lexicon/lexiconJournal';
import { TAG_STATUSES } from '../core/sidecar/schema';
import { isOwnedByDeadProcess, isTempFileName, writeFileAtomically } from './atomicWrite';

const FORMAT = 'marginalia-corpus-index';
/** Raised whenever what is written changes meaning: a cache of another version is rebuilt, never misread. */
export const INDEX_CACHE_VERSION = 1;
export const INDEX_CACHE_FOLDER = 'cache';
export const INDEX_CACHE_FILE = 'corpus-index.bin';

/** What the index was built for: another set of folders or article globs makes another index. */
export interface IndexCacheSetup {
  folders: string[];
  articles?: string[];
}

/** A tag as the index keeps it: where it stands (UTF-16), and what visibility and review counts need. */
export interface KeptTag {
  start: number;
  end: number;
  annotator: string;
  status: (typeof TAG_STATUSES)[number];
  orphaned: boolean;
}

/** An article as the index read it. */
export interface CachedArticle {
  path: string;
  /** Size and modification time of the article and of its sidecar ('' for none) when read. */
  stamps: [string, string];
  /**
   * Modified within a moment of being read: a change made in the same tick of the file system's clock,
   * keeping the size, would not change the stamps. Read again at the next start, whatever they say.
   */
  racy?: true;
  tags: KeptTag[];
  problem?: string;
}

/** One article's places of a phrase the index keeps by its text (see CorpusIndexState): UTF-16 starts and ends. */
export type PhrasePlacesInArticle = [doc: number, starts: number[], ends: number[]];

export interface IndexCacheContents {
  setup: IndexCacheSetup;
  /** By article number; null where an article was forgotten. */
  docs: Array<CachedArticle | null>;
  words: WordIndexImage;
  /** By phrase, its places in each article holding it. */
  phrases: Record<string, PhrasePlacesInArticle[]>;
}

const SetupSchema = z.strictObject({ folders: z.array(z.string()), articles: z.array(z.string()).optional() });

const HeaderSchema = z.strictObject({
  format: z.literal(FORMAT),
  version: z.number().int(),
  littleEndian: z.boolean(),
  setup: SetupSchema,
  /** Bytes of each part, in the order they follow the header. */
  parts: z.strictObject({ lengths: z.number().int().min(0), data: z.number().int().min(0), entries: z.number().int().min(0), words: z.number().int().min(0), docs: z.number().int().min(0), phrases: z.number().int().min(0) }),
  sha1: z.string().regex(/^[0-9a-f]{40}$/),
});

type Header = z.infer<typeof HeaderSchema>;

const offset = z.number().int().min(0);
/** A tag as a tuple, [start, end, annotator, status, orphaned]: 100,000 articles' tags in a few MB. */
const TagTupleSchema = z.tuple([offset, offset, z.string(), z.enum(TAG_STATUSES), z.boolean()]);
const DocSchema = z.strictObject({ path: z.string().min(1), stamps: z.tuple([z.string(), z.string()]), racy: z.literal(true).optional(), tags: z.array(TagTupleSchema), problem: z.string().optional() });
const DocsSchema = z.array(DocSchema.nullable());
const PhrasesSchema = z.record(z.string(), z.array(z.tuple([offset, z.array(offset), z.array(offset)])));

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The cache file of the index of `folders`: in the first one (undefined when there is none). */
export function indexCachePathFor(folders: readonly string[]): string | undefined {
  return folders.length === 0 ? undefined : join(folders[0]!, JOURNAL_FOLDER, INDEX_CACHE_FOLDER, INDEX_CACHE_FILE);
}

/** The bytes of a cache file, in parts (written one after another). */
export function encodeIndexCache(contents: IndexCacheContents): Uint8Array[] {
  const body = bodyOf(contents);
  const hash = createHash('sha1');
  for (const part of body) hash.update(part);
  return [headerOf(contents, body, hash.digest('hex')), ...body];
}

/**
 * encodeIndexCache, its checksum taken a few MB at a time with a pause between: the index's thread
 * answers the questions that come meanwhile (a 100,000-article cache is a few hundred MB).
 */
async function encodeIndexCacheInTurns(contents: IndexCacheContents): Promise<Uint8Array[]> {
  const body = bodyOf(contents);
  const hash = createHash('sha1');
  for (const part of body) {
    for (let at = 0; at < part.byteLength; at += HASH_STEP) {
      hash.update(part.subarray(at, at + HASH_STEP));
      await new Promise((wake) => setImmediate(wake));
    }
  }
  return [headerOf(contents, body, hash.digest('hex')), ...body];
}

const HASH_STEP = 8 * 1024 * 1024;

function bodyOf(contents: IndexCacheContents): Uint8Array[] {
  const { words } = contents;
  const docs = contents.docs.map((doc) => doc && { ...doc, tags: doc.tags.map((tag) => [tag.start, tag.end, tag.annotator, tag.status, tag.orphaned]) });
  return [bytesOf(words.lengths), bytesOf(words.data), bytesOf(words.entries), Buffer.from(words.words.join('\n')), Buffer.from(JSON.stringify(docs)), Buffer.from(JSON.stringify(contents.phrases))];
}

function headerOf(contents: IndexCacheContents, body: readonly Uint8Array[], sha1: string): Uint8Array {
  const [lengths, data, entries, words, docs, phrases] = body.map((part) => part.byteLength) as [number, number, number, number, number, number];
  const header: Header = { format: FORMAT, version: INDEX_CACHE_VERSION, littleEndian: LITTLE_ENDIAN, setup: contents.setup, parts: { lengths, data, entries, words, docs, phrases }, sha1 };
  const line = JSON.stringify(header);
  // Padded with spaces so that the integer arrays after it start at a multiple of 4.
  const padding = (4 - ((Buffer.byteLength(line) + 1) % 4)) % 4;
  return Buffer.from(`${line}${' '.repeat(padding)}\n`);
}

/** Why a cache file is not used: said once in the server's log, then the index is built from the files. */
export class IndexCacheProblem extends Error {}

/** What a cache file holds, checked whole; throws IndexCacheProblem saying why it cannot be used. */
export function decodeIndexCache(bytes: Uint8Array, setup: IndexCacheSetup): IndexCacheContents {
  const newline = bytes.indexOf(10);
  if (newline < 0) throw new IndexCacheProblem('no header line (cut short, or not a corpus index cache)');
  let header: Header;
  try {
    const parsed = HeaderSchema.safeParse(JSON.parse(textOf(bytes.subarray(0, newline))));
    if (!parsed.success) throw new IndexCacheProblem(`its header is not one this version writes: ${describeIssues(parsed.error.issues)}`);
    header = parsed.data;
  } catch (error) {
    if (error instanceof IndexCacheProblem) throw error;
    throw new IndexCacheProblem(`its header is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (header.version !== INDEX_CACHE_VERSION) throw new IndexCacheProblem(`written in version ${header.version} of the format, this server reads version ${INDEX_CACHE_VERSION}`);
  if (header.littleEndian !== LITTLE_ENDIAN) throw new IndexCacheProblem('written on a machine of the other byte order');
  if (!sameSetup(header.setup, setup)) throw new IndexCacheProblem(`made for other folders or article globs (${JSON.stringify(header.setup)})`);
  const sizes = [header.parts.lengths, header.parts.data, header.parts.entries, header.parts.words, header.parts.docs, header.parts.phrases];
  const start = newline + 1;
  const expected = start + sizes.reduce((sum, size) => sum + size, 0);
  if (bytes.byteLength !== expected) throw new IndexCacheProblem(`${bytes.byteLength} bytes where its header says ${expected} (cut short or written over)`);
  const parts: Uint8Array[] = [];
  let at = start;
  for (const size of sizes) {
    parts.push(bytes.subarray(at, at + size));
    at += size;
  }
  const hash = createHash('sha1');
  for (const part of parts) hash.update(part);
  if (hash.digest('hex') !== header.sha1) throw new IndexCacheProblem('its checksum does not match (the file was damaged)');
  const [lengths, data, entries, words, docs, phrases] = parts as [Uint8Array, Uint8Array, Uint8Array, Uint8Array, Uint8Array, Uint8Array];
  const image: WordIndexImage = { lengths: intsOf(lengths), data: intsOf(data), entries: intsOf(entries), words: words.byteLength === 0 ? [] : textOf(words).split('\n') };
  const parsedDocs = DocsSchema.safeParse(jsonOf(docs, 'articles'));
  if (!parsedDocs.success) throw new IndexCacheProblem(`its articles: ${describeIssues(parsedDocs.error.issues)}`);
  const parsedPhrases = PhrasesSchema.safeParse(jsonOf(phrases, 'phrases'));
  if (!parsedPhrases.success) throw new IndexCacheProblem(`its phrases: ${describeIssues(parsedPhrases.error.issues)}`);
  const cachedDocs = parsedDocs.data.map((doc) => doc && { ...doc, tags: doc.tags.map(([start, end, annotator, status, orphaned]) => ({ start, end, annotator, status, orphaned })) });
  if (image.entries.length !== cachedDocs.length || cachedDocs.some((doc, id) => (doc === null) !== (image.entries[id]! < 0))) throw new IndexCacheProblem('its articles and its word index disagree on which articles are live');
  return { setup: header.setup, docs: cachedDocs, words: image, phrases: parsedPhrases.data };
}

/** The word index of a decoded cache; throws IndexCacheProblem when its arrays do not fit together. */
export function wordIndexOf(contents: IndexCacheContents): WordIndex {
  try {
    return WordIndex.fromImage(contents.words);
  } catch (error) {
    throw new IndexCacheProblem(`its word index: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The cache at `path` as read now; IndexCacheProblem when it is absent, unreadable or not usable. */
export async function readIndexCache(path: string, setup: IndexCacheSetup): Promise<IndexCacheContents> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new IndexCacheProblem(code === 'ENOENT' ? 'there is none yet' : `it cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
  return decodeIndexCache(bytes, setup);
}

/** Writes the cache atomically (a reader sees the old file or the new one), its folder ignored by git. */
export async function writeIndexCache(path: string, contents: IndexCacheContents): Promise<void> {
  const folder = join(path, '..');
  await mkdir(folder, { recursive: true });
  // Machine-local and rebuilt at will: never something to commit. Written once, left alone after.
  await writeFile(join(folder, '.gitignore'), '*\n', { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  // A server stopped mid-write leaves its temp file (as large as the cache): gone once its process is.
  for (const name of await readdir(folder)) {
    const temp = join(folder, name);
    if (isTempFileName(name, path) && (await isOwnedByDeadProcess(temp, 3600_000))) await unlink(temp).catch(() => undefined);
  }
  await writeFileAtomically(path, await encodeIndexCacheInTurns(contents));
}

function sameSetup(a: IndexCacheSetup, b: IndexCacheSetup): boolean {
  return JSON.stringify([a.folders, a.articles ?? null]) === JSON.stringify([b.folders, b.articles ?? null]);
}

function bytesOf(ints: Int32Array): Uint8Array {
  return new Uint8Array(ints.buffer, ints.byteOffset, ints.byteLength);
}

/** 32-bit integers read in place, or copied when the bytes do not start at a multiple of 4. */
function intsOf(bytes: Uint8Array): Int32Array {
  if (bytes.byteLength % 4 !== 0) throw new IndexCacheProblem('an integer array of a length that is not a multiple of 4');
  if (bytes.byteOffset % 4 === 0) return new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  return new Int32Array(new Uint8Array(bytes).buffer);
}

/** UTF-8 bytes as text, read in place. */
function textOf(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

function jsonOf(bytes: Uint8Array, what: string): unknown {
  try {
    return JSON.parse(textOf(bytes));
  } catch (error) {
    throw new IndexCacheProblem(`its ${what} are not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}
