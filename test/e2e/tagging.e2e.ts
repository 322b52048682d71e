/// <reference lib="dom" />
/**
 * End to end, as an annotator works: code-server with Marginalia on a copy of seeds/, open an
 * article, see the highlights, press Ctrl+. on "Zelensky", pick "Tag as PERSON" with the keyboard,
 * see the highlight become a solid tag, and find the tag in the sidecar on disk. Screenshots go to
 * test-results/ (look at them).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { openFile, screenshot } from '../support/browser';
import { openSeedsWorkbench, waitForFile, type Workbench } from '../support/workbench';
import { PROJECT_ROOT } from '../support/projectRoot';
const ARTICLE = '000_d6449e741489756f.txt';

describe('tagging in the browser', () => {
  let workbench: Workbench;
  let page: Page;

  before(async () => {
    workbench = await openSeedsWorkbench('e2e', { extensionPaths: [PROJECT_ROOT], settings: { 'marginalia.annotator': 'e2e-annotator' } });
    page = workbench.page;
  });

  after(() => workbench?.close());

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

    const sidecar = path.join(workbench.workspace, 'seeds', ARTICLE.replace(/\.txt$/, '.annotations.json'));
    const tags = JSON.parse(await waitForFile(sidecar, 20_000)).annotations;
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

  /** Puts the cursor at a line and column (1-based) with Ctrl+G, and waits until the status bar says it is there. */
  const goTo = async (line: number, column: number) => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+g');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.type(`${line}:${column}`);
    await page.keyboard.press('Enter');
    await page.locator('.statusbar-item', { hasText: `Ln ${line}, Col ${column}` }).first().waitFor({ state: 'visible', timeout: 10_000 });
  };

  it('types after the tag, saves, and removes the tag by keyboard: the sidecar follows each step', async () => {
    const sidecar = path.join(workbench.workspace, 'seeds', ARTICLE.replace(/\.txt$/, '.annotations.json'));
    const articlePath = path.join(workbench.workspace, 'seeds', ARTICLE);
    // Into the text with Go to Line/Column (keyboard only, no click that a widget could catch): after
    // "Zelensky did", within the tag's stored context, and type there.
    const lines = readFileSync(articlePath, 'utf8').split('\n');
    const line = lines.findIndex((text) => text.includes('Volodymyr Zelensky did'));
    const nameColumn = lines[line]!.indexOf('Volodymyr Zelensky') + 1;
    const afterDid = lines[line]!.indexOf('Zelensky did') + 'Zelensky did'.length + 1;
    await goTo(line + 1, afterDid);
    await page.keyboard.type(' really');
    await page.keyboard.press('Control+s');
    await waitForFile(articlePath, 20_000, (text) => text.includes('Zelensky did really not specify'));
    // The save refreshes the tag's context in the sidecar.
    await waitForFile(sidecar, 20_000, (text) => JSON.parse(text).annotations.some((tag: { context: { suffix: string } }) => tag.context.suffix.includes('really')));
    await screenshot(page, 'e2e-4-edited-and-saved');

    await goTo(line + 1, nameColumn + 2);
    await page.keyboard.press('Control+.');
    const list = page.locator('.action-widget');
    await list.waitFor({ state: 'visible', timeout: 15_000 });
    const focused = list.locator('.monaco-list-row.focused');
    const remove = 'Remove tag PERSON on "Volodymyr Zelensky"';
    for (let step = 0; step < 30 && !((await focused.textContent()) ?? '').includes(remove); step++) await page.keyboard.press('ArrowDown');
    assert.match((await focused.textContent()) ?? '', /Remove tag PERSON on "Volodymyr Zelensky"/);
    await screenshot(page, 'e2e-5-remove-offered');
    await page.keyboard.press('Enter');
    // The answer comes from what was written: the tag is gone from the sidecar.
    await waitForFile(sidecar, 20_000, (text) => JSON.parse(text).annotations.length === 0);
    await page.mouse.move(5, 5);
    await screenshot(page, 'e2e-6-removed-after-save');
  });
});
