// Runs the executable "Done when" checks of the issues this project has resolved, from
// ../shared/acceptance (present beside a CI clone). Each is a floor that must keep holding.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const CHECKS = ['seeds-detect', 'lsp-contract'];
const folder = path.resolve('..', 'shared', 'acceptance');

if (!existsSync(folder)) {
  console.log(`acceptance: ${folder} is not here (it sits beside CI's clone); skipped`);
  process.exit(0);
}
let failed = 0;
for (const check of CHECKS) {
  const run = spawnSync(path.join(folder, check), { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 300_000 });
  const lines = `${run.stdout}${run.stderr}`.trim().split('\n');
  const ok = run.status === 0;
  if (!ok) {
    failed++;
    console.log(lines.join('\n'));
  }
  console.log(`acceptance ${check}: ${ok ? 'holds' : `FAILS (exit ${run.status ?? run.signal})`}: ${lines.at(-1)}`);
}
process.exit(failed === 0 ? 0 : 1);
