import { DEFAULT_TIMEOUT_SECONDS, isLoopbackUrl, type RecogniserConfig } from '../../core/recognisers/config';
import { labelStudioRequest, parseLabelStudioResponse } from '../../core/recognisers/labelStudio';
import { RecogniserFailure, quote, type ModelSpan } from '../../core/recognisers/protocol';
import type { Recogniser } from './recogniser';

/**
 * A Label Studio ML backend (marginalia.json "url"): each article is POSTed to `<url>/predict` as one
 * task. Only this machine is spoken to unless the project sets `"allowRemote": true`: articles may be
 * confidential, and a URL is easily copied from elsewhere.
 */
export class HttpRecogniser implements Recogniser {
  private nextTask = 1;

  constructor(private readonly config: RecogniserConfig & { url: string }) {}

  get name(): string {
    return this.config.name;
  }

  async recognise(text: string, labels: readonly string[]): Promise<ModelSpan[]> {
    const { url, allowRemote } = this.config;
    if (!allowRemote && !isLoopbackUrl(url)) {
      throw new RecogniserFailure(this.name, 'refused', `was not asked: ${url} is not this machine, and articles are sent to another one only with "allowRemote": true in marginalia.json`);
    }
    const predict = new URL('predict', url.endsWith('/') ? url : `${url}/`).href;
    const seconds = this.config.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
    let response: Response;
    let body: string;
    try {
      response = await fetch(predict, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(labelStudioRequest(text, this.nextTask++, labels)),
        signal: AbortSignal.timeout(seconds * 1000),
      });
      body = await response.text();
    } catch (error) {
      if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) throw new RecogniserFailure(this.name, 'timeout', `gave no answer from ${predict} within ${seconds} s`);
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new RecogniserFailure(this.name, 'unreachable', `could not be reached at ${predict} (${cause?.code ?? cause?.message ?? (error as Error).message})`);
    }
    if (!response.ok) throw new RecogniserFailure(this.name, 'unreachable', `answered HTTP ${response.status} at ${predict}${body.trim() ? ` (${quote(body)})` : ''}`);
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw new RecogniserFailure(this.name, 'garbage', `answered something that is not JSON at ${predict} (${quote(body)})`);
    }
    const parsed = parseLabelStudioResponse(json, text);
    if ('problem' in parsed) throw new RecogniserFailure(this.name, parsed.problem.includes('outside the text') ? 'offsets' : 'garbage', parsed.problem);
    return parsed.spans;
  }

  close(): void {}
}
