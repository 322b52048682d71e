import type { Kind } from '../base/labels';
import { contextAround, firstWord, formsOf, isWholeWordsAt, isWordUnit } from './matching';
import type { LexiconChange } from './lexiconJournal';
import { LEXICON_VERSION, type LexiconEntry, type LexiconFile, type Suppression } from './schema';

/** A tag that teaches: its text and label, who made it, in which article, when. */
export interface Lesson {
  text: string;
  label: string;
  kind: Kind;
  by: string;
  article: string;
  at: string;
}

/** A rejected suggestion, and the words either side of it (see contextAround). */
export interface Rejection {
  text: string;
  label: string;
  before: string;
  after: string;
  by: string;
  article: string;
  at: string;
}

/** Learnt text found in an article (UTF-16 offsets), with the entry that taught it. */
export interface LexiconMatch {
  start: number;
  end: number;
  label: string;
  kind: Kind;
  entry: LexiconEntry;
}

/** One thing learnt, as the "learned rules" list shows it; `id` forgets it. */
export interface LearnedRule {
  id: string;
  type: 'label' | 'suppression';
  text: string;
  label: string;
  description: string;
}

/**
 * What the annotators taught: text to suggest with a label wherever it recurs, and suggestions not to
 * make again in a context where someone rejected them. Pure and in memory; LexiconStore keeps the file.
 */
export class Lexicon {
  private readonly entries = new Map<string, LexiconEntry>();
  private readonly suppressions = new Map<string, Suppression>();
  /** Entries by the first word of each form they match in, rebuilt lazily after a change. */
  private byFirstWord?: Map<string, Array<{ form: string; entry: LexiconEntry }>>;
  /** The first UTF-16 unit of every key of byFirstWord. */
  private firstChars?: Set<number>;
  /** How many contexts each label and text was rejected in: most suggestions are ruled out by one lookup, without reading their context. */
  private suppressedTexts?: { texts: Map<string, number>; lengths: Set<number> };
  private changes = 0;
  /** Keys of the rules changed since takeChanges last ran: what the journal is to say (see lexiconJournal.ts). */
  private readonly touchedEntries = new Set<string>();
  private readonly touchedSuppressions = new Set<string>();

  constructor(file?: LexiconFile) {
    for (const entry of file?.entries ?? []) this.entries.set(entryKey(entry.text, entry.label), entry);
    for (const suppression of file?.suppressions ?? []) this.suppressions.set(suppressionKey(suppression), suppression);
  }

  get size(): number {
    return this.entries.size + this.suppressions.size;
  }

  get hasSuppressions(): boolean {
    return this.suppressions.size > 0;
  }

  /** Goes up with every change: what was found with an older revision is to be found again. */
  get revision(): number {
    return this.changes;
  }

  toFile(): LexiconFile {
    return { version: LEXICON_VERSION, entries: [...this.entries.values()], suppressions: [...this.suppressions.values()] };
  }

  /** The new state of every rule changed since the last call, once each: the lines the journal appends. */
  takeChanges(): LexiconChange[] {
    const changes: LexiconChange[] = [];
    for (const key of this.touchedEntries) {
      const entry = this.entries.get(key);
      const [label, text] = key.split('\u0000') as [string, string];
      changes.push(entry ? { entry } : { drop: { text, label } });
    }
    for (const key of this.touchedSuppressions) {
      const suppression = this.suppressions.get(key);
      const [label, text, before, after] = key.split('\u0000') as [string, string, string, string];
      changes.push(suppression ? { suppression } : { lift: { text, label, before, after } });
    }
    this.forgetChanges();
    return changes;
  }

  /** Forgets which rules changed: what is in memory is what the file says (just read, or just compacted). */
  forgetChanges(): void {
    this.touchedEntries.clear();
    this.touchedSuppressions.clear();
  }

  /** Sets one rule to the state a journal line says (read from the file: not a change to write again). */
  apply(change: LexiconChange): void {
    if ('entry' in change) this.entries.set(entryKey(change.entry.text, change.entry.label), change.entry);
    else if ('drop' in change) this.entries.delete(entryKey(change.drop.text, change.drop.label));
    else if ('suppression' in change) this.suppressions.set(suppressionKey(change.suppression), change.suppression);
    else this.suppressions.delete(suppressionKey(change.lift));
    this.changed();
  }

  /** One more tag says `text` is `label`: the entry is made, or counted once more (its first teacher stays named). */
  learn(lesson: Lesson): LexiconEntry {
    const key = entryKey(lesson.text, lesson.label);
    const known = this.entries.get(key);
    const entry: LexiconEntry = known ? { ...known, count: known.count + 1 } : { text: lesson.text, label: lesson.label, kind: lesson.kind, count: 1, by: lesson.by, article: lesson.article, at: lesson.at };
    this.entries.set(key, entry);
    this.touchedEntries.add(key);
    this.changed();
    return entry;
  }

  /** A tag that taught `text` as `label` was removed or relabelled: one tag fewer says so. */
  unlearn(text: string, label: string): void {
    const key = entryKey(text, label);
    const known = this.entries.get(key);
    if (!known) return;
    if (known.count > 1) this.entries.set(key, { ...known, count: known.count - 1 });
    else this.entries.delete(key);
    this.touchedEntries.add(key);
    this.changed();
  }

  /** Someone rejected `label` on `text` between these words: not suggested there again, in any article. */
  suppress(rejection: Rejection): void {
    const suppression: Suppression = { ...rejection };
    const key = suppressionKey(suppression);
    if (this.suppressions.has(key)) return;
    this.suppressions.set(key, suppression);
    this.touchedSuppressions.add(key);
    this.changed();
  }

  /** The rejection was taken back (accepted after all, or undone). */
  unsuppress(rejection: Pick<Rejection, 'text' | 'label' | 'before' | 'after'>): void {
    const key = suppressionKey(rejection);
    if (!this.suppressions.delete(key)) return;
    this.touchedSuppressions.add(key);
    this.changed();
  }

  /** Whether someone rejected `label` on `article[start, end)` (UTF-16 offsets) in this context. */
  isSuppressed(article: string, start: number, end: number, label: string): boolean {
    if (this.suppressions.size === 0) return false;
    const suppressed = this.suppressedTextSet();
    // Most suggestions differ in length from every rejected text: ruled out without copying their text.
    if (!suppressed.lengths.has(end - start)) return false;
    const text = article.slice(start, end);
    if (!suppressed.texts.has(entryKey(text, label))) return false;
    const { before, after } = contextAround(article, start, end);
    return this.suppressions.has(suppressionKey({ text, label, before, after }));
  }

  /** Everything learnt, labels first, each in words and with the id that forgets it. */
  rules(): LearnedRule[] {
    const labels = [...this.entries.values()].sort(byTextThenLabel).map((entry) => ({
      id: `label:${entryKey(entry.text, entry.label)}`,
      type: 'label' as const,
      text: entry.text,
      label: entry.label,
      description: `"${entry.text}" is ${entry.label}: taught by ${entry.by} in ${entry.article}${entry.count > 1 ? `, ${entry.count} tags` : ''}${this.isOutvoted(entry) ? `; no longer suggested, rejected in ${this.rejectionsOf(entry)} places` : ''}`,
    }));
    const suppressions = [...this.suppressions.values()].sort(byTextThenLabel).map((suppression) => ({
      id: `not:${suppressionKey(suppression)}`,
      type: 'suppression' as const,
      text: suppression.text,
      label: suppression.label,
      description: `"${suppression.text}" is not ${suppression.label} in "${[suppression.before, suppression.text, suppression.after].filter(Boolean).join(' ')}": rejected by ${suppression.by} in ${suppression.article}`,
    }));
    return [...labels, ...suppressions];
  }

  /** Forgets one learnt rule by its id (from `rules`); false when there is no such rule any more. */
  forget(id: string): boolean {
    const [rules, touched, key] = id.startsWith('label:') ? [this.entries, this.touchedEntries, id.slice('label:'.length)] : id.startsWith('not:') ? [this.suppressions, this.touchedSuppressions, id.slice('not:'.length)] : [];
    const forgotten = rules?.delete(key!) ?? false;
    if (forgotten) {
      touched!.add(key!);
      this.changed();
    }
    return forgotten;
  }

  /**
   * Learnt text in `article`, leftmost longest first, never overlapping; where one text was taught with
   * several labels, the label most tags gave (then the latest). Suppressed places are left out, and so
   * is a label rejected in more places than tags taught it.
   */
  matches(article: string): LexiconMatch[] {
    const found: LexiconMatch[] = [];
    this.forEachMatch(article, (start, end, entry) => found.push({ start, end, label: entry.label, kind: entry.kind, entry }));
    return found;
  }

  /**
   * `matches` without a list: each match of `article[from, to)` in turn, `from` and `to` at line edges
   * (no match or context crosses a line break), so that a few lines can be matched in place.
   */
  forEachMatch(article: string, visit: (start: number, end: number, entry: LexiconEntry) => void, from = 0, to = article.length): void {
    if (this.entries.size === 0) return;
    const index = this.index();
    const firstChars = this.firstChars!;
    let at = from;
    while (at < to) {
      // The next whole word: letters and digits after something else.
      while (at < to && !isWordUnit(article, at)) at++;
      if (at >= to) return;
      const start = at;
      while (at < to && isWordUnit(article, at)) at++;
      // Most words start with a letter no learnt text starts with: no need to read them.
      if (!firstChars.has(article.charCodeAt(start))) continue;
      const candidates = index.get(article.slice(start, at));
      if (!candidates) continue;
      let best: { form: string; entry: LexiconEntry } | undefined;
      for (const candidate of candidates) {
        const end = start + candidate.form.length;
        if (end > to || !article.startsWith(candidate.form, start) || !isWholeWordsAt(article, start, end)) continue;
        if (!best || candidate.form.length > best.form.length || (candidate.form.length === best.form.length && prefer(candidate.entry, best.entry))) best = candidate;
      }
      if (!best) continue;
      const end = start + best.form.length;
      if (!this.isSuppressed(article, start, end, best.entry.label)) visit(start, end, best.entry);
      at = end;
    }
  }

  private changed(): void {
    this.changes++;
    this.byFirstWord = undefined;
    this.firstChars = undefined;
    this.suppressedTexts = undefined;
  }

  /**
   * Whether a learnt label was rejected in more places than tags taught it: one mistaken tag ("This"
   * as PERSON) then stops being suggested everywhere once people have rejected it twice.
   */
  private isOutvoted(entry: LexiconEntry): boolean {
    return this.suppressions.size > 0 && this.rejectionsOf(entry) > entry.count;
  }

  private rejectionsOf(entry: LexiconEntry): number {
    return this.suppressedTextSet().texts.get(entryKey(entry.text, entry.label)) ?? 0;
  }

  private suppressedTextSet(): { texts: Map<string, number>; lengths: Set<number> } {
    if (!this.suppressedTexts) {
      const suppressions = [...this.suppressions.values()];
      const texts = new Map<string, number>();
      for (const { text, label } of suppressions) {
        const key = entryKey(text, label);
        texts.set(key, (texts.get(key) ?? 0) + 1);
      }
      this.suppressedTexts = { texts, lengths: new Set(suppressions.map((suppression) => suppression.text.length)) };
    }
    return this.suppressedTexts;
  }

  private index(): Map<string, Array<{ form: string; entry: LexiconEntry }>> {
    if (!this.byFirstWord) {
      this.byFirstWord = new Map();
      for (const entry of this.entries.values()) {
        if (this.isOutvoted(entry)) continue;
        for (const form of formsOf(entry.text)) {
          const key = firstWord(form);
          const list = this.byFirstWord.get(key) ?? [];
          list.push({ form, entry });
          this.byFirstWord.set(key, list);
        }
      }
      this.firstChars = new Set([...this.byFirstWord.keys()].map((key) => key.charCodeAt(0)));
    }
    return this.byFirstWord;
  }
}

/** Whether `a` should win over `b` for the same text: more tags, then taught later. */
function prefer(a: LexiconEntry, b: LexiconEntry): boolean {
  return a.count > b.count || (a.count === b.count && a.at > b.at);
}

/** One key per learnt label of a text. */
export function entryKey(text: string, label: string): string {
  return `${label}\u0000${text}`;
}

/** One key per rejection: a label on a text between two words. */
export function suppressionKey(rule: Pick<Suppression, 'text' | 'label' | 'before' | 'after'>): string {
  return `${rule.label}\u0000${rule.text}\u0000${rule.before}\u0000${rule.after}`;
}

function byTextThenLabel(a: { text: string; label: string }, b: { text: string; label: string }): number {
  return a.text < b.text ? -1 : a.text > b.text ? 1 : a.label < b.label ? -1 : a.label > b.label ? 1 : 0;
}
