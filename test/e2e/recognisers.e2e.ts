/// <reference lib="dom" />
/**
 * End to end, a team's own model in the real VS Code (code-server + Chromium): a corpus whose
 * marginalia.json runs a Python process recogniser (test/fixtures/recognisers/tiny_ner.py, standard
 * library only). Its span on "nordvik", which the detector does not find, is drawn as a suggestion
 * once it answers; the hover says "from tiny, score 0.93"; Ctrl+. and Enter on "Tag as ORG" write the
 * tag with the model's source; the counts at the top follow both. In a second corpus a recogniser that crashes is said once, in a
 * notification, while the detector's suggestions and the working model's still show, also after an
 * edit asks them again. Screenshots go to test-results/ (look at them).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Tag } from '../../server/src/core/sidecar';
import { openFile, screenshot } from '../support/browser';
import { openSeedsWorkbench, waitForFile, type Workbench } from '../support/workbench';
import { PROJECT_ROOT } from '../support/projectRoot';

const TINY = path.join(PROJECT_ROOT, 'test', 'fixtures', 'recognisers', 'tiny_ner.py');
const ARTICLE = 'date 2024-03-02\n\nMaria Okafor scored twice as Denver beat Portland 5-3 on Saturday.\n"We fought," said Whitfield, whose nordvik boots split.\n';
const LABELS = { PER: 'PERSON', MISC: 'PRODUCT' };
const UI_TIMEOUT_MS = 30_000;
/** The first drawing waits for the workbench, the extension host and the language server. */
const FIRST_DRAW_TIMEOUT_MS = 90_000;
const CRASH_MESSAGE = 'recogniser "crashy" exited with code 3';

describe('a team\'s own recogniser in the browser', () => {
  let workbench: Workbench;
  let page: Page;

  before(async () => {
    workbench = await openSeedsWorkbench('recognisers', {
      extensionPaths: [PROJECT_ROOT],
      settings: { 'marginalia.annotator': 'e2e-annotator' },
      prepare: async (workspace) => {
        // Articles of different names: Quick Open tells them apart by name.
        const corpus = async (folder: string, article: string, recognisers: unknown[]) => {
          await mkdir(path.join(workspace, folder), { recursive: true });
          await writeFile(path.join(workspace, folder, 'marginalia.json'), JSON.stringify({ recognisers }, null, 2));
          await writeFile(path.join(workspace, folder, article), ARTICLE);
        };
        await corpus('news', 'kovac.txt', [{ name: 'tiny', command: ['python3', TINY], labels: LABELS }]);
        await corpus('crashing', 'okafor.txt', [
          { name: 'crashy', command: ['python3', TINY, 'crash'] },
          { name: 'tiny', command: ['python3', TINY], labels: LABELS },
        ]);
      },
    });
    page = workbench.page;
  });

  after(() => workbench?.close());

  /** The rendered pieces of the active editor's text holding `word` (an inline decoration splits the text at its edges). */
  const pieces = (word: string) => page.locator('.editor-group-container.active .view-lines span span', { hasText: word });

  /** Waits until every rendered piece holding `word` (at least `count` of them) carries a Marginalia decoration ("ced-…" class). */
  const drawn = (word: string, count = 1, timeout = UI_TIMEOUT_MS) =>
    page.waitForFunction(
      ([needle, atLeast]) => {
        const found = [...document.querySelectorAll('.editor-group-container.active .view-lines span span')].filter((span) => span.textContent === needle);
        return found.length >= (atLeast as number) && found.every((span) => [...span.classList].some((name) => name.startsWith('ced-')));
      },
      [word, count] as const,
      { timeout },
    );

  /** Waits for the code lens at the top of the active editor to read `title`. */
  const lens = (title: string) => page.locator('.editor-group-container.active .codelens-decoration', { hasText: title }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });

  /** Ctrl+. at the cursor, then down the list to `title`. */
  async function quickFix(title: string): Promise<void> {
    await page.keyboard.press('Control+.');
    const list = page.locator('.action-widget');
    await list.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    const focused = list.locator('.monaco-list-row.focused');
    for (let step = 0; step < 40 && ((await focused.textContent()) ?? '').trim() !== title; step++) await page.keyboard.press('ArrowDown');
    assert.equal(((await focused.textContent()) ?? '').trim(), title);
  }

  it('draws the model\'s span as a suggestion, names the model and its score in the hover, and tags it by keyboard with the model\'s source', async () => {
    await openFile(page, 'news/kovac.txt');
    // "nordvik" in lower case is no name to the detector: a decoration on it is the model's answer.
    await drawn('nordvik', 1, FIRST_DRAW_TIMEOUT_MS);
    await drawn('Saturday');
    // The counts at the top follow the model's answer: the detector's seven and the model's "nordvik".
    await lens('Marginalia: 0 tagged · 8 suggested');
    await screenshot(page, 'recognisers-1-model-suggestion');

    await pieces('nordvik').first().hover();
    const hover = page.locator('.monaco-hover', { hasText: 'from tiny' });
    await hover.first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    assert.match((await hover.first().textContent()) ?? '', /ORG · entity · suggested from tiny, score 0\.93/);
    await screenshot(page, 'recognisers-2-hover');

    await pieces('nordvik').first().click();
    await page.keyboard.press('Escape');
    await quickFix('Tag as ORG');
    await screenshot(page, 'recognisers-3-quick-fix');
    await page.keyboard.press('Enter');

    const sidecar = path.join(workbench.workspace, 'news', 'kovac.annotations.json');
    const tags: Tag[] = JSON.parse(await waitForFile(sidecar, UI_TIMEOUT_MS)).annotations;
    assert.deepEqual(
      tags.map((tag) => [tag.text, tag.label, tag.source, tag.status, tag.annotator]),
      [['nordvik', 'ORG', 'model:tiny', 'accepted', 'e2e-annotator']],
    );
    assert.equal(tags[0]!.start, [...ARTICLE.slice(0, ARTICLE.indexOf('nordvik'))].length, 'code points in the sidecar');
    await lens('Marginalia: 1 tagged · 7 suggested');
    await page.mouse.move(5, 5);
    await screenshot(page, 'recognisers-4-tagged');
  });

  it('says once that a recogniser crashed, while the detector\'s and the working model\'s suggestions still show', async () => {
    await openFile(page, 'crashing/okafor.txt');
    const toast = page.locator('.notifications-toasts .notification-list-item', { hasText: CRASH_MESSAGE });
    await toast.first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    assert.match((await toast.first().textContent()) ?? '', /exited with code 3 \(its last words: "RuntimeError: model weights not found"\).*the detector's suggestions show without it/);
    await drawn('Saturday');
    await drawn('Whitfield');
    await drawn('nordvik');
    await screenshot(page, 'recognisers-5-crash-reported');

    // An edit asks every recogniser again: the crash happens again, and is not said again.
    await page.keyboard.press('Escape');
    await pieces('Saturday').first().click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Later nordvik signed.');
    await drawn('nordvik', 2);
    const center = page.locator('.notifications-center');
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').fill('>Notifications: Show Notifications');
    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Show Notifications' }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await page.keyboard.press('Enter');
    await center.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    assert.equal(await center.locator('.notification-list-item', { hasText: CRASH_MESSAGE }).count(), 1, 'the crash is said once');
    await screenshot(page, 'recognisers-6-said-once');
  });
});
