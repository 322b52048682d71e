// Bundles each shell of the product into one file under dist/: a bundle starts fast (one file to
// load instead of hundreds) and keeps the packaged extension small.
import { build, context } from 'esbuild';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: process.argv.includes('--minify'),
  logLevel: 'warning',
};

const entries = [
  { entryPoints: ['server/src/cli/index.ts'], outfile: 'dist/cli.js' },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' },
  // The extension host provides `vscode`; everything else is bundled in.
  { entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
];

if (watch) {
  for (const entry of entries) await (await context({ ...common, ...entry })).watch();
} else {
  await Promise.all(entries.map((entry) => build({ ...common, ...entry })));
}
