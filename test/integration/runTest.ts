/**
 * The integration suite under @vscode/test-electron, as the lsp-sample runs it. It needs to download
 * VS Code; where that is impossible (offline CI) it says so and leaves the suite to code-server
 * (codeServer.e2e.ts), which runs the very same tests.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { buildSuite } from './buildSuite';

async function main(): Promise<void> {
  let vscodeExecutablePath: string;
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({ version: '1.100.3', timeout: 20_000 });
  } catch (error) {
    console.log(`test-electron: VS Code cannot be downloaded here (${error instanceof Error ? error.message.split('\n')[0] : error}); the same suite runs in code-server (npm run test:e2e).`);
    return;
  }
  const project = path.join(__dirname, '..', '..');
  const workspace = mkdtempSync(path.join(tmpdir(), 'marginalia-electron-'));
  cpSync(path.join(project, 'seeds'), path.join(workspace, 'seeds'), { recursive: true, filter: (source) => !source.endsWith('.annotations.json') });
  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: project,
    extensionTestsPath: await buildSuite(),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
