import type { Kind } from '../labels';
import { contextAround, firstWord, formsOf, isWholeWordsAt, isWordChar } from './matching';
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

  constructor(file?: LexiconFile) {
    for (const entry of file?.entries ?? []) this.entries.set(entryKey(entry.text, entry.label), entry);
    for (const suppression of file?.suppressions ?? []) this.suppressions.set(suppressionKey(suppression), suppression);
  }

  get size(): number {
    return this.entries.size + this.suppressions.size;
  }

  toFile(): LexiconFile {
    return { version: LEXICON_VERSION, entries: [...this.entries.values()], suppressions: [...this.suppressions.values()] };
  }

  /** One more tag says `text` is `label`: the entry is made or counted, and its rejection here, if any, lifted. */
  learn(lesson: Lesson): LexiconEntry {
    const key = entryKey(lesson.text, lesson.label);
    const known = this.entries.get(key);
    const entry: LexiconEntry = known ? { ...known, count: known.count + 1 } : { text: lesson.text, label: lesson.label, kind: lesson.kind, count: 1, by: lesson.by, article: lesson.article, at: lesson.at };
    this.entries.set(key, entry);
    this.byFirstWord = undefined;
    return entry;
  }

  /** A tag that taught `text` as `label` was removed or relabelled: one tag fewer says so. */
  unlearn(text: string, label: string): void {
    const key = entryKey(text, label);
    const known = this.entries.get(key);
    if (!known) return;
    if (known.count > 1) this.entries.set(key, { ...known, count: known.count - 1 });
    else this.entries.delete(key);
    this.byFirstWord = undefined;
  }

  /** Someone rejected `label` on `text` between these words: not suggested there again, in any article. */
  suppress(rejection: Rejection): void {
    const suppression: Suppression = { ...rejection };
    const key = suppressionKey(suppression);
    if (!this.suppressions.has(key)) this.suppressions.set(key, suppression);
  }

  /** The rejection was taken back (accepted after all, or undone). */
  unsuppress(rejection: Pick<Rejection, 'text' | 'label' | 'before' | 'after'>): void {
    this.suppressions.delete(suppressionKey(rejection));
  }

  isSuppressed(article: string, start: number, end: number, label: string): boolean {
    if (this.suppressions.size === 0) return false;
    const { before, after } = contextAround(article, start, end);
    return this.suppressions.has(suppressionKey({ text: article.slice(start, end), label, before, after }));
  }

  /** Everything learnt, labels first, each in words and with the id that forgets it. */
  rules(): LearnedRule[] {
    const labels = [...this.entries.values()].sort(byTextThenLabel).map((entry) => ({
      id: `label:${entryKey(entry.text, entry.label)}`,
      type: 'label' as const,
      text: entry.text,
      label: entry.label,
      description: `"${entry.text}" is ${entry.label}: taught by ${entry.by} in ${entry.article}${entry.count > 1 ? `, ${entry.count} tags` : ''}`,
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
    if (id.startsWith('label:')) {
      const forgotten = this.entries.delete(id.slice('label:'.length));
      if (forgotten) this.byFirstWord = undefined;
      return forgotten;
    }
    if (id.startsWith('not:')) return this.suppressions.delete(id.slice('not:'.length));
    return false;
  }

  /**
   * Learnt text in `article`, leftmost longest first, never overlapping; where one text was taught with
   * several labels, the label most tags gave (then the latest). Suppressed places are left out.
   */
  matches(article: string): LexiconMatch[] {
    if (this.entries.size === 0) return [];
    const index = this.index();
    const found: LexiconMatch[] = [];
    let offset = 0;
    while (offset < article.length) {
      const start = nextWordStart(article, offset);
      if (start < 0) break;
      const word = firstWord(article.slice(start, start + 64));
      let best: { form: string; entry: LexiconEntry } | undefined;
      for (const candidate of index.get(word) ?? []) {
        const end = start + candidate.form.length;
        if (!article.startsWith(candidate.form, start) || !isWholeWordsAt(article, start, end)) continue;
        if (!best || candidate.form.length > best.form.length || (candidate.form.length === best.form.length && prefer(candidate.entry, best.entry))) best = candidate;
      }
      if (best) {
        const end = start + best.form.length;
        if (!this.isSuppressed(article, start, end, best.entry.label)) found.push({ start, end, label: best.entry.label, kind: best.entry.kind, entry: best.entry });
        offset = end;
      } else offset = start + Math.max(1, word.length);
    }
    return found;
  }

  private index(): Map<string, Array<{ form: string; entry: LexiconEntry }>> {
    if (!this.byFirstWord) {
      this.byFirstWord = new Map();
      for (const entry of this.entries.values()) {
        for (const form of formsOf(entry.text)) {
          const key = firstWord(form);
          const list = this.byFirstWord.get(key) ?? [];
          list.push({ form, entry });
          this.byFirstWord.set(key, list);
        }
      }
    }
    return this.byFirstWord;
  }
}

function nextWordStart(article: string, from: number): number {
  for (let at = from; at < article.length; at++) {
    if (isWordChar(article[at]) && !isWordChar(article[at - 1])) return at;
    // Astral letters: test the whole code point.
    const code = article.charCodeAt(at);
    if (code >= 0xd800 && code <= 0xdbff && isWordChar(String.fromCodePoint(article.codePointAt(at)!)) && !isWordChar(article[at - 1])) return at;
  }
  return -1;
}

/** Whether `a` should win over `b` for the same text: more tags, then taught later. */
function prefer(a: LexiconEntry, b: LexiconEntry): boolean {
  return a.count > b.count || (a.count === b.count && a.at > b.at);
}

function entryKey(text: string, label: string): string {
  return `${label}\u0000${text}`;
}

function suppressionKey(rule: Pick<Suppression, 'text' | 'label' | 'before' | 'after'>): string {
  return `${rule.label}\u0000${rule.text}\u0000${rule.before}\u0000${rule.after}`;
}

function byTextThenLabel(a: { text: string; label: string }, b: { text: string; label: string }): number {
  return a.text < b.text ? -1 : a.text > b.text ? 1 : a.label < b.label ? -1 : a.label > b.label ? 1 : 0;
}
