import type { TextDocument } from 'vscode-languageserver-textdocument';
import { detectSpans, type KindedSpan } from '../core/detect';
import { CodePointIndex } from '../core/offsets';
import type { Tag } from '../core/sidecar';
import type { Highlight } from './semanticTokens';

/** A tag placed in the open document (UTF-16 offsets), or orphaned when its text is no longer there. */
export interface PlacedTag {
  tag: Tag;
  start: number;
  end: number;
  orphaned: boolean;
}

/** What the annotator sees of an article, derived from its text and tags, recomputed only when either changes. */
export interface ArticleModel {
  version: number;
  placed: PlacedTag[];
  /** Detections no tag speaks for yet: the suggestions to accept or reject. */
  suggestions: KindedSpan[];
  /** True when the article was longer than the analysis limit and only its beginning was analysed. */
  truncated: boolean;
}

/** An open article: its document, what the detector finds in it, and its tags from the sidecar. */
export class Article {
  private tags: Tag[] = [];
  private tagsRevision = 0;
  private detections?: { version: number; spans: KindedSpan[]; truncated: boolean };
  private model?: ArticleModel & { tagsRevision: number };
  /** Why the sidecar could not be read, if it could not: its tags are then unknown, and nothing is written. */
  sidecarProblem?: string;

  constructor(
    readonly path: string,
    public document: TextDocument,
    private readonly maxAnalysedCharacters: () => number,
  ) {}

  get uri(): string {
    return this.document.uri;
  }

  setTags(tags: Tag[]): void {
    this.tags = tags;
    this.tagsRevision++;
  }

  getTags(): readonly Tag[] {
    return this.tags;
  }

  current(): ArticleModel {
    const version = this.document.version;
    if (this.model && this.model.version === version && this.model.tagsRevision === this.tagsRevision) return this.model;
    const { spans, truncated } = this.detect();
    const text = this.document.getText();
    const placed = placeTags(text, this.tags);
    this.model = { version, placed, suggestions: unclaimedSuggestions(spans, placed), truncated, tagsRevision: this.tagsRevision };
    return this.model;
  }

  highlights(): Highlight[] {
    const { placed, suggestions } = this.current();
    const highlights: Highlight[] = suggestions.map((span) => ({ start: span.start, end: span.end, kind: span.kind, modifier: 'suggested' }));
    for (const { tag, start, end, orphaned } of placed) {
      if (orphaned) continue;
      const modifier = tag.status === 'accepted' ? 'tagged' : tag.status === 'rejected' ? 'rejected' : 'suggested';
      highlights.push({ start, end, kind: tag.kind, modifier });
    }
    return highlights;
  }

  private detect(): { spans: KindedSpan[]; truncated: boolean } {
    const version = this.document.version;
    if (this.detections?.version !== version) {
      const text = this.document.getText();
      const limit = this.maxAnalysedCharacters();
      const truncated = text.length > limit;
      this.detections = { version, spans: detectSpans(truncated ? text.slice(0, cutAtLineEnd(text, limit)) : text), truncated };
    }
    return this.detections;
  }
}

/** Maps each tag's code point offsets into the document; a tag whose text is not at its place is orphaned. */
function placeTags(text: string, tags: readonly Tag[]): PlacedTag[] {
  if (tags.length === 0) return [];
  const index = new CodePointIndex(text);
  return tags.map((tag) => {
    const start = index.toUtf16(tag.start);
    const end = index.toUtf16(tag.end);
    return { tag, start, end, orphaned: tag.end > index.length || text.slice(start, end) !== tag.text };
  });
}

/**
 * A detection stops being a suggestion once a tag speaks for it: any tag on the same span (accepted,
 * proposed or rejected), or an accepted tag of the same kind overlapping it.
 */
function unclaimedSuggestions(spans: readonly KindedSpan[], placed: readonly PlacedTag[]): KindedSpan[] {
  const live = placed.filter((p) => !p.orphaned);
  if (live.length === 0) return [...spans];
  const exact = new Set(live.map((p) => `${p.start}:${p.end}`));
  const accepted = live.filter((p) => p.tag.status === 'accepted').sort((a, b) => a.start - b.start);
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
