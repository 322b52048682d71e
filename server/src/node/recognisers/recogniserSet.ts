import type { Kind } from '../../core/base/labels';
import type { RecogniserConfig } from '../../core/recognisers/config';
import { mapLabels, type RecogniserAnswer } from '../../core/recognisers/merge';
import { RecogniserFailure, type FailureKind } from '../../core/recognisers/protocol';
import { HttpRecogniser } from './httpRecogniser';
import { ProcessRecogniser } from './processRecogniser';
import type { Recogniser } from './recogniser';

/** What a project's recognisers said about one article. */
export interface Recognition {
  /** The answers of those that answered, in the order of marginalia.json, labels mapped to the project's. */
  answers: RecogniserAnswer[];
  /** Names of the recognisers that failed on this article (reported through `report`, once per kind). */
  failed: string[];
}

/** A label the project has, and its kind: what a model's label must become. */
export interface KnownLabel {
  name: string;
  kind: Kind;
}

/**
 * The recognisers one project file names, started lazily and kept between articles. Each failure is
 * reported once per recogniser and kind of failure (which recogniser, what it did): the editor would
 * otherwise say the same thing for every article, and a person can do nothing more about it than fix
 * marginalia.json or the model. A recogniser that fails is left out of that article's answers, so the
 * detector's suggestions stand alone there.
 */
export class RecogniserSet {
  private readonly recognisers: Array<{ config: RecogniserConfig; recogniser: Recogniser }>;
  private readonly reported = new Set<string>();

  constructor(
    readonly configs: readonly RecogniserConfig[],
    /** The folder of marginalia.json: where a command runs. */
    folder: string,
    private readonly report: (message: string) => void,
  ) {
    this.recognisers = configs.map((config) => ({ config, recogniser: recogniserFor(config, folder) }));
  }

  get size(): number {
    return this.recognisers.length;
  }

  /** Every recogniser's answer for `text`, once all have answered or failed (pre-annotation). */
  async recognise(text: string, labels: readonly KnownLabel[]): Promise<Recognition> {
    const failed: string[] = [];
    const answers = await Promise.all(this.recognisers.map((_, n) => this.recogniseWith(n, text, labels).catch(() => (failed.push(this.recognisers[n]!.config.name), undefined))));
    return { answers: answers.filter((answer): answer is RecogniserAnswer => answer !== undefined), failed };
  }

  /**
   * One recogniser's answer, labels mapped (the editor shows each as it arrives: a slow model does not
   * hold back a fast one). A failure is reported (once per kind), then rejects.
   */
  async recogniseWith(n: number, text: string, labels: readonly KnownLabel[]): Promise<RecogniserAnswer> {
    const { config, recogniser } = this.recognisers[n]!;
    const kinds = new Map(labels.map((label) => [label.name, label.kind]));
    let spans;
    try {
      spans = await recogniser.recognise(text, labels.map((label) => label.name));
    } catch (error) {
      const failure = error instanceof RecogniserFailure ? error : new RecogniserFailure(config.name, 'crashed', `failed (${error instanceof Error ? error.message : String(error)})`);
      this.reportOnce(failure);
      throw failure;
    }
    const mapped = mapLabels(spans, config.labels, (label) => kinds.get(label));
    if (mapped.unknown.length > 0) {
      const example = JSON.stringify({ [mapped.unknown[0]!]: 'PERSON' });
      this.reportOnce(new RecogniserFailure(config.name, 'label', `answered labels this project does not have: ${mapped.unknown.join(', ')}; their spans are left out (map them in its "labels" in marginalia.json, such as ${example})`));
    }
    return { config, spans: mapped.spans };
  }

  close(): void {
    for (const { recogniser } of this.recognisers) recogniser.close();
  }

  private reportOnce(failure: RecogniserFailure): void {
    const key = `${failure.recogniser}\u0000${failure.kind satisfies FailureKind}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.report(`Marginalia: ${failure.message}${failure.kind === 'label' ? '' : "; the detector's suggestions show without it"}.`);
  }
}

function recogniserFor(config: RecogniserConfig, folder: string): Recogniser {
  if (config.command) return new ProcessRecogniser({ ...config, command: config.command }, folder);
  return new HttpRecogniser({ ...config, url: config.url! });
}

/**
 * The recogniser sets of the projects in use, one per marginalia.json, made again (the old processes
 * stopped) when the file's recognisers change. Every process is stopped when this one exits.
 */
export class ProjectRecognisers {
  private readonly sets = new Map<string, { key: string; set: RecogniserSet }>();

  constructor(private readonly report: (message: string) => void) {
    process.once('exit', () => this.closeAll());
  }

  /** The set for the project in `folder`, or undefined when it names no recogniser. */
  of(folder: string, configs: readonly RecogniserConfig[] | undefined): RecogniserSet | undefined {
    const key = JSON.stringify(configs ?? []);
    const known = this.sets.get(folder);
    if (known?.key === key) return known.set;
    known?.set.close();
    this.sets.delete(folder);
    if (!configs?.length) return undefined;
    const set = new RecogniserSet(configs, folder, this.report);
    this.sets.set(folder, { key, set });
    return set;
  }

  closeAll(): void {
    for (const { set } of this.sets.values()) set.close();
    this.sets.clear();
  }
}
