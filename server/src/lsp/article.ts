import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { KindedSpan } from '../core/detect';
import { IncrementalDetector } from '../core/detect/incremental';
import { shiftTags, type CodePointChange } from '../core/anchoring/editTracking';
import { CodePointIndex } from '../core/base/offsets';
import { textChange } from '../core/detect/textChange';
import type { Lexicon } from '../core/lexicon/lexicon';
import { LearntSuggestions, type Suggestion } from '../core/lexicon/suggestions';
import type { Relation, Tag } from '../core/sidecar';
import type { Highlight } from './semanticTokens';
import { UTF16_OFFSETS, inUtf16, mergeRecognised, shiftedAnswers, type RecogniserAnswer } from '../core/recognisers/merge';
import { findArticleDate } from '../core/detect/articleDate';
import type { ReferenceDate, ReferenceLookup } from '../core/project/referenceDate';

/** A tag placed in the open document (UTF-16 offsets), or orphaned when its text is no longer there. */
export interface PlacedTag {
  tag: Tag;
  start: number;
  end: number;
  orphaned: boolean;
}

/**
 * A relation as this person sees it, with its ends where they stand (undefined: the tag is not in
 * the sidecar, or hidden in blind mode). Orphaned when an end is orphaned or missing: kept and shown.
 */
export interface PlacedRelation {
  relation: Relation;
  from?: PlacedTag;
  to?: PlacedTag;
  orphaned: boolean;
}

/** What the annotator sees of an article, derived from its text and tags, recomputed only when either changes. */
export interface ArticleModel {
  version: number;
  placed: PlacedTag[];
  /** The relations this person sees, in the order they were made. */
  relations: PlacedRelation[];
  /** Detections and learnt text (see withLearntSuggestions) no tag speaks for yet: the suggestions to accept or reject. */
  suggestions: Suggestion[];
  /** True when the article was longer than the analysis limit and only its beginning was analysed. */
  truncated: boolean;
}

/** An open article: its document, what the detector finds in it, and its tags from the sidecar. */
export class Article {
  private tags: Tag[] = [];
  /** The sidecar's relations, whoever made them; they follow their tags by id, so edits never move them. */
  private relations: readonly Relation[] = [];
  /** Tags whose text was deleted or rewritten, or that re-anchoring could not find: kept, shown as warnings. */
  private orphanedIds = new Set<string>();
  /** The text the tags' offsets refer to: the document as it was when they were last placed or shifted. */
  private placedText = '';
  private indexed?: { text: string; index: CodePointIndex };
  private tagsRevision = 0;
  /** Tags moved with edits not yet saved: their new offsets reach the sidecar when the article is saved. */
  positionsDirty = false;
  private detections?: { version: number; referenceDate?: string; spans: KindedSpan[]; truncated: boolean; analysed: string };
  /** Re-analyses only what an edit can have changed, with the same result as analysing the whole text; made anew when the reference date changes. */
  private detector = new IncrementalDetector();
  private detectorReference?: string;
  /** The date the article states, for the analysed text of a version (hovers ask it again and again). */
  private stated?: { version: number; date?: string };
  private model?: ArticleModel & { tagsRevision: number; lexicon?: Lexicon; lexiconRevision?: number; recognised?: Recognised; detections: NonNullable<Article['detections']> };
  /** The project's recognisers' last answers (UTF-16), for the text they were given: they arrive after the detector's, and are merged with them. */
  private recognised?: Recognised;
  /** What the corpus's lexicon finds in the text, re-matched only on the lines an edit touched. */
  private readonly learnt = new LearntSuggestions();
  /** Why the sidecar could not be read, if it could not: its tags are then unknown, and nothing is written. */
  sidecarProblem?: string;
  /** Whether the sidecar has been read once: before, the article would show bare suggestions over text already tagged. */
  tagsLoaded = false;
  /** Which tags this person may see (blind double annotation hides other annotators'); all are kept and moved with edits. */
  private isVisible: (item: Pick<Tag, 'annotator' | 'status'>) => boolean = () => true;
  /** Reviewing: decided tags (approved, rejected) are left out of the highlights to show what still needs a person. */
  private onlyToReview = false;

  constructor(
    readonly path: string,
    public document: TextDocument,
    private readonly maxAnalysedCharacters: () => number,
    /** The lexicon of the article's corpus, if it has one that could be read. */
    private readonly lexicon: () => Lexicon | undefined = () => undefined,
    /** The reference date its project gives it (marginalia.json "referenceDate"), for when it states none; asked each time, since the file may change. */
    private readonly referenceLookup: () => ReferenceLookup = () => ({}),
  ) {}

  get uri(): string {
    return this.document.uri;
  }

  /** Tags placed in the document's current text (re-anchored by the caller); `orphanedIds` could not be placed. */
  setTags(tags: Tag[], orphanedIds: ReadonlySet<string> = new Set()): void {
    this.tags = tags;
    this.orphanedIds = new Set(orphanedIds);
    this.placedText = this.document.getText();
    this.tagsRevision++;
  }

  /** The sidecar's relations, as last read or written (with its tags, through setTags). */
  setRelations(relations: readonly Relation[]): void {
    this.relations = relations;
    this.tagsRevision++;
  }

  /** The relations this person sees (blind mode: their own and tools' proposals): the ones actions may touch. */
  visibleRelations(): Relation[] {
    return this.relations.filter(this.isVisible);
  }

  /** Every relation of the sidecar, seen or not: removing a tag removes all of its relations. */
  allRelations(): readonly Relation[] {
    return this.relations;
  }

  /** The editor changed the text: tags move with their text; a tag whose text was touched is orphaned. */
  documentChanged(document: TextDocument): void {
    this.document = document;
    const text = document.getText();
    if (text === this.placedText) return;
    if (this.tags.length > 0) {
      const change = changedRegion(this.placedText, this.codePointIndex(this.placedText), text);
      this.tags = shiftTags(this.tags, [change]).map(({ tag, orphaned }) => {
        if (orphaned) this.orphanedIds.add(tag.id);
        return tag;
      });
      this.positionsDirty = true;
      this.tagsRevision++;
    }
    this.placedText = text;
  }

  /** Who may see which tags, and whether decided tags are hidden; the model is rebuilt when either changes. */
  setDisplay(isVisible: (item: Pick<Tag, 'annotator' | 'status'>) => boolean, onlyToReview: boolean): void {
    this.isVisible = isVisible;
    this.onlyToReview = onlyToReview;
    this.tagsRevision++;
  }

  /** The tags this person sees (all of them unless in blind mode): the ones actions may touch. */
  visibleTags(): Tag[] {
    return this.tags.filter(this.isVisible);
  }

  isOrphaned(tagId: string): boolean {
    return this.orphanedIds.has(tagId);
  }

  getTags(): readonly Tag[] {
    return this.tags;
  }

  current(): ArticleModel {
    const version = this.document.version;
    const lexicon = this.lexicon();
    const detections = this.detect();
    if (this.model && this.model.version === version && this.model.detections === detections && this.model.tagsRevision === this.tagsRevision && this.model.lexicon === lexicon && this.model.lexiconRevision === lexicon?.revision && this.model.recognised === this.recognised) return this.model;
    const { spans: detected, truncated, analysed } = detections;
    const recognised = this.recognised;
    const spans = recognised && recognised.answers.length > 0 ? mergeRecognised(detected, shiftedAnswers(recognised.answers, recognised.text, analysed), UTF16_OFFSETS) : detected;
    const text = this.document.getText();
    const visible = this.visibleTags();
    const placed = visible.length === 0 ? [] : placeTags(text, this.codePointIndex(text), visible, this.orphanedIds);
    const suggested = this.learnt.suggest(analysed, spans, lexicon);
    const relations = placeRelations(this.visibleRelations(), placed);
    this.model = { version, placed, relations, suggestions: unclaimedSuggestions(suggested, placed), truncated, tagsRevision: this.tagsRevision, lexicon, lexiconRevision: lexicon?.revision, recognised, detections };
    return this.model;
  }

  /** The text the detector analysed (the beginning of a very long article): what recognisers are given too. */
  analysedText(): string {
    return this.detect().analysed;
  }

  /** The recognisers' answers (code points) for `text`, an earlier or the current analysed text; none: forget them. */
  setRecognised(text: string, answers: readonly RecogniserAnswer[] | undefined): void {
    this.recognised = answers ? { text, answers: inUtf16(answers, new CodePointIndex(text)) } : undefined;
  }

  hasRecognised(): boolean {
    return this.recognised !== undefined;
  }

  highlights(): Highlight[] {
    const { placed, suggestions } = this.current();
    const highlights: Highlight[] = [...suggestions];
    for (const { tag, start, end, orphaned } of placed) {
      if (orphaned || (this.onlyToReview && isDecided(tag))) continue;
      highlights.push({ start, end, kind: tag.kind, modifier: tag.status === 'accepted' ? 'tagged' : tag.status });
    }
    return highlights;
  }

  /** The code point index of the document's current text (kept: tag actions and placing tags ask for the same). */
  codePoints(): CodePointIndex {
    return this.codePointIndex(this.document.getText());
  }

  /** The code point index of a text, kept for the latest text asked about: placing tags and following an edit ask for the same. */
  private codePointIndex(text: string): CodePointIndex {
    if (this.indexed?.text !== text) this.indexed = { text, index: new CodePointIndex(text) };
    return this.indexed.index;
  }

  /**
   * What the article's relative dates are resolved against: the date it states, else its project's
   * reference date (with why there is none, when its path names a day that does not exist).
   */
  dateReference(): { reference?: ReferenceDate; problem?: string; unrealDay?: string } {
    const { analysed } = this.detect();
    const version = this.document.version;
    if (this.stated?.version !== version) this.stated = { version, date: findArticleDate(analysed) };
    if (this.stated.date) return { reference: { date: this.stated.date, from: 'article' } };
    return this.referenceLookup();
  }

  private detect(): NonNullable<Article['detections']> {
    const version = this.document.version;
    const referenceDate = this.referenceLookup().reference?.date;
    if (referenceDate !== this.detectorReference) {
      // The reference changes every relative date: analysed again from scratch.
      this.detector = new IncrementalDetector({ referenceDate });
      this.detectorReference = referenceDate;
    }
    if (this.detections?.version !== version || this.detections.referenceDate !== referenceDate) {
      const text = this.document.getText();
      const limit = this.maxAnalysedCharacters();
      const truncated = text.length > limit;
      const analysed = truncated ? text.slice(0, cutAtLineEnd(text, limit)) : text;
      this.detections = { version, referenceDate, spans: this.detector.detect(analysed), truncated, analysed };
    }
    return this.detections;
  }
}

interface Recognised {
  /** The analysed text the answers were given for. */
  text: string;
  /** In UTF-16 offsets of `text`. */
  answers: RecogniserAnswer[];
}

/** Approved or rejected: a person has had the last word on it. */
export function isDecided(tag: Tag): boolean {
  return tag.status === 'approved' || tag.status === 'rejected';
}

/** Maps each tag's code point offsets into the document; a tag whose text is not at its place is orphaned. */
function placeTags(text: string, index: CodePointIndex, tags: readonly Tag[], orphanedIds: ReadonlySet<string>): PlacedTag[] {
  return tags.map((tag) => {
    const start = index.toUtf16(tag.start);
    const end = index.toUtf16(tag.end);
    return { tag, start, end, orphaned: orphanedIds.has(tag.id) || tag.end > index.length || text.slice(start, end) !== tag.text };
  });
}

function placeRelations(relations: readonly Relation[], placed: readonly PlacedTag[]): PlacedRelation[] {
  if (relations.length === 0) return [];
  const byId = new Map(placed.map((tag) => [tag.tag.id, tag]));
  return relations.map((relation) => {
    const from = byId.get(relation.from);
    const to = byId.get(relation.to);
    return { relation, from, to, orphaned: !from || !to || from.orphaned || to.orphaned };
  });
}

/**
 * The one region where two texts differ, in code points of the old text: what an edit replaced.
 * Comparing the texts (common prefix and suffix) needs no raw change events and handles any edit;
 * of the new text, only what replaced the region is counted.
 */
function changedRegion(before: string, beforeIndex: CodePointIndex, after: string): CodePointChange {
  const change = textChange(before, after);
  let prefix = change.start;
  let suffix = before.length - change.oldEnd;
  // Never split a surrogate pair: widen the region to whole characters.
  if (prefix > 0 && isLowSurrogate(before.charCodeAt(prefix))) prefix--;
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--;
  const start = beforeIndex.toCodePoint(prefix);
  return { start, end: beforeIndex.toCodePoint(before.length - suffix), newLength: codePointsBetween(after, prefix, after.length - suffix) };
}

/** Code points in [from, to), a surrogate pair starting there counting once (as CodePointIndex counts). */
function codePointsBetween(text: string, from: number, to: number): number {
  let count = to - from;
  for (let i = from; i < to && i + 1 < text.length; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) count--;
  }
  return count;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/**
 * A detection stops being a suggestion once a tag speaks for it: any tag on the same span (whatever
 * its status), or an accepted or approved tag of the same kind overlapping it.
 */
function unclaimedSuggestions<T extends KindedSpan>(spans: readonly T[], placed: readonly PlacedTag[]): T[] {
  const live = placed.filter((p) => !p.orphaned);
  if (live.length === 0) return [...spans];
  const exact = new Set(live.map((p) => `${p.start}:${p.end}`));
  const accepted = live.filter((p) => p.tag.status === 'accepted' || p.tag.status === 'approved').sort((a, b) => a.start - b.start);
  // Sweep: spans come sorted by start; `active` holds the accepted tags that may still overlap.
  const active: PlacedTag[] = [];
  let next = 0;
  return spans.filter((span) => {
    while (next < accepted.length && accepted[next].start < span.end) active.push(accepted[next++]);
    for (let i = active.length - 1; i >= 0; i--) if (active[i].end <= span.start) active.splice(i, 1);
    if (exact.has(`${span.start}:${span.end}`)) return false;
    return !active.some((p) => p.tag.kind === span.kind && p.start < span.end);
  });
}

/** Where to stop analysing a long text: at a line end near the limit, so no word is cut in half. */
function cutAtLineEnd(text: string, limit: number): number {
  const lineEnd = text.lastIndexOf('\n', limit);
  return lineEnd > limit / 2 ? lineEnd : limit;
}
