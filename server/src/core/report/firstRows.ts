/**
 * The first `count` of rows met one at a time, in `compare` order, holding at most twice that many
 * whatever comes: a page of a long table (the 200 articles most in need of review among 100,000).
 */
export class FirstRows<T> {
  private rows: T[] = [];
  /** Rows met in all. */
  seen = 0;

  constructor(
    private readonly count: number,
    private readonly compare: (a: T, b: T) => number,
  ) {}

  add(row: T): void {
    this.seen++;
    this.rows.push(row);
    if (this.rows.length >= 2 * this.count + 64) this.trim();
  }

  /** The first `count`, in order. */
  result(): T[] {
    this.trim();
    return this.rows;
  }

  private trim(): void {
    this.rows.sort(this.compare);
    this.rows.length = Math.min(this.rows.length, this.count);
  }
}
