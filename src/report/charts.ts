/**
 * The report's charts as inline SVG strings: horizontal bars, drawn by hand so that the webview needs
 * no chart library and no network. Colours come from CSS classes (theme variables, see
 * reportHtml.ts) except each label's own colour, so the charts read in light and dark themes alike.
 */
import type { LabelAgreement, RelationTypeAgreement } from '../../server/src/core/agreement';
import type { ArticleProgress, CorpusReport, LabelDistribution, MeasuredAgreement, ReviewProgress } from '../../server/src/core/report/corpusReport';
import type { ReviewState } from '../../server/src/core/review/reviewState';

/** Decided first, so that each bar fills from the left as review progresses. */
export const STACK_ORDER: readonly ReviewState[] = ['approved', 'rejected', 'accepted', 'proposed', 'orphaned', 'conflict'];

export const STATE_NAMES: Record<ReviewState, string> = {
  approved: 'approved',
  rejected: 'rejected',
  accepted: 'accepted, not reviewed',
  proposed: 'proposed by a tool',
  orphaned: 'orphaned (text changed)',
  conflict: 'in conflict',
};

const AGREEMENT_SERIES = [
  { key: 'exact', name: 'span F1, exact', figure: (figures: LabelAgreement) => figures.exact.f1 },
  { key: 'overlap', name: 'span F1, overlap', figure: (figures: LabelAgreement) => figures.overlap.f1 },
  { key: 'kappa', name: "Cohen's kappa (tokens)", figure: (figures: LabelAgreement) => figures.kappa },
] as const;

/** Rows beyond this are left out of the progress chart (they are all in the exported data). */
export const MAX_PROGRESS_ROWS = 200;

const WIDTH = 860;
const SWATCH = 10;
const LEGEND_HEIGHT = 30;
const AXIS_HEIGHT = 40;

/** Tags per label, one stacked bar a label, split by review state. */
export function labelDistributionChart(labels: readonly LabelDistribution[]): string {
  if (labels.length === 0) return emptyChart('No tags yet.');
  const rowHeight = 24;
  const nameWidth = namesWidth(labels.map((label) => label.label)) + SWATCH + 8;
  const plot = { left: nameWidth + 12, right: WIDTH - 64, top: LEGEND_HEIGHT + 8 };
  const height = plot.top + labels.length * rowHeight + AXIS_HEIGHT;
  const max = Math.max(...labels.map((label) => label.total));
  const ticks = niceTicks(max);
  const scale = linearScale(0, ticks[ticks.length - 1], plot.left, plot.right);
  const parts = [stateLegend(plot.left), verticalGrid(ticks, scale, plot.top, height - AXIS_HEIGHT)];
  labels.forEach((label, row) => {
    const y = plot.top + row * rowHeight;
    parts.push(labelName(label.label, label.color, nameWidth, y + rowHeight / 2));
    let x = scale(0);
    for (const state of STACK_ORDER) {
      const count = label.counts[state];
      if (count === 0) continue;
      const width = scale(count) - scale(0);
      parts.push(rect(x, y + 4, width, rowHeight - 8, `state-${state}`, `${label.label}: ${count} ${STATE_NAMES[state]}`));
      x += width;
    }
    parts.push(text(x + 6, y + rowHeight / 2, String(label.total), 'value', 'start'));
  });
  parts.push(xAxis(ticks, scale, height - AXIS_HEIGHT, 'tags', String));
  return svg(height, 'Tags per label by review state', parts);
}

/** Span F1 (exact, overlap) and kappa per label, overall first: three bars a label on one 0–1 scale. */
export function agreementChart(agreement: MeasuredAgreement, labelOrder: readonly LabelDistribution[]): string {
  const colors = new Map(labelOrder.map((label) => [label.label, label.color]));
  const order = new Map(labelOrder.map((label, index) => [label.label, index]));
  const rows: Array<{ name: string; color?: string; figures: LabelAgreement; overall?: true }> = [
    { name: 'all labels', figures: agreement.corpus.overall, overall: true },
    ...Object.entries(agreement.corpus.byLabel)
      .sort(([a], [b]) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || (a < b ? -1 : 1))
      .map(([name, figures]) => ({ name, color: colors.get(name), figures })),
  ];
  const barHeight = 8;
  const groupHeight = AGREEMENT_SERIES.length * (barHeight + 2) + 12;
  const nameWidth = namesWidth(rows.map((row) => row.name)) + SWATCH + 8;
  const plot = { left: nameWidth + 12, right: WIDTH - 52, top: LEGEND_HEIGHT + 8 };
  const height = plot.top + rows.length * groupHeight + AXIS_HEIGHT;
  // Kappa falls below 0 when annotators agree less than chance would have them; a hair below is 0 drawn.
  const lowest = Math.min(0, ...rows.map((row) => row.figures.kappa));
  const ticks = lowest < -0.005 ? [Math.floor(lowest * 4) / 4, 0, 0.25, 0.5, 0.75, 1] : [0, 0.25, 0.5, 0.75, 1];
  const scale = linearScale(ticks[0], 1, plot.left, plot.right);
  const parts = [legend(plot.left, AGREEMENT_SERIES.map((series) => ({ className: `series-${series.key}`, name: series.name }))), verticalGrid(ticks, scale, plot.top, height - AXIS_HEIGHT)];
  rows.forEach((row, index) => {
    const y = plot.top + index * groupHeight;
    const [first, second] = row.figures.claims;
    parts.push(labelName(row.name, row.color, nameWidth, y + groupHeight / 2 - 6, row.overall ? 'name strong' : 'name', `${row.name}: ${first} and ${second} claims (${agreement.annotators.join(', ')})`));
    AGREEMENT_SERIES.forEach((series, seriesIndex) => {
      const value = series.figure(row.figures);
      const barY = y + seriesIndex * (barHeight + 2);
      const from = scale(Math.min(0, value));
      const width = Math.abs(scale(value) - scale(0));
      parts.push(rect(from, barY, Math.max(width, 1), barHeight, `series-${series.key}`, `${row.name}, ${series.name}: ${decimals(value, 3)}`));
      parts.push(text(Math.max(scale(value), scale(0)) + 4, barY + barHeight / 2, decimals(value), 'value small', 'start'));
    });
    if (row.overall) parts.push(line(0, y + groupHeight - 5, WIDTH, y + groupHeight - 5, 'separator'));
  });
  parts.push(xAxis(ticks, scale, height - AXIS_HEIGHT, `${agreement.annotators[0]} and ${agreement.annotators[1]}: 1 is perfect agreement, 0 what chance gives (kappa)`, (tick) => String(tick)));
  return svg(height, `Agreement of ${agreement.annotators.join(' and ')} per label`, parts);
}

const RELATION_SERIES = [
  { key: 'exact', name: 'relation F1, exact', figure: (figures: RelationTypeAgreement) => figures.exact.f1 },
  { key: 'overlap', name: 'relation F1, overlap', figure: (figures: RelationTypeAgreement) => figures.overlap.f1 },
] as const;

/** Relation F1 (exact, overlap) per relation type, all types first: two bars a type on one 0–1 scale. */
export function relationAgreementChart(agreement: MeasuredAgreement): string {
  const relations = agreement.corpus.relations;
  if (!relations) return emptyChart('No relations yet.');
  const rows: Array<{ name: string; figures: RelationTypeAgreement; overall?: true }> = [{ name: 'all relations', figures: relations, overall: true }, ...Object.entries(relations.byType).map(([name, figures]) => ({ name, figures }))];
  const barHeight = 8;
  const groupHeight = RELATION_SERIES.length * (barHeight + 2) + 12;
  const nameWidth = namesWidth(rows.map((row) => row.name)) + 8;
  const plot = { left: nameWidth + 12, right: WIDTH - 52, top: LEGEND_HEIGHT + 8 };
  const height = plot.top + rows.length * groupHeight + AXIS_HEIGHT;
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const scale = linearScale(0, 1, plot.left, plot.right);
  const parts = [legend(plot.left, RELATION_SERIES.map((series) => ({ className: `series-${series.key}`, name: series.name }))), verticalGrid(ticks, scale, plot.top, height - AXIS_HEIGHT)];
  rows.forEach((row, index) => {
    const y = plot.top + index * groupHeight;
    const [first, second] = row.figures.claims;
    parts.push(labelName(row.name, undefined, nameWidth, y + groupHeight / 2 - 6, row.overall ? 'name strong' : 'name', `${row.name}: ${first} and ${second} relations (${agreement.annotators.join(', ')})`));
    RELATION_SERIES.forEach((series, seriesIndex) => {
      const value = series.figure(row.figures);
      const barY = y + seriesIndex * (barHeight + 2);
      parts.push(rect(scale(0), barY, Math.max(scale(value) - scale(0), 1), barHeight, `series-${series.key}`, `${row.name}, ${series.name}: ${decimals(value, 3)}`));
      parts.push(text(scale(value) + 4, barY + barHeight / 2, decimals(value), 'value small', 'start'));
    });
    if (row.overall) parts.push(line(0, y + groupHeight - 5, WIDTH, y + groupHeight - 5, 'separator'));
  });
  parts.push(xAxis(ticks, scale, height - AXIS_HEIGHT, `${agreement.annotators[0]} and ${agreement.annotators[1]}: 1 is perfect agreement`, (tick) => String(tick)));
  return svg(height, `Agreement of ${agreement.annotators.join(' and ')} per relation type`, parts);
}

/** One 100% bar an article (and one for the corpus), split by review state, with "reviewed/total · %". */
export function progressChart(progress: CorpusReport['progress'], notShown?: number): string {
  const shown = progress.articles.slice(0, MAX_PROGRESS_ROWS);
  const rows: Array<{ name: string; figures: ReviewProgress; overall?: true }> = [{ name: 'all articles', figures: progress.overall, overall: true }, ...shown.map((article: ArticleProgress) => ({ name: article.name, figures: article }))];
  const rowHeight = 22;
  const nameWidth = namesWidth(rows.map((row) => shorten(row.name)));
  const plot = { left: nameWidth + 12, right: WIDTH - 150, top: LEGEND_HEIGHT + 8 };
  // A page of a larger report says how many articles it leaves out.
  const left = notShown ?? progress.articles.length - shown.length;
  const height = plot.top + rows.length * rowHeight + AXIS_HEIGHT + (left > 0 ? 18 : 0);
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const scale = linearScale(0, 1, plot.left, plot.right);
  const parts = [stateLegend(plot.left), verticalGrid(ticks, scale, plot.top, plot.top + rows.length * rowHeight)];
  rows.forEach((row, index) => {
    const y = plot.top + index * rowHeight;
    const { figures } = row;
    parts.push(text(nameWidth, y + rowHeight / 2, shorten(row.name), row.overall ? 'name strong' : 'name', 'end', row.name));
    parts.push(rect(scale(0), y + 4, scale(1) - scale(0), rowHeight - 8, 'track'));
    let x = scale(0);
    for (const state of STACK_ORDER) {
      const count = figures.counts[state];
      if (count === 0) continue;
      const width = (scale(1) - scale(0)) * (count / figures.total);
      parts.push(rect(x, y + 4, width, rowHeight - 8, `state-${state}`, `${row.name}: ${count} ${STATE_NAMES[state]}`));
      x += width;
    }
    const summary = figures.total === 0 ? 'no tags yet' : `${figures.reviewed}/${figures.total} · ${figures.percent}%`;
    parts.push(text(scale(1) + 8, y + rowHeight / 2, summary, row.overall ? 'value strong' : 'value', 'start'));
    if (row.overall) parts.push(line(0, y + rowHeight + 1, WIDTH, y + rowHeight + 1, 'separator'));
  });
  const axisY = plot.top + rows.length * rowHeight;
  parts.push(xAxis(ticks, scale, axisY, 'share of tags', (tick) => `${tick * 100}%`));
  if (left > 0) parts.push(text(plot.left, axisY + AXIS_HEIGHT + 6, `… and ${left.toLocaleString('en-US')} more article${left === 1 ? '' : 's'} not shown here, all in the exported data`, 'note', 'start'));
  return svg(height, 'Review progress per article', parts);
}

/** The axis ticks for counts up to `max`: 0 and steps of 1, 2 or 5 times a power of ten, about five of them. */
export function niceTicks(max: number): number[] {
  if (max <= 0) return [0, 1];
  const rough = max / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? 10 * power;
  const ticks: number[] = [];
  for (let tick = 0; tick < max + step; tick += Math.max(1, step)) ticks.push(tick);
  return ticks;
}

/** Text for XML: &, <, > and quotes escaped, so that names from files can never break out. */
export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function stateLegend(x: number): string {
  return legend(x, STACK_ORDER.map((state) => ({ className: `state-${state}`, name: STATE_NAMES[state] })));
}

/** The legend above the plot, moved left if it would run past the right edge. */
function legend(x: number, entries: ReadonlyArray<{ className: string; name: string }>): string {
  const widthOf = (name: string) => SWATCH + 5 + textWidth(name) + 14;
  let at = Math.max(0, Math.min(x, WIDTH - entries.reduce((sum, { name }) => sum + widthOf(name), 0)));
  return entries
    .map(({ className, name }) => {
      const entry = `${rect(at, 8, SWATCH, SWATCH, className)}${text(at + SWATCH + 5, 8 + SWATCH / 2, name, 'legend', 'start')}`;
      at += widthOf(name);
      return entry;
    })
    .join('');
}

function labelName(name: string, color: string | undefined, right: number, y: number, className = 'name', tooltip?: string): string {
  const swatch = color ? `<rect x="${right - SWATCH}" y="${y - SWATCH / 2}" width="${SWATCH}" height="${SWATCH}" rx="2" fill="${escapeXml(color)}"/>` : '';
  return swatch + text(right - SWATCH - 6, y, name, className, 'end', tooltip);
}

function verticalGrid(ticks: readonly number[], scale: (value: number) => number, top: number, bottom: number): string {
  return ticks.map((tick) => line(scale(tick), top, scale(tick), bottom, tick === 0 ? 'axis' : 'grid')).join('');
}

function xAxis(ticks: readonly number[], scale: (value: number) => number, y: number, title: string, format: (tick: number) => string): string {
  const labels = ticks.map((tick) => text(scale(tick), y + 12, format(tick), 'tick', 'middle')).join('');
  const middle = (scale(ticks[0]) + scale(ticks[ticks.length - 1])) / 2;
  return line(scale(ticks[0]), y, scale(ticks[ticks.length - 1]), y, 'axis') + labels + text(middle, y + 30, title, 'axis-title', 'middle');
}

function svg(height: number, title: string, parts: readonly string[]): string {
  return `<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${Math.ceil(height)}" viewBox="0 0 ${WIDTH} ${Math.ceil(height)}" role="img" aria-label="${escapeXml(title)}"><title>${escapeXml(title)}</title>${parts.join('')}</svg>`;
}

function emptyChart(message: string): string {
  return `<p class="empty">${escapeXml(message)}</p>`;
}

function rect(x: number, y: number, width: number, height: number, className: string, tooltip?: string): string {
  const shape = `x="${round(x)}" y="${round(y)}" width="${round(Math.max(0, width))}" height="${round(height)}" class="${className}"`;
  return tooltip ? `<rect ${shape}><title>${escapeXml(tooltip)}</title></rect>` : `<rect ${shape}/>`;
}

function line(x1: number, y1: number, x2: number, y2: number, className: string): string {
  return `<line x1="${round(x1)}" y1="${round(y1)}" x2="${round(x2)}" y2="${round(y2)}" class="${className}"/>`;
}

function text(x: number, y: number, content: string, className: string, anchor: 'start' | 'middle' | 'end', tooltip?: string): string {
  const title = tooltip ? `<title>${escapeXml(tooltip)}</title>` : '';
  return `<text x="${round(x)}" y="${round(y)}" class="${className}" text-anchor="${anchor}" dominant-baseline="central">${title}${escapeXml(content)}</text>`;
}

function linearScale(from: number, to: number, left: number, right: number): (value: number) => number {
  return (value) => left + ((value - from) / (to - from || 1)) * (right - left);
}

function namesWidth(names: readonly string[]): number {
  return Math.min(260, Math.max(60, ...names.map(textWidth)));
}

/** A generous estimate of a name's width in a 12px UI font (capitals are wider), since SVG text cannot be measured here. */
function textWidth(text: string): number {
  let width = 0;
  for (const character of text) width += /[A-Z0-9_]/.test(character) ? 8.2 : /[a-z]/.test(character) ? 6.6 : 4.5;
  return width;
}

/** Long paths keep their end, where the file name is: "…/2024/05/article.txt". */
function shorten(name: string): string {
  return name.length > 36 ? `…${name.slice(-35)}` : name;
}

/** Two decimals (or `digits`), without the "-0.00" of a value a hair below zero. */
function decimals(value: number, digits = 2): string {
  const text = value.toFixed(digits);
  return Number(text) === 0 ? (0).toFixed(digits) : text;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
