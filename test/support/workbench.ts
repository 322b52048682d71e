/**
 * A real VS Code in a browser on a fresh copy of seeds/: what every browser-driven test starts from.
 * Closing it keeps a screenshot of the last state and the extension host's logs in test-results/.
 */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PROJECT_ROOT } from './projectRoot';
import { TEST_RESULTS_DIR, launchBrowser, openWorkbench, screenshot } from './browser';
import { startCodeServer, type CodeServerOptions, type RunningCodeServer } from './codeServer';

export interface Workbench {
  /** The folder VS Code has open; it holds `seeds/`. */
  workspace: string;
  page: Page;
  close(): Promise<void>;
}

export interface WorkbenchOptions extends Omit<CodeServerOptions, 'workspace'> {
  /** Puts more files in the workspace (beside seeds/) before VS Code opens it. */
  prepare?: (workspace: string) => Promise<void>;
}

/** `name` labels the last-state screenshot and the logs kept in test-results/. */
export async function openSeedsWorkbench(name: string, { prepare, ...options }: WorkbenchOptions): Promise<Workbench> {
  const scratch = await mkdtemp(path.join(tmpdir(), `marginalia-${name}-`));
  const workspace = path.join(scratch, 'workspace');
  await cp(path.join(PROJECT_ROOT, 'seeds'), path.join(workspace, 'seeds'), { recursive: true, filter: (source) => !source.endsWith('.annotations.json') });
  await prepare?.(workspace);
  let server: RunningCodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  const close = async () => {
    if (page) await screenshot(page, `${name}-last-state`).catch(() => undefined);
    await browser?.close();
    if (server) await cp(path.join(server.userDataDir, 'logs'), path.join(TEST_RESULTS_DIR, `${name}-logs`), { recursive: true }).catch(() => undefined);
    await server?.stop();
    await rm(scratch, { recursive: true, force: true });
  };
  try {
    server = await startCodeServer({ ...options, workspace });
    browser = await launchBrowser();
    page = await openWorkbench(browser, server.url, workspace);
    return { workspace, page, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Waits for a file that the workbench writes (until `isComplete` accepts its text), and returns its text. */
export async function waitForFile(file: string, timeoutMs: number, isComplete: (text: string) => boolean = () => true): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const text = await readFile(file, 'utf8');
      if (isComplete(text)) return text;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (Date.now() > deadline) throw new Error(`${file} did not appear (complete) within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
