/// <reference lib="dom" />
/**
 * End to end, as an annotator works: code-server with Marginalia on a copy of seeds/, open an
 * article, see the highlights, press Ctrl+. on "Zelensky", pick "Tag as PERSON" with the keyboard,
 * see the highlight become a solid tag, and find the tag in the sidecar on disk. Screenshots go to
 * test-results/ (look at them).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, openFile, openWorkbench, screenshot } from '../harness/browser';
import { startCodeServer, type RunningCodeServer } from '../harness/codeServer';

const PROJECT = path.join(__dirname, '..', '..');
const ARTICLE = '000_d6449e741489756f.txt';

describe('tagging in the browser', () => {
  let scratch = '';
  let workspace = '';
  let server: RunningCodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page;

  before(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'marginalia-e2e-'));
    workspace = path.join(scratch, 'workspace');
    await cp(path.join(PROJECT, 'seeds'), path.join(workspace, 'seeds'), { recursive: true, filter: (source) => !source.endsWith('.annotations.json') });
    server = await startCodeServer({ workspace, extensionPaths: [PROJECT], settings: { 'marginalia.annotator': 'e2e-annotator' } });
    browser = await launchBrowser();
    page = await openWorkbench(browser, server.url, workspace);
  });

  after(async () => {
    // The last state of the page, whatever happened: the first thing to look at when a step fails.
    if (page) await screenshot(page, 'e2e-last-state').catch(() => undefined);
    await browser?.close();
    await server?.stop();
    await rm(scratch, { recursive: true, force: true });
  });

  /** The rendered "Volodymyr Zelensky" in the editor (its spaces render as non-breaking ones). */
  const zelensky = (): Locator => page.locator('.editor-group-container.active .view-lines span span', { hasText: /Zelensky/ }).first();
  /** The decoration classes ("ced-…") the extension put on an element: they name its label colour and state. */
  const decorationOf = (locator: Locator) => locator.evaluate((element) => [...element.classList].filter((name) => name.startsWith('ced-')).join(' '));

  it('highlights the article when it opens', async () => {
    await openFile(page, `seeds/${ARTICLE}`);
    // Decorations are inline classes ("ced-…") that the extension adds once the server has answered.
    await page.locator('.editor-group-container.active .view-lines span[class*="ced-"]').first().waitFor({ state: 'visible', timeout: 60_000 });
    await zelensky().waitFor({ state: 'visible' });
    await screenshot(page, 'e2e-1-article-highlighted');
  });

  it('tags "Zelensky" as PERSON from the quick fix list, by keyboard', async () => {
    const suggested = await decorationOf(zelensky());
    assert.notEqual(suggested, '', 'the suggestion is decorated');
    await zelensky().click();
    await page.keyboard.press('Control+.');
    const list = page.locator('.action-widget');
    await list.waitFor({ state: 'visible', timeout: 15_000 });
    await screenshot(page, 'e2e-2-quick-fixes');
    // Walk down to "Tag as PERSON" (the widget may open on a header or another row).
    const focused = list.locator('.monaco-list-row.focused');
    for (let step = 0; step < 20 && !((await focused.textContent()) ?? '').includes('Tag as PERSON'); step++) await page.keyboard.press('ArrowDown');
    assert.match((await focused.textContent()) ?? '', /Tag as PERSON/);
    await page.keyboard.press('Enter');

    const sidecar = path.join(workspace, 'seeds', ARTICLE.replace(/\.txt$/, '.annotations.json'));
    const deadline = Date.now() + 20_000;
    while (!existsSync(sidecar)) {
      assert.ok(Date.now() < deadline, 'no sidecar written');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const tags = JSON.parse(await readFile(sidecar, 'utf8')).annotations;
    assert.equal(tags.length, 1);
    assert.deepEqual([tags[0].label, tags[0].text, tags[0].annotator], ['PERSON', 'Volodymyr Zelensky', 'e2e-annotator']);

    // The dotted suggestion gives way to the solid tag decoration (its tinted background is drawn in an overlay layer).
    await page.waitForFunction(
      ([previous]) => {
        const spans = [...document.querySelectorAll('.editor-group-container.active .view-lines span span')].filter((span) => /Zelensky/.test(span.textContent ?? ''));
        return spans.length > 0 && spans.every((span) => !span.className.includes(previous));
      },
      [suggested],
      { timeout: 20_000 },
    );
    const tagged = await page.locator('.editor-group-container.active .view-overlays div[class*="ced-"]').count();
    assert.ok(tagged > 0, 'a solid background is drawn behind the tag');
    await page.mouse.move(5, 5);
    await screenshot(page, 'e2e-3-tagged');
  });
});
