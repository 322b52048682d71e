// `npm start`: opens seeds/ in VS Code with Marginalia — the desktop `code` when installed, else
// code-server (a real VS Code in the browser) at a printed localhost address.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startCodeServer } from '../test/support/codeServer';

const project = path.join(__dirname, '..');
const seeds = path.join(project, 'seeds');

async function main(): Promise<void> {
  if (!existsSync(path.join(project, 'dist', 'extension.js'))) spawnSync('npm', ['run', 'build'], { cwd: project, stdio: 'inherit' });
  if (spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0) {
    console.log('Opening seeds/ in VS Code with Marginalia loaded from this folder…');
    spawn('code', ['--extensionDevelopmentPath', project, seeds], { stdio: 'inherit', detached: true }).unref();
    return;
  }
  const setup = spawnSync('bash', [path.join(project, 'scripts', 'setup-test-deps.sh'), '--code-server-only'], { stdio: 'inherit' });
  if (setup.status !== 0) process.exit(setup.status ?? 1);
  const server = await startCodeServer({ workspace: seeds, extensionPaths: [project], stateDir: path.join(project, '.vscode-test', 'start') });
  console.log(`\nMarginalia is running in VS Code (code-server). Open this address in a browser:\n\n    ${server.url}/?folder=${encodeURIComponent(seeds)}\n\nOpen an article, put the cursor on a highlighted name and press Ctrl+. to tag it. Ctrl+C stops.`);
  const stop = () => void server.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(`npm start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
