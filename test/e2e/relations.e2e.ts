/// <reference lib="dom" />
/**
 * A relation made by keyboard only in code-server: the cursor on "Ukraine", Ctrl+., walk down to
 * "Link "Ukraine" → "Flamingo" as PRODUCES", Enter; the sidecar holds the relation and the editor
 * shows its inlay hint after "Ukraine". Screenshots go to test-results/ (look at them).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { newTag, serializeSidecar, SIDECAR_VERSION } from '../../server/src/core/sidecar';
import { openFile, screenshot } from '../support/browser';
import { openSeedsWorkbench, waitForFile, type Workbench } from '../support/workbench';
import { PROJECT_ROOT } from '../support/projectRoot';

const ARTICLE = '000_d6449e741489756f.txt';
const SENTENCE = 'Ukraine plans to produce';

describe('a relation by keyboard in the browser', () => {
  let workbench: Workbench;
  let page: Page;
  let line = 0;
  let column = 0;

  before(async () => {
    workbench = await openSeedsWorkbench('e2e-relations', {
      extensionPaths: [PROJECT_ROOT],
      settings: { 'marginalia.annotator': 'e2e-annotator' },
      // "Ukraine" (GPE) and "Flamingo" (PRODUCT) tagged already, in one sentence.
      prepare: async (workspace) => {
        const articlePath = path.join(workspace, 'seeds', ARTICLE);
        const text = readFileSync(articlePath, 'utf8');
        const tagAt = (offset: number, length: number, label: string) => {
          const start = [...text.slice(0, offset)].length;
          return newTag({ text, start, end: start + length, label, source: 'manual', annotator: 'e2e-annotator' });
        };
        const ukraine = text.indexOf(SENTENCE);
        const tags = [tagAt(ukraine, 'Ukraine'.length, 'GPE'), tagAt(text.indexOf('Flamingo', ukraine), 'Flamingo'.length, 'PRODUCT')];
        writeFileSync(articlePath.replace(/\.txt$/, '.annotations.json'), serializeSidecar({ version: SIDECAR_VERSION, article: ARTICLE, annotations: tags }));
        const lines = text.split('\n');
        line = lines.findIndex((candidate) => candidate.includes(SENTENCE)) + 1;
        column = lines[line - 1]!.indexOf(SENTENCE) + 3;
      },
    });
    page = workbench.page;
  });

  after(() => workbench?.close());

  it('links "Ukraine" to "Flamingo" from the quick fix list and shows the inlay hint', async () => {
    await openFile(page, `seeds/${ARTICLE}`);
    await page.locator('.editor-group-container.active .view-lines span[class*="ced-"]').first().waitFor({ state: 'visible', timeout: 60_000 });
    // Into the text with Go to Line/Column, keyboard only.
    await page.keyboard.press('Control+g');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.type(`${line}:${column}`);
    await page.keyboard.press('Enter');
    await page.locator('.statusbar-item', { hasText: `Ln ${line}, Col ${column}` }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.press('Control+.');
    const list = page.locator('.action-widget');
    await list.waitFor({ state: 'visible', timeout: 15_000 });
    const focused = list.locator('.monaco-list-row.focused');
    const wanted = 'Link "Ukraine" → "Flamingo" as PRODUCES';
    for (let step = 0; step < 80 && !((await focused.textContent()) ?? '').includes(wanted); step++) await page.keyboard.press('ArrowDown');
    assert.match((await focused.textContent()) ?? '', /Link "Ukraine" → "Flamingo" as PRODUCES/);
    await screenshot(page, 'e2e-relations-1-link-offered');
    await page.keyboard.press('Enter');

    const sidecar = path.join(workbench.workspace, 'seeds', ARTICLE.replace(/\.txt$/, '.annotations.json'));
    const written = JSON.parse(await waitForFile(sidecar, 20_000, (text) => (JSON.parse(text).relations ?? []).length > 0));
    assert.deepEqual(written.relations.map((relation: { type: string; annotator: string }) => [relation.type, relation.annotator]), [['PRODUCES', 'e2e-annotator']]);
    // The inlay hint is text VS Code draws into the line after "Ukraine" (its spaces as non-breaking ones).
    await page.waitForFunction(() => [...document.querySelectorAll('.editor-group-container.active .view-lines span')].some((span) => /→PRODUCES[\s\u00a0]Flamingo/.test(span.textContent ?? '')), undefined, { timeout: 20_000 });
    await page.mouse.move(5, 5);
    await screenshot(page, 'e2e-relations-2-inlay-hint');
  });
});
