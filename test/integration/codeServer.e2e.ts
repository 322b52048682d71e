/**
 * The integration suite in a real VS Code offline: code-server 4.100.3 with Marginalia and a runner
 * extension linked in; a browser connects so that the extension host starts and runs the suite.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser, openWorkbench } from '../harness/browser';
import { startCodeServer, type RunningCodeServer } from '../harness/codeServer';
import { buildSuite } from './buildSuite';
import type { SuiteReport } from './suite';

const PROJECT = path.join(__dirname, '..', '..');

describe('integration suite in code-server', () => {
  let scratch = '';
  let server: RunningCodeServer | undefined;
  let browser: Browser | undefined;
  let results = '';

  before(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'marginalia-integration-'));
    const workspace = path.join(scratch, 'workspace');
    await cp(path.join(PROJECT, 'seeds'), path.join(workspace, 'seeds'), { recursive: true, filter: (source) => !source.endsWith('.annotations.json') });
    results = path.join(scratch, 'results.json');
    server = await startCodeServer({
      workspace,
      extensionPaths: [PROJECT, path.join(__dirname, 'runner')],
      env: { MARGINALIA_INTEGRATION_SUITE: await buildSuite(), MARGINALIA_INTEGRATION_RESULTS: results },
    });
    browser = await launchBrowser();
    await openWorkbench(browser, server.url, workspace);
  });

  after(async () => {
    await browser?.close();
    // The extension host's logs (the language server's output among them) outlive the run, for debugging.
    if (server) await cp(path.join(server.userDataDir, 'logs'), path.join(PROJECT, 'test-results', 'integration-logs'), { recursive: true }).catch(() => undefined);
    await server?.stop();
    await rm(scratch, { recursive: true, force: true });
  });

  it('passes every test of the suite', async () => {
    const deadline = Date.now() + 240_000;
    while (!existsSync(results)) {
      assert.ok(Date.now() < deadline, 'the suite did not report within 4 minutes');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const report = JSON.parse(await readFile(results, 'utf8')) as SuiteReport;
    for (const line of report.titles) console.log(`  ${line}`);
    assert.equal(report.failed, 0, report.failures.map((failure) => `${failure.title}\n${failure.error}`).join('\n\n'));
    assert.ok(report.passed >= 6, `${report.passed} passed`);
  });
});
