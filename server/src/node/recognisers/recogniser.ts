import type { ModelSpan } from '../../core/recognisers/protocol';

/** A recogniser the project plugged in: a process or an HTTP server. Rejects with a RecogniserFailure. */
export interface Recogniser {
  readonly name: string;
  /** The model's spans in code points of `text`, with the model's own labels. */
  recognise(text: string, labels: readonly string[]): Promise<ModelSpan[]>;
  /** Stops what it started (a process); a later recognise starts it again. */
  close(): void;
}
