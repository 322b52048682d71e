/// <reference lib="dom" />
/**
 * End to end, as an annotator works: code-server with Marginalia on a copy of seeds/ where "Umerov" is
 * tagged in 002. On that tag, Ctrl+. offers to tag all its occurrences in the workspace; the preview
 * lists the seven in 004, all ticked; the annotator unticks one and confirms, and 004's sidecar on
 * disk gets the other six. Screenshots go to test-results/ (look at them).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { newTag, type Tag } from '../../server/src/core/sidecar';
import { SidecarStore } from '../../server/src/node/sidecarStore';
import { openFile, screenshot } from '../support/browser';
import { openSeedsWorkbench, waitForFile, type Workbench } from '../support/workbench';
import { PROJECT_ROOT } from '../support/projectRoot';

const TAGGED = '002_41c27c843f947f33.txt';
const OTHER = '004_20007e029abd094d.txt';
const UI_TIMEOUT_MS = 20_000;

describe('tag all occurrences in the workspace, previewed in the browser', () => {
  let workbench: Workbench;
  let page: Page;

  before(async () => {
    workbench = await openSeedsWorkbench('learning', {
      extensionPaths: [PROJECT_ROOT],
      settings: { 'marginalia.annotator': 'e2e-annotator' },
      // "Umerov" tagged in 002 before the editor opens, as an earlier session would have left it.
      prepare: async (workspace) => {
        const article = path.join(workspace, 'seeds', TAGGED);
        const text = await readFile(article, 'utf8');
        const start = [...text.slice(0, text.indexOf('Umerov'))].length;
        const tag = newTag({ text, start, end: start + 'Umerov'.length, label: 'PERSON', source: 'manual', annotator: 'e2e-annotator' });
        await new SidecarStore().update(article, (sidecar) => void sidecar.annotations.push(tag));
      },
    });
    page = workbench.page;
  });

  after(() => workbench?.close());

  it('lists every occurrence, all ticked, and tags the ones left ticked', async () => {
    await openFile(page, `seeds/${TAGGED}`);
    await page.locator('.editor-group-container.active .view-lines span[class*="ced-"]').first().waitFor({ state: 'visible', timeout: 60_000 });
    const text = await readFile(path.join(workbench.workspace, 'seeds', TAGGED), 'utf8');
    const offset = text.indexOf('Umerov');
    const line = text.slice(0, offset).split('\n').length;
    const column = offset - text.lastIndexOf('\n', offset - 1);
    // Quick Open's ":line:column" puts the cursor into the tag.
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').fill(`:${line}:${column + 2}`);
    await page.keyboard.press('Enter');
    await page.locator('.statusbar-item', { hasText: `Ln ${line}, Col ${column + 2}` }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });

    const title = 'Tag all 7 occurrences of "Umerov" in the workspace as PERSON (1 article)';
    const list = await openQuickFixes(title);
    const focused = list.locator('.monaco-list-row.focused');
    const rows = await list.locator('.monaco-list-row').count();
    for (let down = 0; down < rows && !((await focused.textContent()) ?? '').includes(title); down++) await page.keyboard.press('ArrowDown');
    assert.match((await focused.textContent()) ?? '', /Tag all 7 occurrences of "Umerov" in the workspace as PERSON \(1 article\)/);
    await screenshot(page, 'learning-1-tag-all-in-workspace');
    await page.keyboard.press('Enter');

    const picker = page.locator('.quick-input-widget', { hasText: 'Tag "Umerov" as PERSON: 7 occurrences in 1 article' });
    await picker.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    const ticked = page.locator('.quick-input-list .monaco-list-row[aria-checked="true"]');
    await ticked.nth(6).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    assert.equal(await ticked.count(), 7, 'every occurrence ticked');
    const rowTexts = await page.locator('.quick-input-list .monaco-list-row').allTextContents();
    assert.match(rowTexts[1] ?? '', new RegExp(`${OTHER.replace('.', '\\.')}:7.*Rustem Umerov stands`));
    await screenshot(page, 'learning-2-preview');

    // The second place, "Rustem Umerov stands in the Ukrainian parliament", is left out.
    await page.locator('.quick-input-list .monaco-list-row').nth(1).locator('.quick-input-list-checkbox, .monaco-custom-toggle, input[type="checkbox"]').first().click();
    await page.waitForFunction(() => document.querySelectorAll('.quick-input-list .monaco-list-row[aria-checked="true"]').length === 6, undefined, { timeout: UI_TIMEOUT_MS });
    await page.locator('.quick-input-widget input').focus();
    await page.keyboard.press('Enter');

    const sidecar = path.join(workbench.workspace, 'seeds', OTHER.replace(/\.txt$/, '.annotations.json'));
    const tags: Tag[] = JSON.parse(await waitForFile(sidecar, UI_TIMEOUT_MS)).annotations;
    assert.equal(tags.length, 6);
    assert.ok(tags.every((tag) => tag.text === 'Umerov' && tag.label === 'PERSON' && tag.annotator === 'e2e-annotator' && tag.status === 'accepted'));
    const other = await readFile(path.join(workbench.workspace, 'seeds', OTHER), 'utf8');
    const leftOut = [...other.slice(0, other.indexOf('Rustem Umerov stands') + 'Rustem '.length)].length;
    assert.ok(!tags.some((tag) => tag.start === leftOut), 'the unticked place stays untagged');
    await page.locator('.notifications-toasts', { hasText: 'Tagged 6 occurrences of "Umerov" as PERSON in 1 article' }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await screenshot(page, 'learning-3-tagged');
  });

  /**
   * Ctrl+. and the quick-fix list, once it holds `title`: the server counts the workspace's articles on
   * the first request, and the editor may show the light bulb instead while it refreshes, so Ctrl+. is
   * pressed again, as a person would, at most five times.
   */
  async function openQuickFixes(title: string) {
    const list = page.locator('.action-widget');
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('Control+.');
      try {
        await list.locator('.monaco-list-row', { hasText: title }).first().waitFor({ state: 'attached', timeout: 5_000 });
        return list;
      } catch (error) {
        if (attempt === 5) throw error;
        await page.keyboard.press('Escape');
      }
    }
  }
});
