import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Text too long to hold (a CSV row or a JSON figure for each of 100,000 articles), written to a
 * temporary file as it comes and printed from there later, a megabyte at a time: memory holds one
 * piece at a time. The temporary file is removed by `print` (or `discard`).
 */
export class TextSpool {
  private readonly folder = mkdtempSync(join(tmpdir(), 'marginalia-spool-'));
  private readonly fd = openSync(join(this.folder, 'spooled'), 'w+');
  private closed = false;

  add(text: string): void {
    if (text !== '') writeSync(this.fd, text);
  }

  /** Everything added, in order, to `out`; then the file is removed. */
  print(out: (chunk: string) => void): void {
    const buffer = Buffer.allocUnsafe(1024 * 1024);
    let position = 0;
    const decoder = new TextDecoder();
    for (;;) {
      const read = readSync(this.fd, buffer, 0, buffer.length, position);
      if (read === 0) break;
      out(decoder.decode(buffer.subarray(0, read), { stream: true }));
      position += read;
    }
    const rest = decoder.decode();
    if (rest !== '') out(rest);
    this.discard();
  }

  discard(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
    rmSync(this.folder, { recursive: true, force: true });
  }
}
