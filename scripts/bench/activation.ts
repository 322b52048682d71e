/**
 * Extension activation in a real VS Code (code-server in chromium, the end-to-end harness), as the
 * extension itself logs it in its output channel. A machine where that VS Code cannot run gets the
 * figure reported as unavailable, with the reason, rather than a failed bench.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../test/support/projectRoot';
import { report, reportUnavailable, type Target } from './figures';
import { median, round } from './statistics';

const NAME = 'extension activation';
const UNIT = 'ms (median)';
const TARGET: Target = { comparison: '<=', limit: 150 };
const ACTIVATION_IN_VS_CODE = path.join(PROJECT_ROOT, 'scripts', 'bench', 'activationInVsCode.ts');

export async function benchActivation(short: boolean): Promise<void> {
  let times: number[];
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', ACTIVATION_IN_VS_CODE, String(short ? 1 : 3)], { cwd: PROJECT_ROOT });
    times = JSON.parse(stdout.trim().split('\n').at(-1)!) as number[];
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    reportUnavailable(NAME, UNIT, TARGET, `the VS Code run failed: ${(stderr?.trim() || message).split('\n')[0]}`);
    return;
  }
  report(NAME, round(median(times)), UNIT, TARGET, { activations: times });
}
