import type { NormalizedValue } from '../detect/shared/detection';
import { isLabel, kindOf, type Kind } from '../base/labels';
import { CodePointIndex } from '../base/offsets';
import { describeIssues } from '../base/zodIssues';
import { CONTEXT_LENGTH, TagSchema, type Tag, type TagSource, type TagStatus } from './schema';
import { frozenValidTag } from './validatedTags';
import { isPlainlyValidTag } from './plainSidecar';

export interface NewTagOptions {
  /** The whole article text: the tag's text and context are cut from it. */
  text: string;
  /** Code point offsets into `text`, end exclusive. */
  start: number;
  end: number;
  label: string;
  /** Needed only for labels outside OntoNotes; an OntoNotes label implies its kind. */
  kind?: Kind;
  source: TagSource;
  /** Defaults to "proposed" for imports (a tool's pre-annotation awaits a person) and "accepted" otherwise. */
  status?: TagStatus;
  annotator: string;
  value?: NormalizedValue;
  now?: Date;
  /** The code point index of `text`, when the caller has one: tagging many spans builds it once. */
  index?: CodePointIndex;
}

const ID_BYTES = 6;
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** Where ids' randomness comes from: the Web Crypto API (Node, browsers and web workers alike), unless a caller injects another. */
export type RandomSource = (bytes: Uint8Array<ArrayBuffer>) => void;
const webCrypto: RandomSource = (bytes) => void globalThis.crypto.getRandomValues(bytes);

/**
 * Random hex digits from bytes drawn a few kilobytes at a time: a call to the generator per id (or per
 * temp file and lock name) cost more than the rest of making them. One pool per source.
 */
export class RandomHexPool {
  private readonly pool = new Uint8Array(new ArrayBuffer(6 * 1024));
  private used = this.pool.length;

  constructor(private readonly random: RandomSource) {}

  next(bytes: number): string {
    if (this.used + bytes > this.pool.length) {
      this.random(this.pool);
      this.used = 0;
    }
    let hex = '';
    for (let i = this.used; i < this.used + bytes; i++) hex += HEX[this.pool[i]!];
    this.used += bytes;
    return hex;
  }
}

const idPools = new WeakMap<RandomSource, RandomHexPool>();

/** A random id such as "t-3f9a0c1b7e42": 48 bits, plenty for the tags of one article. */
export function tagId(random: RandomSource = webCrypto): string {
  let pool = idPools.get(random);
  if (pool === undefined) idPools.set(random, (pool = new RandomHexPool(random)));
  return `t-${pool.next(ID_BYTES)}`;
}

/**
 * A new tag on `text[start, end)` in code points, with its text and surrounding context filled in.
 * Frozen, like every tag the store hands out: change a tag by making a new one (modifiedTag, placedAt).
 */
export function newTag(options: NewTagOptions): Tag {
  const { text, start, end, label, source, annotator, value } = options;
  const index = options.index ?? new CodePointIndex(text);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > index.length) {
    throw new RangeError(`a tag needs 0 <= start < end <= ${index.length} (the article's length), got ${start}..${end}`);
  }
  const kind = options.kind ?? (isLabel(label) ? kindOf(label) : undefined);
  if (!kind) throw new TypeError(`"${label}" is not an OntoNotes label, so the tag needs an explicit kind`);

  const slice = (from: number, to: number) => ownCopy(text.slice(index.toUtf16(from), index.toUtf16(to)));
  const timestamp = isoTimestamp(options.now ?? new Date());
  const tag: Tag = {
    id: tagId(),
    start,
    end,
    text: slice(start, end),
    label,
    kind,
    status: options.status ?? (source === 'import' || source.startsWith('model:') ? 'proposed' : 'accepted'),
    source,
    annotator,
    created: timestamp,
    modified: timestamp,
    ...(value && { value }),
    context: contextAround(text, start, end, index),
  };
  // Frozen, so that the store can write it without validating it again. The quick check decides the
  // common tag (zod cost pre-annotation a millisecond an article); anything else goes to zod, which
  // fails here, where the caller can see why, rather than later when the sidecar is written.
  if (isPlainlyValidTag(tag)) return frozenValidTag(tag);
  const result = TagSchema.safeParse(tag);
  if (!result.success) throw new TypeError(`invalid tag: ${describeIssues(result.error.issues)}`);
  return frozenValidTag(result.data);
}

/**
 * A string that holds its own characters. V8 makes a slice of 13 characters or more a view into the
 * whole string, so a tag's text or context would keep its whole article alive for as long as the tag
 * lives (the sidecar store keeps the last sidecars written: importing 2.5 MB articles, 16 of them
 * outgrew a 40 MB heap). Slicing a concatenation makes V8 copy it into a new flat string first, which
 * the slice then views: the part's characters, copied once (a JSON round trip, which did the same,
 * copied them twice and cost pre-annotation four times as much; transferStreaming.test.ts holds it).
 */
function ownCopy(part: string): string {
  return part.length < 13 ? part : (part + '\u0000').slice(0, -1);
}

let lastTimestamp = { time: NaN, iso: '' };

/**
 * date.toISOString(), remembered for the last time printed: V8 formats dates through printf, which
 * took a tenth of newTag, and pre-annotation stamps all the tags of a run with one time.
 */
function isoTimestamp(date: Date): string {
  const time = date.getTime();
  if (time !== lastTimestamp.time) lastTimestamp = { time, iso: date.toISOString() };
  return lastTimestamp.iso;
}

/** The tag's text and up to CONTEXT_LENGTH code points on each side, cut from the article at [start, end) in code points. */
export function placedAt(tag: Tag, text: string, start: number, end: number, index = new CodePointIndex(text)): Tag {
  // Placed, so no longer orphaned: the mark goes.
  const { anchor: _anchor, ...placed } = tag;
  return { ...placed, start, end, text: text.slice(index.toUtf16(start), index.toUtf16(end)), context: contextAround(text, start, end, index) };
}

/** The tag marked orphaned in the sidecar, where it last stood (see the schema's `anchor`). */
export function markedOrphaned(tag: Tag): Tag {
  return tag.anchor === 'orphaned' ? tag : { ...tag, anchor: 'orphaned' };
}

/** Whether two versions of a tag stand at the same place with the same text and context, and the same orphan mark. */
export function samePlacement(a: Tag, b: Tag): boolean {
  return a.start === b.start && a.end === b.end && a.text === b.text && a.context.prefix === b.context.prefix && a.context.suffix === b.context.suffix && a.anchor === b.anchor;
}

/** A tag without where it stands (offsets, text, context, orphan mark): what people decided about it. */
export function withoutPlacement(tag: Tag): Omit<Tag, 'start' | 'end' | 'text' | 'context' | 'anchor'> {
  const { start: _start, end: _end, text: _text, context: _context, anchor: _anchor, ...decision } = tag;
  return decision;
}

function contextAround(text: string, start: number, end: number, index: CodePointIndex): Tag['context'] {
  const slice = (from: number, to: number) => ownCopy(text.slice(index.toUtf16(Math.max(0, from)), index.toUtf16(to)));
  return { prefix: slice(start - CONTEXT_LENGTH, start), suffix: slice(end, end + CONTEXT_LENGTH) };
}
