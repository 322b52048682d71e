import { randomBytes } from 'node:crypto';
import { TextSpool } from './textSpool';

/**
 * The elements of a JSON array too long to hold (a figure row for each of 100,000 articles), written
 * to a temporary file as they come, then printed in place of a placeholder in the document that holds
 * them: the output is exactly `JSON.stringify(document, null, 2)` with the array in it, and memory
 * holds one element at a time. The temporary file is removed by `print` (or `discard`).
 */
export class JsonArraySpool {
  /** Put in the document where the array goes: a string no path or label can hold. */
  readonly placeholder = `\u0000spool-${randomBytes(8).toString('hex')}\u0000`;
  private readonly spool = new TextSpool();
  private count = 0;

  /** `depth`: how many levels deep the array is in the document (2 for `{"agreement": {"documents": [...]}}`'s elements' parent at 1). */
  constructor(private readonly depth: number) {}

  get length(): number {
    return this.count;
  }

  add(element: unknown): void {
    const indent = '  '.repeat(this.depth + 1);
    const text = `${this.count === 0 ? '' : ','}\n${indent}${JSON.stringify(element, null, 2).replaceAll('\n', `\n${indent}`)}`;
    this.spool.add(text);
    this.count++;
  }

  /** `json` (the document printed with the placeholder as the array's value) to `out`, the array in its place. */
  print(json: string, out: (chunk: string) => void): void {
    const marker = JSON.stringify(this.placeholder);
    const at = json.indexOf(marker);
    if (at < 0) throw new Error('the document holds no place for the spooled array');
    out(json.slice(0, at));
    if (this.count === 0) out('[]');
    else {
      out('[');
      this.spool.print(out);
      out(`\n${'  '.repeat(this.depth)}]`);
    }
    out(json.slice(at + marker.length));
    this.discard();
  }

  discard(): void {
    this.spool.discard();
  }
}
