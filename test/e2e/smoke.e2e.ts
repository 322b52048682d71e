/**
 * Proves the end-to-end harness: a real VS Code (code-server) activates a linked extension, and
 * chromium, driven by Playwright, opens a seed article in the editor.
 * Run: node --import tsx --test test/harness/smoke.e2e.ts (after scripts/setup-test-deps.sh).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openFile, screenshot } from '../support/browser';
import { VSCODE_VERSION } from '../support/codeServer';
import { openSeedsWorkbench, waitForFile, type Workbench } from '../support/workbench';

const ARTICLE = '000_d6449e741489756f.txt';
const ACTIVATION_MARKER = '.smoke-extension-activated';

/** An extension that records its activation, and the VS Code version, in the workspace. */
const SMOKE_EXTENSION_MANIFEST = {
  name: 'harness-smoke',
  publisher: 'marginalia-test',
  version: '0.0.1',
  engines: { vscode: '^1.90.0' },
  activationEvents: ['onStartupFinished'],
  main: './extension.js',
};
const SMOKE_EXTENSION_MAIN = `
const vscode = require('vscode');
exports.activate = async () => {
  const folder = vscode.workspace.workspaceFolders[0].uri;
  await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, '${ACTIVATION_MARKER}'), Buffer.from(vscode.version));
  void vscode.window.showInformationMessage('Smoke extension activated');
};
`;

describe('end-to-end harness', () => {
  let scratch = '';
  let workbench: Workbench;

  before(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'marginalia-smoke-extension-'));
    await writeFile(path.join(scratch, 'package.json'), JSON.stringify(SMOKE_EXTENSION_MANIFEST));
    await writeFile(path.join(scratch, 'extension.js'), SMOKE_EXTENSION_MAIN);
    workbench = await openSeedsWorkbench('harness-smoke', { extensionPaths: [scratch] });
  });

  after(async () => {
    await workbench?.close();
    await rm(scratch, { recursive: true, force: true });
  });

  it('activates the linked extension in the real VS Code', { timeout: 60_000 }, async () => {
    const activatedIn = await waitForFile(path.join(workbench.workspace, ACTIVATION_MARKER), 45_000);
    assert.equal(activatedIn, VSCODE_VERSION);
  });

  it('opens a seed article in the editor', { timeout: 60_000 }, async () => {
    await openFile(workbench.page, `seeds/${ARTICLE}`);
    const firstLine = (await readFile(path.join(workbench.workspace, 'seeds', ARTICLE), 'utf8')).split('\n')[0];
    const shown = await workbench.page.locator('.editor-group-container.active .monaco-editor .view-lines').innerText();
    // The editor renders spaces as no-break spaces.
    assert.ok(shown.replace(/\u00a0/g, ' ').includes(firstLine), `editor shows:\n${shown}`);
    await screenshot(workbench.page, 'harness-smoke-article');
  });
});
