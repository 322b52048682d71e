import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { DEFAULT_TIMEOUT_SECONDS, type RecogniserConfig } from '../../core/recognisers/config';
import { RecogniserFailure, offsetProblem, parseProcessReply, processRequestLine, quote, type ModelSpan } from '../../core/recognisers/protocol';
import type { Recogniser } from './recogniser';
import { CodePointIndex } from '../../core/base/offsets';

/** Failures in a row (crashes, hangs, garbage) after which the process is not started again until the project changes. */
const MAX_FAILURES_IN_A_ROW = 3;

interface Pending {
  resolve: (spans: ModelSpan[]) => void;
  reject: (failure: RecogniserFailure) => void;
  /** Code points of the article: spans must lie inside. */
  length: number;
  timer: NodeJS.Timeout;
}

/**
 * A recogniser run as a process of the project's (marginalia.json "command"), in the folder of
 * marginalia.json, spoken to with one JSON object a line: `{"id","text"}` on its stdin, `{"id","spans"}`
 * on its stdout. Started on the first article and kept for the next ones (a model loads once).
 * Restart policy: a process that exits, hangs past the timeout (it is then killed) or answers something
 * that is not the protocol fails the articles it held, and is started again for the next article, up
 * to three failures in a row; after that, and when the program does not exist, it is not started again
 * until the project file changes.
 */
export class ProcessRecogniser implements Recogniser {
  private child?: ChildProcessWithoutNullStreams;
  private readonly pending = new Map<string, Pending>();
  private nextId = 1;
  private buffered = '';
  /** The last lines it wrote on stderr: said when it crashes, as a Python traceback ends with the error. */
  private stderrTail = '';
  private failuresInARow = 0;
  private gaveUp?: RecogniserFailure;

  constructor(
    private readonly config: RecogniserConfig & { command: string[] },
    private readonly cwd: string,
  ) {}

  get name(): string {
    return this.config.name;
  }

  recognise(text: string): Promise<ModelSpan[]> {
    if (this.gaveUp) return Promise.reject(this.gaveUp);
    const child = this.child ?? this.start();
    const id = String(this.nextId++);
    const seconds = this.config.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
    return new Promise<ModelSpan[]>((resolve, reject) => {
      const timer = setTimeout(() => this.fail(child, new RecogniserFailure(this.name, 'timeout', `gave no answer within ${seconds} s (it was stopped, and is started again for the next article)`)), seconds * 1000);
      this.pending.set(id, { resolve, reject, length: new CodePointIndex(text).length, timer });
      child.stdin.write(processRequestLine(id, text));
    });
  }

  close(): void {
    const child = this.child;
    this.child = undefined;
    for (const pending of this.pending.values()) clearTimeout(pending.timer);
    this.pending.clear();
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }

  private start(): ChildProcessWithoutNullStreams {
    const [program, ...args] = this.config.command;
    const child = spawn(program!, args, { cwd: this.cwd, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    this.child = child;
    this.buffered = '';
    this.stderrTail = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => this.received(child, chunk));
    child.stderr.on('data', (chunk: string) => (this.stderrTail = (this.stderrTail + chunk).slice(-2000)));
    // Writing to a process that has just died: its exit says what happened.
    child.stdin.on('error', () => undefined);
    child.on('error', (error: NodeJS.ErrnoException) => {
      const missing = error.code === 'ENOENT' || error.code === 'EACCES';
      const failure = missing
        ? new RecogniserFailure(this.name, 'missing', `could not be started: ${quote(program!)} ${error.code === 'ENOENT' ? 'was not found' : 'is not executable'} (command ${JSON.stringify(this.config.command)}, run in ${this.cwd})`)
        : new RecogniserFailure(this.name, 'crashed', `could not be started (${error.message})`);
      if (missing) this.gaveUp = failure;
      this.fail(child, failure);
    });
    child.on('exit', (code, signal) => {
      if (this.child !== child) return;
      const lastLine = this.stderrTail.trim().split('\n').pop();
      this.fail(child, new RecogniserFailure(this.name, 'crashed', `exited ${signal ? `on signal ${signal}` : `with code ${code}`}${lastLine ? ` (its last words: ${quote(lastLine)})` : ''}`));
    });
    return child;
  }

  private received(child: ChildProcessWithoutNullStreams, chunk: string): void {
    if (this.child !== child) return;
    this.buffered += chunk;
    let newline: number;
    while ((newline = this.buffered.indexOf('\n')) >= 0) {
      const line = this.buffered.slice(0, newline).trim();
      this.buffered = this.buffered.slice(newline + 1);
      if (line === '') continue;
      const reply = parseProcessReply(line);
      if ('problem' in reply) return this.fail(child, new RecogniserFailure(this.name, 'garbage', reply.problem));
      const pending = this.pending.get(reply.id);
      // An answer to an article given up on (it timed out): nobody waits for it.
      if (!pending) continue;
      this.pending.delete(reply.id);
      clearTimeout(pending.timer);
      this.failuresInARow = 0;
      const problem = offsetProblem(reply.spans, pending.length);
      if (problem) pending.reject(new RecogniserFailure(this.name, 'offsets', problem));
      else pending.resolve(reply.spans);
    }
  }

  /** The process cannot be trusted with what it holds: it is stopped, and every article waiting on it fails. */
  private fail(child: ChildProcessWithoutNullStreams, failure: RecogniserFailure): void {
    if (this.child !== child) return;
    this.child = undefined;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    if (!this.gaveUp && ++this.failuresInARow >= MAX_FAILURES_IN_A_ROW) {
      this.gaveUp = new RecogniserFailure(this.name, failure.kind, `${failure.detail}; after ${MAX_FAILURES_IN_A_ROW} failures in a row it is not started again until marginalia.json changes`);
    }
    for (const pending of this.pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(failure);
    }
    this.pending.clear();
  }
}
