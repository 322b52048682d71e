import { resolve } from 'node:path';
import { LexiconStore as StoreOnFiles } from '../core/lexicon/lexiconStore';
import type { Lexicon } from '../core/lexicon/lexicon';
import { nodeFiles } from './nodeFiles';

/** How long after the last learning action the journal is folded into the lexicon file (see lexiconJournal.ts). */
export const DEFAULT_QUIET_MS = 2000;

export interface NodeLexiconStoreOptions {
  /** Compact this long after the last action; 0: only when the journal grows past its bound and at close. */
  quietMs?: number;
  journalLimitBytes?: number;
}

/**
 * The core's lexicon store on Node's file system (see core/lexicon/lexiconStore.ts), paths made
 * absolute first, which also compacts each lexicon's journal on a quiet moment and at close.
 */
export class LexiconStore extends StoreOnFiles {
  private readonly quietMs: number;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Lexicons this store appended to: compacted at close. */
  private readonly journaled = new Set<string>();
  private readonly compactions = new Set<Promise<void>>();
  private readonly listeners: Array<(path: string, error?: unknown) => void> = [];

  constructor(options: NodeLexiconStoreOptions = {}) {
    super(nodeFiles, { journalLimitBytes: options.journalLimitBytes });
    this.quietMs = options.quietMs ?? DEFAULT_QUIET_MS;
  }

  override read(path: string): Promise<Lexicon> {
    return super.read(resolve(path));
  }

  override async update(path: string, change: (lexicon: Lexicon) => void): Promise<Lexicon> {
    const absolute = resolve(path);
    const lexicon = await super.update(absolute, change);
    if (this.hasJournal(absolute)) {
      this.journaled.add(absolute);
      this.compactWhenQuiet(absolute);
    }
    return lexicon;
  }

  override compact(path: string): Promise<void> {
    const absolute = resolve(path);
    clearTimeout(this.timers.get(absolute));
    this.timers.delete(absolute);
    return super.compact(absolute);
  }

  /** Hears of each compaction on a quiet moment, and of its failure (the journal then stays, read by every reader). */
  onCompacted(listener: (path: string, error?: unknown) => void): void {
    this.listeners.push(listener);
  }

  /** Compacts every journal this store wrote, now: when the server stops. */
  async close(): Promise<void> {
    const paths = [...this.journaled];
    this.journaled.clear();
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.compactions]);
    await Promise.all(paths.map((path) => this.compact(path)));
  }

  private compactWhenQuiet(path: string): void {
    clearTimeout(this.timers.get(path));
    this.timers.delete(path);
    if (this.quietMs <= 0) return;
    const timer = setTimeout(() => {
      this.timers.delete(path);
      const compaction = this.compact(path).then(
        () => this.listeners.forEach((listener) => listener(path)),
        (error: unknown) => this.listeners.forEach((listener) => listener(path, error)),
      );
      this.compactions.add(compaction);
      void compaction.finally(() => this.compactions.delete(compaction));
    }, this.quietMs);
    this.timers.set(path, timer);
  }
}
