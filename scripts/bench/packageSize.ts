/**
 * The packaged extension as users download it: minified bundles, packaged by vsce offline with
 * .vscodeignore deciding what goes in. Leaves dist/ minified, so later figures measure what ships.
 */
import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../test/support/projectRoot';
import { report } from './figures';

const VSCE = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'vsce');
const VSIX = path.join('out', 'marginalia.vsix');
const run = promisify(execFile);

export async function benchPackageSize(): Promise<void> {
  const inProject = { cwd: PROJECT_ROOT };
  await run(process.execPath, ['scripts/build.mjs', '--minify'], inProject);
  // The bundles hold every dependency, so vsce need not walk node_modules.
  await run(VSCE, ['package', '--no-dependencies', '--out', VSIX], inProject);
  const { stdout } = await run(VSCE, ['ls', '--no-dependencies'], inProject);
  const bytes = statSync(path.join(PROJECT_ROOT, VSIX)).size;
  report('packaged extension size', bytes, 'bytes', { comparison: '<=', limit: 2_000_000 }, { vsix: VSIX, files: stdout.split('\n').filter(Boolean) });
}
