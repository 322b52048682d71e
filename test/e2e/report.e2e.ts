/// <reference lib="dom" />
/**
 * End to end, as a reviewer works: code-server with Marginalia on a workspace holding the agreement
 * fixtures (two annotators, "ann" and "bob", and a few tags of a third, "carol"), some of their tags
 * approved. Open the Corpus view from the command palette and find each article with its counts, see
 * a sidecar changed on disk counted anew, click an article and land on its first tag to review, open
 * a folder of 250 articles and load past its first 200 with its "Load more" row, then
 * open the report (picking ann and bob among the three), wait for its charts, and export its data as
 * JSON and CSV: the same as `marginalia report --annotators ann,bob` prints. Screenshots go to
 * test-results/ (look at them).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { describeProgress, summarizeArticle } from '../../server/src/core/review/corpusSummary';
import { type Tag } from '../../server/src/core/sidecar';
import { SidecarStore } from '../../server/src/node/sidecarStore';
import { screenshot } from '../support/browser';
import { openSeedsWorkbench, waitForFile, type Workbench } from '../support/workbench';
import { PROJECT_ROOT } from '../support/projectRoot';

const FIXTURES = path.join(PROJECT_ROOT, 'test', 'fixtures', 'agreement');
const CORPUS = 'agreement';
const OPENED = '001_2a083d8a6e258254.txt';
const CHANGED = '004_20007e029abd094d.txt';
const UI_TIMEOUT_MS = 30_000;
/** A folder of more articles than the view shows at once (200): it opens folded, and ends in a "Load more" row. */
const WIRE = 'wire';
const WIRE_ARTICLES = 250;
const wireName = (n: number) => `w${String(n).padStart(3, '0')}.txt`;

/** The first `count` tags of an article's sidecar (by position) get `status`. */
async function setStatus(article: string, count: number, status: Tag['status']): Promise<void> {
  await new SidecarStore().update(article, (sidecar) => ({
    ...sidecar,
    annotations: sidecar.annotations.map((tag, index) => (index < count && tag.status === 'accepted' ? { ...tag, status } : tag)),
  }));
}

/** What the Corpus view should say of an article: the core's summary of its files. */
async function expectedDescription(article: string): Promise<string> {
  const { sidecar } = await new SidecarStore().read(article);
  return describeProgress(summarizeArticle(await readFile(article, 'utf8'), sidecar.annotations));
}

const marginalia = (...args: string[]) => spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'marginalia.js'), ...args], { encoding: 'utf8' });

describe('corpus view and report in the browser', () => {
  let workbench: Workbench;
  let page: Page;
  let corpus = '';

  before(async () => {
    workbench = await openSeedsWorkbench('report', {
      extensionPaths: [PROJECT_ROOT],
      settings: { 'marginalia.annotator': 'e2e-reviewer' },
      async prepare(workspace) {
        corpus = path.join(workspace, CORPUS);
        await mkdir(corpus);
        for (const name of await readdir(FIXTURES)) if (/\.(txt|annotations\.json)$/.test(name)) await copyFile(path.join(FIXTURES, name), path.join(corpus, name));
        // A marginalia.json makes the folder a corpus: its .txt files are articles.
        await writeFile(path.join(corpus, 'marginalia.json'), '{}\n');
        // A reviewer has been here: some tags approved (still the annotators' claims, so agreement is unchanged).
        await setStatus(path.join(corpus, '003_afca2f42aae88a77.txt'), 150, 'approved');
        await setStatus(path.join(corpus, '000_d6449e741489756f.txt'), 40, 'approved');
        await mkdir(path.join(workspace, WIRE));
        await writeFile(path.join(workspace, WIRE, 'marginalia.json'), '{}\n');
        for (let n = 0; n < WIRE_ARTICLES; n++) await writeFile(path.join(workspace, WIRE, wireName(n)), `Wire story ${n} from Kyiv.\n`);
        // A third annotator, so that the report asks which two to compare.
        await new SidecarStore().update(path.join(corpus, '002_41c27c843f947f33.txt'), (sidecar) => ({
          ...sidecar,
          annotations: [...sidecar.annotations, ...sidecar.annotations.filter((tag) => tag.annotator === 'ann').slice(0, 8).map((tag, index) => ({ ...tag, id: `carol-${index}`, annotator: 'carol' }))],
        }));
      },
    });
    page = workbench.page;
  });

  after(() => workbench?.close());

  const runCommand = async (title: string) => {
    await page.keyboard.press('Control+Shift+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await input.fill(`>${title}`);
    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await page.keyboard.press('Enter');
  };
  const corpusView = () => page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Corpus' }) });
  /** The row of an article of the corpus (seeds/ has articles of the same names): its accessible name starts with its path. */
  const articleRow = (name: string): Locator => corpusView().locator(`.monaco-list-row[aria-label^="${CORPUS}/${name},"]`);
  const descriptionOf = async (name: string) => (await articleRow(name).locator('.label-description').textContent()) ?? '';
  const report = (): FrameLocator => page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');

  it('lists every article with its tags counted by review state in the Corpus view, opened from the command palette', async () => {
    // The palette knows the extension's commands once its view container is in the activity bar.
    await page.locator('.activitybar .action-item a[aria-label^="Marginalia"]').waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await runCommand('Marginalia: Focus on Corpus View');
    for (const name of (await readdir(corpus)).filter((file) => file.endsWith('.txt'))) {
      await articleRow(name).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
      assert.equal(await descriptionOf(name), await expectedDescription(path.join(corpus, name)), name);
    }
    assert.match((await corpusView().locator('.monaco-list-row', { hasText: CORPUS }).first().textContent()) ?? '', /\d+% · \d+\/946 reviewed · 5 articles/);
    await screenshot(page, 'report-1-corpus-view');
  });

  it('counts anew when a sidecar changes on disk', async () => {
    const article = path.join(corpus, CHANGED);
    const before = await descriptionOf(CHANGED);
    await setStatus(article, 30, 'approved');
    const expected = await expectedDescription(article);
    assert.notEqual(expected, before);
    await articleRow(CHANGED).locator('.label-description', { hasText: expected }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  });

  it('opens a clicked article on its first tag to review, with the same counts in the status bar', async () => {
    await articleRow(OPENED).click();
    await page.locator('.tabs-container .tab.active', { hasText: OPENED }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    const article = path.join(corpus, OPENED);
    const { sidecar } = await new SidecarStore().read(article);
    const first = [...sidecar.annotations].sort((a, b) => a.start - b.start).find((tag) => tag.status === 'accepted' || tag.status === 'proposed' || tag.status === 'conflict')!;
    const text = await readFile(article, 'utf8');
    const line = text.slice(0, first.start).split('\n').length;
    // VS Code says where the selection is: "Ln 3, Col 1 (7 selected)".
    await page.locator('.statusbar-item', { hasText: new RegExp(`Ln ${line}, Col \\d+ \\(${first.text.length} selected\\)`) }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    const summary = summarizeArticle(text, sidecar.annotations);
    const { accepted, approved } = summary.counts;
    await page.locator('.statusbar-item', { hasText: `${accepted + approved} tagged · ${approved} approved · ${summary.total - summary.reviewed} to review` }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await screenshot(page, 'report-2-article-to-review');
  });

  it('shows the report as charts, with the figures of marginalia agreement', async () => {
    await runCommand('Marginalia: Show Agreement and Report');
    // Three annotators: the first two are ticked, Enter compares them.
    await page.locator('.quick-input-widget', { hasText: 'pick the two annotators to compare' }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    const ticked = page.locator('.quick-input-list .monaco-list-row[aria-checked="true"]');
    await ticked.nth(1).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    // Rows by their accessible names: a row reused from the command palette keeps a hidden "similar commands" separator in its text.
    assert.deepEqual(await ticked.evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label'))), ['ann', 'bob']);
    await page.keyboard.press('Enter');
    await report().locator('svg.chart').nth(2).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    assert.equal(await report().locator('svg.chart').count(), 3, 'tags per label, agreement per label, review progress');
    assert.ok((await report().locator('svg.chart rect.state-approved').count()) > 0, 'approved tags are drawn');
    const measured = JSON.parse(marginalia('agreement', '--annotators', 'ann,bob', '--format', 'json', corpus).stdout);
    await report().locator('.card .figure', { hasText: measured.corpus.overall.exact.f1.toFixed(3) }).waitFor({ state: 'visible' });
    // A window as tall as the report, so that one screenshot shows all three charts.
    const hidden = await report().locator('body').evaluate((body) => body.scrollHeight - window.innerHeight);
    const viewport = page.viewportSize()!;
    await page.setViewportSize({ width: viewport.width, height: viewport.height + Math.max(0, hidden) });
    const frame = await (await report().locator('body').elementHandle())!.ownerFrame();
    await frame!.waitForFunction(() => document.body.scrollHeight <= window.innerHeight + 1, undefined, { timeout: UI_TIMEOUT_MS });
    await page.mouse.move(5, 5);
    await screenshot(page, 'report-charts');
    await page.setViewportSize(viewport);
  });

  it('opens a large folder when clicked, 200 articles at a time, and loads the rest from its "Load more" row', async () => {
    await runCommand('Marginalia: Focus on Corpus View');
    const folder = corpusView().locator('.monaco-list-row', { hasText: WIRE });
    await folder.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    assert.equal(await folder.getAttribute('aria-expanded'), 'false', 'a folder of more than a page opens folded');
    assert.match((await folder.textContent()) ?? '', new RegExp(`no tags yet · ${WIRE_ARTICLES} articles`));
    await folder.click();
    const wireRow = (n: number) => corpusView().locator(`.monaco-list-row[aria-label^="${WIRE}/${wireName(n)},"]`);
    await wireRow(0).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    // The tree draws only the rows in sight: End goes to the last row, the "Load more" one.
    await page.keyboard.press('End');
    const more = corpusView().locator('.monaco-list-row.focused', { hasText: 'Load 50 more…' });
    await more.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    assert.match((await more.textContent()) ?? '', /\(shown 200 of 250\)/);
    await screenshot(page, 'report-3-corpus-load-more');
    await more.click();
    await more.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    await page.keyboard.press('End');
    await corpusView().locator(`.monaco-list-row.focused[aria-label^="${WIRE}/${wireName(WIRE_ARTICLES - 1)},"]`).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await screenshot(page, 'report-4-corpus-all-loaded');
  });

  for (const format of ['json', 'csv'] as const) {
    it(`exports the report's data as ${format.toUpperCase()}, as marginalia report prints it`, async () => {
      await report().locator('button', { hasText: `Export ${format.toUpperCase()}` }).click();
      // The save dialog offers marginalia-report.<format> in the workspace folder.
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
      await page.waitForFunction((suffix) => (document.querySelector('.quick-input-widget input') as HTMLInputElement | null)?.value.endsWith(suffix) === true, `marginalia-report.${format}`, { timeout: UI_TIMEOUT_MS });
      await page.keyboard.press('Enter');
      const exported = await waitForFile(path.join(workbench.workspace, `marginalia-report.${format}`), UI_TIMEOUT_MS, (text) => text.endsWith('\n'));
      const printed = marginalia('report', '--annotators', 'ann,bob', '--format', format, workbench.workspace);
      assert.equal(printed.status, 0, printed.stderr);
      assert.equal(exported, printed.stdout);
      await page.locator('.tabs-container .tab', { hasText: `marginalia-report.${format}` }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    });
  }
});
