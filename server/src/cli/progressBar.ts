import type { ProgressReporter } from '../core/base/progress';

/** What the bar needs of a stream: process.stderr, or a test's stand-in for a terminal. */
export interface TerminalStream {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): unknown;
}

export interface ProgressBarOptions {
  /** --no-progress. */
  disabled?: boolean;
  /** The environment: no bar in CI or on a dumb terminal, whose logs would keep every redraw. */
  env?: Record<string, string | undefined>;
  /** Milliseconds, for the time left; injectable for tests. */
  now?: () => number;
}

/** Redraws at most this often: a terminal repainting faster than the eye reads it only slows the run. */
const REDRAW_INTERVAL_MS = 100;
const BAR_WIDTH = { min: 10, max: 30 };
/** A terminal that tells no width (a pseudo-terminal nobody sized says 0). */
const DEFAULT_COLUMNS = 80;
/** Carriage return, then erase the line: the cursor is left at its start, the line empty. */
const CLEAR_LINE = '\r\x1b[2K';

/**
 * A one-line progress bar on a terminal: "checking 1234/10000 ▕██████░░░░▏ 12% · 3.4 s left".
 * Draws nothing unless the stream is a terminal (piped output and CI logs stay clean), and never
 * touches stdout, so jsonl output is untouched. Whatever else is written to the terminal while it
 * shows must go through `clearedBefore`, or the text would land on the bar's line.
 */
export class ProgressBar implements ProgressReporter {
  private readonly visible: boolean;
  private readonly now: () => number;
  private startedAt: number | undefined;
  private lastDrawAt = -Infinity;
  private drawn = false;

  constructor(
    private readonly stream: TerminalStream,
    private readonly label: string,
    options: ProgressBarOptions = {},
  ) {
    const env = options.env ?? {};
    this.visible = stream.isTTY === true && !options.disabled && !env.CI && env.TERM !== 'dumb';
    this.now = options.now ?? (() => performance.now());
  }

  report(done: number, total: number, message?: string): void {
    if (!this.visible || total === 0) return;
    const now = this.now();
    this.startedAt ??= now;
    // The last item is always drawn, so a slow step after the walk shows the walk complete.
    if (now - this.lastDrawAt < REDRAW_INTERVAL_MS && done < total) return;
    this.lastDrawAt = now;
    const line = progressLine({ label: this.label, done, total, elapsedMs: now - this.startedAt, columns: this.stream.columns || DEFAULT_COLUMNS, message });
    this.stream.write(`\r${line}\x1b[K`);
    this.drawn = true;
  }

  /** Erases the bar, leaving the cursor at the start of an empty line; the next report draws it again. */
  clear(): void {
    if (!this.drawn) return;
    this.stream.write(CLEAR_LINE);
    this.drawn = false;
    this.lastDrawAt = -Infinity;
  }

  /** `write`, erasing the bar first. */
  clearedBefore<A extends unknown[]>(write: (...args: A) => void): (...args: A) => void {
    return (...args) => {
      this.clear();
      write(...args);
    };
  }
}

export interface ProgressLineInput {
  label: string;
  done: number;
  total: number;
  elapsedMs: number;
  columns: number;
  message?: string;
}

/** The bar's text, fitted to one column less than the terminal's width (writing the last column wraps on some terminals). */
export function progressLine({ label, done, total, elapsedMs, columns, message }: ProgressLineInput): string {
  const width = Math.max(1, columns - 1);
  const fraction = total === 0 ? 1 : Math.min(1, done / total);
  const left = done > 0 && done < total && elapsedMs > 0 ? ` · ${duration((elapsedMs / done) * (total - done))} left` : '';
  const head = `${label} ${done}/${total}`;
  const tail = `${Math.floor(fraction * 100)}%${left}${message ? ` · ${message}` : ''}`;
  const room = width - head.length - tail.length - 4;
  if (room < BAR_WIDTH.min) return truncate(`${head} ${tail}`, width);
  const barWidth = Math.min(BAR_WIDTH.max, room);
  const filled = Math.floor(fraction * barWidth);
  return `${head} ▕${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}▏ ${tail}`;
}

/** "0.4 s", "34 s", "2 min 05 s", "1 h 05 min". */
export function duration(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 9.95) return `${seconds.toFixed(1)} s`;
  if (seconds < 59.5) return `${Math.round(seconds)} s`;
  const wholeSeconds = Math.round(seconds);
  if (wholeSeconds < 3600) return `${Math.floor(wholeSeconds / 60)} min ${String(wholeSeconds % 60).padStart(2, '0')} s`;
  const minutes = Math.round(seconds / 60);
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : text.slice(0, Math.max(0, width - 1)) + '…';
}

/**
 * Runs a command with a progress bar on stderr. Ctrl+C erases the bar's line before the process
 * ends by the signal as it would have (so the shell sees the interrupt), and so does the end of the
 * command, however it ends.
 */
export async function withProgressBar<T>(label: string, disabled: boolean, command: (bar: ProgressBar) => Promise<T>): Promise<T> {
  const bar = new ProgressBar(process.stderr, label, { disabled, env: process.env });
  const interrupted = () => {
    bar.clear();
    // The listener is gone (once), so the signal now takes its default course: the process ends.
    process.kill(process.pid, 'SIGINT');
  };
  process.once('SIGINT', interrupted);
  try {
    return await command(bar);
  } finally {
    process.removeListener('SIGINT', interrupted);
    bar.clear();
  }
}
