/**
 * The integration suite in a real VS Code offline: code-server 4.100.3 with Marginalia and a runner
 * extension linked in; a browser connects so that the extension host starts and runs the suite.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openSeedsWorkbench, waitForFile, type Workbench } from '../support/workbench';
import { PROJECT_ROOT } from '../support/projectRoot';
import { buildSuite } from './buildSuite';
import type { SuiteReport } from './suite';

describe('integration suite in code-server', () => {
  let scratch = '';
  let workbench: Workbench;

  before(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'marginalia-integration-results-'));
    workbench = await openSeedsWorkbench('integration', {
      extensionPaths: [PROJECT_ROOT, path.join(__dirname, 'runner')],
      env: { MARGINALIA_INTEGRATION_SUITE: await buildSuite(), MARGINALIA_INTEGRATION_RESULTS: path.join(scratch, 'results.json') },
    });
  });

  after(async () => {
    await workbench?.close();
    await rm(scratch, { recursive: true, force: true });
  });

  it('passes every test of the suite', async () => {
    const report = JSON.parse(await waitForFile(path.join(scratch, 'results.json'), 240_000)) as SuiteReport;
    for (const line of report.titles) console.log(`  ${line}`);
    assert.equal(report.failed, 0, report.failures.map((failure) => `${failure.title}\n${failure.error}`).join('\n\n'));
    assert.ok(report.passed >= 6, `${report.passed} passed`);
  });
});
