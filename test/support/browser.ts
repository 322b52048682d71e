/**
 * Drives the code-server workbench with Debian's chromium through playwright-core (never
 * `playwright install`: there is no download access). Waits on the page itself, never on sleeps.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const TEST_RESULTS_DIR = path.join(__dirname, '..', '..', 'test-results');

/** Generous: the first load compiles the workbench and starts the extension host. */
const WORKBENCH_TIMEOUT_MS = 60_000;
const EDITOR_TIMEOUT_MS = 15_000;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * Opens the workbench in a new page and resolves once the explorer lists files. Without `folder`
 * code-server opens the folder it was started with.
 */
export async function openWorkbench(browser: Browser, url: string, folder?: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(folder === undefined ? url : `${url}/?folder=${encodeURIComponent(path.resolve(folder))}`);
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: WORKBENCH_TIMEOUT_MS });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible', timeout: WORKBENCH_TIMEOUT_MS });
  return page;
}

/** Opens a workspace file through Quick Open (Ctrl+P), as a user would, and waits for its editor. */
export async function openFile(page: Page, relativePath: string): Promise<void> {
  const fileName = path.basename(relativePath);
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: EDITOR_TIMEOUT_MS });
  await input.fill(relativePath);
  // Enter before the file search answers would pick a stale entry.
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: fileName })
    .waitFor({ state: 'visible', timeout: EDITOR_TIMEOUT_MS });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor({ state: 'visible', timeout: EDITOR_TIMEOUT_MS });
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').waitFor({ state: 'visible', timeout: EDITOR_TIMEOUT_MS });
}

/** Saves the viewport as test-results/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(TEST_RESULTS_DIR, { recursive: true });
  const file = path.join(TEST_RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
