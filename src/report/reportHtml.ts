/**
 * The report webview's page: three charts (tags per label, agreement per label, review progress),
 * the figures in words, and buttons to export the data. Pure: no `vscode`, so it is unit-tested.
 * The Content-Security-Policy allows nothing but this page's own style and script (by nonce) and
 * images from the extension or data: URIs; nothing is loaded from anywhere.
 */
import type { LabelAgreement, RelationTypeAgreement } from '../../server/src/core/agreement';
import type { CorpusReportPage } from '../../server/src/api/protocol';
import type { CorpusReport, MeasuredAgreement } from '../../server/src/core/report/corpusReport';
import { agreementChart, escapeXml, labelDistributionChart, progressChart, relationAgreementChart } from './charts';

/** What the page's buttons ask of the extension. */
export const REPORT_ACTIONS = ['exportJson', 'exportCsv', 'pickAnnotators', 'refresh', 'previousPage', 'nextPage'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

export interface PageSecurity {
  /** Fresh for every page: only elements carrying it may style or script the page. */
  nonce: string;
  /** `webview.cspSource`: the extension's own files, for images. */
  cspSource: string;
}

/** A report the server answered a page of (CorpusReportPage): its articles' rows are one page. */
export type PagedReport = CorpusReport & { page?: CorpusReportPage['page'] };

export function reportHtml(report: PagedReport, { nonce, cspSource }: PageSecurity): string {
  const { overall, articles } = report.progress;
  const toReview = overall.total - overall.reviewed;
  const subtitle = [count(report.page?.articles ?? articles.length, 'article'), count(overall.total, 'tag'), report.annotators.length > 0 ? `annotators ${report.annotators.join(', ')}` : 'no annotator yet'].join(' · ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${cspSource} data:; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Marginalia report</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<header>
  <div>
    <h1>Corpus report</h1>
    <p class="subtitle">${escapeXml(subtitle)}</p>
  </div>
  <div class="actions">
    <button data-action="exportJson" title="Save the report's data as JSON (as marginalia report --format json prints it)">Export JSON</button>
    <button data-action="exportCsv" title="Save the report's data as CSV: one figure a row (section, article, label, measure, value)">Export CSV</button>
    ${report.annotators.length > 2 ? '<button class="secondary" data-action="pickAnnotators">Compare other annotators…</button>' : ''}
    <button class="secondary" data-action="refresh" title="Read the sidecars again">Refresh</button>
  </div>
</header>
<section class="cards">
  <div class="card"><div class="figure">${overall.total === 0 ? '—' : `${overall.percent}%`}</div><div class="caption">reviewed: ${overall.reviewed} of ${count(overall.total, 'tag')} approved or rejected</div></div>
  <div class="card"><div class="figure">${toReview}</div><div class="caption">to review: ${overall.counts.accepted} accepted, ${overall.counts.proposed} proposed, ${overall.counts.orphaned} orphaned, ${overall.counts.conflict} in conflict</div></div>
  ${agreementCard(report.agreement)}
</section>
<section>
  <h2>Tags per label</h2>
  <p class="caption">Every tag of every sidecar, by label and review state; labels in their colours from the label set.</p>
  ${labelDistributionChart(report.labels)}
</section>
<section>
  <h2>Agreement per label</h2>
  ${agreementSection(report)}
</section>
<section>
  <h2>Review progress</h2>
  <p class="caption">Share of each article's tags by review state; reviewed means approved or rejected.</p>
  ${pager(report)}
  ${progressChart(report.progress, report.page && report.page.articles - report.page.offset - articles.length)}
</section>
${unreadableSection(report)}
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>`;
}

/** Which articles the page shows, of how many, and buttons to the pages before and after. */
function pager(report: PagedReport): string {
  const { page } = report;
  if (!page) return '';
  const shown = report.progress.articles.length;
  const first = shown === 0 ? 0 : page.offset + 1;
  const hidden = page.articles - shown;
  const words = `Articles ${first.toLocaleString('en-US')}–${(page.offset + shown).toLocaleString('en-US')} of ${page.articles.toLocaleString('en-US')}, most tags to review first${hidden > 0 ? `; ${hidden.toLocaleString('en-US')} not shown` : ''}.`;
  const previous = page.offset > 0 ? '<button class="secondary" data-action="previousPage">Previous page</button>' : '';
  const next = page.offset + shown < page.articles ? `<button class="secondary" data-action="nextPage">Next page</button>` : '';
  return `<p class="pager">${escapeXml(words)} ${previous} ${next}</p>`;
}

function agreementCard(agreement: CorpusReport['agreement']): string {
  if (!agreement.measured) return `<div class="card"><div class="figure">—</div><div class="caption">agreement: ${escapeXml(agreement.reason)}</div></div>`;
  const { overall } = agreement.corpus;
  return `<div class="card"><div class="figure">${overall.exact.f1.toFixed(3)}</div><div class="caption">span F1 (exact) of ${escapeXml(agreement.annotators.join(' and '))}; overlap ${overall.overlap.f1.toFixed(3)}, kappa ${overall.kappa.toFixed(3)}</div></div>`;
}

function agreementSection(report: PagedReport): string {
  const { agreement } = report;
  if (!agreement.measured) return `<p class="notice">${escapeXml(agreement.reason[0].toUpperCase() + agreement.reason.slice(1))}.</p>`;
  const compared = `${count(report.page?.compared ?? agreement.documents.length, 'article')}, ${count(agreement.corpus.tokens, 'token')}`;
  return `<p class="caption">${escapeXml(agreement.annotators[0])}'s accepted and approved tags against ${escapeXml(agreement.annotators[1])}'s, on ${compared}: the figures of <code>npx marginalia agreement</code>. Exact: same start, end and label; overlap: same label, sharing a character.</p>
  ${agreementChart(agreement, report.labels)}
  ${agreementTable(agreement)}
  ${relationAgreement(agreement)}
  ${leftOut(agreement)}`;
}

/** Relation F1 per type, when either annotator made relations: same type and both ends matching. */
function relationAgreement(agreement: MeasuredAgreement): string {
  const relations = agreement.corpus.relations;
  if (!relations) return '';
  const [first, second] = agreement.annotators.map(escapeXml);
  const row = (name: string, figures: RelationTypeAgreement, className = '') =>
    `<tr class="${className}"><td>${escapeXml(name)}</td><td>${figures.claims[0]}</td><td>${figures.claims[1]}</td><td>${figures.exact.f1.toFixed(3)}</td><td>${figures.overlap.f1.toFixed(3)}</td></tr>`;
  const rows = [row('all relations', relations, 'strong'), ...Object.entries(relations.byType).map(([type, figures]) => row(type, figures))];
  return `<h3>Agreement per relation type</h3>
  <p class="caption">A relation matches when its type is the same and both ends match: exactly (same spans), or by overlap (each end sharing a character).</p>
  ${relationAgreementChart(agreement)}
  <details><summary>Relation figures as a table</summary><table><thead><tr><th>relation</th><th>${first}</th><th>${second}</th><th>exact F1</th><th>overlap F1</th></tr></thead><tbody>${rows.join('')}</tbody></table></details>`;
}

/** The figures as `marginalia agreement` prints them: three decimals, claims of each annotator. */
function agreementTable(agreement: MeasuredAgreement): string {
  const [first, second] = agreement.annotators.map(escapeXml);
  const row = (name: string, figures: LabelAgreement, className = '') =>
    `<tr class="${className}"><td>${escapeXml(name)}</td><td>${figures.claims[0]}</td><td>${figures.claims[1]}</td><td>${figures.exact.f1.toFixed(3)}</td><td>${figures.overlap.f1.toFixed(3)}</td><td>${figures.kappa.toFixed(3)}</td></tr>`;
  const rows = [row('all labels', agreement.corpus.overall, 'strong'), ...Object.entries(agreement.corpus.byLabel).map(([label, figures]) => row(label, figures))];
  return `<details><summary>Figures as a table</summary><table><thead><tr><th>label</th><th>${first}</th><th>${second}</th><th>exact F1</th><th>overlap F1</th><th>kappa</th></tr></thead><tbody>${rows.join('')}</tbody></table></details>`;
}

function leftOut(agreement: MeasuredAgreement): string {
  const items = [
    ...agreement.skipped.map(({ name, missing }) => `${name}: no tags by ${missing.join(' or ')} yet`),
    ...agreement.excluded.map(({ file, problem }) => `${file}: ${problem}`),
  ];
  return items.length === 0 ? '' : `<p class="caption">Left out of agreement:</p><ul class="caption">${items.map((item) => `<li>${escapeXml(item)}</li>`).join('')}</ul>`;
}

function unreadableSection(report: CorpusReport): string {
  if (report.unreadable.length === 0) return '';
  return `<section><h2>Files left out</h2><ul>${report.unreadable.map(({ file, problem }) => `<li><code>${escapeXml(file)}</code>: ${escapeXml(problem)}</li>`).join('')}</ul></section>`;
}

function count(amount: number, noun: string): string {
  return `${amount.toLocaleString('en-US')} ${noun}${amount === 1 ? '' : 's'}`;
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 12px 28px 40px; max-width: 900px; }
header { display: flex; justify-content: space-between; align-items: flex-start; gap: 16px; flex-wrap: wrap; }
h1 { font-size: 1.6em; font-weight: 600; margin: 8px 0 2px; }
h2 { font-size: 1.2em; font-weight: 600; margin: 28px 0 4px; padding-bottom: 4px; border-bottom: 1px solid var(--vscode-widget-border, var(--vscode-editorWidget-border)); }
.subtitle, .caption { color: var(--vscode-descriptionForeground); margin: 4px 0 8px; }
.notice { padding: 8px 12px; border-left: 3px solid var(--vscode-editorWarning-foreground); background: var(--vscode-textBlockQuote-background); }
.actions { display: flex; gap: 8px; margin-top: 12px; flex-wrap: wrap; }
button { font-family: inherit; font-size: inherit; padding: 5px 12px; border: 1px solid var(--vscode-button-border, transparent); border-radius: 2px; color: var(--vscode-button-foreground); background: var(--vscode-button-background); cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); }
button:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
button.secondary { color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); }
button.secondary:hover { background: var(--vscode-button-secondaryHoverBackground); }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 12px; margin: 16px 0 4px; }
.card { padding: 10px 14px; border-radius: 4px; background: var(--vscode-editorWidget-background); border: 1px solid var(--vscode-widget-border, transparent); }
.card .figure { font-size: 1.9em; font-weight: 600; }
.card .caption { margin: 2px 0 0; }
svg.chart { display: block; max-width: 100%; height: auto; margin: 6px 0 4px; }
svg text { fill: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: 12px; }
svg .strong { font-weight: 600; }
svg .value, svg .tick, svg .axis-title, svg .note { fill: var(--vscode-descriptionForeground); }
svg .tick, svg .axis-title, svg .small, svg .note { font-size: 10.5px; }
svg .legend { font-size: 11.5px; }
svg .grid { stroke: var(--vscode-descriptionForeground); stroke-opacity: 0.25; stroke-dasharray: 2 3; }
svg .axis { stroke: var(--vscode-descriptionForeground); stroke-opacity: 0.8; }
svg .separator { stroke: var(--vscode-descriptionForeground); stroke-opacity: 0.3; }
svg .track { fill: var(--vscode-descriptionForeground); fill-opacity: 0.12; }
svg .state-approved { fill: var(--vscode-charts-green); }
svg .state-rejected { fill: var(--vscode-descriptionForeground); fill-opacity: 0.55; }
svg .state-accepted { fill: var(--vscode-charts-blue); }
svg .state-proposed { fill: var(--vscode-charts-purple); }
svg .state-orphaned { fill: var(--vscode-charts-orange); }
svg .state-conflict { fill: var(--vscode-charts-red); }
svg .series-exact { fill: var(--vscode-charts-blue); }
svg .series-overlap { fill: var(--vscode-charts-purple); }
svg .series-kappa { fill: var(--vscode-charts-orange); }
svg rect:hover { fill-opacity: 0.8; }
.empty { color: var(--vscode-descriptionForeground); font-style: italic; }
table { border-collapse: collapse; margin: 8px 0; font-variant-numeric: tabular-nums; }
th, td { padding: 3px 12px; text-align: right; border-bottom: 1px solid var(--vscode-widget-border, var(--vscode-editorWidget-border)); }
th:first-child, td:first-child { text-align: left; }
tr.strong td { font-weight: 600; }
summary { cursor: pointer; color: var(--vscode-textLink-foreground); margin: 8px 0; }
code { font-family: var(--vscode-editor-font-family); }
`;

/** Buttons post their action to the extension, which does the rest (save dialogs, files, requests). */
const SCRIPT = `
const vscode = acquireVsCodeApi();
for (const button of document.querySelectorAll('button[data-action]')) {
  button.addEventListener('click', () => vscode.postMessage({ action: button.dataset.action }));
}
`;
