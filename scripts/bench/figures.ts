/** What the bench prints: one JSON object a line as each figure is measured, then a table of verdicts. */

/** A goal from the issue: the figure must be at most or at least `limit` (in the figure's unit). */
export interface Target {
  comparison: '<=' | '>=';
  limit: number;
}

interface Figure {
  name: string;
  /** null when the figure could not be measured on this machine; `unavailable` says why. */
  value: number | null;
  unit: string;
  target?: string;
  met?: boolean;
  unavailable?: string;
  [extra: string]: unknown;
}

const printed: Figure[] = [];

export function report(name: string, value: number, unit: string, target: Target | undefined, extras: Record<string, unknown> = {}): void {
  const verdict = target ? { target: `${target.comparison} ${target.limit}`, met: target.comparison === '<=' ? value <= target.limit : value >= target.limit } : {};
  print({ name, value, unit, ...verdict, ...extras });
}

export function reportUnavailable(name: string, unit: string, target: Target | undefined, reason: string): void {
  print({ name, value: null, unit, ...(target && { target: `${target.comparison} ${target.limit}` }), unavailable: reason });
}

function print(figure: Figure): void {
  printed.push(figure);
  console.log(JSON.stringify(figure));
}

/** The figures printed so far, one row each: figure, value, target, met / missed. */
export function table(): string {
  const rows = printed.map((figure) => [
    figure.name,
    figure.value === null ? 'unavailable' : `${figure.value} ${figure.unit}`,
    figure.target ?? '-',
    figure.unavailable !== undefined ? `unavailable: ${figure.unavailable}` : figure.met === undefined ? '-' : figure.met ? 'met' : 'missed',
  ]);
  const header = ['figure', 'value', 'target', 'verdict'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 3 ? cell : cell.padEnd(widths[column]))).join('  ');
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}
