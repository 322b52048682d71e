/**
 * Run by activation.ts through tsx, from the sources: the end-to-end harness finds code-server and
 * test-results/ from its own folder, and playwright-core cannot be bundled.
 * Usage: node --import tsx scripts/bench/activationInVsCode.ts <count>; prints the activation times
 * (ms) that the extension logged, as one JSON array.
 */
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser, openWorkbench, TEST_RESULTS_DIR } from '../../test/support/browser';
import { startCodeServer, type RunningCodeServer } from '../../test/support/codeServer';
import { PROJECT_ROOT } from '../../test/support/projectRoot';
import { SEEDS_DIR } from './seeds';

/** Written by src/extension.ts at the end of activate(). */
const ACTIVATION_LINE = /Marginalia activated in (\d+) ms/g;
const ACTIVATION_TIMEOUT_MS = 60_000;
const LOGS_KEPT_ON_FAILURE = path.join(TEST_RESULTS_DIR, 'bench-activation-logs');

/** Opens the seeds in VS Code, then reloads the window `count - 1` times: each load starts a new extension host that activates Marginalia anew. */
async function activationTimes(count: number): Promise<number[]> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'marginalia-bench-activation-'));
  const workspace = path.join(scratch, 'workspace');
  let server: RunningCodeServer | undefined;
  let browser: Browser | undefined;
  let succeeded = false;
  try {
    await cp(SEEDS_DIR, path.join(workspace, 'seeds'), { recursive: true, filter: (source) => !source.endsWith('.annotations.json') });
    server = await startCodeServer({ workspace, extensionPaths: [PROJECT_ROOT] });
    browser = await launchBrowser();
    const page = await openWorkbench(browser, server.url, workspace);
    let times = await loggedActivations(server.userDataDir, 1);
    while (times.length < count) {
      await page.reload();
      times = await loggedActivations(server.userDataDir, times.length + 1);
    }
    succeeded = true;
    return times;
  } finally {
    await browser?.close();
    if (server && !succeeded) await cp(path.join(server.userDataDir, 'logs'), LOGS_KEPT_ON_FAILURE, { recursive: true }).catch(() => undefined);
    await server?.stop();
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Waits until the Marginalia output channels' logs hold `count` activation lines, and returns their times. */
async function loggedActivations(userDataDir: string, count: number): Promise<number[]> {
  const logs = path.join(userDataDir, 'logs');
  const deadline = Date.now() + ACTIVATION_TIMEOUT_MS;
  for (;;) {
    const times: number[] = [];
    for (const file of await outputChannelLogs(logs)) {
      for (const match of (await readFile(file, 'utf8')).matchAll(ACTIVATION_LINE)) times.push(Number(match[1]));
    }
    if (times.length >= count) return times;
    if (Date.now() > deadline) throw new Error(`${count - times.length} activation line(s) missing from the Marginalia output channel after ${ACTIVATION_TIMEOUT_MS / 1000} s (logs kept in ${LOGS_KEPT_ON_FAILURE})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** exthost*\/output_logging_*\/*Marginalia*.log: one file per extension host that opened the channel. */
async function outputChannelLogs(logs: string): Promise<string[]> {
  const entries = await readdir(logs, { recursive: true }).catch(() => [] as string[]);
  return entries
    .filter((entry) => path.basename(path.dirname(entry)).startsWith('output_logging_') && /Marginalia.*\.log$/.test(path.basename(entry)))
    .map((entry) => path.join(logs, entry));
}

activationTimes(Number(process.argv[2])).then(
  (times) => console.log(JSON.stringify(times)),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
