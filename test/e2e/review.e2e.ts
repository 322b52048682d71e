/// <reference lib="dom" />
/**
 * End to end, as a reviewer works: code-server with Marginalia on an article that two annotators
 * ("ann" and "bob", test/fixtures/agreement) tagged independently. With the keyboard alone — F8 to
 * the next problem, Ctrl+. for its quick fixes, Enter on "Keep …" — the reviewer settles every
 * disagreement, and the sidecar on disk shows each decision in the tags' history. Screenshots go to
 * test-results/ (look at them).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { findDisagreements } from '../../server/src/core/review';
import type { Tag } from '../../server/src/core/sidecar';
import { openFile, screenshot } from '../support/browser';
import { openSeedsWorkbench, type Workbench } from '../support/workbench';
import { PROJECT_ROOT } from '../support/projectRoot';

const ARTICLE = '000_d6449e741489756f.txt';
const SIDECAR = ARTICLE.replace(/\.txt$/, '.annotations.json');

describe('reviewing disagreements in the browser, by keyboard', () => {
  let workbench: Workbench;
  let page: Page;
  const sidecarPath = () => path.join(workbench.workspace, 'seeds', SIDECAR);
  const tagsOnDisk = async (): Promise<Tag[]> => JSON.parse(await readFile(sidecarPath(), 'utf8')).annotations;

  before(async () => {
    // Suggestions stay out of the Problems list anyway (hints); without them the marker list holds only the warnings.
    workbench = await openSeedsWorkbench('review', { extensionPaths: [PROJECT_ROOT], settings: { 'marginalia.annotator': 'reviewer', 'marginalia.suggestionHints': false } });
    page = workbench.page;
    await copyFile(path.join(PROJECT_ROOT, 'test', 'fixtures', 'agreement', SIDECAR), sidecarPath());
  });

  after(() => workbench?.close());

  it('walks every disagreement with F8, Ctrl+. and Enter', async () => {
    const initial = findDisagreements(await tagsOnDisk()).length;
    assert.ok(initial > 0);
    await openFile(page, `seeds/${ARTICLE}`);
    const editor = page.locator('.editor-group-container.active .monaco-editor').first();
    await page.locator('.editor-group-container.active .view-lines span[class*="ced-"]').first().waitFor({ state: 'visible', timeout: 60_000 });
    // Warnings show as squiggles once the server has published them.
    await page.locator('.editor-group-container.active .squiggly-warning').first().waitFor({ state: 'attached', timeout: 30_000 });
    await editor.click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+Home');

    let remaining = initial;
    for (let step = 0; remaining > 0; step++) {
      assert.ok(step < initial, `still ${remaining} disagreements after ${step} decisions`);
      await page.keyboard.press('F8');
      const marker = page.locator('.marker-widget');
      await marker.waitFor({ state: 'visible', timeout: 15_000 });
      assert.match((await marker.textContent()) ?? '', /Annotators disagree/);
      if (step === 0) await screenshot(page, 'review-1-disagreement');
      await page.keyboard.press('Escape');
      // The light bulb shows once the editor has the code actions at the cursor, as a reviewer would see it.
      await page.locator('.editor-group-container.active .lightBulbWidget').waitFor({ state: 'visible', timeout: 15_000 });
      const list = await openQuickFixes();
      const focused = list.locator('.monaco-list-row.focused');
      // The list opens on its first row or wherever the widget puts focus; it wraps, so walking down finds "Keep …".
      const rows = await list.locator('.monaco-list-row').count();
      for (let down = 0; down < rows && !/Keep (ann|bob)'s/.test((await focused.textContent()) ?? ''); down++) await page.keyboard.press('ArrowDown');
      assert.match((await focused.textContent()) ?? '', /Keep (ann|bob)'s/);
      if (step === 0) await screenshot(page, 'review-2-keep-a-or-b');
      const before = await readFile(sidecarPath(), 'utf8');
      await page.keyboard.press('Enter');
      remaining = await waitForChange(before);
      // One decision can settle several overlapping disagreements: wait until the editor's warnings say so before F8.
      await waitForWarnings(remaining);
    }
    const tags = await tagsOnDisk();
    const decided = tags.filter((tag) => tag.history?.some((entry) => entry.by === 'reviewer'));
    assert.ok(decided.length >= 2 && decided.every((tag) => tag.status === 'approved' || tag.status === 'rejected'));
    await page.locator('.editor-group-container.active .squiggly-warning').first().waitFor({ state: 'detached', timeout: 15_000 });
    await screenshot(page, 'review-3-all-settled');
  });

  /**
   * Ctrl+. and the quick-fix list. When the editor refreshes its code actions at that very moment (the
   * decision just made is still being redrawn) it shows the light bulb instead of the list, as it would
   * to a person, who presses Ctrl+. again: so does this, at most three times.
   */
  async function openQuickFixes() {
    const list = page.locator('.action-widget');
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('Control+.');
      try {
        await list.waitFor({ state: 'visible', timeout: 5_000 });
        return list;
      } catch (error) {
        if (attempt === 3) throw error;
        await page.keyboard.press('Escape');
      }
    }
  }

  /** Waits until the status bar's problems entry counts `count` warnings (the editor has the new diagnostics). */
  async function waitForWarnings(count: number): Promise<void> {
    const problems = () => page.evaluate(() => document.getElementById('status.problems')?.querySelector('a')?.getAttribute('aria-label'));
    await page.waitForFunction(
      (expected) => {
        const label = document.getElementById('status.problems')?.querySelector('a')?.getAttribute('aria-label') ?? '';
        // "Warnings: 12" (or "Errors: 0, Warnings: 12"); no such part once there are none.
        const warnings = /Warnings?: (\d+)/i.exec(label)?.[1] ?? (label && !/Warning/i.test(label) ? '0' : undefined);
        return warnings === String(expected);
      },
      count,
      { timeout: 20_000 },
    ).catch(async (error: Error) => {
      throw new Error(`the editor did not show ${count} warnings: the status bar says "${await problems()}" (${error.message})`);
    });
  }

  /** Waits for the sidecar to change on disk; returns how many disagreements it still holds. */
  async function waitForChange(before: string): Promise<number> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const now = await readFile(sidecarPath(), 'utf8');
      if (now !== before) return findDisagreements(JSON.parse(now).annotations).length;
      if (Date.now() > deadline) throw new Error('the decision did not reach the sidecar within 20 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
});
