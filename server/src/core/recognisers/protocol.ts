import type { Kind } from '../base/labels';

/**
 * What a recogniser answers for one article, as the process protocol and the sidecars count: code
 * points of the text, end exclusive (Python's str indices), and the model's own label.
 */
export interface ModelSpan {
  start: number;
  end: number;
  label: string;
  /** The model's confidence, if it gives one. */
  score?: number;
}

/** A model span with its label mapped to the project's and that label's kind. */
export interface RecognisedSpan extends ModelSpan {
  kind: Kind;
}

/**
 * What can go wrong with a recogniser, each reported once per recogniser (with what it did), the
 * detector's suggestions shown meanwhile:
 * missing (no such program), crashed (it exited), timeout (no answer in time), garbage (an answer
 * that is not the protocol), offsets (a span outside the text), refused (a URL of another machine
 * without allowRemote), unreachable (the HTTP server could not be reached or answered an error),
 * label (a label the project does not have and the recogniser's "labels" does not map).
 */
export const FAILURE_KINDS = ['missing', 'crashed', 'timeout', 'garbage', 'offsets', 'refused', 'unreachable', 'label'] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

export class RecogniserFailure extends Error {
  constructor(
    readonly recogniser: string,
    readonly kind: FailureKind,
    /** What it did, in words: "exited with code 3", "took longer than 2 s". */
    readonly detail: string,
  ) {
    super(`recogniser "${recogniser}" ${detail}`);
    this.name = 'RecogniserFailure';
  }
}

/** The line a process recogniser reads for one article. */
export function processRequestLine(id: string, text: string): string {
  return JSON.stringify({ id, text }) + '\n';
}

/** A process's answer line parsed: its id and spans, or what is wrong with it (in words, quoting little). */
export function parseProcessReply(line: string): { id: string; spans: ModelSpan[] } | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { problem: `answered a line that is not JSON (${quote(line)})` };
  }
  if (!isObject(json) || typeof json.id !== 'string') return { problem: `answered without a string "id" (${quote(line)})` };
  const spans = spansOf(json.spans, 'spans');
  return 'problem' in spans ? spans : { id: json.id, spans: spans.spans };
}

/** Validates a list of `{start, end, label, score?}`; `where` names it in the problem. */
function spansOf(value: unknown, where: string): { spans: ModelSpan[] } | { problem: string } {
  if (!Array.isArray(value)) return { problem: `answered without a "${where}" list` };
  const spans: ModelSpan[] = [];
  for (const [i, item] of value.entries()) {
    if (!isObject(item) || !isOffset(item.start) || !isOffset(item.end) || typeof item.label !== 'string' || item.label === '') {
      return { problem: `answered ${where}[${i}] without integer "start" and "end" and a "label"` };
    }
    if (item.score !== undefined && (typeof item.score !== 'number' || !Number.isFinite(item.score))) return { problem: `answered ${where}[${i}] with a "score" that is not a number` };
    spans.push({ start: item.start, end: item.end, label: item.label, ...(item.score !== undefined && { score: item.score as number }) });
  }
  return { spans };
}

/**
 * The first span that does not lie in a text of `length` code points (or is empty), in words; the
 * answer is then refused whole: a model that counts wrongly would put every span a little off.
 */
export function offsetProblem(spans: readonly ModelSpan[], length: number): string | undefined {
  const wrong = spans.find((span) => span.end > length || span.start >= span.end);
  if (!wrong) return undefined;
  return wrong.start >= wrong.end ? `answered an empty or reversed span ${wrong.start}–${wrong.end}` : `answered a span ${wrong.start}–${wrong.end} outside the text (${length} characters)`;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** A little of what was said, enough to recognise it, on one line. */
export function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > 60 ? flat.slice(0, 59) + '…' : flat);
}
