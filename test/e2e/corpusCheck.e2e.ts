/// <reference lib="dom" />
/**
 * End to end in code-server: "Marginalia: Check All Articles' Sidecars" from the command palette
 * shows its progress as a notification with a Cancel button, and Cancel stops the server's check.
 * The workspace holds thousands of generated articles, so the check is still running when Cancel
 * is clicked. Screenshots go to test-results/.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openFile, screenshot } from '../support/browser';
import { openSeedsWorkbench, type Workbench } from '../support/workbench';
import { generateCorpus } from '../progressCorpus';
import { PROJECT_ROOT } from '../support/projectRoot';

const ARTICLES = 8000;
const TIMEOUT_MS = 60_000;

describe('checking all articles from the command palette', () => {
  let workbench: Workbench;
  let page: Page;

  before(async () => {
    workbench = await openSeedsWorkbench('corpus-check', { extensionPaths: [PROJECT_ROOT] });
    page = workbench.page;
    generateCorpus(ARTICLES, { root: path.join(workbench.workspace, 'generated') });
  });

  after(() => workbench?.close());

  it('shows a cancellable notification, and Cancel stops the check half-way', async () => {
    // An article open and decorated: the extension and its server are up.
    await openFile(page, 'seeds/000_d6449e741489756f.txt');
    await page.locator('.editor-group-container.active .view-lines span[class*="ced-"]').first().waitFor({ state: 'visible', timeout: TIMEOUT_MS });

    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    // The palette's input starts with '>', which marks a command search.
    await input.fill(">Marginalia: Check All Articles' Sidecars");
    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: "Check All Articles' Sidecars" }).waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    await page.keyboard.press('Enter');

    // Once the sidecars are found, the notification counts the articles checked.
    const progress = page.locator('.notification-toast', { hasText: 'Checking sidecars' });
    const cancel = progress.filter({ hasText: `of ${ARTICLES} articles` }).getByRole('button', { name: 'Cancel' });
    await cancel.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    await screenshot(page, 'corpus-check-1-progress');
    await cancel.click();

    const cancelled = page.locator('.notification-toast', { hasText: 'Check cancelled after' });
    await cancelled.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    await screenshot(page, 'corpus-check-2-cancelled');
    const [, done, total] = /Check cancelled after (\d+) of (\d+) articles/.exec((await cancelled.textContent()) ?? '') ?? [];
    assert.equal(Number(total), ARTICLES, 'every generated sidecar was to be checked (the seeds have none)');
    assert.ok(Number(done) < ARTICLES, `stopped half-way, after ${done}`);
    await progress.waitFor({ state: 'detached', timeout: TIMEOUT_MS });
  });
});
