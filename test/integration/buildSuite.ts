import path from 'node:path';
import { build } from 'esbuild';

export const SUITE_BUNDLE = path.join(__dirname, '..', '..', 'out', 'integration', 'suite.js');

/** Bundles the integration suite for an extension host: `vscode` and mocha are loaded there. */
export async function buildSuite(): Promise<string> {
  await build({
    entryPoints: [path.join(__dirname, 'suite', 'index.ts')],
    outfile: SUITE_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return SUITE_BUNDLE;
}
