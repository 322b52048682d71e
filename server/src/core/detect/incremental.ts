/**
 * Re-analysis after an edit that gives exactly what detectSpans gives on the whole new text, while re-running the
 * detectors only where the edit can have changed something.
 *
 * The text is cut into blocks of whole lines (textBlocks.ts). Each block keeps its own detections, found in the
 * window of text around it that they depend on. The document-wide facts the detectors use are kept beside the
 * blocks and recomputed from per-block summaries: the article date (from the text's beginning), the lowercase
 * vocabulary (counted per block), and the names learnt (each block's list, in document order). After an edit,
 * the blocks whose window the edit touched are cut again and re-run; a block elsewhere is re-run only for the
 * document-wide fact it depends on that changed: its entities when one of its capitalised words entered or left
 * the lowercase vocabulary, its name mentions when a name starting with one of its words was learnt or
 * forgotten, and every block's dates when the article date changed.
 */
import type { DetectOptions, Span } from './shared/detection';
import { HEAD_LENGTH } from './articleDate';
import { looksBinary } from './binary';
import { combineKinds } from './combineKinds';
import { findDates } from './dates';
import { readEntityText, withoutOverlaps, wordUsages, type TokenRange, type WordUsage } from './entities/index';
import type { Scan } from './entities/chunks';
import { firstWordsOfChangedNames, indexOfNames, namesLearntFrom, propagateDocumentNames, type LearntName } from './entities/document-names';
import { emptyIndex, type PhraseIndex } from './entities/knownNames';
import { recognise, type Finding } from './entities/recognise';
import type { TokenList } from './entities/tokenize';
import { KINDED_SPANS, articleAnchor, detectSpans, kindedSpan, type KindedSpan } from './index';
import { LowercaseVocabulary } from './lowercaseVocabulary';
import { findNumbers } from './numbers';
import { utf16Units } from './shared/utf16Units';
import { ENTITY_RULES, splitIntoBlocks, windowAround, type TextRange } from './textBlocks';
import { textChange, type TextChange } from './textChange';

/** What one block knows of its entities, and what it contributes to the document-wide facts. */
interface BlockEntities {
  /** The tokens read: of the block's window, or of the whole text when the block was analysed with all others. */
  scan: Scan;
  /** The block's own tokens in `scan`. */
  range: TokenRange;
  /** Where the block starts in the text `scan` was read from. */
  origin: number;
  usage: WordUsage;
  /** What the rules found on the block's lines, before names learnt elsewhere are added. */
  findings: Finding[];
  names: LearntName[];
  /** The block's entities, relative to its start. */
  spans: Span[];
}

interface Block extends TextRange {
  entities: BlockEntities;
  /** Relative to the block's start, like the numbers. */
  dates: Span[];
  numbers: Span[];
  /**
   * The block's spans combined, relative to its start, and whether a date or number of it runs past its end;
   * dropped whenever its spans change.
   */
  combined?: { spans: KindedSpan[]; overruns: boolean };
  /** The same, placed where the block started then. */
  placed?: { at: number; spans: KindedSpan[] };
}

export class IncrementalDetector {
  private text = '';
  private spans: KindedSpan[] = [];
  private blocks: Block[] = [];
  private anchor: string | undefined;
  private vocabulary = new LowercaseVocabulary();
  private names: PhraseIndex = emptyIndex();

  constructor(private readonly options: DetectOptions = {}) {}

  /** detectSpans(text, options), re-using what the previous text had in common with this one. */
  detect(text: string): KindedSpan[] {
    if (text === this.text) return this.spans;
    try {
      if (text.length === 0 || looksBinary(text)) this.forget();
      else if (this.blocks.length === 0) this.analyseWhole(text);
      else this.analyseEdit(text);
      this.spans = this.combined();
    } catch {
      // Which part failed decides nothing: the whole-document run says what a failing detector yields.
      this.forget();
      this.spans = detectSpans(text, this.options);
    }
    this.text = text;
    return this.spans;
  }

  private forget(): void {
    this.blocks = [];
    this.vocabulary = new LowercaseVocabulary();
    this.names = emptyIndex();
  }

  /** Runs every detector once over the whole text and hands each block its share. */
  private analyseWhole(text: string): void {
    this.forget();
    const ranges = splitIntoBlocks(text, 0, text.length);
    // One copy of the text's UTF-16 units for the three scanners, instead of one each.
    const units = utf16Units(text);
    const read = readEntityText(text, units);
    const tokenRanges = ranges.map((range) => tokenRangeOf(read.tokens, range.start, range.end));
    const usages = wordUsages(read, tokenRanges);
    this.vocabulary.change([], usages);
    const scan: Scan = { ...read, lowercaseWords: this.vocabulary.words };
    const findings = byRange(recognise(scan), tokenRanges);
    this.blocks = ranges.map((range, n) => ({
      ...range,
      entities: { scan, range: tokenRanges[n]!, origin: range.start, usage: usages[n]!, findings: findings[n]!, names: namesLearntFrom(read.tokens, findings[n]!), spans: [] },
      dates: [],
      numbers: [],
    }));
    this.names = indexOfNames(namesOf(this.blocks));
    for (const block of this.blocks) this.findNameMentions(block);
    this.anchor = articleAnchor(text, this.options);
    this.shareOut(findDates(text, this.anchor, units), 'dates');
    this.shareOut(findNumbers(text, units), 'numbers');
  }

  private analyseEdit(text: string): void {
    const change = textChange(this.text, text);
    const [first, last] = this.blocksReaching(change);
    const shift = change.newEnd - change.oldEnd;
    const regionStart = this.blocks[first]!.start;
    const regionEnd = this.blocks[last]!.end + shift;
    // An edit over most of the text is cheaper to analyse as a whole than block by block.
    if (regionEnd - regionStart > text.length / 2) return this.analyseWhole(text);

    // The article date is read from the beginning of the text alone.
    const anchor = change.start < HEAD_LENGTH ? articleAnchor(text, this.options) : this.anchor;
    const datesChanged = anchor !== this.anchor;
    this.anchor = anchor;
    for (let n = last + 1; n < this.blocks.length; n++) {
      this.blocks[n]!.start += shift;
      this.blocks[n]!.end += shift;
    }
    const fresh = splitIntoBlocks(text, regionStart, regionEnd).map((range) => this.readBlock(text, range, !datesChanged));
    const removed = this.blocks.splice(first, last - first + 1, ...fresh);

    const flipped = this.vocabulary.change(
      removed.map((block) => block.entities.usage),
      fresh.map((block) => block.entities.usage),
    );
    // Blocks whose entities must be found again: the new ones, and those using a word that entered or left the vocabulary.
    const recognised = new Set(fresh);
    if (flipped.size > 0) {
      for (const block of this.blocks) if (intersects(block.entities.usage.capitalisedLowered, flipped)) recognised.add(block);
    }
    if (totalLength(recognised) > text.length / 2) return this.analyseWhole(text);

    let namesChanged = false;
    for (const block of recognised) {
      const namesBefore = fresh.includes(block) ? undefined : block.entities.names;
      // A block kept from before may share the whole text's tokens: the rules re-run on its window alone.
      if (namesBefore) {
        const window = windowAround(text, block.start, block.end, ENTITY_RULES);
        block.entities = this.readEntities(detached(text, window), { start: block.start - window.start, end: block.end - window.start }, block.entities.usage);
      }
      this.recognise(block);
      if (namesBefore && !sameNames(namesBefore, block.entities.names)) namesChanged = true;
    }
    if (!sameNames(namesOf(removed), namesOf(fresh))) namesChanged = true;
    // Blocks whose name mentions must be found again: those recognised, and those using the first word of a name learnt or forgotten.
    const mentioned = new Set(recognised);
    if (namesChanged) {
      const names = indexOfNames(namesOf(this.blocks));
      const words = firstWordsOfChangedNames(this.names, names);
      this.names = names;
      if (words.size > 0) for (const block of this.blocks) if (intersects(block.entities.usage.capitalised, words)) mentioned.add(block);
    }
    for (const block of mentioned) this.findNameMentions(block);
    if (datesChanged) this.shareOut(findDates(text, anchor), 'dates');
  }

  /**
   * The first and last block whose window the change touches (touching counts: text inserted right at a
   * window's edge may join a word or a line there). Windows grow with their blocks, so the walk stops at the
   * first block out of reach on either side.
   */
  private blocksReaching(change: TextChange): [number, number] {
    const { blocks, text } = this;
    let first = blockAt(blocks, change.start);
    let last = blockAt(blocks, change.oldEnd);
    while (first > 0 && windowAround(text, blocks[first - 1]!.start, blocks[first - 1]!.end).end >= change.start) first--;
    while (last < blocks.length - 1 && windowAround(text, blocks[last + 1]!.start, blocks[last + 1]!.end).start <= change.oldEnd) last++;
    return [first, last];
  }

  /** A new block, read in its windows: its tokens and vocabulary, dates and numbers; its entities come later. */
  private readBlock(text: string, range: TextRange, withDates: boolean): Block {
    const window = windowAround(text, range.start, range.end);
    const windowText = detached(text, window);
    const origin = range.start - window.start;
    const length = range.end - range.start;
    return {
      ...range,
      entities: this.readEntities(windowText, { start: origin, end: origin + length }),
      dates: withDates ? startingWithin(findDates(windowText, this.anchor), origin, length) : [],
      numbers: startingWithin(findNumbers(windowText), origin, length),
    };
  }

  /**
   * The tokens of the block's entity window, in a text holding it (the whole text or a window detached from
   * it); `usage` is known already for a block kept from before.
   */
  private readEntities(text: string, block: TextRange, usage?: WordUsage): BlockEntities {
    const window = windowAround(text, block.start, block.end, ENTITY_RULES);
    const read = readEntityText(text.slice(window.start, window.end));
    const origin = block.start - window.start;
    const range = tokenRangeOf(read.tokens, origin, origin + block.end - block.start);
    return {
      scan: { ...read, lowercaseWords: this.vocabulary.words },
      range,
      origin,
      usage: usage ?? wordUsages(read, [range])[0]!,
      findings: [],
      names: [],
      spans: [],
    };
  }

  /** The rules on the block's lines, with the current document vocabulary. */
  private recognise(block: Block): void {
    const entities = block.entities;
    const { from, to } = entities.range;
    entities.findings = recognise(entities.scan).filter((finding) => finding.fromToken >= from && finding.fromToken < to);
    entities.names = namesLearntFrom(entities.scan.tokens, entities.findings);
  }

  /** The block's entities: its findings plus the mentions of names the document has learnt. */
  private findNameMentions(block: Block): void {
    const entities = block.entities;
    const spans = withoutOverlaps(propagateDocumentNames(entities.scan, entities.findings, this.names, entities.range));
    for (const span of spans) {
      span.start -= entities.origin;
      span.end -= entities.origin;
    }
    entities.spans = spans;
    block.combined = undefined;
  }

  /** Gives each block the spans of a whole-text run that start in it. */
  private shareOut(spans: readonly Span[], kind: 'dates' | 'numbers'): void {
    let next = 0;
    for (const block of this.blocks) {
      const share: Span[] = [];
      while (next < spans.length && spans[next]!.start < block.end) share.push(shifted(spans[next++]!, -block.start));
      block[kind] = share;
      block.combined = undefined;
    }
  }

  /**
   * All blocks' spans combined. Each block combines its own and keeps the result, placed in the text, until its
   * spans change or it moves; unless some date or number runs past the end of its block: then one may hide
   * another in the next.
   */
  private combined(): KindedSpan[] {
    let anyOverruns = false;
    for (const block of this.blocks) {
      if (!block.combined) {
        block.combined = { spans: combineKinds(block.entities.spans, block.dates, block.numbers, KINDED_SPANS), overruns: overruns(block) };
        block.placed = undefined;
      }
      anyOverruns ||= block.combined.overruns;
    }
    if (anyOverruns) return this.combinedAcrossBlocks();
    const spans: KindedSpan[] = [];
    for (const block of this.blocks) {
      if (block.placed?.at !== block.start) {
        const at = block.start;
        block.placed = { at, spans: block.combined!.spans.map((span) => kindedSpan(span, span.kind, at)) };
      }
      for (const span of block.placed.spans) spans.push(span);
    }
    return spans;
  }

  private combinedAcrossBlocks(): KindedSpan[] {
    const entities: Span[] = [];
    const dates: Span[] = [];
    const numbers: Span[] = [];
    for (const block of this.blocks) {
      for (const span of block.entities.spans) entities.push(shifted(span, block.start));
      for (const span of block.dates) dates.push(shifted(span, block.start));
      for (const span of block.numbers) numbers.push(shifted(span, block.start));
    }
    return combineKinds(entities, dates, numbers, KINDED_SPANS);
  }
}

/** Whether a date or number of the block ends after it (entities never cross a line break). */
function overruns(block: Block): boolean {
  const length = block.end - block.start;
  return block.dates.some((span) => span.end > length) || block.numbers.some((span) => span.end > length);
}

/**
 * A copy of part of the text that shares no memory with it. A slice keeps the whole text it was cut from
 * alive, and the words the detectors cut from a block's window stay with the block: from slices, every block
 * would keep the version of the document it was read in.
 */
function detached(text: string, range: TextRange): string {
  return JSON.parse(JSON.stringify(text.slice(range.start, range.end))) as string;
}

/** Index of the block holding `offset`; the last block for the end of the text. */
function blockAt(blocks: readonly Block[], offset: number): number {
  let low = 0;
  let high = blocks.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (blocks[mid]!.start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The tokens starting in [start, end): on whole lines, as no token crosses a line break. */
function tokenRangeOf(tokens: TokenList, start: number, end: number): TokenRange {
  return { from: firstTokenFrom(tokens, start), to: firstTokenFrom(tokens, end) };
}

function firstTokenFrom(tokens: TokenList, offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (tokens.start(mid) < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Findings grouped by the range holding their first token, in their order. */
function byRange(findings: readonly Finding[], ranges: readonly TokenRange[]): Finding[][] {
  const groups = ranges.map((): Finding[] => []);
  for (const finding of findings) {
    let low = 0;
    let high = ranges.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (ranges[mid]!.from <= finding.fromToken) low = mid;
      else high = mid - 1;
    }
    groups[low]!.push(finding);
  }
  return groups;
}

/** The spans starting in [origin, origin + length), relative to origin. */
function startingWithin(spans: readonly Span[], origin: number, length: number): Span[] {
  const within: Span[] = [];
  for (const span of spans) if (span.start >= origin && span.start < origin + length) within.push(shifted(span, -origin));
  return within;
}

function shifted(span: Span, by: number): Span {
  const moved: Span = { start: span.start + by, end: span.end + by, label: span.label, confidence: span.confidence };
  if (span.value !== undefined) moved.value = span.value;
  return moved;
}

function namesOf(blocks: readonly Block[]): LearntName[] {
  return blocks.flatMap((block) => block.entities.names);
}

/** Whether two lists learn the same names in the same order. */
function sameNames(before: readonly LearntName[], after: readonly LearntName[]): boolean {
  return before.length === after.length && before.every((name, n) => name.phrase === after[n]!.phrase && name.label === after[n]!.label && name.weak === after[n]!.weak);
}

function intersects(words: ReadonlySet<string>, others: ReadonlySet<string>): boolean {
  const [smaller, larger] = words.size < others.size ? [words, others] : [others, words];
  for (const word of smaller) if (larger.has(word)) return true;
  return false;
}

function totalLength(blocks: Iterable<TextRange>): number {
  let length = 0;
  for (const block of blocks) length += block.end - block.start;
  return length;
}
